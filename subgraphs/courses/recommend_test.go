package courses_test

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/careercoach/coach/subgraphs/courses"
)

func course(id string, level courses.Level, free bool, rating *float64, skills ...string) *courses.Course {
	return &courses.Course{ID: id, Title: id, Description: "d", Level: level, Free: free, Rating: rating, Skills: skills, DurationHours: 10}
}

func ptr(f float64) *float64 { return &f }

func rankIDs(p courses.Profile, cat []*courses.Course) []string {
	ranked, _ := courses.Rank(p, cat)
	out := make([]string, len(ranked))
	for i, s := range ranked {
		out[i] = s.Course.ID
	}
	return out
}

func TestGaps(t *testing.T) {
	goal := &courses.Goal{TargetRoleTitle: "Cloud Engineer", RequiredSkills: []courses.SkillLevel{
		{Name: "Kubernetes", Level: 4}, {Name: "Docker", Level: 3}, {Name: "Go", Level: 2}}}
	tests := []struct {
		name  string
		p     courses.Profile
		basis courses.Basis
		want  []courses.Gap
	}{
		{"nothing known", courses.Profile{}, courses.BasisNone, nil},
		{"goal only: all required skills from zero, largest first", courses.Profile{Goal: goal}, courses.BasisGoalOnly,
			[]courses.Gap{{Skill: "Kubernetes", Want: 4}, {Skill: "Docker", Want: 3}, {Skill: "Go", Want: 2}}},
		{"goal and CV: met skills drop out, under-level ones shrink (names case-insensitive)",
			courses.Profile{HasCV: true, Goal: goal, Skills: []courses.SkillLevel{{Name: "docker", Level: 3}, {Name: "Kubernetes", Level: 3}}},
			courses.BasisGoalAndCV, []courses.Gap{{Skill: "Go", Want: 2}, {Skill: "Kubernetes", Have: 3, Want: 4}}},
		{"CV only: the weakest skills, to at least working level",
			courses.Profile{HasCV: true, Skills: []courses.SkillLevel{{Name: "Python", Level: 5}, {Name: "SQL", Level: 1}, {Name: "Git", Level: 3}}},
			courses.BasisCVOnly, []courses.Gap{{Skill: "SQL", Have: 1, Want: 3}, {Skill: "Git", Have: 3, Want: 4}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, basis := tt.p.Gaps()
			if basis != tt.basis || !slices.Equal(got, tt.want) {
				t.Fatalf("got %v %q, want %v %q", got, basis, tt.want, tt.basis)
			}
		})
	}
}

func TestRank(t *testing.T) {
	goal := &courses.Goal{TargetRoleTitle: "Data Engineer", RequiredSkills: []courses.SkillLevel{
		{Name: "Apache Spark", Level: 3}, {Name: "ETL", Level: 3}, {Name: "SQL", Level: 3}}}
	tests := []struct {
		name string
		p    courses.Profile
		cat  []*courses.Course
		want []string
	}{
		{"covering more of the gap wins",
			courses.Profile{Goal: goal},
			[]*courses.Course{course("one", courses.Beginner, true, nil, "SQL"), course("three", courses.Beginner, true, nil, "SQL", "ETL", "Apache Spark"),
				course("none", courses.Beginner, true, nil, "Figma")},
			[]string{"three", "one"}},
		{"free beats paid when coverage is equal",
			courses.Profile{Goal: goal},
			[]*courses.Course{course("paid", courses.Beginner, false, nil, "SQL"), course("free", courses.Beginner, true, nil, "SQL")},
			[]string{"free", "paid"}},
		{"a course at the learner's level beats one far above it",
			courses.Profile{Goal: goal},
			[]*courses.Course{course("advanced", courses.Advanced, true, nil, "SQL"), course("beginner", courses.Beginner, true, nil, "SQL")},
			[]string{"beginner", "advanced"}},
		{"rating breaks otherwise equal courses; unknown rating is neutral",
			courses.Profile{Goal: goal},
			[]*courses.Course{course("low", courses.Beginner, true, ptr(2), "SQL"), course("unrated", courses.Beginner, true, nil, "SQL"),
				course("high", courses.Beginner, true, ptr(4.9), "SQL")},
			[]string{"high", "unrated", "low"}},
		{"ties are broken by id",
			courses.Profile{Goal: goal},
			[]*courses.Course{course("b", courses.Beginner, true, nil, "SQL"), course("a", courses.Beginner, true, nil, "SQL")},
			[]string{"a", "b"}},
		{"without a goal, suggested roles add courses that name them",
			courses.Profile{HasCV: true, Skills: []courses.SkillLevel{{Name: "Python", Level: 5}}, SuggestedRoles: []string{"Senior Data Analyst"}},
			[]*courses.Course{
				{ID: "da", Title: "Data Analyst Nanodegree", Description: "x", Level: courses.Beginner, Skills: []string{"SQL"}, DurationHours: 1},
				{ID: "d-only", Title: "Data Visualization", Description: "x", Level: courses.Beginner, Skills: []string{"Tableau"}, DurationHours: 1},
			},
			[]string{"da"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := rankIDs(tt.p, tt.cat); !slices.Equal(got, tt.want) {
				t.Fatalf("got %v, want %v", got, tt.want)
			}
		})
	}
}

