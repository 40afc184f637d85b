package cv

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"golang.org/x/text/unicode/norm"
)

// monthNames maps month names and their usual abbreviations in English,
// Spanish, French, German, Portuguese and Italian (accents dropped) to
// the month's number.
var monthNames = func() map[string]int {
	m := map[string]int{}
	for i, names := range [12][]string{
		{"jan", "january", "enero", "ene", "janvier", "janv", "januar", "jan", "janeiro", "gennaio", "gen"},
		{"feb", "february", "febrero", "fevrier", "fevr", "fev", "februar", "fevereiro", "febbraio"},
		{"mar", "march", "marzo", "mars", "marz", "maerz", "marco"},
		{"apr", "april", "abril", "abr", "avril", "avr", "aprile"},
		{"may", "mayo", "mai", "maio", "maggio", "mag"},
		{"jun", "june", "junio", "juin", "juni", "junho", "giugno", "giu"},
		{"jul", "july", "julio", "juillet", "juil", "juli", "julho", "luglio", "lug"},
		{"aug", "august", "agosto", "ago", "aout"},
		{"sep", "sept", "september", "septiembre", "setiembre", "septembre", "setembro", "set", "settembre"},
		{"oct", "october", "octubre", "octobre", "okt", "oktober", "outubro", "out", "ottobre", "ott"},
		{"nov", "november", "noviembre", "novembre", "novembro"},
		{"dec", "december", "diciembre", "dic", "decembre", "dez", "dezember", "dezembro", "dicembre"},
	} {
		for _, n := range names {
			m[n] = i + 1
		}
	}
	return m
}()

// presentWords say a period goes on ("2019 – present").
var presentWords = []string{"present", "current", "now", "today", "ongoing", "date", "actualidad", "actual", "presente",
	"hoy", "la fecha", "aujourd'hui", "aujourd’hui", "présent", "en cours", "heute", "jetzt", "aktuell", "derzeit",
	"atual", "atualmente", "hoje", "oggi", "in corso", "attuale", "至今", "现在", "今"}

var (
	monthRE = func() string {
		var names []string
		for n := range monthNames {
			names = append(names, n)
		}
		// Longest first, so "september" is not read as "sep" + "tember".
		slices.SortFunc(names, func(a, b string) int { return len(b) - len(a) })
		// Accented spellings ("März", "février", "août") are matched as
		// written; normDate folds them.
		return `(?:` + strings.Join(names, "|") + `|märz|février|févr|août|décembre|março)\.?`
	}()
	year   = `(?:19|20)\d{2}`
	dateRE = `(?:` + monthRE + `(?:\s+de)?\s+` + year + `|\d{1,2}[/.]` + year + `|` + year + `[-/.]\d{1,2}\b|` + year + `\s*年\s*\d{1,2}\s*月|` + year + `)`
	seps   = `(?:-|–|—|‒|~|to|until|till|bis|à|a|al|hasta|até|au|–|至)`
)

// dateRange matches "Jan 2019 – Present", "03/2018 - 2020", "2016–2019",
// "Sep. 2023 – Mar. 2024", "enero de 2019 – actualidad", "2019年3月至今".
var dateRange = regexp.MustCompile(`(?i)(` + dateRE + `)\s*` + seps + `\s*(` + dateRE + `|` + strings.Join(presentWords, "|") + `)`)

// openRange matches a period left open: "2019 –" or "09/2019 -" at the end
// of a line or before a separator.
var openRange = regexp.MustCompile(`(?i)(` + dateRE + `)\s*[-–—]\s*(?:$|[|,·(])`)

// sinceDate matches "since 2020", "desde 2020", "depuis 2020", "seit 2020".
var sinceDate = regexp.MustCompile(`(?i)\b(?:since|desde|depuis|seit|dal|dall'|da)\s+(` + dateRE + `)`)

var yearRE = regexp.MustCompile(`\b(?:19|20)\d{2}\b`)

// anyDate finds dates with a month or a year, for the CV's own date.
var anyDate = regexp.MustCompile(`(?i)\b` + dateRE)

// hasYear reports whether s holds a year 1900–2099 not inside a longer
// number. Every date pattern needs one, and the patterns (a long
// alternation of month names) are slow in Go's regexp, so this byte scan
// runs first.
func hasYear(s string) bool {
	for i := 0; i+4 <= len(s); i++ {
		if (s[i] == '1' && s[i+1] == '9' || s[i] == '2' && s[i+1] == '0') && isDigit(s[i+2]) && isDigit(s[i+3]) &&
			(i == 0 || !isDigit(s[i-1])) && (i+4 == len(s) || !isDigit(s[i+4])) {
			return true
		}
	}
	return false
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// foldAccents lower-cases and drops accents: "Févr." → "fevr.".
func foldAccents(s string) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(strings.ToLower(s)) {
		if r < 0x300 || r > 0x36f {
			b.WriteRune(r)
		}
	}
	return b.String()
}

var letterWords = regexp.MustCompile(`\p{L}+`)
var numericMonth = regexp.MustCompile(`^(\d{1,2})[/.]\d{4}$|^\d{4}[-/.](\d{1,2})$|^\d{4}\s*年\s*(\d{1,2})\s*月$`)

