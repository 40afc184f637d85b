package planning

import (
	"context"
	"fmt"
	"math"
	"regexp"
	"strings"
	"unicode"
)

// Score is one feedback dimension: 1 (weak) to 5 (strong), with why.
type Score struct {
	Score   int      `json:"score"`
	Reasons []string `json:"reasons"`
}

// Feedback on an interview answer.
type Feedback struct {
	STAR        Score    `json:"star"`
	Specificity Score    `json:"specificity"`
	Relevance   Score    `json:"relevance"`
	Overall     int      `json:"overall"` // 1–5
	Suggestions []string `json:"suggestions"`
	Reviewer    string   `json:"reviewer"` // "rules" or "ai"
}

// Reviewer gives feedback on an answer to a question. The rule-based
// reviewer is the default; an AI reviewer may replace it when configured.
type Reviewer interface {
	Review(ctx context.Context, q *Question, answer string) (Feedback, error)
}

// RuleReviewer scores answers with deterministic text rules: the same
// answer always gets the same feedback, and no text leaves the service.
type RuleReviewer struct{}

var (
	situationMarks = []string{"when i", "at my", "in my previous", "in my last", "in my role", "our team", "the team", "we were", "i was working", "situation", "at the time", "last year", "a client", "the project", "background", "context", "years ago", "months ago"}
	taskMarks      = []string{"my task", "i was responsible", "responsible for", "my goal", "the goal", "needed to", "had to", "my role", "i was asked", "objective", "the challenge", "the problem was", "my job was", "i owned"}
	actionMarks    = []string{"i decided", "i built", "i led", "i created", "i wrote", "i designed", "i proposed", "i set up", "i talked", "i met", "i worked", "i started", "i introduced", "i fixed", "i reached out", "so i", "i then", "first i", "i used", "i took", "i made", "i ran", "i spoke", "i asked", "i chose", "i began"}
	resultMarks    = []string{"as a result", "result", "outcome", "in the end", "eventually", "reduced", "increased", "improved", "saved", "grew", "delivered", "launched", "learned", "learnt", "lesson", "which meant", "afterwards", "since then", "cut"}
	pastTenseI     = regexp.MustCompile(`\bi (?:then |also |first |quickly )?[a-z]{3,}ed\b`)
	numberRe       = regexp.MustCompile(`\b\d+(?:[.,]\d+)?\s*(?:%|percent|x\b|k\b|ms\b|hours?|days?|weeks?|months?|years?|people|users|customers)?`)
	percentRe      = regexp.MustCompile(`\d\s*(?:%|percent)`)
)

