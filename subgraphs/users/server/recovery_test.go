package server_test

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/careercoach/coach/internal/bus/membus"
	"github.com/careercoach/coach/internal/db"
	"github.com/careercoach/coach/internal/dbtest"
	"github.com/careercoach/coach/internal/logging"
	"github.com/careercoach/coach/internal/mailtest"
	"github.com/careercoach/coach/subgraphs/users"
	"github.com/careercoach/coach/subgraphs/users/oauth"
	"github.com/careercoach/coach/subgraphs/users/server"
	"github.com/careercoach/coach/subgraphs/users/store"
)

func errCode(body map[string]any) any {
	e, _ := body["error"].(map[string]any)
	return e["code"]
}

func TestSignupRevealsNothing(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		h := startWith(t, d, func(c *server.Config) {
			c.Limits = users.DefaultLimits()
			c.Limits.SignupsPerIP = 3
		})
		if resp, _ := h.signUp("ada@example.com", "Ada", password); resp.StatusCode != http.StatusOK {
			t.Fatalf("sign-up: %d", resp.StatusCode)
		}
		t.Run("an existing address gets the same answer, and a mail saying so", func(t *testing.T) {
			resp, body := h.post("/auth/signup", map[string]any{"email": "ADA@example.com", "password": "another-Secret-55", "displayName": "Eve"})
			if resp.StatusCode != http.StatusAccepted || body["status"] != "verification_sent" || len(body) != 1 {
				t.Fatalf("signup of a registered address: %d %v", resp.StatusCode, body)
			}
			m := h.mail.Take(t, "ada@example.com", users.SubjectAlreadyExists, 10*time.Second)
			if !strings.Contains(m.Text, "/forgot-password") {
				t.Fatalf("mail does not offer a reset:\n%s", m.Text)
			}
			if code := h.login("ada@example.com", "another-Secret-55"); code != http.StatusUnauthorized {
				t.Fatalf("the second sign-up's password works: %d", code)
			}
		})
		t.Run("sign-ups are limited per client address", func(t *testing.T) {
			resp, _ := h.post("/auth/signup", map[string]any{"email": "c@example.com", "password": password, "displayName": "C"})
			if resp.StatusCode != http.StatusAccepted {
				t.Fatalf("third sign-up: %d", resp.StatusCode)
			}
			resp, body := h.post("/auth/signup", map[string]any{"email": "d@example.com", "password": password, "displayName": "D"})
			if resp.StatusCode != http.StatusTooManyRequests || resp.Header.Get("Retry-After") != "3600" || errCode(body) != "RATE_LIMITED" {
				t.Fatalf("fourth sign-up: %d %v %q", resp.StatusCode, body, resp.Header.Get("Retry-After"))
			}
		})
	}, store.Migrations()...)
}

