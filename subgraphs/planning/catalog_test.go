package planning_test

import (
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/careercoach/coach/subgraphs/planning"
)

// shared is the catalogue the tests read (it is read-only; loading it
// takes a second).
var shared = sync.OnceValues(func() (*planning.Catalog, error) { return planning.Load(nil) })

func load(t *testing.T) *planning.Catalog {
	t.Helper()
	c, err := shared()
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestDatasetSize(t *testing.T) {
	c := load(t)
	if n := len(c.NamedRoles()); n < 40 {
		t.Errorf("%d named roles, want at least 40", n)
	}
	if n := len(c.Roles("")) - len(c.NamedRoles()); n < 800 {
		t.Errorf("%d occupations, want at least 800", n)
	}
	for _, cat := range planning.AllCategories {
		if len(c.Roles(cat.ID)) == 0 {
			t.Errorf("category %s has no roles", cat.ID)
		}
	}
	all := c.Questions(planning.QuestionFilter{First: 10000})
	if len(all) < 150 {
		t.Errorf("%d interview questions, want at least 150", len(all))
	}
	kinds := map[string]int{}
	for _, q := range all {
		kinds[q.Kind+"/"+q.Difficulty]++
	}
	for _, k := range []string{planning.Behavioural, planning.Technical} {
		for _, d := range planning.Difficulties {
			if kinds[k+"/"+d] == 0 {
				t.Errorf("no %s %s questions", d, k)
			}
		}
	}
}

func TestEveryNamedRoleHasInsightsAndQuestions(t *testing.T) {
	c := load(t)
	for _, r := range c.NamedRoles() {
		t.Run(r.ID, func(t *testing.T) {
			in := c.Insights(r)
			if in.MedianPay == nil {
				t.Fatalf("no median pay: %+v", in.Unavailable)
			}
			if in.MedianPay.Value <= 0 || in.MedianPay.Source.URL == "" || in.MedianPay.Source.Year == "" {
				t.Errorf("median pay %+v", in.MedianPay)
			}
			if !strings.Contains(in.MedianPay.Source.URL, strings.ReplaceAll(r.MarketSOC, "-", "")) {
				t.Errorf("wage source %s does not name SOC %s", in.MedianPay.Source.URL, r.MarketSOC)
			}
			if len(in.TopSkills) == 0 || len(in.HotTechnologies) == 0 || len(in.RelatedRoles) == 0 {
				t.Errorf("insights incomplete: %d top skills, %d hot technologies, %d related roles", len(in.TopSkills), len(in.HotTechnologies), len(in.RelatedRoles))
			}
			qs := c.Questions(planning.QuestionFilter{Role: r, First: 50})
			var tech int
			for _, q := range qs {
				if q.Kind == planning.Technical {
					tech++
				}
			}
			if tech == 0 {
				t.Errorf("no technical questions for %s", r.ID)
			}
		})
	}
}

// Every question's skill must be one some role requires, so that role
// filters reach it, and every role must be reachable from or lead somewhere.
func TestDatasetConnectivity(t *testing.T) {
	c := load(t)
	required := map[string]bool{}
	linked := map[string]bool{}
	for _, r := range c.Roles("") {
		for _, s := range r.Skills {
			required[s.Name] = true
		}
		for _, n := range r.Next {
			linked[r.ID], linked[n] = true, true
		}
	}
	for _, q := range c.Questions(planning.QuestionFilter{First: 10000}) {
		if q.Kind == planning.Technical && !required[q.Skill] {
			t.Errorf("question %s tests %q, which no role requires", q.ID, q.Skill)
		}
	}
	for _, r := range c.Roles("") {
		if !linked[r.ID] {
			t.Errorf("role %s has no transitions", r.ID)
		}
	}
}

func TestQuestionsFilter(t *testing.T) {
	c := load(t)
	nurse, _ := c.Role("registered-nurse")
	tests := []struct {
		name  string
		f     planning.QuestionFilter
		check func(q *planning.Question) bool
	}{
		{"by skill alias spelling", planning.QuestionFilter{Skill: "postgre sql", First: 5}, func(q *planning.Question) bool { return q.Skill == "PostgreSQL" }},
		{"by difficulty", planning.QuestionFilter{Difficulty: "HARD", First: 20}, func(q *planning.Question) bool { return q.Difficulty == "HARD" }},
		{"by role", planning.QuestionFilter{Role: nurse, First: 50}, func(q *planning.Question) bool {
			if q.Kind == planning.Behavioural {
				return slices.Contains(q.Categories, "*") || slices.Contains(q.Categories, "HEALTHCARE")
			}
			return slices.ContainsFunc(nurse.Skills, func(s planning.SkillLevel) bool { return s.Name == q.Skill })
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			qs := c.Questions(tt.f)
			if len(qs) == 0 || len(qs) > tt.f.First {
				t.Fatalf("%d questions", len(qs))
			}
			for _, q := range qs {
				if !tt.check(q) {
					t.Errorf("question %s does not match the filter", q.ID)
				}
			}
		})
	}
}

// A promotion within one occupation never asks for less of a skill.
func TestPromotionsDoNotLowerLevels(t *testing.T) {
	c := load(t)
	rank := map[string]int{}
	for i, s := range planning.Seniorities {
		rank[s] = i
	}
	for _, from := range c.NamedRoles() {
		for _, to := range c.NextRoles(from) {
			if to.Occupation || to.MarketSOC != from.MarketSOC || rank[to.Seniority] <= rank[from.Seniority] {
				continue
			}
			have := map[string]int{}
			for _, s := range from.Skills {
				have[s.Name] = s.Level
			}
			for _, s := range to.Skills {
				if l, ok := have[s.Name]; ok && s.Level < l {
					t.Errorf("%s → %s lowers %s from %d to %d", from.ID, to.ID, s.Name, l, s.Level)
				}
			}
		}
	}
}
