package graph_test

import (
	"testing"

	"github.com/careercoach/coach/internal/bus"
	"github.com/careercoach/coach/internal/db"
	"github.com/careercoach/coach/internal/dbtest"
	"github.com/careercoach/coach/subgraphs/progress"
	"github.com/careercoach/coach/subgraphs/progress/store"
)

// The attack: a NUL byte in a text input failed on PostgreSQL with
// INTERNAL_SERVER_ERROR (SQLite stored it). Every subgraph now refuses
// control characters in text inputs with BAD_USER_INPUT before a resolver
// runs, on both databases, and writes nothing; free-text fields keep their
// tabs and line breaks.
func TestControlCharactersInTextInput(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		e := setup(t, d)
		e.event("g1", bus.GoalChanged, "ada", progress.GoalChanged{UserID: "ada", GoalID: "goal-1", Change: "created"})
		const assess = `mutation($s: String!, $n: String) { assessSkill(skill: $s, level: 2, note: $n) { note } }`
		const milestone = `mutation($i: MilestoneInput!) { createMilestone(input: $i) { title description } }`
		refused := []struct {
			name  string
			query string
			vars  map[string]any
		}{
			{"NUL in a note", assess, map[string]any{"s": "Go", "n": "a\x00b"}},
			{"bell in a skill", assess, map[string]any{"s": "Go\a", "n": "fine"}},
			{"line break in a skill", assess, map[string]any{"s": "Go\nRust"}},
			{"C1 control in a note", assess, map[string]any{"s": "Go", "n": "a\u0085b"}},
			{"NUL in an input object", milestone, map[string]any{"i": map[string]any{"goalId": "goal-1", "title": "Pass\x00CKA"}}},
			{"escape in a free-text field", milestone, map[string]any{"i": map[string]any{"goalId": "goal-1", "title": "t", "description": "\x1b[31mred"}}},
			{"NUL in a literal", `mutation { assessSkill(skill: "Go", level: 2, note: "a\u0000b") { note } }`, nil},
			{"NUL in an object literal", `mutation { createMilestone(input: {goalId: "goal-1", title: "x\u0000"}) { id } }`, nil},
			{"NUL in a fragment's literal", `mutation { ...F } fragment F on Mutation { assessSkill(skill: "Go\u0000", level: 1) { note } }`, nil},
		}
		for _, tt := range refused {
			t.Run(tt.name, func(t *testing.T) {
				resp := e.do("ada", false, tt.query, tt.vars)
				if got := codes(resp); got != "BAD_USER_INPUT" {
					t.Fatalf("codes %q, want BAD_USER_INPUT: %+v", got, resp.Errors)
				}
			})
		}
		for _, table := range []string{"assessments", "milestones"} {
			var n int
			if err := d.QueryRowContext(t.Context(), `SELECT COUNT(*) FROM `+table).Scan(&n); err != nil || n != 0 {
				t.Errorf("%s: %d rows after refused input (err %v), want 0", table, n, err)
			}
		}

		t.Run("free text keeps tabs and line breaks", func(t *testing.T) {
			var m struct{ Title, Description string }
			e.ok("ada", false, milestone, map[string]any{"i": map[string]any{"goalId": "goal-1", "title": "Pass CKA", "description": "Week 1:\tpods\r\nWeek 2:\tnetworking"}}, "createMilestone", &m)
			if m.Description != "Week 1:\tpods\r\nWeek 2:\tnetworking" {
				t.Fatalf("description %q", m.Description)
			}
			var a struct{ Note string }
			e.ok("ada", false, assess, map[string]any{"s": "Go", "n": "line one\nline two, ünïcødé ✓"}, "assessSkill", &a)
			if a.Note != "line one\nline two, ünïcødé ✓" {
				t.Fatalf("note %q", a.Note)
			}
		})
	}, store.Migrations()...)
}
