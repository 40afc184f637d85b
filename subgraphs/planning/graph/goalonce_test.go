package graph_test

import (
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/careercoach/coach/internal/db"
	"github.com/careercoach/coach/internal/dbtest"
	"github.com/careercoach/coach/subgraphs/planning"
	"github.com/careercoach/coach/subgraphs/planning/store"
)

// "Make X my goal" clicked twice, or by two tabs at once, is one goal: the
// existing open goal for the role is returned, with no second goal.changed.
func TestCreateGoalForARoleOnce(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		e := setup(t, d)
		ada := "user-ada"
		in := map[string]any{"i": map[string]any{"title": "Become a data scientist", "targetRoleId": "data-scientist"}}
		var first struct{ CreateGoal goalJSON }
		e.ok(ada, false, createGoal, in, &first)

		t.Run("sequential", func(t *testing.T) {
			var again struct{ CreateGoal goalJSON }
			e.ok(ada, false, createGoal, in, &again)
			if again.CreateGoal.ID != first.CreateGoal.ID {
				t.Fatalf("second create made goal %s, want the existing %s", again.CreateGoal.ID, first.CreateGoal.ID)
			}
		})
		t.Run("concurrent", func(t *testing.T) {
			// Straight at the store, released together, so the transactions overlap.
			st := store.New(d)
			start := make(chan struct{})
			var wg sync.WaitGroup
			ids := make([]string, 8)
			errs := make([]error, len(ids))
			for i := range ids {
				wg.Go(func() {
					now := time.Now()
					g := &planning.Goal{ID: fmt.Sprintf("race-%d", i), UserID: ada, Title: "Analyst", TargetRoleID: "data-analyst",
						Status: planning.GoalActive, CreatedAt: now, UpdatedAt: now}
					<-start
					got, err := st.CreateGoal(t.Context(), g, planning.GoalEvent{UserID: ada, GoalID: g.ID, Change: planning.ChangeCreated})
					if err == nil {
						ids[i] = got.ID
					}
					errs[i] = err
				})
			}
			close(start)
			wg.Wait()
			for i, id := range ids {
				if errs[i] != nil {
					t.Fatal(errs[i])
				}
				if id != ids[0] {
					t.Fatalf("concurrent creates made goals %v", ids)
				}
			}
		})
		t.Run("one goal and one event per role", func(t *testing.T) {
			var n int
			if err := d.QueryRow(`SELECT COUNT(*) FROM goals WHERE user_id = $1`, ada).Scan(&n); err != nil {
				t.Fatal(err)
			}
			if evs := outbox(t, d); n != 2 || len(evs) != 2 {
				t.Fatalf("%d goals and %d goal.changed events, want 2 and 2", n, len(evs))
			}
		})
		t.Run("an achieved goal does not block a new one", func(t *testing.T) {
			status := `mutation($id: ID!) { updateGoal(id: $id, input: {status: ACHIEVED}) { id } }`
			e.ok(ada, false, status, map[string]any{"id": first.CreateGoal.ID}, nil)
			var next struct{ CreateGoal goalJSON }
			e.ok(ada, false, createGoal, in, &next)
			if next.CreateGoal.ID == first.CreateGoal.ID {
				t.Fatal("a new goal for the role after the old one was achieved returned the achieved goal")
			}
		})
	}, store.Migrations()...)
}
