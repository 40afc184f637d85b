package planning

import (
	"context"
	"fmt"
	"math"
	"strings"
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
	situationMarks = []string{"when i", "at my", "in my previous", "in my last", "in my role", "our team", "the team", "we were", "i was working", "situation", "at the time", "last year", "a client", "the project", "background", "context", "years ago", "months ago", "i joined"}
	taskMarks      = []string{"my task", "i was responsible", "responsible for", "my goal", "the goal", "needed to", "had to", "my role", "i was asked", "objective", "the challenge", "the problem was", "my job was", "i owned", "the aim"}
	actionMarks    = []string{"i decided", "i built", "i led", "i created", "i wrote", "i designed", "i proposed", "i set up", "i talked", "i met", "i worked", "i started", "i introduced", "i fixed", "i reached out", "so i", "i then", "first i", "i used", "i took", "i made", "i ran", "i spoke", "i asked", "i chose", "i began"}
	resultMarks    = []string{"as a result", "the result", "outcome", "in the end", "eventually", "reduced", "increased", "improved", "saved", "grew", "delivered", "launched", "learned", "learnt", "lesson", "which meant", "afterwards", "since then", "cut", "shipped", "dropped", "fell", "rose", "on time", "went from", "decreased", "doubled", "halved"}
)

// Thresholds of keyword stuffing: an answer that is mostly the question's
// key words, or mostly not sentences, is not an answer.
const (
	stuffedDensity = 0.35 // share of words that are key or question words
	stuffedProse   = 0.5  // share of words that stand in sentences, below which the answer is a list
)

