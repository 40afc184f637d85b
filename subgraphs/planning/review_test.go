package planning_test

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/careercoach/coach/subgraphs/planning"
)

// Real-style answers, written the way candidates answer: the rule reviewer
// must tell a complete STAR story from a vague one, and must not reward an
// answer made of the question's key words.
func TestRuleReviewerOnRealAnswers(t *testing.T) {
	c := load(t)
	q := func(id string) *planning.Question {
		t.Helper()
		x, ok := c.Question(id)
		if !ok {
			t.Fatalf("no question %s", id)
		}
		return x
	}
	const proudSTAR = `Last year I was the analyst on a four-person team at a regional grocery chain, and our store managers were ordering fresh produce by gut feeling, throwing away about 18% of it every week.
My task was to give them a daily order suggestion they would actually trust, within one quarter.
I pulled two years of sales and waste data from our SQL Server warehouse, built a simple forecasting model in Python with day-of-week and weather effects, and I sat with three store managers to design a one-page report they could read in a minute.
I then ran a six-week pilot in 12 stores against 12 similar stores that kept ordering as before.
As a result, waste in the pilot stores fell from 18% to 11% while sales stayed flat, which saved roughly 40,000 dollars a month once we rolled it out to all 60 stores.
I am proud of it because the managers kept using the report after the pilot ended, and I learned how much adoption depends on designing with the people who will use the tool.`
	const conflictSTAR = `At my previous company I was a backend engineer, and another engineer and I disagreed about whether to split our billing service into two services before a big release.
The conflict was slowing code review, and as the owner of the billing API I needed to resolve it within a week so we could make the launch date.
I asked for a one-hour meeting, listened to his concerns first and wrote down what each of us was optimising for: he wanted independent deploys, I wanted fewer moving parts before the launch.
I proposed a compromise: keep one service for the release but separate the modules behind clear interfaces, and revisit the split with data after launch.
We shipped on time, review time on billing changes dropped from three days to one, and two months later we split the service using the boundaries we had already drawn.`
	const vague = `I think I am a good team player and I always try to do my best. Communication is very important to me and I believe projects go well when people work hard together.`
	const stuffedList = `disagree conflict resolve compromise listen situation task action result disagree conflict compromise listen resolve teammate`
	const stuffedSentences = `I disagree about conflict. The conflict is resolved by compromise. I listen to the conflict and resolve the disagreement with compromise. Disagree, conflict, resolve, compromise, listen. The disagreement conflict was resolved and I listen to compromise.`
	const pValue = `A p-value is the probability of seeing data at least as extreme as what we observed if the null hypothesis were true. It is not the probability that the null hypothesis is true, and a small p-value does not mean the effect is large or important: with 2 million users almost any difference becomes significant. So I always report the effect size with a 95% confidence interval, and I decide the significance threshold before the test rather than after looking at the data.`
	const sqlStuffed = `isolation dirty read phantom serializable repeatable read isolation phantom serializable dirty read`

	tests := []struct {
		name                       string
		id, answer                 string
		minStar, maxStar           int
		minRelevance, maxRelevance int
		minOverall, maxOverall     int
		wantReason                 string // in some reason of any dimension
	}{
		{name: "complete STAR about a project", id: "b-001", answer: proudSTAR, minStar: 5, maxStar: 5, minRelevance: 4, maxRelevance: 5, minOverall: 4, maxOverall: 5},
		{name: "complete STAR about a disagreement", id: "b-006", answer: conflictSTAR, minStar: 5, maxStar: 5, minRelevance: 4, maxRelevance: 5, minOverall: 4, maxOverall: 5},
		{name: "vague answer", id: "b-006", answer: vague, minStar: 1, maxStar: 2, minRelevance: 1, maxRelevance: 2, minOverall: 1, maxOverall: 2},
		{name: "key words listed", id: "b-006", answer: stuffedList, minStar: 1, maxStar: 2, minRelevance: 1, maxRelevance: 2, minOverall: 1, maxOverall: 2, wantReason: "not in sentences"},
		{name: "key words stuffed into sentences", id: "b-006", answer: stuffedSentences, minStar: 1, maxStar: 2, minRelevance: 1, maxRelevance: 2, minOverall: 1, maxOverall: 2, wantReason: "keyword stuffing"},
		{name: "statistics answer a data scientist gives", id: "t-statistics-2", answer: pValue, minStar: 1, maxStar: 5, minRelevance: 4, maxRelevance: 5, minOverall: 4, maxOverall: 5},
		{name: "SQL terms listed", id: "t-sql-4", answer: sqlStuffed, minStar: 1, maxStar: 2, minRelevance: 1, maxRelevance: 2, minOverall: 1, maxOverall: 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fb, err := planning.RuleReviewer{}.Review(context.Background(), q(tt.id), tt.answer)
			if err != nil {
				t.Fatal(err)
			}
			in := func(v, lo, hi int) bool { return v >= lo && v <= hi }
			if !in(fb.STAR.Score, tt.minStar, tt.maxStar) || !in(fb.Relevance.Score, tt.minRelevance, tt.maxRelevance) || !in(fb.Overall, tt.minOverall, tt.maxOverall) {
				t.Fatalf("star %d (want %d–%d), relevance %d (want %d–%d), overall %d (want %d–%d)\n%+v",
					fb.STAR.Score, tt.minStar, tt.maxStar, fb.Relevance.Score, tt.minRelevance, tt.maxRelevance, fb.Overall, tt.minOverall, tt.maxOverall, fb)
			}
			if tt.wantReason != "" {
				all := strings.Join(append(append(fb.STAR.Reasons, fb.Specificity.Reasons...), fb.Relevance.Reasons...), " ")
				if !strings.Contains(all, tt.wantReason) {
					t.Fatalf("no reason says %q: %s", tt.wantReason, all)
				}
			}
		})
	}
}

func TestQuestionsForARole(t *testing.T) {
	c := load(t)
	ds, ok := c.Role("data-scientist")
	if !ok {
		t.Fatal("no data-scientist role")
	}
	qs := c.Questions(planning.QuestionFilter{Role: ds, First: 8})
	skills := map[string]bool{}
	beh := 0
	for _, q := range qs {
		if q.Kind == planning.Behavioural {
			beh++
		}
		skills[q.Skill] = true
	}
	for _, want := range []string{"Statistics", "Machine Learning", "SQL"} {
		if !skills[want] {
			t.Errorf("no %s question among a data scientist's first 8: %v", want, skills)
		}
	}
	if beh < 2 {
		t.Errorf("%d behavioural questions among 8", beh)
	}
	for _, r := range c.Roles("") {
		got := c.Questions(planning.QuestionFilter{Role: r, First: 6})
		if !slices.ContainsFunc(got, func(q *planning.Question) bool { return q.Kind == planning.Behavioural }) {
			t.Errorf("%s: no behavioural question", r.ID)
		}
	}
}

func TestKeyPoints(t *testing.T) {
	c := load(t)
	for _, r := range c.Roles("") {
		for _, q := range c.Questions(planning.QuestionFilter{Role: r, First: 50}) {
			if len(q.Points()) == 0 || strings.TrimSpace(q.Points()[0]) == "" {
				t.Fatalf("%s has no key points", q.ID)
			}
		}
	}
	q, _ := c.Question("t-statistics-2")
	if !strings.Contains(strings.Join(q.Points(), " "), "effect size") {
		t.Fatalf("written key points not used: %q", q.Points())
	}
}
