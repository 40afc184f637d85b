package extract

import (
	"fmt"
	"regexp"
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
	digits     = regexp.MustCompile(`[0-9]+`)
	pageNumber = regexp.MustCompile(`(?i)^\W*(page|seite|página|pagina|strona|side)?\s*#(\s*(of|/|von|de|di|z|af)\s*#)?\W*$`)
	pageWord   = regexp.MustCompile(`(?i)\b(page|seite|página|pagina|strona|side)\b`)
)

// runningKey identifies a line across pages.
func runningKey(s string) string {
	s = strings.TrimSpace(s)
	if pageWord.MatchString(s) || len(strings.Fields(s)) <= 1 {
		return digits.ReplaceAllString(s, "#")
	}
	return s
}

// dropRunningLines filters per-page lines (in reading order) in place.
func dropRunningLines(pages [][]string) [][]string {
	if len(pages) < 2 {
		return pages
	}
	// count[key]: pages with that line at that place from the top or bottom.
	count := map[string]int{}
	for _, p := range pages {
		for _, k := range edgeKeys(p) {
			count[k]++
		}
	}
	kept := map[string]bool{}
	for n, p := range pages {
		out := p[:0]
		for i, ln := range p {
			if pageNumber.MatchString(digits.ReplaceAllString(strings.TrimSpace(ln), "#")) && isEdge(i, len(p)) {
				continue
			}
			running := false
			for _, k := range placeKeys(i, len(p), ln) {
				if c := count[k]; c >= 2 && 2*c >= len(pages) {
					running = true
				}
			}
			if running {
				k := runningKey(ln)
				if kept[k] {
					continue
				}
				kept[k] = true
			}
			out = append(out, ln)
		}
		pages[n] = out
	}
	return pages
}

func isEdge(i, n int) bool { return i < edgeLines || i >= n-edgeLines }

// placeKeys name line i of n by its place from the top and from the bottom.
func placeKeys(i, n int, ln string) []string {
	var keys []string
	if i < edgeLines {
		keys = append(keys, fmt.Sprintf("t%d:%s", i, runningKey(ln)))
	}
	if j := n - 1 - i; j < edgeLines {
		keys = append(keys, fmt.Sprintf("b%d:%s", j, runningKey(ln)))
	}
	return keys
}

// edgeKeys are the place keys of a page's first and last lines.
func edgeKeys(p []string) []string {
	var keys []string
	for i, ln := range p {
		keys = append(keys, placeKeys(i, len(p), ln)...)
	}
	return keys
}
