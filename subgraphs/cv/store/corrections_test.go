package store_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/careercoach/coach/internal/db"
	"github.com/careercoach/coach/internal/dbtest"
	"github.com/careercoach/coach/subgraphs/cv"
	"github.com/careercoach/coach/subgraphs/cv/store"
)

// Two requests made from the same corrections both pass the service's
// check before either writes; the store's check, under the job row lock,
// refuses the second instead of letting it overwrite the first.
func TestSaveCorrectionsVersion(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		s := store.New(d)
		c := upload(t, s, "ada", t0)
		j, err := s.ClaimJob(ctx, "w1", t0, time.Minute)
		if err != nil || j == nil {
			t.Fatalf("claim: %v %v", j, err)
		}
		if err := s.CompleteJob(ctx, j, result(70), t0.Add(time.Second)); err != nil {
			t.Fatal(err)
		}
		with := func(removed string, at time.Time) cv.Result {
			r := result(70)
			r.Corrections = &cv.Corrections{RemovedSkills: []string{removed}, UpdatedAt: at}
			return r
		}
		v1 := t0.Add(2 * time.Second)
		if err := s.SaveCorrections(ctx, c.ID, with("Go", v1), nil, v1); err != nil {
			t.Fatalf("first set: %v", err)
		}
		v2 := t0.Add(3 * time.Second)
		if err := s.SaveCorrections(ctx, c.ID, with("SQL", v2), nil, v2); !errors.Is(err, cv.ErrStaleCorrections) {
			t.Fatalf("second set made from none: %v, want ErrStaleCorrections", err)
		}
		got, err := s.CorrectionsOf(ctx, c.ID)
		if err != nil || got == nil || got.RemovedSkills[0] != "Go" || !got.UpdatedAt.Equal(v1) {
			t.Fatalf("stored %+v, %v; want the first set", got, err)
		}
		if err := s.SaveCorrections(ctx, c.ID, with("SQL", v2), &v1, v2); err != nil {
			t.Fatalf("set made from the first: %v", err)
		}
	}, store.Migrations()...)
}
