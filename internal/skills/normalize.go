package skills

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// token is one word of a text: a run of letters and digits, plus the
// punctuation that belongs to skill names: a leading "." (".NET") and a
// trailing run of "#"/"+" ("C#", "C++") that is not followed by a letter.
type token struct {
	start, end int  // byte offsets of the token in the text
	hardBefore bool // the gap before it stops n-grams (see softGap)
}

// tokenize splits s into tokens. It is the one tokenizer for dataset forms,
// Lookup input and Find text, so all three normalise identically.
func tokenize(s string, toks []token) []token {
	prevEnd := 0
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		start := -1
		switch {
		case isWord(r):
			start = i
		case r == '.' && i+1 < len(s) && wordAt(s, i+1) && (i == 0 || !wordBefore(s, i)):
			start = i
		}
		if start < 0 {
			i += size
			continue
		}
		j := start
		if s[j] == '.' {
			j++
		}
		for j < len(s) {
			r, size := utf8.DecodeRuneInString(s[j:])
			if !isWord(r) {
				break
			}
			j += size
		}
		k := j
		for k < len(s) && (s[k] == '#' || s[k] == '+') {
			k++
		}
		if k > j && !letterAt(s, k) {
			j = k
		}
		toks = append(toks, token{start: start, end: j, hardBefore: len(toks) == 0 || !softGap(s[prevEnd:start])})
		prevEnd = j
		i = j
	}
	return toks
}

// softGap reports whether the characters between two words may sit inside
// one skill name: spaces and the joiners of "CI/CD", "scikit-learn", "P&L",
// and a bare "." ("Node.js"). Anything else (line breaks, commas, ". ",
// brackets, colons) separates list items or sentences.
func softGap(gap string) bool {
	if gap == "." {
		return true
	}
	for _, r := range gap {
		switch r {
		case ' ', '\t', '\u00a0', '-', '/', '&', '\'', '\u2019', '_':
		default:
			return false
		}
	}
	return true
}

func isWord(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

func wordAt(s string, i int) bool {
	r, _ := utf8.DecodeRuneInString(s[i:])
	return isWord(r)
}

func letterAt(s string, i int) bool {
	if i >= len(s) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return unicode.IsLetter(r)
}

func wordBefore(s string, i int) bool {
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	return isWord(r)
}

// appendLower appends the case-folded token to key.
func appendLower(key []byte, tok string) []byte {
	for i := 0; i < len(tok); i++ {
		if tok[i] >= utf8.RuneSelf {
			return append(key, strings.ToLower(tok)...)
		}
	}
	for i := 0; i < len(tok); i++ {
		c := tok[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		key = append(key, c)
	}
	return key
}

// normalize returns the lookup key of a name (its tokens, case-folded and
// concatenated) and how many tokens it has.
func normalize(name string) (key string, tokens int) {
	var buf [16]token
	toks := tokenize(name, buf[:0])
	b := make([]byte, 0, len(name))
	for _, t := range toks {
		b = appendLower(b, name[t.start:t.end])
	}
	return string(b), len(toks)
}

// exactKey is normalize without case folding, for case-sensitive forms.
func exactKey(name string) string {
	var buf [16]token
	toks := tokenize(name, buf[:0])
	b := make([]byte, 0, len(name))
	for _, t := range toks {
		b = append(b, name[t.start:t.end]...)
	}
	return string(b)
}
