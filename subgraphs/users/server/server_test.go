package server_test

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/careercoach/coach/internal/auth"
	"github.com/careercoach/coach/internal/bus"
	"github.com/careercoach/coach/internal/bus/membus"
	"github.com/careercoach/coach/internal/db"
	"github.com/careercoach/coach/internal/dbtest"
	"github.com/careercoach/coach/internal/logging"
	"github.com/careercoach/coach/internal/mailtest"
	"github.com/careercoach/coach/subgraphs/users"
	"github.com/careercoach/coach/subgraphs/users/oauth"
	"github.com/careercoach/coach/subgraphs/users/oauth/oauthtest"
	"github.com/careercoach/coach/subgraphs/users/server"
	"github.com/careercoach/coach/subgraphs/users/store"
)

const password = "violet-Harbour-42"

type harness struct {
	t      testing.TB
	srv    *httptest.Server
	client *http.Client // has a cookie jar, does not follow redirects
	svc    *server.Service
	bus    *membus.Bus
	mail   *mailtest.Server
}

const (
	serviceSecret = "router-secret-0123456789"
	testKEK       = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=" // base64 of 32 bytes
)

func start(t testing.TB, d *db.DB, oc oauth.Config, edit ...func(*server.Config)) *harness {
	t.Helper()
	return startWith(t, d, func(c *server.Config) {
		c.OAuth = oc
		for _, e := range edit {
			e(c)
		}
	})
}

// startWith starts the service with test settings that set changes.
func startWith(t testing.TB, d *db.DB, set func(*server.Config)) *harness {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	srv := httptest.NewUnstartedServer(nil)
	mails := mailtest.Start(t)
	cfg := server.Config{ServiceSecret: serviceSecret, PublicURL: "http://" + srv.Listener.Addr().String(),
		AccessTTL: 15 * time.Minute, RefreshTTL: 24 * time.Hour, KeyRotation: 24 * time.Hour, Mail: mails.Config(),
		KeyEncryptionKey: testKEK}
	set(&cfg)
	cfg.OAuth.PublicURL = cfg.PublicURL
	b := membus.New(logging.Discard(), membus.Options{})
	svc, err := server.New(ctx, cfg, d, b, logging.Discard())
	if err != nil {
		t.Fatal(err)
	}
	bgDone := make(chan error, 1)
	go func() { bgDone <- svc.RunBackground(ctx) }()
	t.Cleanup(func() {
		cancel()
		if err := <-bgDone; err != nil {
			t.Errorf("background work ended with %v", err)
		}
	})
	srv.Config.Handler = svc.Handler()
	srv.Start()
	t.Cleanup(srv.Close)
	jar, _ := cookiejar.New(nil)
	return &harness{t: t, srv: srv, svc: svc, bus: b, mail: mails, client: &http.Client{Jar: jar,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}}
}

func (h *harness) post(path string, body any, hdr ...string) (*http.Response, map[string]any) {
	h.t.Helper()
	b, _ := json.Marshal(body)
	req, _ := http.NewRequest("POST", h.srv.URL+path, bytes.NewReader(b))
	req.Header.Set("Content-Type", "application/json")
	for i := 0; i+1 < len(hdr); i += 2 {
		req.Header.Set(hdr[i], hdr[i+1])
	}
	return h.send(req)
}

func (h *harness) get(path string) *http.Response {
	h.t.Helper()
	resp, _ := h.send(must(http.NewRequest("GET", h.srv.URL+path, nil)))
	return resp
}

func (h *harness) send(req *http.Request) (*http.Response, map[string]any) {
	h.t.Helper()
	resp, err := h.client.Do(req)
	if err != nil {
		h.t.Fatal(err)
	}
	defer resp.Body.Close()
	raw, _ := io.ReadAll(resp.Body)
	var out map[string]any
	_ = json.Unmarshal(raw, &out)
	return resp, out
}

