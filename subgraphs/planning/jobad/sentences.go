package jobad

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"unicode"
)

// mode is what the section a sentence stands in says about it.
type mode int

const (
	modeRequired  mode = iota // requirements, responsibilities, the intro
	modePreferred             // "Nice to have", "Preferred qualifications"
	modeIgnore                // "About us", "Benefits": no requirements
)

// sentence is one sentence or list item of an ad.
type sentence struct {
	text  string
	lower string // strings.ToLower(text): same byte offsets for the ASCII markers
	mode  mode
	// clauses split the sentence where a marker may change ("Python
	// required, Go a plus"); pref is each clause's verdict.
	clauses []clause
}

type clause struct {
	end       int // byte offset in text where the clause ends
	preferred bool
}

// requiredAt reports whether what stands at byte offset at is required.
func (s sentence) requiredAt(at int) bool {
	i := sort.Search(len(s.clauses), func(i int) bool { return at < s.clauses[i].end })
	if i < len(s.clauses) {
		return !s.clauses[i].preferred
	}
	return s.mode != modePreferred
}

// Headings by what they say about their section. Ignore is tried first,
// then preferred ("Preferred qualifications" is not "Qualifications").
var (
	ignoreHeads = []string{"we offer", "about us", "about the company", "about the team", "who we are", "benefits", "what we offer",
		"perks", "compensation", "salary", "pay", "equal opportunity", "how to apply", "our offer", "why join",
		"why you'll love", "wir bieten", "über uns", "ofrecemos", "sobre nosotros", "nous offrons", "qui sommes-nous",
		"à propos", "beneficios", "vorteile", "location", "schedule"}
	preferredHeads = []string{"nice to have", "nice-to-have", "preferred", "bonus", "desirable", "desired", "a plus",
		"would be great", "ideally", "wünschenswert", "von vorteil", "deseable", "se valorará", "un plus", "atouts",
		"pluspunkte"}
)

// sentences splits text into sentences with their section's mode, and
// returns the first non-empty line (the title, when none is given).
func sentences(ctx context.Context, text string) ([]sentence, string, error) {
	var out []sentence
	first := ""
	m := modeRequired
	for n, line := range strings.Split(text, "\n") {
		if n%256 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, "", fmt.Errorf("reading the job ad: %w", err)
			}
		}
		line = strings.TrimSpace(strings.TrimRight(line, "\r"))
		bulleted := isBullet(line)
		body := strings.TrimSpace(strings.Trim(strings.TrimLeft(line, "-–—•·*▪●◦> \t"), "#*_ \t"))
		if body == "" {
			continue
		}
		if first == "" {
			first = body
			if len(out) == 0 && !strings.HasSuffix(body, ".") && len(strings.Fields(body)) <= 12 {
				continue // the title line asks for nothing itself
			}
		}
		if hm, rest, ok := heading(body, bulleted); ok {
			m = hm
			if rest == "" {
				continue
			}
			body = rest // "Requirements: 5 years of Go" keeps its content
		}
		for _, s := range splitSentences(body) {
			out = append(out, newSentence(s, m))
		}
	}
	return out, first, nil
}

// heading recognises a section heading: a line that is not a list item,
// of at most seven words, either ending with a colon or naming a section
// ("Requirements", "Nice to have", "About us"). rest is what follows a
// "Requirements: 5 years of Go" colon.
func heading(line string, bulleted bool) (mode, string, bool) {
	if bulleted {
		return 0, "", false // "- Nice to have: Go" marks its own clause
	}
	head, rest := line, ""
	colon := false
	if i := strings.IndexByte(line, ':'); i > 0 && i < 60 {
		head, rest, colon = line[:i], strings.TrimSpace(line[i+1:]), true
	}
	words := strings.Fields(head)
	if len(words) == 0 || len(words) > 7 || strings.ContainsAny(head, ".,;!?") {
		return 0, "", false
	}
	low := strings.ToLower(head)
	about := strings.HasPrefix(low, "about ") && !hasAny(low, []string{"role", "you", "job", "position"})
	switch {
	case about || hasAnyPrefix(low, ignoreHeads) && !hasAny(low, []string{"role", "requirement"}):
		return modeIgnore, rest, true
	case hasAnyPrefix(low, preferredHeads):
		return modePreferred, rest, true
	case sectionWord(low) || colon && rest == "":
		return modeRequired, rest, true
	}
	return 0, "", false
}

// sectionWord reports whether a heading names a requirements-like section
// (so "Requirements: 5 years" is one and "Note: ..." is not).
func sectionWord(low string) bool {
	return hasAnyPrefix(low, []string{"requirement", "qualification", "skill", "experience", "must", "responsibilit",
		"duties", "you bring", "you have", "you will", "you'll", "you need", "we need", "looking for", "about you",
		"who you are", "profile", "profil", "anforderung", "aufgaben", "requisito", "responsabilidad", "funciones",
		"missions", "role", "tech stack", "stack", "tools", "languages", "education", "certific", "key duties",
		"tasks", "what you", "your "})
}

// isBullet: a list item starts with a bullet, a dash or "* " (not the
// "**" of a bold heading).
func isBullet(line string) bool {
	for _, b := range []string{"-", "–", "—", "•", "·", "▪", "●", "◦", ">", "* "} {
		if strings.HasPrefix(line, b) && !strings.HasPrefix(line, "**") {
			return true
		}
	}
	return false
}

