package graph_test

import (
	"fmt"
	"testing"

	"github.com/careercoach/coach/internal/bus/membus"
	"github.com/careercoach/coach/internal/db"
	"github.com/careercoach/coach/internal/dbtest"
	"github.com/careercoach/coach/internal/logging"
	"github.com/careercoach/coach/subgraphs/cv/store"
)

// TestEntityBatchIsBounded: the ids of a batch go into one SQL statement, so
// a batch larger than any query plan needs is refused, as in courses and
// planning.
func TestEntityBatchIsBounded(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		b := membus.New(logging.Discard(), membus.Options{})
		t.Cleanup(func() { _ = b.Close() })
		e := setup(t, d, b)
		reps := make([]any, 501)
		for i := range reps {
			reps[i] = map[string]any{"__typename": "CV", "id": fmt.Sprintf("cv-%d", i)}
		}
		q := `query($r: [_Any!]!) { _entities(representations: $r) { ... on CV { id } } }`
		if got := codes(e.do("ada", true, q, map[string]any{"r": reps})); got != "BAD_USER_INPUT" {
			t.Errorf("501 representations: codes %q, want BAD_USER_INPUT", got)
		}
		if got := codes(e.do("ada", true, q, map[string]any{"r": reps[:500]})); got != "NOT_FOUND" {
			t.Errorf("500 unknown representations: codes %q, want NOT_FOUND", got)
		}
	}, store.Migrations()...)
}
