package store_test

import (
	"context"
	"testing"
	"time"

	"github.com/careercoach/coach/internal/db"
	"github.com/careercoach/coach/internal/dbtest"
	"github.com/careercoach/coach/subgraphs/cv"
	"github.com/careercoach/coach/subgraphs/cv/store"
)

// TestFairClaims replays issue 20's queue starvation: one user uploads six
// files that each hold a worker for a long time, then another user uploads
// a CV. The other user's job is claimed next, not after the six.
func TestFairClaims(t *testing.T) {
	const lease = 30 * time.Second
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		s := store.New(d)
		var flood []*cv.CV
		for i := range 6 {
			flood = append(flood, upload(t, s, "mallory", t0.Add(time.Duration(i)*time.Second)))
		}
		ada := upload(t, s, "ada", t0.Add(time.Minute))
		now := t0.Add(2 * time.Minute)
		claim := func(owner string) *cv.Job {
			t.Helper()
			j, err := s.ClaimJob(ctx, owner, now, lease)
			if err != nil {
				t.Fatal(err)
			}
			return j
		}

		w1 := claim("w1")
		if w1 == nil || w1.CVID != flood[0].ID {
			t.Fatalf("first claim %+v, want mallory's oldest job", w1)
		}
		w2 := claim("w2")
		if w2 == nil || w2.CVID != ada.ID {
			t.Fatalf("second claim %+v, want ada's job (mallory already holds a worker)", w2)
		}
		if j := claim("w3"); j != nil {
			t.Fatalf("third claim %+v: mallory may hold only one worker", j)
		}

		// Mallory's file fails for good; the next of hers runs only now.
		if final, err := s.FailJob(ctx, w1, cv.Failure{Code: cv.FailCorrupt, Message: "loops"}, now, time.Minute); err != nil || !final {
			t.Fatalf("fail: %v, final %v", err, final)
		}
		now = now.Add(time.Second)
		w1 = claim("w1")
		if w1 == nil || w1.CVID != flood[1].ID {
			t.Fatalf("after the failure %+v, want mallory's second job", w1)
		}

		// Round robin: ada finishes and uploads again; bob arrives. Bob
		// was never served, so he goes before ada, whose turn comes before
		// mallory's next job (mallory still holds her one worker).
		if err := s.CompleteJob(ctx, w2, result(70), now); err != nil {
			t.Fatal(err)
		}
		ada2 := upload(t, s, "ada", now)
		bob := upload(t, s, "bob", now.Add(time.Second))
		now = now.Add(2 * time.Second)
		if j := claim("w2"); j == nil || j.CVID != bob.ID {
			t.Fatalf("claim %+v, want bob's (never served) before ada's", j)
		}
		if j := claim("w3"); j == nil || j.CVID != ada2.ID {
			t.Fatalf("claim %+v, want ada's second job", j)
		}
		if j := claim("w4"); j != nil {
			t.Fatalf("claim %+v: every user already holds a worker", j)
		}

		// A dead worker's job is still its user's one slot: it is claimed
		// again when its lease ends, and nothing else of that user before.
		now = now.Add(lease + time.Second)
		seen := map[string]bool{}
		for range 3 {
			j := claim("w5")
			if j == nil {
				t.Fatal("no claim after the leases ended")
			}
			seen[j.UserID] = true
			if j.UserID == "mallory" && j.CVID != flood[1].ID {
				t.Fatalf("mallory's job %s claimed while her expired job %s was pending", j.CVID, flood[1].ID)
			}
		}
		if len(seen) != 3 {
			t.Fatalf("reclaimed users %v, want mallory, ada and bob", seen)
		}
	}, store.Migrations()...)
}
