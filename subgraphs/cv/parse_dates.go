package cv

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
)

const monthRE = `(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?`
const dateRE = `(?:` + monthRE + `\s+\d{4}|\d{1,2}[/.]\d{4}|\d{4}-\d{2}|(?:19|20)\d{2})`

// dateRange matches "Jan 2019 – Present", "03/2018 - 2020", "2016–2019".
var dateRange = regexp.MustCompile(`(?i)(` + dateRE + `)\s*(?:-|–|—|to|until|till)\s*(` + dateRE + `|present|current|now|today|ongoing|date)`)

// sinceDate matches "since 2020".
var sinceDate = regexp.MustCompile(`(?i)\bsince\s+(` + dateRE + `)`)

var yearRE = regexp.MustCompile(`\b(?:19|20)\d{2}\b`)

var months = map[string]int{"jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12}

// normDate turns a matched date into "2019-03" or "2019"; "" for "present".
func normDate(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	if y := yearRE.FindString(s); y != "" {
		if m, ok := months[s[:min(3, len(s))]]; ok {
			return fmt.Sprintf("%s-%02d", y, m)
		}
		if i := strings.IndexAny(s, "/."); i > 0 {
			if m, err := strconv.Atoi(s[:i]); err == nil && m >= 1 && m <= 12 {
				return fmt.Sprintf("%s-%02d", y, m)
			}
		}
		if len(s) == 7 && s[4] == '-' {
			return s
		}
		return y
	}
	return ""
}

// span is a period in fractional years.
type span struct{ from, to float64 }

// toYears turns "2019-03" into 2019.17; ok false when empty.
func toYears(d string, endOfPeriod bool) (float64, bool) {
	if len(d) < 4 {
		return 0, false
	}
	y, err := strconv.Atoi(d[:4])
	if err != nil {
		return 0, false
	}
	m := 1
	if endOfPeriod {
		m = 12
	}
	if len(d) == 7 {
		if mm, err := strconv.Atoi(d[5:]); err == nil {
			m = mm
		}
		if endOfPeriod {
			m++ // to the end of that month
		}
	} else if endOfPeriod {
		m = 13
	}
	return float64(y) + float64(m-1)/12, true
}

// spanOf returns the period of an experience entry; ok false without a start.
func spanOf(e Experience, now time.Time) (span, bool) {
	from, ok := toYears(e.StartDate, false)
	if !ok {
		return span{}, false
	}
	to, ok := toYears(e.EndDate, true)
	if e.Current || !ok {
		to = float64(now.Year()) + float64(now.Month()-1)/12
	}
	if to < from {
		return span{}, false
	}
	return span{from, to}, true
}

// totalYears is the length of the union of spans (overlaps count once).
func totalYears(spans []span) float64 {
	if len(spans) == 0 {
		return 0
	}
	s := append([]span(nil), spans...)
	for i := 1; i < len(s); i++ { // insertion sort: a CV has few entries
		for j := i; j > 0 && s[j].from < s[j-1].from; j-- {
			s[j], s[j-1] = s[j-1], s[j]
		}
	}
	total, cur := 0.0, s[0]
	for _, x := range s[1:] {
		if x.from <= cur.to {
			cur.to = max(cur.to, x.to)
			continue
		}
		total += cur.to - cur.from
		cur = x
	}
	return total + cur.to - cur.from
}
