package store_test

import (
	"context"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/careercoach/coach/internal/db"
	"github.com/careercoach/coach/subgraphs/users"
	"github.com/careercoach/coach/subgraphs/users/store"
)

func TestLoginThrottle(t *testing.T) {
	each(t, func(t *testing.T, s *store.Store, d *db.DB) {
		ctx := context.Background()
		now := time.Now().UTC().Truncate(time.Second)
		state := func(t *testing.T, key string) users.ThrottleState {
			t.Helper()
			st, err := s.LoginThrottle(ctx, key)
			if err != nil {
				t.Fatal(err)
			}
			return st
		}
		t.Run("an unknown key is the zero state", func(t *testing.T) {
			if st := state(t, "email:none"); st != (users.ThrottleState{}) {
				t.Fatalf("got %+v", st)
			}
		})
		t.Run("swap inserts, then updates only the version read", func(t *testing.T) {
			next := users.ThrottleState{Failures: 1, NextAt: now.Add(time.Second), LastAt: now}
			if ok, err := s.SwapLoginThrottle(ctx, "email:a", 0, next); err != nil || !ok {
				t.Fatalf("insert: %v %v", ok, err)
			}
			if ok, _ := s.SwapLoginThrottle(ctx, "email:a", 0, next); ok {
				t.Fatal("a second insert of the same key succeeded")
			}
			st := state(t, "email:a")
			if st.Failures != 1 || !st.NextAt.Equal(next.NextAt) || st.Version != 1 {
				t.Fatalf("got %+v", st)
			}
			next.Failures = 2
			if ok, _ := s.SwapLoginThrottle(ctx, "email:a", st.Version+1, next); ok {
				t.Fatal("an update with a stale version succeeded")
			}
			if ok, err := s.SwapLoginThrottle(ctx, "email:a", st.Version, next); err != nil || !ok {
				t.Fatalf("update: %v %v", ok, err)
			}
			if st := state(t, "email:a"); st.Failures != 2 || st.Version != 2 {
				t.Fatalf("got %+v", st)
			}
		})
		t.Run("refund takes back one attempt, never below zero", func(t *testing.T) {
			for range 3 {
				if err := s.RefundLoginAttempt(ctx, "email:a"); err != nil {
					t.Fatal(err)
				}
			}
			if st := state(t, "email:a"); st.Failures != 0 {
				t.Fatalf("got %+v", st)
			}
		})
		t.Run("parallel swaps of one version: exactly one wins", func(t *testing.T) {
			st := state(t, "email:a")
			var wins atomic.Int32
			var wg sync.WaitGroup
			for i := range 20 {
				wg.Go(func() {
					ok, err := s.SwapLoginThrottle(ctx, "email:a", st.Version, users.ThrottleState{Failures: i, NextAt: now, LastAt: now})
					if err != nil {
						t.Error(err)
					}
					if ok {
						wins.Add(1)
					}
				})
			}
			wg.Wait()
			if wins.Load() != 1 {
				t.Fatalf("%d swaps won, want 1", wins.Load())
			}
		})
		t.Run("clear and prune", func(t *testing.T) {
			old := users.ThrottleState{Failures: 1, NextAt: now.Add(-2 * time.Hour), LastAt: now.Add(-2 * time.Hour)}
			if ok, err := s.SwapLoginThrottle(ctx, "ip:old", 0, old); err != nil || !ok {
				t.Fatalf("insert: %v %v", ok, err)
			}
			if err := s.PruneLoginThrottle(ctx, now.Add(-time.Hour)); err != nil {
				t.Fatal(err)
			}
			if st := state(t, "ip:old"); st.Version != 0 {
				t.Fatalf("quiet key survived pruning: %+v", st)
			}
			if st := state(t, "email:a"); st.Version == 0 {
				t.Fatal("a recent key was pruned")
			}
			if err := s.ClearLoginThrottle(ctx, "email:a"); err != nil {
				t.Fatal(err)
			}
			if st := state(t, "email:a"); st.Version != 0 {
				t.Fatalf("cleared key still there: %+v", st)
			}
		})
	})
}
