package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// joinBrokenWords mends words that a PDF producer broke across lines:
// "experi-" + "ence" (TeX hyphenation: the hyphen goes) and "2019–" +
// "2021" (a browser wrapping after a dash: the dash stays). A trailing
// hyphen before a capital or a digit is kept as written ("Open-" "Source"
// becomes "Open-Source"). Before a lower-case letter the page's own words
// decide: the joined form written elsewhere ("feature") joins, the
// hyphenated form written elsewhere ("well-known") or a prefix that makes
// compounds ("self-", "well-") keeps the hyphen; with no evidence the
// hyphen goes, as TeX's hyphenation is the common case. Lines are in
// reading order, so the next line is the continuation.
func joinBrokenWords(lines []string) []string {
	words := pageWords(lines)
	out := make([]string, 0, len(lines))
	var buf []byte
	for i := 0; i < len(lines); i++ {
		buf = append(buf[:0], lines[i]...)
		for i+1 < len(lines) {
			// Only the line's tail decides (its last word), so that a
			// long chain of broken lines is joined in linear time.
			cut, ok := joinPair(tail(buf), lines[i+1], words)
			if !ok {
				break
			}
			buf = append(buf[:len(buf)-cut], lines[i+1]...)
			i++
		}
		out = append(out, string(buf))
	}
	return out
}

// maxWordTail bounds the end of a line that joinPair reads: a longer
// "word" is no word of a language.
const maxWordTail = 64

// tail is the last maxWordTail bytes of b, starting at a rune.
func tail(b []byte) string {
	i := max(0, len(b)-maxWordTail)
	for i > 0 && i < len(b) && !utf8.RuneStart(b[i]) {
		i++
	}
	return string(b[i:])
}

// joinPair reports whether ln ends in a word broken before next, and how
// many bytes of ln's end (its hyphen) go when the two are joined.
func joinPair(ln, next string, words map[string]bool) (cut int, ok bool) {
	last, size := utf8.DecodeLastRuneInString(ln)
	if size == 0 || len(ln) < size+2 || next == "" {
		return 0, false
	}
	before, _ := utf8.DecodeLastRuneInString(ln[:len(ln)-size])
	first, _ := utf8.DecodeRuneInString(next)
	if !unicode.IsLetter(before) && !unicode.IsDigit(before) {
		return 0, false
	}
	switch {
	case last == '-' && unicode.IsLower(first) && unicode.IsLetter(before):
		if keepHyphen(ln[:len(ln)-size], next, words) {
			return 0, true
		}
		return size, true
	case (last == '-' || last == '–' || last == '—') && (unicode.IsLetter(first) || unicode.IsDigit(first)):
		return 0, true
	}
	return 0, false
}

// keepHyphen decides a line-end hyphen before a lower-case letter from the
// evidence: left is the line without its hyphen, next the next line. With
// no word of the page to go on, only "well-" and "self-" keep it (English
// writes "well-known", "self-taught"); other prefixes such as "ex-",
// "high-", "non-" are where TeX breaks single words too ("ex-perience",
// "high-light"), and so are suffixes after these two ("well-ness").
func keepHyphen(left, next string, words map[string]bool) bool {
	l := strings.ToLower(lastWord(left))
	r := strings.ToLower(firstWord(next))
	switch {
	case l == "" || r == "":
		return false
	case words[l+r]:
		return false
	case words[l+"-"+r]:
		return true
	}
	switch r {
	case "ness", "ish", "less", "lessly":
		return false
	}
	return l == "well" || l == "self"
}

// pageWords is the set of the words written on the page, in lower case;
// a hyphenated word counts whole ("well-known"), never as its join.
// One pass over the text.
func pageWords(lines []string) map[string]bool {
	words := map[string]bool{}
	for _, ln := range lines {
		for _, w := range strings.FieldsFunc(ln, func(r rune) bool { return !unicode.IsLetter(r) && r != '-' }) {
			w = strings.Trim(w, "-")
			if w != "" {
				words[strings.ToLower(w)] = true
			}
		}
	}
	return words
}

// lastWord is the run of letters ending s.
func lastWord(s string) string {
	i := strings.LastIndexFunc(s, func(r rune) bool { return !unicode.IsLetter(r) })
	return s[i+1:]
}

// firstWord is the run of letters starting s.
func firstWord(s string) string {
	if i := strings.IndexFunc(s, func(r rune) bool { return !unicode.IsLetter(r) }); i >= 0 {
		return s[:i]
	}
	return s
}
