package server_test

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/google/uuid"

	"github.com/careercoach/coach/internal/auth"
	"github.com/careercoach/coach/internal/db"
	"github.com/careercoach/coach/internal/dbtest"
	"github.com/careercoach/coach/subgraphs/users"
	"github.com/careercoach/coach/subgraphs/users/oauth"
	"github.com/careercoach/coach/subgraphs/users/oauth/oauthtest"
	"github.com/careercoach/coach/subgraphs/users/store"
)

const attackerPassword = "mallory-Owns-This-77"

// oauthSignIn runs the browser's part of a provider sign-in and returns the
// callback's answer.
func (h *harness) oauthSignIn(p *oauthtest.Provider, name string) *http.Response {
	h.t.Helper()
	resp := h.get("/auth/" + name + "/start?redirect=" + url.QueryEscape("/"))
	if resp.StatusCode != http.StatusFound {
		h.t.Fatalf("start: %d", resp.StatusCode)
	}
	code, state := p.Authorize(h.t, resp.Header.Get("Location"))
	return h.get("/auth/" + name + "/callback?state=" + url.QueryEscape(state) + "&code=" + url.QueryEscape(code))
}

func (h *harness) login(email, pw string) int {
	h.t.Helper()
	resp, _ := h.post("/auth/login", map[string]any{"email": email, "password": pw, "includeRefreshToken": true})
	return resp.StatusCode
}

func (h *harness) identities(email string) (string, int) {
	h.t.Helper()
	u, _, err := h.svc.Store.UserByEmail(context.Background(), email)
	if err != nil {
		h.t.Fatal(err)
	}
	ids, err := h.svc.Store.IdentitiesByUserIDs(context.Background(), []string{u.ID})
	if err != nil {
		h.t.Fatal(err)
	}
	return u.ID, len(ids[u.ID])
}