func TestPasswordRecovery(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		h := start(t, d, oauthOff)
		_, first := h.signUp("ada@example.com", "Ada", password)
		if first["accessToken"] == nil {
			t.Fatalf("sign-up: %v", first)
		}
		if code := h.login("ada@example.com", password); code != http.StatusOK {
			t.Fatalf("login: %d", code)
		}
		_, other := h.post("/auth/login", map[string]any{"email": "ada@example.com", "password": password, "includeRefreshToken": true})
		otherRefresh := other["refreshToken"].(string)

		t.Run("forgot answers the same for unknown addresses and mails only the known", func(t *testing.T) {
			for _, e := range []string{"nobody@example.com", "ada@example.com"} {
				if resp, body := h.post("/auth/password/forgot", map[string]any{"email": e}); resp.StatusCode != http.StatusAccepted || body["status"] != "reset_sent" {
					t.Fatalf("forgot %s: %d %v", e, resp.StatusCode, body)
				}
			}
			h.mail.Wait(t, "ada@example.com", users.SubjectReset, 10*time.Second) // sent after nobody's would have been
			for _, m := range h.mail.Messages() {
				if m.To[0] == "nobody@example.com" {
					t.Fatalf("mail sent to an address without an account: %q", m.Subject)
				}
			}
		})
		var reset string
		t.Run("the reset link sets the password and signs every session out", func(t *testing.T) {
			m := h.mail.Take(t, "ada@example.com", users.SubjectReset, time.Second)
			reset = m.Text
			resp, body := h.follow(m, "/reset-password", map[string]any{"password": "Brand-new-Secret-31"})
			if resp.StatusCode != http.StatusOK || body["accessToken"] == nil {
				t.Fatalf("reset: %d %v", resp.StatusCode, body)
			}
			if code := h.login("ada@example.com", password); code != http.StatusUnauthorized {
				t.Fatalf("old password: %d", code)
			}
			if code := h.login("ada@example.com", "Brand-new-Secret-31"); code != http.StatusOK {
				t.Fatalf("new password: %d", code)
			}
			if resp, _ := h.post("/auth/refresh", map[string]any{"refreshToken": otherRefresh}); resp.StatusCode != http.StatusUnauthorized {
				t.Fatalf("a session from before the reset refreshed: %d", resp.StatusCode)
			}
		})
		t.Run("a reset link works once", func(t *testing.T) {
			resp, body := h.follow(mailMessage(reset), "/reset-password", map[string]any{"password": "Third-Secret-value-8"})
			if resp.StatusCode != http.StatusBadRequest || errCode(body) != "BAD_USER_INPUT" {
				t.Fatalf("second use: %d %v", resp.StatusCode, body)
			}
		})
		t.Run("a weak new password is refused and the link stays usable", func(t *testing.T) {
			h.post("/auth/password/forgot", map[string]any{"email": "ada@example.com"})
			m := h.mail.Take(t, "ada@example.com", users.SubjectReset, 10*time.Second)
			if resp, body := h.follow(m, "/reset-password", map[string]any{"password": "password123"}); resp.StatusCode != http.StatusBadRequest {
				t.Fatalf("weak password: %d %v", resp.StatusCode, body)
			}
			if resp, body := h.follow(m, "/reset-password", map[string]any{"password": "Fourth-Secret-value-9"}); resp.StatusCode != http.StatusOK {
				t.Fatalf("after a refused password: %d %v", resp.StatusCode, body)
			}
		})
		t.Run("bad tokens", func(t *testing.T) {
			for _, tok := range []string{"", "forged", strings.Repeat("x", 5000)} {
				resp, body := h.post("/auth/password/reset", map[string]any{"token": tok, "password": "Fifth-Secret-value-1"})
				if resp.StatusCode != http.StatusBadRequest || errCode(body) != "BAD_USER_INPUT" {
					t.Fatalf("token %.10q: %d %v", tok, resp.StatusCode, body)
				}
			}
		})
	}, store.Migrations()...)
}

