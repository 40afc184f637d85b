package graph_test

import (
	"fmt"
	"testing"

	"github.com/careercoach/coach/internal/db"
	"github.com/careercoach/coach/internal/dbtest"
	"github.com/careercoach/coach/subgraphs/progress/store"
)

// TestEntityBatchIsBounded: the ids of a batch go into one SQL statement, so
// a batch larger than any query plan needs is refused, as in courses and
// planning.
func TestEntityBatchIsBounded(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		e := setup(t, d)
		for _, typ := range []string{"CareerGoal", "Course"} {
			reps := make([]any, 501)
			for i := range reps {
				reps[i] = rep(typ, fmt.Sprintf("id-%d", i))
			}
			q := `query($r: [_Any!]!) { _entities(representations: $r) { __typename } }`
			if got := codes(e.do("ada", true, q, map[string]any{"r": reps})); got != "BAD_USER_INPUT" {
				t.Errorf("%d %s representations: codes %q, want BAD_USER_INPUT", len(reps), typ, got)
			}
			if got := codes(e.do("ada", true, q, map[string]any{"r": reps[:500]})); got == "BAD_USER_INPUT" {
				t.Errorf("500 %s representations refused", typ)
			}
		}
	}, store.Migrations()...)
}