// Review implements Reviewer.
func (RuleReviewer) Review(_ context.Context, q *Question, answer string) (Feedback, error) {
	text := strings.ToLower(answer)
	words := tokenize(answer)
	fb := Feedback{Reviewer: "rules", Suggestions: []string{}}

	// STAR: which of situation, task, action, result the answer signals.
	parts := []struct {
		name, tip string
		found     bool
	}{
		{"situation", "Open with the situation: where you were, when, and who was involved.", containsAny(text, situationMarks)},
		{"task", "Say what you were responsible for or what had to be achieved.", containsAny(text, taskMarks)},
		{"action", "Describe the steps you took yourself, in the first person (\"I decided…\", \"I built…\").", containsAny(text, actionMarks) || pastTenseI.MatchString(text)},
		{"result", "End with the result: what changed, ideally measured, and what you learned.", containsAny(text, resultMarks) || percentRe.MatchString(text)},
	}
	found := 0
	for _, p := range parts {
		if p.found {
			found++
			fb.STAR.Reasons = append(fb.STAR.Reasons, fmt.Sprintf("The %s is there.", p.name))
		} else {
			fb.STAR.Reasons = append(fb.STAR.Reasons, fmt.Sprintf("No clear %s.", p.name))
			if q.Kind == Behavioural {
				fb.Suggestions = append(fb.Suggestions, p.tip)
			}
		}
	}
	fb.STAR.Score = found + 1
	if q.Kind == Technical {
		fb.STAR.Reasons = append(fb.STAR.Reasons, "For a technical question structure matters less; it weighs little in the overall score.")
	}

	// Specificity: length, figures, named things, first-person ownership.
	points := 0
	nWords := len(words)
	switch {
	case nWords >= 120:
		points += 2
		fb.Specificity.Reasons = append(fb.Specificity.Reasons, fmt.Sprintf("%d words: enough room for detail.", nWords))
	case nWords >= 60:
		points++
		fb.Specificity.Reasons = append(fb.Specificity.Reasons, fmt.Sprintf("%d words: a little short for a full example.", nWords))
	default:
		fb.Specificity.Reasons = append(fb.Specificity.Reasons, fmt.Sprintf("Only %d words.", nWords))
		fb.Suggestions = append(fb.Suggestions, "Give more detail: aim for 150–300 words when speaking for about two minutes.")
	}
	if n := len(numberRe.FindAllString(text, -1)); n > 0 {
		points++
		fb.Specificity.Reasons = append(fb.Specificity.Reasons, fmt.Sprintf("Uses %d concrete figure(s).", n))
	} else {
		fb.Specificity.Reasons = append(fb.Specificity.Reasons, "No numbers, dates or sizes.")
		fb.Suggestions = append(fb.Suggestions, "Quantify: time saved, percentage change, team size, users affected, or how long it took.")
	}
	if n := namedThings(answer); n >= 2 {
		points++
		fb.Specificity.Reasons = append(fb.Specificity.Reasons, fmt.Sprintf("Names %d specific tools, teams or products.", n))
	} else {
		fb.Specificity.Reasons = append(fb.Specificity.Reasons, "Few named tools, systems or products.")
	}
	iCount, weCount := count(words, "i"), count(words, "we")
	if q.Kind == Behavioural && weCount > iCount {
		fb.Specificity.Reasons = append(fb.Specificity.Reasons, fmt.Sprintf("Says \"we\" %d times and \"I\" %d times: your own part is unclear.", weCount, iCount))
		fb.Suggestions = append(fb.Suggestions, "Make your own contribution clear: use \"I\" for what you did and \"we\" only for the team.")
	} else if iCount > 0 {
		points = min(points+1, 4)
	}
	fb.Specificity.Score = min(1+points, 5)

	// Relevance: does the answer talk about what the question asks?
	have := map[string]bool{}
	for _, w := range words {
		have[stem(w)] = true
	}
	var hit, miss []string
	for _, kw := range q.Keywords {
		if keywordIn(kw, have) {
			hit = append(hit, kw)
		} else {
			miss = append(miss, kw)
		}
	}
	qWords, qHit := 0, 0
	for _, w := range tokenize(q.Text) {
		if stopWords[w] || len(w) < 3 {
			continue
		}
		qWords++
		if have[stem(w)] {
			qHit++
		}
	}
	frac := float64(len(hit)) / float64(len(q.Keywords))
	if qWords > 0 {
		frac = 0.75*frac + 0.25*float64(qHit)/float64(qWords)
	}
	switch {
	case frac >= 0.55:
		fb.Relevance.Score = 5
	case frac >= 0.4:
		fb.Relevance.Score = 4
	case frac >= 0.25:
		fb.Relevance.Score = 3
	case frac > 0:
		fb.Relevance.Score = 2
	default:
		fb.Relevance.Score = 1
	}
	if len(hit) > 0 {
		fb.Relevance.Reasons = append(fb.Relevance.Reasons, "Covers: "+strings.Join(hit, ", ")+".")
	} else {
		fb.Relevance.Reasons = append(fb.Relevance.Reasons, "Does not touch the key points of the question.")
	}
	if len(miss) > 0 {
		fb.Relevance.Reasons = append(fb.Relevance.Reasons, "Not mentioned: "+strings.Join(miss[:min(3, len(miss))], ", ")+".")
		if fb.Relevance.Score < 4 {
			fb.Suggestions = append(fb.Suggestions, "Answer the question asked; a strong answer would touch on "+strings.Join(miss[:min(3, len(miss))], ", ")+".")
		}
	}

	wStar, wSpec, wRel := 0.4, 0.3, 0.3
	if q.Kind == Technical {
		wStar, wSpec, wRel = 0.1, 0.3, 0.6
	}
	fb.Overall = int(math.Round(wStar*float64(fb.STAR.Score) + wSpec*float64(fb.Specificity.Score) + wRel*float64(fb.Relevance.Score)))
	fb.Overall = min(max(fb.Overall, 1), 5)
	if len(fb.Suggestions) == 0 {
		fb.Suggestions = append(fb.Suggestions, "Strong answer. Practise saying it aloud in about two minutes.")
	}
	return fb, nil
}

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

func keywordIn(kw string, have map[string]bool) bool {
	ws := tokenize(kw)
	if len(ws) == 0 {
		return false
	}
	for _, w := range ws {
		if !have[stem(w)] {
			return false
		}
	}
	return true
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

var stopWords = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`the and for you your with what how did that this when would have has was were are from into about time tell give describe
		explain example difference between which why does can its one them they their there use using make between walk through someone something
		while after before who whose very than then also just most more some each other not but handle`) {
		stopWords[w] = true
	}
}