// Review implements Reviewer. Structure and key points count only in
// sentences (a list of key words is not an answer), and an answer made
// mostly of the question's words is marked as keyword stuffing and capped.
func (RuleReviewer) Review(_ context.Context, q *Question, answer string) (Feedback, error) {
	at := readAnswer(answer)
	prose := at.proseText()
	fb := Feedback{Reviewer: "rules", Suggestions: []string{}}

	// STAR: which of situation, task, action, result the sentences signal.
	parts := []struct {
		name, tip string
		found     bool
	}{
		{"situation", "Open with the situation: where you were, when, and who was involved.", containsAny(prose, situationMarks)},
		{"task", "Say what you were responsible for or what had to be achieved.", containsAny(prose, taskMarks)},
		{"action", "Describe the steps you took yourself, in the first person (\"I decided…\", \"I built…\").", containsAny(prose, actionMarks) || pastTenseI.MatchString(prose)},
		{"result", "End with the result: what changed, ideally measured, and what you learned.", containsAny(prose, resultMarks) || percentRe.MatchString(prose)},
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

	fb.Specificity = specificity(q, at, answer, &fb.Suggestions)
	var stuffed bool
	fb.Relevance, stuffed = relevance(q, at, &fb.Suggestions)
	if stuffed {
		fb.Specificity.Score = min(fb.Specificity.Score, 2)
		fb.STAR.Score = min(fb.STAR.Score, 2)
	}

	wStar, wSpec, wRel := 0.4, 0.3, 0.3
	if q.Kind == Technical {
		wStar, wSpec, wRel = 0.1, 0.3, 0.6
	}
	fb.Overall = int(math.Round(wStar*float64(fb.STAR.Score) + wSpec*float64(fb.Specificity.Score) + wRel*float64(fb.Relevance.Score)))
	fb.Overall = min(max(fb.Overall, 1), 5)
	if stuffed {
		fb.Overall = min(fb.Overall, 2)
	}
	if len(fb.Suggestions) == 0 {
		fb.Suggestions = append(fb.Suggestions, "Strong answer. Practise saying it aloud in about two minutes.")
	}
	return fb, nil
}

// specificity scores length, figures, named things and first-person ownership.
func specificity(q *Question, at answerText, answer string, tips *[]string) Score {
	var sc Score
	points := 0
	switch n := len(at.words); {
	case n >= 120:
		points += 2
		sc.Reasons = append(sc.Reasons, fmt.Sprintf("%d words: enough room for detail.", n))
	case n >= 60:
		points++
		sc.Reasons = append(sc.Reasons, fmt.Sprintf("%d words: a little short for a full example.", n))
	default:
		sc.Reasons = append(sc.Reasons, fmt.Sprintf("Only %d words.", n))
		*tips = append(*tips, "Give more detail: aim for 150–300 words when speaking for about two minutes.")
	}
	if n := len(numberRe.FindAllString(at.proseText(), -1)) + len(numberWordRe.FindAllString(at.proseText(), -1)); n > 0 {
		points++
		sc.Reasons = append(sc.Reasons, fmt.Sprintf("Uses %d concrete figure(s).", n))
	} else {
		sc.Reasons = append(sc.Reasons, "No numbers, dates or sizes.")
		*tips = append(*tips, "Quantify: time saved, percentage change, team size, users affected, or how long it took.")
	}
	if n := namedThings(answer); n >= 2 {
		points++
		sc.Reasons = append(sc.Reasons, fmt.Sprintf("Names %d specific tools, teams or products.", n))
	} else {
		sc.Reasons = append(sc.Reasons, "Few named tools, systems or products.")
	}
	iCount, weCount := count(at.words, "i"), count(at.words, "we")
	if q.Kind == Behavioural && weCount > iCount {
		sc.Reasons = append(sc.Reasons, fmt.Sprintf("Says \"we\" %d times and \"I\" %d times: your own part is unclear.", weCount, iCount))
		*tips = append(*tips, "Make your own contribution clear: use \"I\" for what you did and \"we\" only for the team.")
	} else if iCount > 0 {
		points = min(points+1, 4)
	}
	sc.Score = min(1+points, 5)
	return sc
}

// relevance scores how much of the question's key points and wording the
// sentences cover, and reports keyword stuffing: most words being the
// question's own, or most words standing outside sentences.
func relevance(q *Question, at answerText, tips *[]string) (Score, bool) {
	var sc Score
	var hit, miss []string
	for _, kw := range q.Keywords {
		if keywordIn(kw, at.stems) {
			hit = append(hit, keywordLabel(kw))
		} else {
			miss = append(miss, keywordLabel(kw))
		}
	}
	// Words of the question and of its key points, to measure density.
	topic := map[string]bool{}
	for _, kw := range q.Keywords {
		for _, w := range tokenize(strings.ReplaceAll(kw, "|", " ")) {
			topic[stem(w)] = true
		}
	}
	qWords, qHit := 0, 0
	for _, w := range tokenize(q.Text) {
		if stopWords[w] || len(w) < 3 {
			continue
		}
		topic[stem(w)] = true
		qWords++
		if at.stems[stem(w)] > 0 {
			qHit++
		}
	}
	onTopic := 0
	for _, w := range at.words {
		if topic[stem(w)] {
			onTopic++
		}
	}
	density := 0.0
	if len(at.words) > 0 {
		density = float64(onTopic) / float64(len(at.words))
	}
	stuffed := len(at.words) > 0 && (density > stuffedDensity || at.proseShare() < stuffedProse)

	frac := float64(len(hit)) / float64(max(len(q.Keywords), 1))
	if qWords > 0 {
		// Behavioural key points are themes an answer may word its own way;
		// technical ones are terms a good answer uses.
		wk := 0.75
		if q.Kind == Behavioural {
			wk = 0.5
		}
		frac = wk*frac + (1-wk)*float64(qHit)/float64(qWords)
	}
	switch {
	case frac >= 0.55:
		sc.Score = 5
	case frac >= 0.4:
		sc.Score = 4
	case frac >= 0.25:
		sc.Score = 3
	case frac > 0:
		sc.Score = 2
	default:
		sc.Score = 1
	}
	if len(hit) > 0 {
		sc.Reasons = append(sc.Reasons, "Covers: "+strings.Join(hit, ", ")+".")
	} else {
		sc.Reasons = append(sc.Reasons, "Does not touch the key points of the question.")
	}
	if len(miss) > 0 {
		sc.Reasons = append(sc.Reasons, "Not mentioned: "+strings.Join(miss[:min(3, len(miss))], ", ")+".")
		if sc.Score < 4 {
			*tips = append(*tips, "Answer the question asked; a strong answer would touch on "+strings.Join(miss[:min(3, len(miss))], ", ")+".")
		}
	}
	if stuffed {
		sc.Score = min(sc.Score, 2)
		if at.proseShare() < stuffedProse {
			sc.Reasons = append(sc.Reasons, "Most of it is not in sentences: a list of terms does not show you can use them.")
		} else {
			sc.Reasons = append(sc.Reasons, fmt.Sprintf("%.0f%% of the words repeat the question's key words: that reads as keyword stuffing.", density*100))
		}
		*tips = append(*tips, "Explain in full sentences how and why, with an example, instead of listing key words.")
	}
	return sc, stuffed
}
