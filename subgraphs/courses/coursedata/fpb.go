package coursedata

import (
	"bufio"
	"fmt"
	"io"
	"strings"
)

// entry is one course as a source lists it, before skills and ids.
type entry struct {
	Title    string
	URL      string
	Author   string   // who made it, as the list names them ("" if not)
	Sections []string // the headings it is listed under, outermost first
	Level    string   // courses.Level or "" when the source does not say
	Hours    float64  // 0 when the source does not say
	Note     string   // what else the source says (duration, prerequisites)
	Line     int
}

// maxLine bounds one line of a source file.
const maxLine = 64 << 10

// parseFPB reads a free-programming-books course list: "### Section" and
// "#### Subsection" headings, and list items
//
//   - [Title](https://url) - Author (Platform)
//
// Links to anchors (the index) are skipped.
func parseFPB(r io.Reader) ([]entry, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 4096), maxLine)
	var (
		out      []entry
		headings [6]string // by level: [0] is "#", [1] "##", ...
		n        int
	)
	for sc.Scan() {
		n++
		line := strings.TrimSpace(sc.Text())
		if lvl, text, ok := heading(line); ok {
			headings[lvl-1] = text
			clear(headings[lvl:])
			continue
		}
		if !strings.HasPrefix(line, "* ") && !strings.HasPrefix(line, "- ") {
			continue
		}
		title, link, rest, ok := mdLink(strings.TrimSpace(line[2:]))
		if !ok || strings.HasPrefix(link, "#") {
			continue
		}
		e := entry{Title: title, URL: link, Line: n}
		if a, ok := strings.CutPrefix(strings.TrimSpace(rest), "-"); ok {
			e.Author = strings.TrimSpace(a)
		} else if a, ok := strings.CutPrefix(strings.TrimSpace(rest), "–"); ok {
			e.Author = strings.TrimSpace(a)
		}
		for _, h := range headings[1:] { // "#" is the file's title
			if h != "" && !strings.EqualFold(h, "Index") {
				e.Sections = append(e.Sections, h)
			}
		}
		out = append(out, e)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("line %d: %w", n+1, err)
	}
	return out, nil
}

// heading reports a markdown ATX heading's level and text.
func heading(line string) (int, string, bool) {
	lvl := 0
	for lvl < len(line) && line[lvl] == '#' {
		lvl++
	}
	if lvl == 0 || lvl > 6 || lvl >= len(line) || line[lvl] != ' ' {
		return 0, "", false
	}
	return lvl, strings.TrimSpace(strings.Trim(strings.TrimSpace(line[lvl:]), "#")), true
}

// mdLink parses "[text](url) rest" at the start of s. Brackets in the text
// and parentheses in the URL nest; "\]" and "\|" are escapes.
func mdLink(s string) (text, link, rest string, ok bool) {
	if !strings.HasPrefix(s, "[") {
		return "", "", "", false
	}
	depth, i := 0, 0
	for ; i < len(s); i++ {
		switch s[i] {
		case '\\':
			i++
		case '[':
			depth++
		case ']':
			depth--
		}
		if depth == 0 {
			break
		}
	}
	if i+1 >= len(s) || s[i+1] != '(' {
		return "", "", "", false
	}
	text = unescape(s[1:i])
	j, depth := i+2, 1
	for ; j < len(s) && depth > 0; j++ {
		switch s[j] {
		case '(':
			depth++
		case ')':
			depth--
		}
	}
	if depth != 0 {
		return "", "", "", false
	}
	link = strings.TrimSpace(s[i+2 : j-1])
	if text = strings.TrimSpace(text); text == "" || link == "" {
		return "", "", "", false
	}
	return text, link, s[j:], true
}

func unescape(s string) string {
	return strings.NewReplacer(`\|`, "|", `\[`, "[", `\]`, "]", `\_`, "_", `\*`, "*", `\#`, "#").Replace(s)
}
