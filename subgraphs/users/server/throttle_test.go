package server_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/cookiejar"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/careercoach/coach/internal/auth"
	"github.com/careercoach/coach/internal/db"
	"github.com/careercoach/coach/internal/dbtest"
	"github.com/careercoach/coach/subgraphs/users"
	"github.com/careercoach/coach/subgraphs/users/authhttp"
	"github.com/careercoach/coach/subgraphs/users/oauth"
	"github.com/careercoach/coach/subgraphs/users/server"
	"github.com/careercoach/coach/subgraphs/users/store"
)

// loginFrom posts a login as a client at address ip (the router vouches
// for it with the service credential).
func loginFrom(c *http.Client, base, email, password, ip string) (*http.Response, error) {
	b, _ := json.Marshal(map[string]any{"email": email, "password": password})
	req, err := http.NewRequest("POST", base+"/auth/login", bytes.NewReader(b))
	if err != nil {
		return nil, err
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set(auth.ServiceTokenHeader, serviceSecret)
	req.Header.Set("X-Forwarded-For", ip)
	resp, err := c.Do(req)
	if err != nil {
		return nil, err
	}
	resp.Body.Close()
	return resp, nil
}

// TestGuessingOverHTTP replays the attacks of issue 20 through the
// endpoint: 100 parallel wrong passwords against one account, while the
// account's owner signs in from the browser that signed in before.
func TestGuessingOverHTTP(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		// Long delays, so that the test's own pace cannot outlast them.
		h := start(t, d, oauth.Config{}, func(c *server.Config) {
			c.Throttle = users.DefaultThrottle()
			c.Throttle.BaseDelay, c.Throttle.MaxDelay = time.Minute, time.Hour
		})
		if resp, body := h.signUp("ada@example.com", "Ada", password); resp.StatusCode != http.StatusOK {
			t.Fatalf("signup %d %v", resp.StatusCode, body)
		}
		resp, err := loginFrom(h.client, h.srv.URL, "ada@example.com", password, "198.51.100.7")
		if err != nil || resp.StatusCode != 200 {
			t.Fatalf("owner's first sign-in: %v %v", resp, err)
		}
		t.Run("a sign-in sets the device cookie for the login endpoint only", func(t *testing.T) {
			c := cookie(resp, authhttp.DeviceCookie)
			if c == nil || !c.HttpOnly || c.Path != "/auth/login" || c.SameSite != http.SameSiteStrictMode || c.MaxAge < 86400 {
				t.Fatalf("device cookie %+v", c)
			}
		})

		checked := 0 // wrong passwords answered 401: checked against the hash
		t.Run("100 parallel wrong passwords: few are checked, the rest wait", func(t *testing.T) {
			attacker := &http.Client{}
			var mu sync.Mutex
			statuses := map[int]int{}
			var wg sync.WaitGroup
			for i := range 100 {
				wg.Go(func() {
					resp, err := loginFrom(attacker, h.srv.URL, "ada@example.com", fmt.Sprintf("guess-%03d-password", i), fmt.Sprintf("203.0.113.%d", i%10))
					if err != nil {
						t.Error(err)
						return
					}
					if resp.StatusCode == 429 {
						if s, err := strconv.Atoi(resp.Header.Get("Retry-After")); err != nil || s < 1 {
							t.Errorf("429 with Retry-After %q", resp.Header.Get("Retry-After"))
						}
					}
					mu.Lock()
					statuses[resp.StatusCode]++
					mu.Unlock()
				})
			}
			wg.Wait()
			if statuses[401] < 1 || statuses[401] > 6 || statuses[429] != 100-statuses[401] {
				t.Fatalf("statuses %v: want at most 6 checked (401), the rest 429", statuses)
			}
			checked = statuses[401]
		})
		t.Run("guessing on, one at a time: still at most 6 checked in all", func(t *testing.T) {
			// Attempts refused while others held the row were not counted
			// (nor checked); guessing on reaches the delay all the same.
			for {
				resp, err := loginFrom(&http.Client{}, h.srv.URL, "ada@example.com", "one-more-guess-1", "203.0.113.200")
				if err != nil {
					t.Fatal(err)
				}
				if resp.StatusCode == 429 {
					break
				}
				if checked++; resp.StatusCode != 401 || checked > 6 {
					t.Fatalf("guess %d answered %d", checked, resp.StatusCode)
				}
			}
		})
		t.Run("the attacker with the right password but no device cookie waits", func(t *testing.T) {
			resp, err := loginFrom(&http.Client{}, h.srv.URL, "ada@example.com", password, "192.0.2.1")
			if err != nil || resp.StatusCode != 429 {
				t.Fatalf("status %v %v, want 429", resp, err)
			}
		})
		t.Run("the owner's browser signs in during the attack", func(t *testing.T) {
			resp, err := loginFrom(h.client, h.srv.URL, "ada@example.com", password, "198.51.100.7")
			if err != nil || resp.StatusCode != 200 {
				t.Fatalf("owner refused: %v %v", resp, err)
			}
		})
		t.Run("a browser that never signed in is not trusted", func(t *testing.T) {
			jar, _ := cookiejar.New(nil)
			resp, err := loginFrom(&http.Client{Jar: jar}, h.srv.URL, "ada@example.com", password, "198.51.100.7")
			if err != nil || resp.StatusCode != 429 {
				t.Fatalf("status %v %v, want 429", resp, err)
			}
		})
	}, store.Migrations()...)
}
