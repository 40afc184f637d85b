package graph_test

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/careercoach/coach/internal/bus"
	"github.com/careercoach/coach/internal/db"
	"github.com/careercoach/coach/internal/dbtest"
	"github.com/careercoach/coach/subgraphs/planning"
	"github.com/careercoach/coach/subgraphs/planning/store"
)

const createGoal = `mutation($i: CreateGoalInput!) { createGoal(input: $i) { id title description status targetDate targetRole { id title } } }`

type goalJSON struct {
	ID          string  `json:"id"`
	Title       string  `json:"title"`
	Description string  `json:"description"`
	Status      string  `json:"status"`
	TargetDate  *string `json:"targetDate"`
	TargetRole  struct {
		ID string `json:"id"`
	} `json:"targetRole"`
}

// outbox returns the goal.changed payloads waiting in the outbox, oldest first.
func outbox(t *testing.T, d *db.DB) []planning.GoalEvent {
	t.Helper()
	rows, err := d.Query(`SELECT type, payload FROM bus_outbox ORDER BY occurred_at, id`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []planning.GoalEvent
	for rows.Next() {
		var typ, payload string
		if err := rows.Scan(&typ, &payload); err != nil {
			t.Fatal(err)
		}
		if typ != bus.GoalChanged {
			t.Fatalf("unexpected event type %s", typ)
		}
		var ev planning.GoalEvent
		if err := json.Unmarshal([]byte(payload), &ev); err != nil {
			t.Fatal(err)
		}
		out = append(out, ev)
	}
	return out
}

func TestGoals(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		e := setup(t, d)
		ada, bob := "user-ada", "user-bob"
		date := time.Now().AddDate(0, 6, 0).UTC().Truncate(time.Second).Format(time.RFC3339)

		var created struct{ CreateGoal goalJSON }
		e.ok(ada, false, createGoal, map[string]any{"i": map[string]any{"title": "  Become a data engineer ", "targetRoleId": "data-engineer", "targetDate": date}}, &created)
		g := created.CreateGoal
		if g.Title != "Become a data engineer" || g.Status != "ACTIVE" || g.TargetRole.ID != "data-engineer" || g.TargetDate == nil || *g.TargetDate != date {
			t.Fatalf("created %+v", g)
		}

		t.Run("create is validated", func(t *testing.T) {
			tests := []struct {
				name  string
				input map[string]any
			}{
				{"empty title", map[string]any{"title": "  ", "targetRoleId": "data-engineer"}},
				{"long title", map[string]any{"title": strings.Repeat("x", planning.MaxGoalTitleLen+1), "targetRoleId": "data-engineer"}},
				{"long description", map[string]any{"title": "t", "description": strings.Repeat("x", planning.MaxGoalDescriptionLen+1), "targetRoleId": "data-engineer"}},
				{"unknown role", map[string]any{"title": "t", "targetRoleId": "wizard"}},
				{"date far in the past", map[string]any{"title": "t", "targetRoleId": "data-engineer", "targetDate": "1999-01-01T00:00:00Z"}},
				{"control characters", map[string]any{"title": "a\x00b", "targetRoleId": "data-engineer"}},
			}
			for _, tt := range tests {
				t.Run(tt.name, func(t *testing.T) {
					if got := codes(e.do(ada, false, createGoal, map[string]any{"i": tt.input})); got != "BAD_USER_INPUT" {
						t.Fatalf("codes %q, want BAD_USER_INPUT", got)
					}
				})
			}
			if got := codes(e.do("", false, createGoal, map[string]any{"i": map[string]any{"title": "t", "targetRoleId": "data-engineer"}})); got != "UNAUTHENTICATED" {
				t.Fatalf("anonymous create: %q", got)
			}
		})

		t.Run("owner reads the goal, others do not", func(t *testing.T) {
			q := `query($id: ID!) { goal(id: $id) { id title } }`
			var got struct{ Goal goalJSON }
			e.ok(ada, false, q, map[string]any{"id": g.ID}, &got)
			if got.Goal.ID != g.ID {
				t.Fatalf("goal %+v", got.Goal)
			}
			if resp := e.do(bob, false, q, map[string]any{"id": g.ID}); codes(resp) != "NOT_FOUND" || strings.Contains(string(resp.Data), "data engineer") {
				t.Fatalf("bob read ada's goal: %s %+v", resp.Data, resp.Errors)
			}
			// Through the router: User.goals for the caller only, CareerGoal entities for the owner only.
			var ents struct {
				Entities []json.RawMessage `json:"_entities"`
			}
			e.ok(ada, true, entities("id goals { id title }", "", ""), map[string]any{"r": []any{userRep(ada)}}, &ents)
			if !strings.Contains(string(ents.Entities[0]), g.ID) {
				t.Fatalf("ada's goals: %s", ents.Entities[0])
			}
			resp := e.do(bob, true, entities("id goals { id }", "", ""), map[string]any{"r": []any{userRep(ada)}})
			if codes(resp) != "NOT_FOUND" || strings.Contains(string(resp.Data), g.ID) {
				t.Fatalf("bob resolved ada's user entity: %s %+v", resp.Data, resp.Errors)
			}
			resp = e.do(bob, true, entities("", "id title", ""), map[string]any{"r": []any{map[string]any{"__typename": "CareerGoal", "id": g.ID}}})
			if codes(resp) != "NOT_FOUND" || strings.Contains(string(resp.Data), "data engineer") {
				t.Fatalf("bob resolved ada's goal entity: %s %+v", resp.Data, resp.Errors)
			}
			e.ok(ada, true, entities("", "id title", ""), map[string]any{"r": []any{map[string]any{"__typename": "CareerGoal", "id": g.ID}}}, &ents)
			if !strings.Contains(string(ents.Entities[0]), "Become a data engineer") {
				t.Fatalf("ada's goal entity: %s", ents.Entities[0])
			}
		})

		t.Run("only the owner changes or deletes", func(t *testing.T) {
			upd := `mutation($id: ID!, $i: UpdateGoalInput!) { updateGoal(id: $id, input: $i) { id title status targetDate targetRole { id } } }`
			if got := codes(e.do(bob, false, upd, map[string]any{"id": g.ID, "i": map[string]any{"title": "hijacked"}})); got != "NOT_FOUND" {
				t.Fatalf("bob's update: %q", got)
			}
			if got := codes(e.do(bob, false, `mutation($id: ID!) { deleteGoal(id: $id) }`, map[string]any{"id": g.ID})); got != "NOT_FOUND" {
				t.Fatalf("bob's delete: %q", got)
			}
			var got struct{ UpdateGoal goalJSON }
			e.ok(ada, false, upd, map[string]any{"id": g.ID, "i": map[string]any{"status": "PAUSED", "targetRoleId": "machine-learning-engineer", "targetDate": nil}}, &got)
			if got.UpdateGoal.Title != "Become a data engineer" || got.UpdateGoal.Status != "PAUSED" || got.UpdateGoal.TargetRole.ID != "machine-learning-engineer" || got.UpdateGoal.TargetDate != nil {
				t.Fatalf("updated %+v", got.UpdateGoal)
			}
			if got := codes(e.do(ada, false, upd, map[string]any{"id": g.ID, "i": map[string]any{"targetRoleId": "wizard"}})); got != "BAD_USER_INPUT" {
				t.Fatalf("bad update: %q", got)
			}
		})

		t.Run("goal.changed is in the outbox for every change", func(t *testing.T) {
			var del struct{ DeleteGoal string }
			e.ok(ada, false, `mutation($id: ID!) { deleteGoal(id: $id) }`, map[string]any{"id": g.ID}, &del)
			if del.DeleteGoal != g.ID {
				t.Fatalf("deleted %q", del.DeleteGoal)
			}
			evs := outbox(t, d)
			if len(evs) != 3 {
				t.Fatalf("%d events, want created, updated, deleted: %+v", len(evs), evs)
			}
			for i, want := range []string{planning.ChangeCreated, planning.ChangeUpdated, planning.ChangeDeleted} {
				ev := evs[i]
				if ev.Change != want || ev.UserID != ada || ev.GoalID != g.ID || len(ev.RequiredSkills) == 0 || ev.TargetRoleTitle == "" {
					t.Errorf("event %d: %+v", i, ev)
				}
			}
			if evs[0].TargetRoleID != "data-engineer" || evs[1].TargetRoleID != "machine-learning-engineer" || evs[1].Status != string(planning.GoalPaused) {
				t.Errorf("events do not follow the changes: %+v", evs)
			}
			if resp := e.do(ada, false, `query($id: ID!) { goal(id: $id) { id } }`, map[string]any{"id": g.ID}); codes(resp) != "NOT_FOUND" {
				t.Fatalf("deleted goal still readable: %+v", resp)
			}
		})

		t.Run("a failed change writes no event", func(t *testing.T) {
			before := len(outbox(t, d))
			_ = e.do(bob, false, `mutation($id: ID!) { deleteGoal(id: $id) }`, map[string]any{"id": "missing"})
			if after := len(outbox(t, d)); after != before {
				t.Fatalf("outbox grew from %d to %d on a failed delete", before, after)
			}
		})

		t.Run("goal limit", func(t *testing.T) {
			st := store.New(d)
			for i := range planning.MaxGoalsPerUser {
				now := time.Now()
				// Achieved goals: an open goal for the role would be returned instead.
				g := &planning.Goal{ID: "limit-" + string(rune('a'+i%26)) + time.Now().Format("150405.000000000"), UserID: "user-carol", Title: "t", TargetRoleID: "data-analyst", Status: planning.GoalAchieved, CreatedAt: now, UpdatedAt: now}
				if _, err := st.CreateGoal(t.Context(), g, planning.GoalEvent{UserID: "user-carol", GoalID: g.ID, Change: planning.ChangeCreated}); err != nil {
					t.Fatal(err)
				}
			}
			if got := codes(e.do("user-carol", false, createGoal, map[string]any{"i": map[string]any{"title": "one more", "targetRoleId": "data-analyst"}})); got != "BAD_USER_INPUT" {
				t.Fatalf("over the limit: %q", got)
			}
		})
	}, store.Migrations()...)
}
