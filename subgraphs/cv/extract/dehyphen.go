package extract

import (
	"unicode"
	"unicode/utf8"
)

// joinBrokenWords mends words that a PDF producer broke across lines:
// "experi-" + "ence" (TeX hyphenation: the hyphen goes) and "2019–" +
// "2021" (a browser wrapping after a dash: the dash stays). A trailing
// hyphen before a capital or a digit is kept as written ("Open-" "Source"
// becomes "Open-Source"). Lines are in reading order, so the next line is
// the continuation.
func joinBrokenWords(lines []string) []string {
	out := make([]string, 0, len(lines))
	for i := 0; i < len(lines); i++ {
		ln := lines[i]
		for i+1 < len(lines) {
			next := lines[i+1]
			joined, ok := joinPair(ln, next)
			if !ok {
				break
			}
			ln = joined
			i++
		}
		out = append(out, ln)
	}
	return out
}

// joinPair joins ln with the first word of next when ln ends in a broken
// word, and returns the rest of next as part of the same line.
func joinPair(ln, next string) (string, bool) {
	last, size := utf8.DecodeLastRuneInString(ln)
	if size == 0 || len(ln) < size+2 || next == "" {
		return "", false
	}
	before, _ := utf8.DecodeLastRuneInString(ln[:len(ln)-size])
	first, _ := utf8.DecodeRuneInString(next)
	if !unicode.IsLetter(before) && !unicode.IsDigit(before) {
		return "", false
	}
	switch {
	case last == '-' && unicode.IsLower(first) && unicode.IsLetter(before):
		return ln[:len(ln)-size] + next, true
	case (last == '-' || last == '–' || last == '—') && (unicode.IsLetter(first) || unicode.IsDigit(first)):
		return ln + next, true
	}
	return "", false
}
