package graph_test

import (
	"testing"
	"time"

	"github.com/careercoach/coach/internal/bus"
	"github.com/careercoach/coach/internal/db"
	"github.com/careercoach/coach/internal/dbtest"
	"github.com/careercoach/coach/subgraphs/planning"
	"github.com/careercoach/coach/subgraphs/planning/store"
)

// The gap and the career path read one skill profile (skillprofile.changed):
// a skill the gap calls matched is never one to gain on the path, and a skill
// under level starts on the path from the level the gap shows.
func TestGapAndPathAgreeOnTheProfile(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		e := setup(t, d)
		ada := "user-ada"
		now := time.Now().UTC()
		e.publish(bus.SkillProfileChanged, ada, map[string]any{"userId": ada, "skills": []map[string]any{
			{"name": "Python", "level": 4}, {"name": "SQL", "level": 2}, {"name": "Statistics", "level": 3}, {"name": "Machine Learning", "level": 2}}}, now)

		// The CV's skills in the representation say Python 2: the profile
		// (where a quiz or course may have moved it) wins.
		q := entities(`id skillGap(targetRole: "data-scientist") { matched { name requiredLevel level } missing { name requiredLevel level } underLevel { name requiredLevel level } readinessPercent }`, "", "")
		var got struct {
			Entities []struct{ SkillGap gapJSON } `json:"_entities"`
		}
		e.ok(ada, true, q, map[string]any{"r": []any{userRep(ada, planning.SkillLevel{Name: "Python", Level: 2})}}, &got)
		g := got.Entities[0].SkillGap
		level := map[string]int{}
		for _, items := range [][]struct {
			Name          string
			RequiredLevel int
			Level         int
		}{g.Matched, g.UnderLevel, g.Missing} {
			for _, it := range items {
				level[it.Name] = it.Level
			}
		}
		if level["Python"] != 4 || level["SQL"] != 2 {
			t.Fatalf("gap levels %v, want the profile's Python 4 and SQL 2", level)
		}

		var p struct {
			CareerPath struct {
				Steps []struct {
					To           struct{ ID string }
					SkillsToGain []struct {
						Name      string
						FromLevel int
						ToLevel   int
					}
				}
			}
		}
		e.ok(ada, false, `{ careerPath(from: "data-analyst", to: "data-scientist") { steps { to { id } skillsToGain { name fromLevel toLevel } } } }`, nil, &p)
		if len(p.CareerPath.Steps) == 0 {
			t.Fatal("no path from data analyst to data scientist")
		}
		last := p.CareerPath.Steps[len(p.CareerPath.Steps)-1]
		for _, s := range last.SkillsToGain {
			if s.FromLevel < level[s.Name] {
				t.Errorf("path: %s from level %d, but the gap shows level %d", s.Name, s.FromLevel, level[s.Name])
			}
			for _, m := range g.Matched {
				if m.Name == s.Name {
					t.Errorf("path asks to gain %s, which the gap calls matched", s.Name)
				}
			}
		}
		for _, s := range last.SkillsToGain {
			if s.Name == "Python" {
				t.Errorf("path lists Python %d → %d although the profile holds 4", s.FromLevel, s.ToLevel)
			}
		}
	}, store.Migrations()...)
}

// Each change of the profile that moves readiness for an active goal's role
// is kept, for a chart: a point per change, none when the level stays.
func TestReadinessHistory(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		e := setup(t, d)
		ada := "user-ada"
		// Events come after the goal in real life: their times follow it.
		t0 := time.Now().UTC().Add(time.Minute)
		e.publish(bus.SkillProfileChanged, ada, map[string]any{"userId": ada, "skills": []map[string]any{{"name": "SQL", "level": 1}}}, time.Now().UTC())
		e.ok(ada, false, createGoal, map[string]any{"i": map[string]any{"title": "Data scientist", "targetRoleId": "data-scientist"}}, nil)
		profile := func(at time.Time, skills ...map[string]any) {
			e.publish(bus.SkillProfileChanged, ada, map[string]any{"userId": ada, "skills": skills}, at)
		}
		profile(t0, map[string]any{"name": "Python", "level": 2})
		profile(t0.Add(time.Minute), map[string]any{"name": "Python", "level": 2}, map[string]any{"name": "Tableau", "level": 1}) // no readiness change
		profile(t0.Add(2*time.Minute), map[string]any{"name": "Python", "level": 4}, map[string]any{"name": "SQL", "level": 3})

		q := entities(`readinessHistory(targetRole: "data-scientist") { readinessPercent at }`, "", "")
		var got struct {
			Entities []struct {
				ReadinessHistory []struct {
					ReadinessPercent int
					At               time.Time
				}
			} `json:"_entities"`
		}
		e.ok(ada, true, q, map[string]any{"r": []any{userRep(ada)}}, &got)
		h := got.Entities[0].ReadinessHistory
		// The goal's start (SQL 1), then two changes that moved readiness
		// (the one in between did not).
		if len(h) != 3 || h[0].ReadinessPercent >= h[1].ReadinessPercent || h[1].ReadinessPercent >= h[2].ReadinessPercent {
			t.Fatalf("history %+v, want three rising points oldest first", h)
		}
		var gap struct {
			Entities []struct{ SkillGap gapJSON } `json:"_entities"`
		}
		e.ok(ada, true, entities(`skillGap(targetRole: "data-scientist") { readinessPercent }`, "", ""), map[string]any{"r": []any{userRep(ada)}}, &gap)
		if gap.Entities[0].SkillGap.ReadinessPercent != h[2].ReadinessPercent {
			t.Fatalf("latest point %d%%, gap %d%%: the chart and the gap disagree", h[2].ReadinessPercent, gap.Entities[0].SkillGap.ReadinessPercent)
		}
		if got := codes(e.do("user-bob", true, q, map[string]any{"r": []any{userRep(ada)}})); got == "" {
			t.Fatal("another user read ada's readiness history")
		}
	}, store.Migrations()...)
}