func (h *harness) me(token string) string {
	h.t.Helper()
	hdr := []string{}
	if token != "" {
		hdr = []string{"Authorization", "Bearer " + token}
	}
	resp, body := h.post("/graphql", map[string]any{"query": "{ me { email } }"}, hdr...)
	if resp.StatusCode != 200 {
		return resp.Status
	}
	b, _ := json.Marshal(body)
	return string(b)
}

// signUp signs up and follows the emailed link; it returns the answer of
// POST /auth/verify-email (the session).
func (h *harness) signUp(email, name, pw string) (*http.Response, map[string]any) {
	h.t.Helper()
	resp, body := h.post("/auth/signup", map[string]any{"email": email, "password": pw, "displayName": name})
	if resp.StatusCode != http.StatusAccepted || body["status"] != "verification_sent" {
		h.t.Fatalf("signup %s: %d %v", email, resp.StatusCode, body)
	}
	return h.follow(h.mail.Take(h.t, email, users.SubjectVerify, 10*time.Second), "/verify-email", nil)
}

// follow posts the token of m's link to path to the matching /auth endpoint
// (/verify-email → /auth/verify-email, /reset-password → /auth/password/reset)
// with the extra body fields.
func (h *harness) follow(m mailtest.Message, path string, extra map[string]any) (*http.Response, map[string]any) {
	h.t.Helper()
	link, err := url.Parse(mailtest.Link(h.t, m, path))
	if err != nil {
		h.t.Fatal(err)
	}
	if !strings.HasPrefix(link.String(), h.srv.URL) {
		h.t.Fatalf("link %s does not point at the public URL %s", link, h.srv.URL)
	}
	body := map[string]any{"token": link.Query().Get("token")}
	for k, v := range extra {
		body[k] = v
	}
	endpoint := map[string]string{"/verify-email": "/auth/verify-email", "/reset-password": "/auth/password/reset"}[path]
	return h.post(endpoint, body)
}

func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}

func cookie(resp *http.Response, name string) *http.Cookie {
	for _, c := range resp.Cookies() {
		if c.Name == name {
			return c
		}
	}
	return nil
}

