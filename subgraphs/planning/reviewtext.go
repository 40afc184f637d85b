package planning

import (
	"regexp"
	"strings"
	"unicode"
)

// answerText is an answer split the ways the rule reviewer reads it. Every
// pass is linear in the answer (answers are at most MaxAnswerLen characters).
type answerText struct {
	words []string // lower-cased tokens of the whole answer
	// prose holds the lower-cased sentences that read as sentences: at least
	// four words, one of them a function word ("the", "I", "was", …). A list
	// of key words is not prose, so structure and key points count only here.
	prose      []string
	proseWords int
	stems      map[string]int // stem → occurrences in prose
}

func readAnswer(answer string) answerText {
	t := answerText{words: tokenize(answer), stems: map[string]int{}}
	for _, s := range splitSentences(answer) {
		ws := tokenize(s)
		if len(ws) < 4 || !hasFunctionWord(ws) {
			continue
		}
		t.prose = append(t.prose, strings.ToLower(s))
		t.proseWords += len(ws)
		for _, w := range ws {
			t.stems[stem(w)]++
		}
	}
	return t
}

// proseText is the answer's prose, one sentence a line.
func (t answerText) proseText() string { return strings.Join(t.prose, "\n") }

// proseShare is the share of the answer's words that stand in sentences.
func (t answerText) proseShare() float64 {
	if len(t.words) == 0 {
		return 0
	}
	return float64(t.proseWords) / float64(len(t.words))
}

// splitSentences cuts at ., !, ?, ; and line breaks (a bullet list is one
// item a line), keeping decimals such as 2.5 whole.
func splitSentences(s string) []string {
	var out []string
	start := 0
	for i, r := range s {
		end := r == '!' || r == '?' || r == ';' || r == '\n'
		if r == '.' {
			next := i + 1
			end = next >= len(s) || !unicode.IsDigit(rune(s[next])) || i == 0 || !unicode.IsDigit(rune(s[i-1]))
		}
		if end {
			if seg := strings.TrimSpace(s[start:i]); seg != "" {
				out = append(out, seg)
			}
			start = i + 1
		}
	}
	if seg := strings.TrimSpace(s[start:]); seg != "" {
		out = append(out, seg)
	}
	return out
}

func hasFunctionWord(ws []string) bool {
	for _, w := range ws {
		if functionWords[w] {
			return true
		}
	}
	return false
}

// wordSet builds a set from space-separated words.
func wordSet(words string) map[string]bool {
	out := map[string]bool{}
	for _, w := range strings.Fields(words) {
		out[w] = true
	}
	return out
}

var (
	functionWords = wordSet(`the a an to of and in on for with was were is are be been i we my our it that this by at so but as
		had have has from which when then because after before they he she them his her their me us who what there`)
	stopWords = wordSet(`the and for you your with what how did that this when would have has was were are from into about time tell give describe
		explain example difference between which why does can its one them they their there use using make walk through someone something
		while after before who whose very than then also just most more some each other not but handle`)
	pastTenseI = regexp.MustCompile(`\bi (?:then |also |first |quickly )?[a-z]{3,}ed\b`)
	numberRe   = regexp.MustCompile(`\b\d+(?:[.,]\d+)?\s*(?:%|percent|x\b|k\b|ms\b|hours?|days?|weeks?|months?|years?|people|users|customers)?`)
	percentRe  = regexp.MustCompile(`\d\s*(?:%|percent)`)
	// numberWordRe finds figures written in words ("three days", "twice").
	numberWordRe = regexp.MustCompile(`\b(?:(?:one|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty|fifty|hundred|thousand|million)\s+(?:days?|weeks?|months?|years?|hours?|minutes?|people|engineers|users|customers|stores|teams?|times|percent)|twice|halved|doubled|tripled)\b`)
)

// containsAny reports whether one of marks occurs in text as whole words
// ("so i" must not match "so it").
func containsAny(text string, marks []string) bool {
	isWord := func(b byte) bool { return b >= 'a' && b <= 'z' || b >= '0' && b <= '9' }
	for _, m := range marks {
		m = strings.TrimSpace(m)
		for off := 0; ; {
			i := strings.Index(text[off:], m)
			if i < 0 {
				break
			}
			start, end := off+i, off+i+len(m)
			if (start == 0 || !isWord(text[start-1])) && (end == len(text) || !isWord(text[end])) {
				return true
			}
			off = start + 1
		}
	}
	return false
}

// tokenize lower-cases s and splits it into words of letters, digits, '+', '#'.
func tokenize(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !(unicode.IsLetter(r) || unicode.IsDigit(r) || r == '+' || r == '#' || r == '\'')
	})
}

// stem strips common English endings so "indexes", "indexing" and "index" meet.
func stem(w string) string {
	w = strings.TrimSuffix(w, "'s")
	for _, suf := range []string{"ing", "ed", "es", "s"} {
		if len(w) > len(suf)+3 && strings.HasSuffix(w, suf) {
			return strings.TrimSuffix(w, suf)
		}
	}
	return w
}

// keywordIn reports whether one of a key point's alternatives ("role|part")
// has all its words among stems.
func keywordIn(kw string, stems map[string]int) bool {
	for _, alt := range strings.Split(kw, "|") {
		ws := tokenize(alt)
		ok := len(ws) > 0
		for _, w := range ws {
			ok = ok && stems[stem(w)] > 0
		}
		if ok {
			return true
		}
	}
	return false
}

// keywordLabel is how a key point is named to the user: its first alternative.
func keywordLabel(kw string) string {
	first, _, _ := strings.Cut(kw, "|")
	return first
}

func count(words []string, w string) int {
	n := 0
	for _, x := range words {
		if x == w {
			n++
		}
	}
	return n
}

// namedThings counts capitalised or mixed-case words that do not start a
// sentence (product, tool and team names), excluding "I".
func namedThings(s string) int {
	n := 0
	sentenceStart := true
	for _, f := range strings.Fields(s) {
		w := strings.Trim(f, "\"'()[],;:")
		if w != "" && w != "I" && !sentenceStart {
			r := []rune(w)
			if unicode.IsUpper(r[0]) || strings.ContainsFunc(w[1:], unicode.IsUpper) {
				n++
			}
		}
		sentenceStart = strings.HasSuffix(f, ".") || strings.HasSuffix(f, "?") || strings.HasSuffix(f, "!")
	}
	return n
}
