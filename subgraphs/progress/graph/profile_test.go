package graph_test

import (
	"testing"

	"github.com/careercoach/coach/internal/bus"
	"github.com/careercoach/coach/internal/db"
	"github.com/careercoach/coach/internal/dbtest"
	"github.com/careercoach/coach/subgraphs/progress"
	"github.com/careercoach/coach/subgraphs/progress/store"
)

// User.skillProfile shows the combined levels with their sources, only to
// the user themself.
func TestSkillProfileField(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		e := setup(t, d)
		e.event("cv1", bus.CVAnalyzed, "ada", progress.CVAnalyzedEvent{UserID: "ada", CVID: "cv-1",
			Skills: []progress.CVSkill{{Name: "SQL", Level: 5, Evidence: "SQL reports"}, {Name: "Tableau", Level: 4}}})
		e.ok("ada", false, `mutation { assessSkill(skill: "sql", level: 3) { id } }`, nil, "", nil)

		const q = `query($r: [_Any!]!) { _entities(representations: $r) { ... on User { skillProfile { name level confidence sources { source level detail } } } } }`
		var got []struct {
			SkillProfile []struct {
				Name       string
				Level      int
				Confidence float64
				Sources    []struct {
					Source, Detail string
					Level          int
				}
			}
		}
		e.ok("ada", true, q, map[string]any{"r": []any{rep("User", "ada")}}, "_entities", &got)
		levels := map[string]int{}
		for _, s := range got[0].SkillProfile {
			levels[s.Name] = s.Level
			if s.Name == "SQL" && (len(s.Sources) != 2 || s.Sources[0].Source != "SELF" || s.Sources[1].Detail != "SQL reports") {
				t.Fatalf("SQL sources %+v, want the self-rating deciding and the CV's evidence second", s.Sources)
			}
		}
		if levels["SQL"] != 3 || levels["Tableau"] != 4 || levels["Data Visualization"] != 3 {
			t.Fatalf("profile levels %v", levels)
		}
		if codes(e.do("bob", true, q, map[string]any{"r": []any{rep("User", "ada")}})) != "NOT_FOUND" {
			t.Fatal("another user read ada's profile")
		}
	}, store.Migrations()...)
}