// splitSentences splits a line at ". ", "! ", "? " and "; " when what
// follows starts a new sentence (a capital, a digit or a bullet), so
// "e.g. Python" stays one.
func splitSentences(line string) []string {
	var out []string
	start := 0
	for i := 0; i+2 < len(line); i++ {
		c := line[i]
		if (c == '.' || c == '!' || c == '?') && line[i+1] == ' ' && startsSentence(line[i+2:]) && !abbrev(line[start:i]) {
			out = append(out, strings.TrimSpace(line[start:i+1]))
			start = i + 2
		}
	}
	if s := strings.TrimSpace(line[start:]); s != "" {
		out = append(out, s)
	}
	return out
}

func startsSentence(s string) bool {
	for _, r := range s {
		return unicode.IsUpper(r) || unicode.IsDigit(r)
	}
	return false
}

// abbrev reports whether the text before a full stop ends with an
// abbreviation ("e.g", "etc", "Sr").
func abbrev(before string) bool {
	i := strings.LastIndexAny(before, " (")
	w := strings.ToLower(before[i+1:])
	switch w {
	case "e.g", "i.e", "etc", "sr", "jr", "dr", "incl", "approx", "vs", "z.b", "bzw", "u.a":
		return true
	}
	return len(w) == 1 // an initial: "B.S. in ..."
}

// Markers that make a clause preferred or required.
var (
	preferredMarks = []string{"preferred", "nice to have", "nice-to-have", "a plus", "is a plus", "bonus", "desirable",
		"desired", "ideally", "an advantage", "advantageous", "would be great", "would be nice", "helpful",
		"beneficial", "optional", "appreciated", "wünschenswert", "von vorteil", "deseable", "se valorará",
		"valorable", "un plus", "un atout", "souhaité", "apprécié", "idealerweise", "idealmente"}
	requiredMarks = []string{"required", "must", "essential", "mandatory", "minimum", "at least", "requires",
		"need", "erforderlich", "zwingend", "voraussetzung", "imprescindible", "obligatorio", "requis",
		"obligatoire", "indispensable", "mindestens", "al menos", "au moins"}
)

func newSentence(text string, m mode) sentence {
	s := sentence{text: text, lower: asciiLower(text), mode: m}
	s.clauses = clausesOf(s.lower, m)
	return s
}

// asciiLower folds ASCII letters only, so byte offsets stay those of text.
func asciiLower(s string) string {
	b := []byte(s)
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

// clausesOf splits a sentence at ",", ";" and brackets and decides each
// clause: by its own marker, else by a neighbour's within the same
// ";"-group. A marker ending its clause ("Python, SQL and Go are a plus")
// lends to the unmarked clauses before it; one opening its clause
// ("Nice to have: Go, Rust", "ideally in fintech") to those after it. A
// bracket never lends: in "Bachelor's degree (Master's preferred)" only the
// Master's is preferred.
func clausesOf(low string, m mode) []clause {
	type part struct {
		end     int
		paren   bool
		semi    bool // a ";" ends it
		marker  int  // 0 none, 1 required, 2 preferred
		leading bool // the marker opens the clause
	}
	var parts []part
	start, depth := 0, 0
	cut := func(end int, paren, semi bool) {
		seg := strings.TrimLeft(low[start:end], " ,;:()")
		p := part{end: end, paren: paren, semi: semi}
		for k, marks := range [][]string{requiredMarks, preferredMarks} {
			for _, w := range marks {
				if i := wordIndex(seg, w); i >= 0 && (p.marker == 0 || k == 1) {
					p.marker, p.leading = k+1, i == 0
				}
			}
		}
		parts = append(parts, p)
		start = end
	}
	for i := 0; i < len(low); i++ {
		switch low[i] {
		case '(':
			cut(i, depth > 0, false)
			depth++
		case ')':
			if depth > 0 {
				cut(i+1, true, false)
				depth--
			}
		case ',':
			cut(i+1, depth > 0, false)
		case ';':
			cut(i+1, depth > 0, true)
		}
	}
	cut(len(low), depth > 0, false)
	marks := make([]int, len(parts))
	for i, p := range parts {
		marks[i] = p.marker
	}
	for i, p := range parts {
		if p.marker == 0 || p.paren {
			continue
		}
		if p.leading {
			for j := i + 1; j < len(parts) && !parts[j-1].semi && parts[j].marker == 0; j++ {
				if !parts[j].paren {
					marks[j] = p.marker
				}
			}
			continue
		}
		for j := i - 1; j >= 0 && !parts[j].semi && parts[j].marker == 0; j-- {
			if !parts[j].paren && marks[j] == 0 {
				marks[j] = p.marker
			}
		}
	}
	out := make([]clause, len(parts))
	for i, p := range parts {
		pref := m == modePreferred
		if marks[i] > 0 {
			pref = marks[i] == 2
		}
		out[i] = clause{end: p.end, preferred: pref}
	}
	return out
}

// hasAny reports whether s holds one of words at word boundaries.
func hasAny(s string, words []string) bool {
	for _, w := range words {
		if wordIndex(s, w) >= 0 {
			return true
		}
	}
	return false
}

// wordIndex is strings.Index at word boundaries (ASCII letters).
func wordIndex(s, w string) int {
	for off := 0; off < len(s); {
		i := strings.Index(s[off:], w)
		if i < 0 {
			return -1
		}
		i += off
		j := i + len(w)
		if (i == 0 || !isLetter(s[i-1])) && (j == len(s) || !isLetter(s[j])) {
			return i
		}
		off = i + 1
	}
	return -1
}

func isLetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || c >= 0x80 }

// negated: "A degree is not required", "no experience necessary" ask for
// nothing.
func negated(low string) bool {
	return hasAny(low, []string{"not required", "not necessary", "no experience necessary", "not needed",
		"no degree required", "nicht erforderlich", "no es necesario", "pas nécessaire", "not a requirement"})
}
