package cv

import (
	"regexp"
	"strings"
)

// A period split over lines by a date column ("2015 Some Position",
// "| (remote)", "Some Workplace", "present"): extraction reads the column
// beside each entry line by line.
var (
	leadDate  = regexp.MustCompile(`(?i)^(` + dateRE + `)\s+(\S.*)$`)
	aloneDate = regexp.MustCompile(`(?i)^(` + dateRE + `|` + strings.Join(presentWords, "|") + `)$`)
	connector = regexp.MustCompile(`(?i)^(?:\||to|–|-|—|bis|hasta|à|a|até|al)(?:\s+|$)`)
)

// maxAloneDate bounds a line that is only a date ("September 2019").
const maxAloneDate = 24

// maxPeriodSpan is how many lines below its start a split period may end.
const maxPeriodSpan = 3

// joinSplitPeriods rewrites a period split over lines as one line:
//
//   - "2015 Some Position" / "| (remote)" / "present": the start line gets
//     "Some Position 2015 – present", connectors are dropped from the lines
//     between and the end's line is emptied;
//   - "2015" / "|" / "present" / "Some Position" (the date column read
//     first): the line after the end gets the period.
//
// It only joins when the end stands alone on its line, so a list of dated
// awards ("2021 2nd Place", "2020 Finalist") stays as it is.
func joinSplitPeriods(lines []line) {
	for i := 0; i < len(lines); i++ {
		start, title := "", ""
		if !hasYear(lines[i].text) {
			continue
		}
		if m := leadDate.FindStringSubmatch(lines[i].text); m != nil && !hasPeriod(lines[i].text) {
			start, title = m[1], m[2]
		} else if aloneDate.MatchString(lines[i].text) && normDate(lines[i].text) != "" {
			start = lines[i].text
		} else {
			continue
		}
		for j := i + 1; j < len(lines) && j <= i+maxPeriodSpan; j++ {
			t := lines[j].text
			alone := len(t) <= maxAloneDate && aloneDate.MatchString(t)
			if !alone && hasYear(t) && leadDate.MatchString(t) {
				break // the next dated entry
			}
			if !alone {
				if title == "" && !connector.MatchString(t) {
					break // a lone date column holds only connectors between
				}
				continue
			}
			if end := normDate(t); end != "" && end < normDate(start) {
				break
			}
			period := start + " – " + t
			for k := i + 1; k < j; k++ {
				lines[k].text = strings.TrimSpace(connector.ReplaceAllString(lines[k].text, ""))
			}
			lines[j].text = ""
			if title != "" {
				lines[i].text = title + " " + period
			} else if j+1 < len(lines) && lines[j+1].text != "" && !hasPeriod(lines[j+1].text) {
				lines[i].text = ""
				lines[j+1].text += " " + period
			} else {
				lines[i].text = period
			}
			i = j
			break
		}
	}
}