func TestPasswordSessions(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		h := start(t, d, oauth.Config{})
		var access, refresh string

		t.Run("following the sign-up link answers the session and sets HttpOnly cookies", func(t *testing.T) {
			resp, body := h.signUp("Ada@Example.com", "Ada", password)
			if resp.StatusCode != http.StatusOK {
				t.Fatalf("status %d %v", resp.StatusCode, body)
			}
			user, _ := body["user"].(map[string]any)
			if user["email"] != "ada@example.com" || user["displayName"] != "Ada" || user["emailVerified"] != true || body["expiresIn"].(float64) < 800 {
				t.Fatalf("body %v", body)
			}
			if _, leaked := body["refreshToken"]; leaked {
				t.Fatal("refresh token in a browser response body")
			}
			ac, rc := cookie(resp, auth.AccessCookie), cookie(resp, auth.RefreshCookie)
			if ac == nil || !ac.HttpOnly || rc == nil || !rc.HttpOnly || rc.Path != "/auth" || rc.SameSite != http.SameSiteStrictMode {
				t.Fatalf("cookies %+v %+v", ac, rc)
			}
			access = body["accessToken"].(string)
		})
		t.Run("me with the bearer token", func(t *testing.T) {
			if got := h.me(access); !strings.Contains(got, "ada@example.com") {
				t.Fatalf("me = %s", got)
			}
		})
		t.Run("token verifies through the published JWKS", func(t *testing.T) {
			keys, err := auth.RemoteKeys(context.Background(), h.srv.URL+"/.well-known/jwks.json", nil)
			if err != nil {
				t.Fatal(err)
			}
			v := &auth.Verifier{Keys: keys, Issuer: "http://" + h.srv.Listener.Addr().String(), Audience: auth.Audience}
			if _, err := v.Verify(context.Background(), access); err != nil {
				t.Fatal(err)
			}
		})
		t.Run("signup errors", func(t *testing.T) {
			tests := []struct {
				name   string
				body   map[string]any
				status int
				code   string
			}{
				{"weak password", map[string]any{"email": "b@example.com", "password": "password123", "displayName": "B"}, 400, "BAD_USER_INPUT"},
				{"bad email", map[string]any{"email": "nope", "password": password, "displayName": "B"}, 400, "BAD_USER_INPUT"},
				{"no name", map[string]any{"email": "b@example.com", "password": password, "displayName": " "}, 400, "BAD_USER_INPUT"},
			}
			for _, tt := range tests {
				t.Run(tt.name, func(t *testing.T) {
					resp, body := h.post("/auth/signup", tt.body)
					e, _ := body["error"].(map[string]any)
					if resp.StatusCode != tt.status || e["code"] != tt.code {
						t.Fatalf("got %d %v, want %d %s", resp.StatusCode, body, tt.status, tt.code)
					}
				})
			}
		})
		t.Run("non-JSON body is refused", func(t *testing.T) {
			resp, _ := h.send(must(http.NewRequest("POST", h.srv.URL+"/auth/login", strings.NewReader("email=a"))))
			if resp.StatusCode != 400 {
				t.Fatalf("status %d", resp.StatusCode)
			}
		})
		t.Run("login for an API client returns the refresh token", func(t *testing.T) {
			resp, body := h.post("/auth/login", map[string]any{"email": "ada@example.com", "password": password, "includeRefreshToken": true})
			if resp.StatusCode != 200 || body["refreshToken"] == nil {
				t.Fatalf("status %d %v", resp.StatusCode, body)
			}
			refresh = body["refreshToken"].(string)
		})
		t.Run("refresh rotates; reusing the old token revokes the family", func(t *testing.T) {
			resp, body := h.post("/auth/refresh", map[string]any{"refreshToken": refresh})
			if resp.StatusCode != 200 || body["refreshToken"] == refresh || body["accessToken"] == nil {
				t.Fatalf("refresh: %d %v", resp.StatusCode, body)
			}
			next := body["refreshToken"].(string)
			if resp, _ := h.post("/auth/refresh", map[string]any{"refreshToken": refresh}); resp.StatusCode != 401 {
				t.Fatalf("reuse: status %d, want 401", resp.StatusCode)
			}
			if resp, _ := h.post("/auth/refresh", map[string]any{"refreshToken": next}); resp.StatusCode != 401 {
				t.Fatalf("token rotated from a reused one still works: %d", resp.StatusCode)
			}
		})
		t.Run("browser refresh and logout with cookies", func(t *testing.T) {
			if resp, _ := h.post("/auth/login", map[string]any{"email": "ada@example.com", "password": password}); resp.StatusCode != 200 {
				t.Fatalf("login %d", resp.StatusCode)
			}
			if resp, _ := h.post("/auth/refresh", map[string]any{}); resp.StatusCode != 200 {
				t.Fatalf("cookie refresh %d", resp.StatusCode)
			}
			if resp, _ := h.post("/auth/logout", map[string]any{}); resp.StatusCode != 204 {
				t.Fatalf("logout %d", resp.StatusCode)
			}
			if resp, _ := h.post("/auth/refresh", map[string]any{}); resp.StatusCode != 401 {
				t.Fatalf("refresh after logout %d, want 401", resp.StatusCode)
			}
		})
		t.Run("deleting the account publishes user.deleted", func(t *testing.T) {
			events := make(chan bus.Event, 4)
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			go func() {
				_ = h.bus.Consume(ctx, "purge-test", func(_ context.Context, ev bus.Event) error {
					events <- ev
					return nil
				})
			}()
			_, body := h.signUp("leaving@example.com", "L", password)
			token := body["accessToken"].(string)
			userID := body["user"].(map[string]any)["id"].(string)
			_, res := h.post("/graphql", map[string]any{"query": "mutation { deleteAccount }"}, "Authorization", "Bearer "+token)
			if b, _ := json.Marshal(res); !strings.Contains(string(b), `"deleteAccount":true`) {
				t.Fatalf("deleteAccount: %s", b)
			}
			select {
			case ev := <-events:
				if ev.Type != "user.deleted" || ev.Subject != userID {
					t.Fatalf("event %+v, want user.deleted for %s", ev, userID)
				}
			case <-time.After(10 * time.Second):
				t.Fatal("no user.deleted event relayed within 10s")
			}
			if resp, _ := h.post("/auth/login", map[string]any{"email": "leaving@example.com", "password": password}); resp.StatusCode != 401 {
				t.Fatalf("a deleted account signing in got %d, want 401", resp.StatusCode)
			}
		})
		t.Run("a bad token is refused with 401", func(t *testing.T) {
			if got := h.me("not-a-token"); !strings.Contains(got, "401") {
				t.Fatalf("me = %s", got)
			}
		})
		t.Run("no providers configured", func(t *testing.T) {
			resp, body := h.send(must(http.NewRequest("GET", h.srv.URL+"/auth/providers", nil)))
			if resp.StatusCode != 200 || len(body["providers"].([]any)) != 0 {
				t.Fatalf("%d %v", resp.StatusCode, body)
			}
			if resp := h.get("/auth/google/start"); resp.StatusCode != 404 {
				t.Fatalf("start of unconfigured provider: %d", resp.StatusCode)
			}
		})
	}, store.Migrations()...)
}