func TestRankOnTheShippedCatalogue(t *testing.T) {
	shipped, err := courses.LoadCatalogue()
	if err != nil {
		t.Fatal(err)
	}
	cat := shipped.Courses
	p := courses.Profile{HasCV: true, Skills: []courses.SkillLevel{{Name: "Python", Level: 4}}, Goal: &courses.Goal{
		TargetRoleTitle: "Machine Learning Engineer", RequiredSkills: []courses.SkillLevel{
			{Name: "Machine Learning", Level: 4}, {Name: "Deep Learning", Level: 3}, {Name: "Python", Level: 4}, {Name: "MLOps", Level: 3}}}}
	ranked, basis := courses.Rank(p, cat)
	if basis != courses.BasisGoalAndCV || len(ranked) != courses.MaxRecommendations {
		t.Fatalf("basis %q, %d ranked", basis, len(ranked))
	}
	for i, s := range ranked {
		if slices.Contains(s.MatchedSkills, "Python") || len(s.MatchedSkills) == 0 || s.Score <= 0 || s.Score > 1 {
			t.Fatalf("%d: %+v", i, s)
		}
		if i > 0 && s.Score > ranked[i-1].Score {
			t.Fatalf("not sorted at %d", i)
		}
	}
	again, _ := courses.Rank(p, cat)
	for i := range ranked {
		if again[i].Course.ID != ranked[i].Course.ID || again[i].Score != ranked[i].Score {
			t.Fatal("ranking is not deterministic")
		}
	}
}

func TestTemplateReasons(t *testing.T) {
	c := course("c", courses.Intermediate, true, nil, "SQL", "ETL")
	goal := &courses.Goal{Title: "Switch to data", TargetRoleTitle: "Data Engineer"}
	gaps := []courses.Gap{{Skill: "SQL", Want: 3}, {Skill: "ETL", Want: 3}, {Skill: "Apache Spark", Want: 3}}
	tests := []struct {
		name string
		req  courses.ExplainRequest
		want []string
	}{
		{"goal and CV", courses.ExplainRequest{Basis: courses.BasisGoalAndCV, Goal: goal, Gaps: gaps, Course: c, MatchedSkills: []string{"SQL", "ETL"}},
			[]string{"Teaches SQL and ETL, 2 of the 3 skills you still need for Data Engineer.", "An intermediate course (about 10 hours), free."}},
		{"goal only says the CV is missing", courses.ExplainRequest{Basis: courses.BasisGoalOnly, Goal: goal, Gaps: gaps, Course: c, MatchedSkills: []string{"SQL"}},
			[]string{"No CV has been analysed yet"}},
		{"CV only says the goal is missing", courses.ExplainRequest{Basis: courses.BasisCVOnly, Course: c, MatchedSkills: []string{"SQL"}, RoleMatch: "Data Analyst"},
			[]string{"Builds SQL, among the weakest skills in your CV.", "Relevant to Data Analyst", "Set a career goal"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := courses.TemplateReason(tt.req)
			for _, w := range tt.want {
				if !strings.Contains(got, w) {
					t.Fatalf("reason %q lacks %q", got, w)
				}
			}
		})
	}
}

type countingExplainer struct{ n int }

func (e *countingExplainer) Explain(_ context.Context, reqs []courses.ExplainRequest) ([]string, error) {
	e.n++
	return make([]string, len(reqs)-1), nil // one short: must be refused
}

