package extract

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
)

// Running headers and footers: a multi-page CV repeats the name and contact
// line at the top of every page and "Page 2 of 3" at the bottom. Repeats in
// the middle of the text confuse section parsing, so a line that recurs
// at the same place among the first (or the last) edgeLines lines of at
// least half the pages is kept once, where it first appears, and page numbers go. Digits are
// ignored only in lines that name a page, so that "Project 3: …" and
// "Project 11: …" stay two lines.
const edgeLines = 2

var (
	digits = regexp.MustCompile(`[0-9]+`)
	// The punctuation around a page number is any non-word character but
	// "#" (digits are "#" here): with "\W" a phone number such as
	// "+1 (234) 567 890" matched and a contact line was dropped.
	pageNumber = regexp.MustCompile(`(?i)^[^\w#]*(page|seite|página|pagina|strona|side)?\s*#(\s*(of|/|von|de|di|z|af)\s*#)?[^\w#]*$`)
	pageWord   = regexp.MustCompile(`(?i)\b(page|seite|página|pagina|strona|side)\b`)
)

// trailingNumber is a footer's page number at the end of the line:
// "… · Résumé 2", "… informacion adicional 2/2".
var trailingNumber = regexp.MustCompile(`\s([0-9]{1,3})(\s*/\s*[0-9]{1,3})?$`)

// runningKey identifies a line across pages; page is the line's page,
// from 0. A trailing number equal to the page's own number is a page
// number ("Byungjin Park · Résumé 2" on page 2), any other stays.
func runningKey(s string, page int) string {
	s = strings.TrimSpace(s)
	if pageWord.MatchString(s) || len(strings.Fields(s)) <= 1 {
		return digits.ReplaceAllString(s, "#")
	}
	if rest, ok := withoutPageNumber(s, page); ok {
		return rest + " #"
	}
	return s
}

// withoutPageNumber cuts a trailing page number (the page's own, from 0)
// off a running line.
func withoutPageNumber(s string, page int) (string, bool) {
	m := trailingNumber.FindStringSubmatchIndex(s)
	if m == nil || s[m[2]:m[3]] != strconv.Itoa(page+1) {
		return s, false
	}
	return s[:m[0]], true
}

// dropRunningLines filters per-page lines (in reading order) in place;
// running footers, kept once, come back as a last page of their own.
func dropRunningLines(pages [][]string) [][]string {
	if len(pages) < 2 {
		return pages
	}
	// count[key]: pages with that line at that place from the top or bottom.
	count := map[string]int{}
	for n, p := range pages {
		for _, k := range edgeKeys(p, n) {
			count[k]++
		}
	}
	kept := map[string]bool{}
	var footers []string
	for n, p := range pages {
		out := p[:0]
		for i, ln := range p {
			if pageNumber.MatchString(digits.ReplaceAllString(strings.TrimSpace(ln), "#")) && isEdge(i, len(p)) {
				continue
			}
			header, footer := false, false
			for _, k := range placeKeys(i, len(p), ln, n) {
				if c := count[k]; c >= 2 && 2*c >= len(pages) {
					header, footer = header || k[0] == 't', footer || k[0] == 'b'
				}
			}
			if header || footer {
				k := runningKey(ln, n)
				if kept[k] {
					continue
				}
				kept[k] = true
				ln, _ = withoutPageNumber(strings.TrimSpace(ln), n)
				if !header {
					// A footer goes after the last page: where it first
					// appears it would split page 1's last entry from
					// page 2's continuation.
					footers = append(footers, ln)
					continue
				}
			}
			out = append(out, ln)
		}
		pages[n] = out
	}
	if len(footers) > 0 {
		pages = append(pages, footers)
	}
	return pages
}

func isEdge(i, n int) bool { return i < edgeLines || i >= n-edgeLines }

// placeKeys name line i of n on page pg by its place from the top and
// from the bottom.
func placeKeys(i, n int, ln string, pg int) []string {
	var keys []string
	if i < edgeLines {
		keys = append(keys, fmt.Sprintf("t%d:%s", i, runningKey(ln, pg)))
	}
	if j := n - 1 - i; j < edgeLines {
		keys = append(keys, fmt.Sprintf("b%d:%s", j, runningKey(ln, pg)))
	}
	return keys
}

// edgeKeys are the place keys of page pg's first and last lines.
func edgeKeys(p []string, pg int) []string {
	var keys []string
	for i, ln := range p {
		keys = append(keys, placeKeys(i, len(p), ln, pg)...)
	}
	return keys
}
