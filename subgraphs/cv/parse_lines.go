package cv

import (
	"regexp"
	"strings"
	"unicode"
)

// line is one line of CV text with its byte offset.
type line struct {
	text  string // trimmed
	start int    // offset of the untrimmed line in the text
	end   int
}

func splitLines(text string) []line {
	var out []line
	off := 0
	for raw := range strings.SplitSeq(text, "\n") {
		t := strings.TrimSpace(raw)
		out = append(out, line{text: t, start: off, end: off + len(raw)})
		off += len(raw) + 1
	}
	return out
}

// sectionLines groups the lines under their headings; lines before the
// first heading are the header.
func sectionLines(lines []line) map[string][]line {
	out := map[string][]line{}
	cur := secHeader
	for _, l := range lines {
		if sec := headingOf(l.text); sec != "" {
			cur = sec
			continue
		}
		if l.text == "" {
			continue
		}
		out[cur] = append(out[cur], l)
	}
	return out
}

var bulletPrefix = regexp.MustCompile(`^(?:[•●▪◦‣∙·■□➢➤►▸\-–—*]|\d{1,2}[.)])\s*`)

// isBullet reports whether s starts with a bullet mark; stripBullet removes it.
func isBullet(s string) bool {
	if strings.HasPrefix(s, "-") && len(s) > 1 && unicode.IsDigit(rune(s[1])) {
		return false // a negative number, not a bullet
	}
	return bulletPrefix.MatchString(s) && !hasPeriod(s[:min(len(s), 12)])
}

func stripBullet(s string) string { return strings.TrimSpace(bulletPrefix.ReplaceAllString(s, "")) }

// splitItems splits a list line ("Go, Python; SQL | Docker") into items.
var itemSep = regexp.MustCompile(`\s*(?:[,;|•●▪·/]|\s{2,}|\t)\s*`)

func splitItems(s string) []string {
	var out []string
	for _, it := range itemSep.Split(s, -1) {
		it = strings.Trim(stripBullet(it), " .")
		if it != "" && len(it) <= 60 {
			out = append(out, it)
		}
	}
	return out
}
