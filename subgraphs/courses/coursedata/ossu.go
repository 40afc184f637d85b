package coursedata

import (
	"bufio"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"

	"github.com/careercoach/coach/subgraphs/courses"
)

// OSSU's curriculum stages, in order: the stage a table sits under is the
// level the curriculum teaches it at.
var ossuLevels = map[string]courses.Level{
	"Intro CS":      courses.Beginner,
	"Core CS":       courses.Intermediate,
	"Advanced CS":   courses.Advanced,
	"Final project": courses.Advanced,
}

var (
	weeksRE  = regexp.MustCompile(`^(\d+) (weeks?|months?)$`)
	effortRE = regexp.MustCompile(`^(\d+)(?:-(\d+))? hours?/week$`)
)

// parseOSSU reads the course tables of an OSSU curriculum README:
//
//	## Core CS
//	### Core programming
//	Courses | Duration | Effort | Prerequisites | Discussion
//	:-- | :--: | ...
//	[Title](https://url) | 13 weeks | 8-10 hours/week | none | [chat](...)
//
// Rows whose link is relative (OSSU's own course pages) are skipped: the
// catalogue links the course itself. Hours are weeks × the midpoint of the
// stated weekly effort; a row without both has no hours.
func parseOSSU(r io.Reader) ([]entry, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 4096), maxLine)
	var (
		out      []entry
		h2, h3   string
		cols     []string
		n        int
		inHeader bool
	)
	for sc.Scan() {
		n++
		line := strings.TrimSpace(sc.Text())
		if lvl, text, ok := heading(line); ok {
			switch lvl {
			case 1, 2:
				h2, h3 = text, ""
			case 3:
				h3 = text
			}
			cols = nil
			continue
		}
		if !strings.Contains(line, "|") {
			cols = nil
			continue
		}
		cells := splitRow(line)
		switch {
		case cols == nil && len(cells) > 0 && cells[0] == "Courses":
			cols, inHeader = cells, true
			continue
		case cols == nil:
			continue
		case inHeader: // the alignment row
			inHeader = false
			continue
		}
		level, ok := ossuLevels[h2]
		if !ok {
			continue // not a curriculum stage (e.g. the summary)
		}
		title, link, _, ok := mdLink(cell(cols, cells, "Courses"))
		if !ok || !strings.HasPrefix(link, "https://") {
			continue
		}
		e := entry{Title: title, URL: link, Level: string(level), Line: n}
		for _, s := range []string{h2, h3} {
			if s != "" {
				e.Sections = append(e.Sections, s)
			}
		}
		dur, effort, pre := cell(cols, cells, "Duration"), cell(cols, cells, "Effort"), cell(cols, cells, "Prerequisites")
		e.Hours = ossuHours(dur, effort)
		var note []string
		if dur != "" {
			note = append(note, dur)
		}
		if effort != "" {
			note = append(note, "at "+effort)
		}
		if pre != "" {
			note = append(note, "prerequisites: "+plain(pre))
		}
		e.Note = strings.Join(note, ", ")
		out = append(out, e)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("line %d: %w", n+1, err)
	}
	return out, nil
}

func splitRow(line string) []string {
	parts := strings.Split(strings.Trim(line, "|"), "|")
	for i := range parts {
		parts[i] = strings.TrimSpace(parts[i])
	}
	return parts
}

func cell(cols, cells []string, name string) string {
	for i, c := range cols {
		if c == name && i < len(cells) {
			return cells[i]
		}
	}
	return ""
}

// plain drops markdown links, keeping their text.
func plain(s string) string {
	var b strings.Builder
	for s != "" {
		i := strings.IndexByte(s, '[')
		if i < 0 {
			b.WriteString(s)
			break
		}
		b.WriteString(s[:i])
		text, _, rest, ok := mdLink(s[i:])
		if !ok {
			b.WriteString(s[i : i+1])
			s = s[i+1:]
			continue
		}
		b.WriteString(text)
		s = rest
	}
	return strings.TrimSpace(b.String())
}

func ossuHours(duration, effort string) float64 {
	d, e := weeksRE.FindStringSubmatch(duration), effortRE.FindStringSubmatch(effort)
	if d == nil || e == nil {
		return 0
	}
	weeks, _ := strconv.ParseFloat(d[1], 64)
	if strings.HasPrefix(d[2], "month") {
		weeks *= 52.0 / 12
	}
	lo, _ := strconv.ParseFloat(e[1], 64)
	hi := lo
	if e[2] != "" {
		hi, _ = strconv.ParseFloat(e[2], 64)
	}
	return float64(int(weeks*(lo+hi)/2 + 0.5))
}
