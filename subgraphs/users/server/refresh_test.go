package server_test

import (
	"sync"
	"testing"
	"time"

	"github.com/careercoach/coach/internal/db"
	"github.com/careercoach/coach/internal/dbtest"
	"github.com/careercoach/coach/subgraphs/users/oauth"
	"github.com/careercoach/coach/subgraphs/users/server"
	"github.com/careercoach/coach/subgraphs/users/store"
)

// TestParallelRefreshesKeepTheSession replays ten parallel refreshes of one
// refresh token (two tabs waking up): within the grace window every one
// gets the same successor and the session lives on; a reuse after the
// window still signs the session out.
func TestParallelRefreshesKeepTheSession(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		const grace = 2 * time.Second
		h := start(t, d, oauth.Config{}, func(c *server.Config) { c.RefreshGrace = grace })
		h.signUp("ada@example.com", "Ada", password)
		_, body := h.post("/auth/login", map[string]any{"email": "ada@example.com", "password": password, "includeRefreshToken": true})
		first, _ := body["refreshToken"].(string)
		if first == "" {
			t.Fatalf("login: %v", body)
		}

		var mu sync.Mutex
		got := map[string]int{}
		var wg sync.WaitGroup
		for range 10 {
			wg.Go(func() {
				resp, body := h.post("/auth/refresh", map[string]any{"refreshToken": first})
				mu.Lock()
				defer mu.Unlock()
				if resp.StatusCode != 200 {
					t.Errorf("a parallel refresh got %d %v", resp.StatusCode, body)
					return
				}
				got[body["refreshToken"].(string)]++
			})
		}
		wg.Wait()
		if len(got) != 1 {
			t.Fatalf("%d different successors, want 1", len(got))
		}
		var next string
		for tok := range got {
			next = tok
		}
		if next == first {
			t.Fatal("the token was not rotated")
		}
		t.Run("the successor carries the session on", func(t *testing.T) {
			resp, body := h.post("/auth/refresh", map[string]any{"refreshToken": next})
			if resp.StatusCode != 200 || body["refreshToken"] == next {
				t.Fatalf("refresh with the successor: %d %v", resp.StatusCode, body)
			}
			next = body["refreshToken"].(string)
		})
		t.Run("reuse after the window revokes the sign-in", func(t *testing.T) {
			time.Sleep(grace + 100*time.Millisecond) // the window is wall-clock time in the server
			if resp, _ := h.post("/auth/refresh", map[string]any{"refreshToken": first}); resp.StatusCode != 401 {
				t.Fatalf("late reuse: %d, want 401", resp.StatusCode)
			}
			if resp, _ := h.post("/auth/refresh", map[string]any{"refreshToken": next}); resp.StatusCode != 401 {
				t.Fatalf("the newest token survived the revocation: %d", resp.StatusCode)
			}
		})
	}, store.Migrations()...)
}