func TestChangePasswordAndEmail(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		h := start(t, d, oauthOff)
		_, s := h.signUp("ada@example.com", "Ada", password)
		bearer := "Bearer " + s["accessToken"].(string)
		_, other := h.post("/auth/login", map[string]any{"email": "ada@example.com", "password": password, "includeRefreshToken": true})

		t.Run("changing needs a signed-in user and the current password", func(t *testing.T) {
			if resp, _ := h.post("/auth/password/change", map[string]any{"currentPassword": password, "newPassword": "Changed-Secret-42"}, "Authorization", "Bearer forged"); resp.StatusCode != http.StatusUnauthorized {
				t.Fatalf("forged token: %d", resp.StatusCode)
			}
			resp, body := h.post("/auth/password/change", map[string]any{"currentPassword": "wrong-guess-123", "newPassword": "Changed-Secret-42"}, "Authorization", bearer)
			if resp.StatusCode != http.StatusUnauthorized || errCode(body) != "UNAUTHENTICATED" {
				t.Fatalf("wrong current password: %d %v", resp.StatusCode, body)
			}
		})
		t.Run("change password keeps this session and ends the others", func(t *testing.T) {
			resp, body := h.post("/auth/password/change", map[string]any{"currentPassword": password, "newPassword": "Changed-Secret-42", "includeRefreshToken": true}, "Authorization", bearer)
			if resp.StatusCode != http.StatusOK || body["refreshToken"] == nil {
				t.Fatalf("change: %d %v", resp.StatusCode, body)
			}
			if r, _ := h.post("/auth/refresh", map[string]any{"refreshToken": other["refreshToken"]}); r.StatusCode != http.StatusUnauthorized {
				t.Fatalf("other session refreshed: %d", r.StatusCode)
			}
			if r, _ := h.post("/auth/refresh", map[string]any{"refreshToken": body["refreshToken"]}); r.StatusCode != http.StatusOK {
				t.Fatalf("the new session does not refresh: %d", r.StatusCode)
			}
			if code := h.login("ada@example.com", "Changed-Secret-42"); code != http.StatusOK {
				t.Fatalf("new password: %d", code)
			}
			h.mail.Take(t, "ada@example.com", users.SubjectPasswordSet, 10*time.Second)
		})
		t.Run("change email goes through a link to the new address", func(t *testing.T) {
			resp, body := h.post("/auth/email/change", map[string]any{"currentPassword": "Changed-Secret-42", "newEmail": "ada@new.example.com"}, "Authorization", bearer)
			if resp.StatusCode != http.StatusAccepted {
				t.Fatalf("change email: %d %v", resp.StatusCode, body)
			}
			h.mail.Take(t, "ada@example.com", users.SubjectEmailChanging, 10*time.Second)
			if code := h.login("ada@new.example.com", "Changed-Secret-42"); code != http.StatusUnauthorized {
				t.Fatalf("the new address works before its link was followed: %d", code)
			}
			resp, body = h.follow(h.mail.Take(t, "ada@new.example.com", users.SubjectChangeEmail, 10*time.Second), "/verify-email", nil)
			if resp.StatusCode != http.StatusOK || body["user"].(map[string]any)["email"] != "ada@new.example.com" {
				t.Fatalf("confirm: %d %v", resp.StatusCode, body)
			}
			if code := h.login("ada@new.example.com", "Changed-Secret-42"); code != http.StatusOK {
				t.Fatalf("login with the new address: %d", code)
			}
			if code := h.login("ada@example.com", "Changed-Secret-42"); code != http.StatusUnauthorized {
				t.Fatalf("login with the old address: %d", code)
			}
		})
		t.Run("an address in use is not taken, and the requester is not told", func(t *testing.T) {
			h.signUp("bob@example.com", "Bob", password)
			resp, _ := h.post("/auth/email/change", map[string]any{"currentPassword": "Changed-Secret-42", "newEmail": "bob@example.com"}, "Authorization", bearer)
			if resp.StatusCode != http.StatusAccepted {
				t.Fatalf("change to a taken address: %d", resp.StatusCode)
			}
			h.mail.Take(t, "bob@example.com", users.SubjectEmailInUse, 10*time.Second)
		})
		t.Run("wrong current passwords are limited per user", func(t *testing.T) {
			var last int
			for range users.DefaultLimits().ReauthFailures + 1 {
				resp, _ := h.post("/auth/password/change", map[string]any{"currentPassword": "wrong-guess-123", "newPassword": "x-Secret-value-7"}, "Authorization", bearer)
				last = resp.StatusCode
			}
			if last != http.StatusTooManyRequests {
				t.Fatalf("after the limit: %d, want 429", last)
			}
		})
	}, store.Migrations()...)
}

// TestLegacyVerification: an account from before verification is unverified
// until a resent link is followed.
func TestLegacyVerification(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		h := start(t, d, oauthOff)
		legacyUser(t, h, "old@example.com")
		_, s := h.post("/auth/login", map[string]any{"email": "old@example.com", "password": password})
		bearer := "Bearer " + s["accessToken"].(string)
		verified := func() string {
			_, body := h.post("/graphql", map[string]any{"query": "{ me { emailVerified } }"}, "Authorization", bearer)
			b, _ := json.Marshal(body)
			return string(b)
		}
		if got := verified(); got != `{"data":{"me":{"emailVerified":false}}}` {
			t.Fatalf("before: %s", got)
		}
		if resp, _ := h.post("/auth/verify-email/resend", map[string]any{}, "Authorization", bearer); resp.StatusCode != http.StatusAccepted {
			t.Fatalf("resend: %d", resp.StatusCode)
		}
		if resp, body := h.follow(h.mail.Take(t, "old@example.com", users.SubjectVerify, 10*time.Second), "/verify-email", nil); resp.StatusCode != http.StatusOK {
			t.Fatalf("verify: %d %v", resp.StatusCode, body)
		}
		if got := verified(); got != `{"data":{"me":{"emailVerified":true}}}` {
			t.Fatalf("after: %s", got)
		}
		signedOut := &harness{t: t, srv: h.srv, client: &http.Client{}}
		if resp, _ := signedOut.post("/auth/verify-email/resend", map[string]any{}); resp.StatusCode != http.StatusUnauthorized {
			t.Fatalf("resend signed out without an email: %d", resp.StatusCode)
		}
	}, store.Migrations()...)
}