func TestRecommendRefusesAShortExplanation(t *testing.T) {
	p := courses.Profile{Goal: &courses.Goal{RequiredSkills: []courses.SkillLevel{{Name: "SQL", Level: 3}}}}
	_, _, err := courses.Recommend(context.Background(), p, []*courses.Course{course("a", courses.Beginner, true, nil, "SQL")}, &countingExplainer{})
	if err == nil {
		t.Fatal("a wrong number of reasons was accepted")
	}
}

func TestRankLanguage(t *testing.T) {
	goal := &courses.Goal{TargetRoleTitle: "Data Engineer", RequiredSkills: []courses.SkillLevel{
		{Name: "SQL", Level: 3}, {Name: "ETL", Level: 3}}}
	in := func(lang string, c *courses.Course) *courses.Course { c.Language = lang; return c }
	cat := func() []*courses.Course {
		return []*courses.Course{
			in("ar", course("ar-sql", courses.Beginner, true, ptr(5), "SQL", "ETL")), // best score, but Arabic
			in("en", course("en-sql", courses.Beginner, false, nil, "SQL")),
			in("de", course("de-sql", courses.Beginner, true, ptr(5), "SQL")),
		}
	}
	tests := []struct {
		name      string
		languages []string
		want      []string
		foreign   map[string][]string // course id -> the skills it alone teaches
	}{
		{"English reader: readable courses first, a foreign one only for the uncovered skill",
			nil, []string{"en-sql", "ar-sql"}, map[string][]string{"ar-sql": {"ETL"}}},
		{"German reader also gets German courses as readable", []string{"de"},
			[]string{"de-sql", "en-sql", "ar-sql"}, map[string][]string{"ar-sql": {"ETL"}}},
		{"Arabic reader: nothing is foreign", []string{"ar"}, []string{"ar-sql", "en-sql"}, map[string][]string{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := courses.Profile{Goal: goal, Languages: tt.languages}
			ranked, _ := courses.Rank(p, cat())
			var got []string
			foreign := map[string][]string{}
			for _, s := range ranked {
				got = append(got, s.Course.ID)
				if s.Foreign {
					foreign[s.Course.ID] = s.Uncovered
				}
			}
			if !slices.Equal(got, tt.want) {
				t.Fatalf("ranked %v, want %v", got, tt.want)
			}
			if len(foreign) != len(tt.foreign) {
				t.Fatalf("foreign %v, want %v", foreign, tt.foreign)
			}
			for id, want := range tt.foreign {
				if !slices.Equal(foreign[id], want) {
					t.Fatalf("foreign %s uncovered %v, want %v", id, foreign[id], want)
				}
			}
		})
	}
	t.Run("the reason says the course is foreign and why, whatever the explainer", func(t *testing.T) {
		recs, _, err := courses.Recommend(context.Background(), courses.Profile{Goal: goal}, cat(), courses.TemplateExplainer{})
		if err != nil {
			t.Fatal(err)
		}
		last := recs[len(recs)-1]
		want := "Taught in Arabic: no course in a language you read teaches ETL."
		if last.CourseID != "ar-sql" || !strings.HasPrefix(last.Reason, want) {
			t.Fatalf("last recommendation %s: %q, want prefix %q", last.CourseID, last.Reason, want)
		}
		if strings.Contains(recs[0].Reason, "Taught in") {
			t.Fatalf("readable course carries a language note: %q", recs[0].Reason)
		}
	})
	t.Run("a readable course the user completed is not denied", func(t *testing.T) {
		withETL := append(cat(), in("en", course("en-etl", courses.Beginner, true, nil, "ETL")))
		p := courses.Profile{Goal: goal, Completed: []string{"en-etl"}}
		recs, _, err := courses.Recommend(context.Background(), p, withETL, courses.TemplateExplainer{})
		if err != nil {
			t.Fatal(err)
		}
		last := recs[len(recs)-1]
		want := "Taught in Arabic: no course in a language you read that you have not completed teaches ETL."
		if last.CourseID != "ar-sql" || !strings.HasPrefix(last.Reason, want) {
			t.Fatalf("last recommendation %s: %q, want prefix %q", last.CourseID, last.Reason, want)
		}
	})
}