// normDate turns a matched date into "2019-03" or "2019"; "" for "present".
func normDate(s string) string {
	s = foldAccents(strings.TrimSpace(s))
	y := yearRE.FindString(s)
	if y == "" {
		return ""
	}
	for _, w := range letterWords.FindAllString(s, 4) { // "Sep.", "21st January", "enero de"
		if m, ok := monthNames[w]; ok {
			return fmt.Sprintf("%s-%02d", y, m)
		}
	}
	if g := numericMonth.FindStringSubmatch(s); g != nil {
		for _, v := range g[1:] {
			if m, err := strconv.Atoi(v); err == nil && m >= 1 && m <= 12 {
				return fmt.Sprintf("%s-%02d", y, m)
			}
		}
	}
	return y
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

// yearsOf is t as fractional years.
func yearsOf(t time.Time) float64 { return float64(t.Year()) + float64(t.Month()-1)/12 }

// spanOf returns the period of an experience entry; ok false without a
// start. An open period ends at now: the CV's own date (see CVDate), so an
// old CV is not credited with the years since it was written.
func spanOf(e Experience, now time.Time) (span, bool) {
	from, ok := toYears(e.StartDate, false)
	if !ok {
		return span{}, false
	}
	to, ok := toYears(e.EndDate, true)
	if e.Current || !ok {
		to = yearsOf(now)
	}
	if to < from {
		return span{}, false
	}
	return span{from, to}, true
}

// dayDate is a date with its day ("February 10, 2026", "21st January
// 2015"): a dated footer or a "Last updated" line; updatedDate is one after
// "updated", "as of", "Stand", "actualizado" and the like.
var (
	dayDate     = regexp.MustCompile(`(?i)\b(?:` + monthRE + `\s+\d{1,2}(?:st|nd|rd|th)?,?\s+` + year + `|\d{1,2}(?:st|nd|rd|th)?\.?\s+(?:de\s+)?` + monthRE + `(?:\s+de)?\s+` + year + `)`)
	updatedDate = regexp.MustCompile(`(?i)(?:updated|as of|stand|actualizado|mis à jour|aggiornato|atualizado)\D{0,20}(` + dateRE + `)`)
	birthWords  = regexp.MustCompile(`(?i)birth|born|geboren|nacimiento|naissance|nascita|nascimento|出生`)
)

// CVDate is when the CV was written, as far as its text tells, so that
// "present" is not counted to today on an old CV: see CVDateOf.
func CVDate(text string, now time.Time) time.Time { return CVDateOf(text, time.Time{}, now) }

// CVDateOf is when the CV was written:
//   - a dated footer or "Last updated" line (not a date of birth), or else
//   - the file's own date (fileDate, from its metadata; zero if none), or else
//   - the latest date the text mentions, unless that date only starts a
//     period still open ("Jan 2019 – present"): then nothing says when the
//     CV was written after it, and it is dated now.
//
// Never later than now.
//
// A date the text shows later than the chosen one wins (a file re-exported
// long after is not what is corrected here; a wrong date is).
func CVDateOf(text string, fileDate, now time.Time) time.Time {
	explicit := 0.0
	open := map[string]bool{}
	var dates []string
	for l := range strings.SplitSeq(text, "\n") {
		if !hasYear(l) {
			continue
		}
		if !birthWords.MatchString(l) {
			for _, m := range dayDate.FindAllString(l, 5) {
				explicit = max(explicit, endOf(normDate(m)))
			}
			for _, m := range updatedDate.FindAllStringSubmatch(l, 5) {
				explicit = max(explicit, endOf(normDate(m[1])))
			}
		}
		for _, re := range []*regexp.Regexp{dateRange, sinceDate, openRange} {
			for _, m := range re.FindAllStringSubmatch(l, 20) {
				if re != dateRange || normDate(m[2]) == "" {
					open[normDate(m[1])] = true
				}
			}
		}
		for _, m := range anyDate.FindAllString(dayDate.ReplaceAllString(l, " "), 20) {
			dates = append(dates, normDate(m))
		}
	}
	latest, latestClosed := 0.0, 0.0
	for _, d := range dates {
		v := endOf(d)
		latest = max(latest, v)
		if !open[d] {
			latestClosed = max(latestClosed, v)
		}
	}
	var date float64
	switch {
	case explicit > 0:
		date = max(explicit, latestClosed)
	case !fileDate.IsZero():
		date = max(yearsOf(fileDate)+1.0/12, latest) // to the end of the file's month
	case latest > latestClosed: // the latest date starts an open period
		return now
	default:
		date = latest
	}
	if date == 0 || date >= yearsOf(now) {
		return now
	}
	y := int(date)
	mo := int((date-float64(y))*12+0.5) + 1
	return time.Date(y, time.Month(mo), 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, -1)
}

// endOf is the end of the period d names, in fractional years; 0 if none.
func endOf(d string) float64 {
	v, _ := toYears(d, true)
	return v
}

// totalYears is the length of the union of spans (overlaps count once).
func totalYears(spans []span) float64 {
	if len(spans) == 0 {
		return 0
	}
	s := append([]span(nil), spans...)
	slices.SortFunc(s, func(a, b span) int {
		switch {
		case a.from < b.from:
			return -1
		case a.from > b.from:
			return 1
		}
		return 0
	})
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
