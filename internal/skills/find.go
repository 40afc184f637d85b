package skills

import (
	"strings"
	"unicode/utf8"
)

// Find returns the skills mentioned in text, in order of appearance, with
// the byte offsets of each mention. At each word it tries every n-gram up to
// the longest form and keeps the longest that matches (see the package doc
// for the rules); the scan is one pass of map lookups, linear in the text.
// A skill mentioned twice is returned twice.
func (t *Taxonomy) Find(text string) []Match {
	toks := tokenize(text, make([]token, 0, len(text)/6+1))
	var out []Match
	key := make([]byte, 0, t.maxKey+16)
	for i := 0; i < len(toks); {
		best, bestForm := 0, form{}
		key = key[:0]
		for n := 1; n <= t.maxTokens && i+n <= len(toks); n++ {
			tk := toks[i+n-1]
			if n > 1 && tk.hardBefore {
				break
			}
			key = appendLower(key, text[tk.start:tk.end])
			if len(key) > t.maxKey {
				break
			}
			if f, ok := t.byKey[string(key)]; ok && t.accepts(f, text, toks, i, i+n) {
				best, bestForm = n, f
			}
			if !t.prefixes[string(key)] {
				break // no longer form starts with these words
			}
		}
		if best > 0 && orgFollows(text, toks, i+best) {
			best = 0 // "The Linux Foundation", "Docker Inc.": an organisation, not a skill
		}
		if best == 0 {
			i++
			continue
		}
		out = append(out, Match{Skill: t.skills[bestForm.skill], Start: toks[i].start, End: toks[i+best-1].end})
		i += best
	}
	return out
}

// accepts applies a form's case and context rules to the tokens [i, j).
func (t *Taxonomy) accepts(f form, text string, toks []token, i, j int) bool {
	if f.exact == "" {
		return true
	}
	var b strings.Builder
	for _, tk := range toks[i:j] {
		b.WriteString(text[tk.start:tk.end])
	}
	if got := b.String(); got != f.exact {
		// A strict form may also be shouted in an all-caps list ("GO, RUST"):
		// the context rule below still has to hold.
		if !f.strict || got != strings.ToUpper(f.exact) {
			return false
		}
	}
	if !f.strict {
		return true
	}
	left := t.leftContext(text, toks, i)
	right := t.rightContext(text, toks, j)
	switch {
	case right == ctxKeyword || left == ctxSlash || right == ctxSlash:
		return true
	case left == ctxLine || left == ctxPunct:
		return right == ctxLine || right == ctxPunct || (left == ctxPunct && right == ctxConj)
	case left == ctxConj || left == ctxPrep:
		return right == ctxLine || right == ctxPunct
	}
	return false
}

// knownWord reports whether a single token is itself a skill form, so that
// "C/C++" or "R/Python" count as a list while "A/C" does not.
func (t *Taxonomy) knownWord(w string) bool {
	var buf [32]byte
	_, ok := t.byKey[string(appendLower(buf[:0], w))]
	return ok
}

// context classifies what surrounds a strict form.
type context int

const (
	ctxOther   context = iota
	ctxLine            // start or end of the text or of a line
	ctxPunct           // a list delimiter
	ctxConj            // the word "and" or "or"
	ctxPrep            // "in", "with", "using", ... ("written in Go.")
	ctxSlash           // "/" glued to another skill: "C/C++"
	ctxKeyword         // a word saying the previous one is a technology
)

// leftContext looks left of token i, across spaces.
func (t *Taxonomy) leftContext(text string, toks []token, i int) context {
	p := toks[i].start
	spaced := false
	for p > 0 {
		r, size := utf8.DecodeLastRuneInString(text[:p])
		switch r {
		case ' ', '\t', '\u00a0':
			p -= size
			spaced = true
			continue
		case '\n', '\r':
			return ctxLine
		case '/':
			if !spaced && i > 0 && toks[i-1].end == p-size {
				// Glued on both sides: a list only if the other side is a skill.
				if t.knownWord(text[toks[i-1].start:toks[i-1].end]) {
					return ctxSlash
				}
				return ctxOther
			}
			return ctxPunct
		case ',', ';', '|', '(', '[', ':', '•', '·', '▪', '●', '◦', '*':
			return ctxPunct
		case '-', '–', '—':
			if spaced { // a bullet "- Go" or "Python – Go", not "Vitamin-C"
				return ctxPunct
			}
			return ctxOther
		}
		if i > 0 && toks[i-1].end == p && spaced {
			w := text[toks[i-1].start:toks[i-1].end]
			switch {
			case isConj(w):
				return ctxConj
			case isPrep(w):
				return ctxPrep
			}
		}
		return ctxOther
	}
	return ctxLine
}

// rightContext looks right of the token before j, across spaces.
func (t *Taxonomy) rightContext(text string, toks []token, j int) context {
	p := toks[j-1].end
	spaced := false
	for p < len(text) {
		r, size := utf8.DecodeRuneInString(text[p:])
		switch r {
		case ' ', '\t', '\u00a0':
			p += size
			spaced = true
			continue
		case '\n', '\r':
			return ctxLine
		case '/':
			if !spaced && j < len(toks) && toks[j].start == p+size {
				if t.knownWord(text[toks[j].start:toks[j].end]) {
					return ctxSlash
				}
				return ctxOther
			}
			return ctxPunct
		case ',', ';', '|', ')', ']', ':', '•', '·':
			return ctxPunct
		case '.':
			if p+1 == len(text) || strings.ContainsRune(" \t\r\n", rune(text[p+1])) {
				return ctxPunct // a full stop ending the list, not "Go.Net"
			}
			return ctxOther
		case '-', '–', '—':
			if spaced {
				return ctxPunct
			}
			return ctxOther
		}
		if j < len(toks) && toks[j].start == p && spaced {
			w := text[toks[j].start:toks[j].end]
			switch {
			case isConj(w):
				return ctxConj
			case isTechWord(w):
				return ctxKeyword
			}
		}
		return ctxOther
	}
	return ctxLine
}

// orgFollows reports whether token j, right after a match and in the same
// phrase, is a word that makes the match part of an organisation's name.
func orgFollows(text string, toks []token, j int) bool {
	if j >= len(toks) || toks[j].hardBefore {
		return false
	}
	switch strings.ToLower(text[toks[j].start:toks[j].end]) {
	case "foundation", "inc", "corp", "corporation", "ltd", "llc", "gmbh", "plc", "institute", "association",
		"society", "consortium", "university", "academy":
		return true
	}
	return false
}

func isConj(w string) bool { return strings.EqualFold(w, "and") || strings.EqualFold(w, "or") }

func isPrep(w string) bool {
	switch strings.ToLower(w) {
	case "in", "with", "using", "via", "including":
		return true
	}
	return false
}

func isTechWord(w string) bool {
	switch strings.ToLower(w) {
	case "programming", "language", "developer", "developers", "engineer", "engineers",
		"programmer", "programmers", "development":
		return true
	}
	return false
}