func legacyUser(t *testing.T, h *harness, email string) {
	t.Helper()
	hash, err := users.HashPassword(password)
	if err != nil {
		t.Fatal(err)
	}
	u := &users.User{ID: email, Email: email, DisplayName: "Old", CreatedAt: time.Now(), UpdatedAt: time.Now()}
	if err := h.svc.Store.CreateUser(context.Background(), u, hash); err != nil {
		t.Fatal(err)
	}
}

func TestMailConfiguration(t *testing.T) {
	base := server.Config{ServiceSecret: "router-secret-0123456789", PublicURL: "http://localhost:4000",
		AccessTTL: 15 * time.Minute, RefreshTTL: time.Hour, KeyRotation: 24 * time.Hour, KeyEncryptionKey: testKEK}
	t.Run("a production process without SMTP refuses to start", func(t *testing.T) {
		if err := base.Validate(); err == nil || !strings.Contains(err.Error(), "--smtp-host") {
			t.Fatalf("Validate = %v", err)
		}
	})
	t.Run("bad SMTP settings are refused", func(t *testing.T) {
		c := base
		c.Mail.Host, c.Mail.Port, c.Mail.From, c.Mail.TLS, c.Mail.Timeout = "smtp.example.com", 70000, "not an address", "maybe", time.Second
		err := c.Validate()
		for _, want := range []string{"--smtp-port", "--smtp-from", "--smtp-tls"} {
			if err == nil || !strings.Contains(err.Error(), want) {
				t.Fatalf("Validate = %v, want it to name %s", err, want)
			}
		}
	})
	t.Run("coach dev without SMTP keeps mail in the development mailbox", func(t *testing.T) {
		dbtest.Each(t, func(t *testing.T, d *db.DB) {
			c := base
			c.Dev = true
			svc, err := server.New(context.Background(), c, d, membus.New(logging.Discard(), membus.Options{}), logging.Discard())
			if err != nil {
				t.Fatal(err)
			}
			ctx, cancel := context.WithCancel(context.Background())
			done := make(chan error, 1)
			go func() { done <- svc.RunBackground(ctx) }()
			defer func() { cancel(); <-done }()
			h := &harness{t: t, client: http.DefaultClient}
			h.srv = httptestServer(t, svc.Handler())
			if resp, _ := h.post("/auth/signup", map[string]any{"email": "dev@example.com", "password": password, "displayName": "Dev"}); resp.StatusCode != http.StatusAccepted {
				t.Fatalf("signup: %d", resp.StatusCode)
			}
			var box []struct {
				To, Subject string
				Links       []string
			}
			deadline := time.Now().Add(10 * time.Second)
			for len(box) == 0 && time.Now().Before(deadline) {
				resp := must(http.Get(h.srv.URL + "/auth/dev/mailbox"))
				_ = json.NewDecoder(resp.Body).Decode(&box)
				resp.Body.Close()
				time.Sleep(20 * time.Millisecond)
			}
			if len(box) != 1 || box[0].To != "dev@example.com" || box[0].Subject != users.SubjectVerify || len(box[0].Links) != 1 ||
				!strings.HasPrefix(box[0].Links[0], "http://localhost:4000/verify-email?token=") {
				t.Fatalf("mailbox %+v", box)
			}
		}, store.Migrations()...)
	})
	t.Run("other processes have no development mailbox", func(t *testing.T) {
		dbtest.Each(t, func(t *testing.T, d *db.DB) {
			h := start(t, d, oauthOff)
			if resp := h.get("/auth/dev/mailbox"); resp.StatusCode != http.StatusNotFound {
				t.Fatalf("status %d, want 404", resp.StatusCode)
			}
		}, store.Migrations()...)
	})
}

var oauthOff = oauth.Config{}

// mailMessage is a received mail's text again, to follow its link twice.
func mailMessage(text string) mailtest.Message { return mailtest.Message{Subject: "again", Text: text} }

func httptestServer(t *testing.T, h http.Handler) *httptest.Server {
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	return srv
}