func TestOAuthSignIn(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		g := oauthtest.NewGoogle(t, "g-client", "g-secret")
		ms := oauthtest.NewMicrosoft(t, "m-client", "m-secret", "11111111-2222-3333-4444-555555555555")
		h := start(t, d, oauth.Config{
			GoogleClientID: "g-client", GoogleClientSecret: "g-secret",
			MicrosoftClientID: "m-client", MicrosoftClientSecret: "m-secret", MicrosoftTenant: "11111111-2222-3333-4444-555555555555",
			Endpoints: map[string]oauth.Endpoints{oauth.Google: g.Endpoints(), oauth.Microsoft: ms.Endpoints()},
		})
		// signIn runs the browser's part: start → provider → callback.
		signIn := func(t *testing.T, p *oauthtest.Provider, name, redirect string) (*http.Response, string, string) {
			t.Helper()
			resp := h.get("/auth/" + name + "/start?redirect=" + url.QueryEscape(redirect))
			if resp.StatusCode != http.StatusFound {
				t.Fatalf("start: %d", resp.StatusCode)
			}
			code, state := p.Authorize(t, resp.Header.Get("Location"))
			cb := "/auth/" + name + "/callback?state=" + url.QueryEscape(state) + "&code=" + url.QueryEscape(code)
			return h.get(cb), cb, state
		}

		t.Run("providers are listed", func(t *testing.T) {
			_, body := h.send(must(http.NewRequest("GET", h.srv.URL+"/auth/providers", nil)))
			b, _ := json.Marshal(body)
			if !strings.Contains(string(b), `"id":"google"`) || !strings.Contains(string(b), `"id":"microsoft"`) {
				t.Fatalf("providers %s", b)
			}
		})
		t.Run("google sign-in creates the user, sets cookies and returns to the app", func(t *testing.T) {
			g.SetUser(oauthtest.User{Subject: "g-123", Email: "grace@example.com", EmailVerified: true, Name: "Grace"})
			resp, replay, _ := signIn(t, g, "google", "/cv")
			if resp.StatusCode != http.StatusFound || resp.Header.Get("Location") != "/cv" || cookie(resp, auth.AccessCookie) == nil {
				t.Fatalf("callback: %d → %s", resp.StatusCode, resp.Header.Get("Location"))
			}
			if got := h.me(cookie(resp, auth.AccessCookie).Value); !strings.Contains(got, "grace@example.com") {
				t.Fatalf("me = %s", got)
			}
			again := h.get(replay) // the same state and code a second time
			if loc := again.Header.Get("Location"); !strings.HasPrefix(loc, "/signin?error=") {
				t.Fatalf("replayed callback went to %q", loc)
			}
		})
		t.Run("microsoft sign-in with the same verified email links to the same user", func(t *testing.T) {
			ms.SetUser(oauthtest.User{Subject: "m-9", Email: "grace@example.com", EmailVerified: true, Name: "Grace H"})
			resp, _, _ := signIn(t, ms, "microsoft", "/")
			if resp.StatusCode != http.StatusFound || cookie(resp, auth.AccessCookie) == nil {
				t.Fatalf("callback: %d → %s", resp.StatusCode, resp.Header.Get("Location"))
			}
			got := h.me(cookie(resp, auth.AccessCookie).Value)
			if !strings.Contains(got, "grace@example.com") {
				t.Fatalf("me = %s", got)
			}
			u, _, err := h.svc.Store.UserByEmail(context.Background(), "grace@example.com")
			if err != nil {
				t.Fatal(err)
			}
			ids, _ := h.svc.Store.IdentitiesByUserIDs(context.Background(), []string{u.ID})
			if len(ids[u.ID]) != 2 {
				t.Fatalf("identities %+v, want google and microsoft linked", ids[u.ID])
			}
		})
		faults := []struct {
			name  string
			fault oauthtest.Fault
		}{
			{"wrong audience", oauthtest.WrongAudience},
			{"expired token", oauthtest.Expired},
			{"alg none", oauthtest.AlgNone},
			{"tampered signature", oauthtest.TamperedSignature},
			{"wrong nonce", oauthtest.WrongNonce},
		}
		for _, f := range faults {
			t.Run("refused: "+f.name, func(t *testing.T) {
				g.SetUser(oauthtest.User{Subject: "g-evil", Email: "mallory@example.com", EmailVerified: true, Name: "M"})
				g.SetFault(f.fault)
				t.Cleanup(func() { g.SetFault(oauthtest.NoFault) })
				resp, _, _ := signIn(t, g, "google", "/")
				if loc := resp.Header.Get("Location"); !strings.HasPrefix(loc, "/signin?error=") || cookie(resp, auth.AccessCookie) != nil {
					t.Fatalf("callback went to %q with cookies %v", loc, resp.Cookies())
				}
				if _, _, err := h.svc.Store.UserByEmail(context.Background(), "mallory@example.com"); err == nil {
					t.Fatal("a user was created from a bad ID token")
				}
			})
		}
		t.Run("refused: bad state", func(t *testing.T) {
			resp := h.get("/auth/google/callback?state=forged&code=x")
			if loc := resp.Header.Get("Location"); !strings.HasPrefix(loc, "/signin?error=") {
				t.Fatalf("went to %q", loc)
			}
		})
		t.Run("provider error is shown on the sign-in page", func(t *testing.T) {
			resp := h.get("/auth/google/callback?error=access_denied")
			if loc := resp.Header.Get("Location"); !strings.HasPrefix(loc, "/signin?error=") {
				t.Fatalf("went to %q", loc)
			}
		})
		t.Run("no open redirect", func(t *testing.T) {
			g.SetUser(oauthtest.User{Subject: "g-123", Email: "grace@example.com", EmailVerified: true, Name: "Grace"})
			resp, _, _ := signIn(t, g, "google", "https://evil.example/")
			if loc := resp.Header.Get("Location"); loc != "/" {
				t.Fatalf("redirected to %q, want /", loc)
			}
		})
	}, store.Migrations()...)
}
