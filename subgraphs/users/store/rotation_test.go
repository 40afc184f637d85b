package store_test

import (
	"context"
	"errors"
	"sync"
	"testing"
	"time"

	"github.com/google/uuid"

	"github.com/careercoach/coach/internal/db"
	"github.com/careercoach/coach/subgraphs/users"
	"github.com/careercoach/coach/subgraphs/users/store"
)

// TestRefreshGrace: within the grace window a rotated token yields the
// successor it was rotated to (two tabs refreshing at once); after it, or
// asking for another successor, reuse revokes the family.
func TestRefreshGrace(t *testing.T) {
	each(t, func(t *testing.T, s *store.Store, d *db.DB) {
		ctx := context.Background()
		u := newUser(t, s, "ada@example.com")
		now := db.UTC(time.Now()) // as stored: the window's end is exact
		const grace = 30 * time.Second
		tok := func(hash, family string) users.RefreshToken {
			return users.RefreshToken{ID: uuid.NewString(), FamilyID: family, UserID: u.ID, Hash: hash, ExpiresAt: now.Add(time.Hour), CreatedAt: now}
		}
		next := func(hash string) users.RefreshToken { return tok(hash, "") }

		t.Run("ten parallel refreshes of one token get one successor", func(t *testing.T) {
			if err := s.CreateRefreshToken(ctx, tok("p1", "famP")); err != nil {
				t.Fatal(err)
			}
			ids := make(chan string, 10)
			var wg sync.WaitGroup
			for range 10 {
				wg.Go(func() {
					got, err := s.RotateRefreshToken(ctx, "p1", next("p2"), now, grace)
					if err != nil {
						t.Error(err)
						return
					}
					ids <- got.ID
				})
			}
			wg.Wait()
			close(ids)
			seen := map[string]int{}
			for id := range ids {
				seen[id]++
			}
			if len(seen) != 1 {
				t.Fatalf("successor ids %v, want one", seen)
			}
			var rows int
			if err := d.QueryRowContext(ctx, `SELECT COUNT(*) FROM refresh_tokens WHERE family_id = 'famP' AND revoked_at IS NULL`).Scan(&rows); err != nil || rows != 2 {
				t.Fatalf("%d live tokens in the family (%v), want 2 (the used one and its successor)", rows, err)
			}
			if _, err := s.RotateRefreshToken(ctx, "p2", next("p3"), now.Add(time.Second), grace); err != nil {
				t.Fatalf("the successor does not rotate: %v", err)
			}
		})
		t.Run("within grace, another successor is reuse", func(t *testing.T) {
			if err := s.CreateRefreshToken(ctx, tok("o1", "famO")); err != nil {
				t.Fatal(err)
			}
			if _, err := s.RotateRefreshToken(ctx, "o1", next("o2"), now, grace); err != nil {
				t.Fatal(err)
			}
			if _, err := s.RotateRefreshToken(ctx, "o1", next("forged"), now.Add(time.Second), grace); !errors.Is(err, users.ErrTokenReuse) {
				t.Fatalf("err = %v, want ErrTokenReuse", err)
			}
			if _, err := s.RotateRefreshToken(ctx, "o2", next("o3"), now.Add(2*time.Second), grace); !errors.Is(err, users.ErrTokenInvalid) {
				t.Fatalf("the family survived: %v", err)
			}
		})
		t.Run("after grace, reuse revokes the family", func(t *testing.T) {
			if err := s.CreateRefreshToken(ctx, tok("g1", "famG")); err != nil {
				t.Fatal(err)
			}
			first, err := s.RotateRefreshToken(ctx, "g1", next("g2"), now, grace)
			if err != nil {
				t.Fatal(err)
			}
			again, err := s.RotateRefreshToken(ctx, "g1", next("g2"), now.Add(grace), grace)
			if err != nil || again.ID != first.ID {
				t.Fatalf("at the end of the window: %+v %v, want successor %s", again, err, first.ID)
			}
			if _, err := s.RotateRefreshToken(ctx, "g1", next("g2"), now.Add(grace+time.Second), grace); !errors.Is(err, users.ErrTokenReuse) {
				t.Fatalf("err = %v, want ErrTokenReuse", err)
			}
			if _, err := s.RotateRefreshToken(ctx, "g2", next("g3"), now.Add(grace+2*time.Second), grace); !errors.Is(err, users.ErrTokenInvalid) {
				t.Fatalf("the successor survived the revocation: %v", err)
			}
		})
	})
}