// TestPreAccountTakeover replays issue 20 item 1: an attacker registers the
// victim's address with a password of their own; the victim later signs in
// with Google. The attacker's password must not open the victim's account.
func TestPreAccountTakeover(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		g := oauthtest.NewGoogle(t, "g-client", "g-secret")
		h := start(t, d, oauth.Config{GoogleClientID: "g-client", GoogleClientSecret: "g-secret",
			Endpoints: map[string]oauth.Endpoints{oauth.Google: g.Endpoints()}})
		ctx := context.Background()

		t.Run("a sign-up for someone else's address is not an account", func(t *testing.T) {
			resp, body := h.post("/auth/signup", map[string]any{"email": "victim@example.com", "password": attackerPassword, "displayName": "Mallory"})
			if resp.StatusCode != http.StatusAccepted || body["accessToken"] != nil || cookie(resp, auth.AccessCookie) != nil {
				t.Fatalf("signup: %d %v", resp.StatusCode, body)
			}
			// The link went to the victim's inbox, which the attacker cannot read.
			h.mail.Wait(t, "victim@example.com", users.SubjectVerify, 10*time.Second)
			if code := h.login("victim@example.com", attackerPassword); code != http.StatusUnauthorized {
				t.Fatalf("attacker's login: %d, want 401", code)
			}
		})
		t.Run("the victim's Google sign-in gets an account of their own", func(t *testing.T) {
			g.SetUser(oauthtest.User{Subject: "g-victim", Email: "victim@example.com", EmailVerified: true, Name: "Victor"})
			resp := h.oauthSignIn(g, "google")
			if resp.Header.Get("Location") != "/" || cookie(resp, auth.AccessCookie) == nil {
				t.Fatalf("callback went to %q", resp.Header.Get("Location"))
			}
			if _, n := h.identities("victim@example.com"); n != 1 {
				t.Fatalf("identities %d, want 1", n)
			}
		})
		t.Run("the attacker's password does not open it", func(t *testing.T) {
			if code := h.login("victim@example.com", attackerPassword); code != http.StatusUnauthorized {
				t.Fatalf("attacker's login: %d, want 401", code)
			}
		})
		t.Run("the attacker's pending link no longer creates anything", func(t *testing.T) {
			resp, body := h.follow(h.mail.Take(t, "victim@example.com", users.SubjectVerify, time.Second), "/verify-email", nil)
			e, _ := body["error"].(map[string]any)
			if resp.StatusCode != http.StatusBadRequest || e["code"] != "BAD_USER_INPUT" || e["message"] != "this link is invalid or has expired" {
				t.Fatalf("stale link: %d %v", resp.StatusCode, body)
			}
			if code := h.login("victim@example.com", attackerPassword); code != http.StatusUnauthorized {
				t.Fatalf("attacker's login after the link: %d", code)
			}
		})

		// Accounts from before verification existed are unverified; the
		// attacker may have created one of them.
		legacy := &users.User{ID: uuid.NewString(), Email: "old@example.com", DisplayName: "Mallory", CreatedAt: time.Now(), UpdatedAt: time.Now()}
		hash, err := users.HashPassword(attackerPassword)
		if err != nil {
			t.Fatal(err)
		}
		if err := h.svc.Store.CreateUser(ctx, legacy, hash); err != nil {
			t.Fatal(err)
		}
		g.SetUser(oauthtest.User{Subject: "g-old", Email: "old@example.com", EmailVerified: true, Name: "Olga"})
		t.Run("Google never links into an unverified password account", func(t *testing.T) {
			resp := h.oauthSignIn(g, "google")
			loc := resp.Header.Get("Location")
			if !strings.HasPrefix(loc, "/signin?error=") || cookie(resp, auth.AccessCookie) != nil {
				t.Fatalf("callback went to %q", loc)
			}
			if msg, _ := url.QueryUnescape(strings.TrimPrefix(loc, "/signin?error=")); !strings.Contains(msg, "not verified") || !strings.Contains(msg, "Forgot password") {
				t.Fatalf("message %q does not say what to do", msg)
			}
			if _, n := h.identities("old@example.com"); n != 0 {
				t.Fatalf("identity linked into the attacker's account")
			}
		})
		t.Run("the owner resets the password, which verifies the address and locks the attacker out", func(t *testing.T) {
			if resp, _ := h.post("/auth/password/forgot", map[string]any{"email": "old@example.com"}); resp.StatusCode != http.StatusAccepted {
				t.Fatalf("forgot: %d", resp.StatusCode)
			}
			resp, body := h.follow(h.mail.Take(t, "old@example.com", users.SubjectReset, 10*time.Second), "/reset-password", map[string]any{"password": "Olga-new-Secret-19"})
			if resp.StatusCode != http.StatusOK || body["user"].(map[string]any)["emailVerified"] != true {
				t.Fatalf("reset: %d %v", resp.StatusCode, body)
			}
			if code := h.login("old@example.com", attackerPassword); code != http.StatusUnauthorized {
				t.Fatalf("attacker's login after reset: %d", code)
			}
		})
		t.Run("linking into a verified account keeps working", func(t *testing.T) {
			resp := h.oauthSignIn(g, "google")
			if resp.Header.Get("Location") != "/" || cookie(resp, auth.AccessCookie) == nil {
				t.Fatalf("callback went to %q", resp.Header.Get("Location"))
			}
			if id, n := h.identities("old@example.com"); id != legacy.ID || n != 1 {
				t.Fatalf("user %s with %d identities, want %s with 1", id, n, legacy.ID)
			}
		})
		t.Run("a password sign-up verified by its link is linked too", func(t *testing.T) {
			if resp, _ := h.signUp("vera@example.com", "Vera", password); resp.StatusCode != http.StatusOK {
				t.Fatalf("sign-up: %d", resp.StatusCode)
			}
			g.SetUser(oauthtest.User{Subject: "g-vera", Email: "vera@example.com", EmailVerified: true, Name: "Vera"})
			if resp := h.oauthSignIn(g, "google"); resp.Header.Get("Location") != "/" {
				t.Fatalf("callback went to %q", resp.Header.Get("Location"))
			}
			if _, n := h.identities("vera@example.com"); n != 1 {
				t.Fatalf("identities %d, want 1", n)
			}
		})
	}, store.Migrations()...)
}
