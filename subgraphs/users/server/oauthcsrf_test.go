package server_test

import (
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"strings"
	"testing"

	"github.com/careercoach/coach/internal/auth"
	"github.com/careercoach/coach/internal/db"
	"github.com/careercoach/coach/internal/dbtest"
	"github.com/careercoach/coach/subgraphs/users/oauth"
	"github.com/careercoach/coach/subgraphs/users/oauth/oauthtest"
	"github.com/careercoach/coach/subgraphs/users/store"
)

// TestOAuthLoginCSRF replays login CSRF: the attacker starts a Google
// sign-in in their own browser, signs in at Google as themselves, and
// instead of following the callback sends its URL to the victim. The
// victim's browser, which did not start that flow, must not be signed in.
func TestOAuthLoginCSRF(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		g := oauthtest.NewGoogle(t, "g-client", "g-secret")
		h := start(t, d, oauth.Config{GoogleClientID: "g-client", GoogleClientSecret: "g-secret",
			Endpoints: map[string]oauth.Endpoints{oauth.Google: g.Endpoints()}})
		browser := func() *http.Client {
			jar, _ := cookiejar.New(nil)
			return &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
		}
		get := func(t *testing.T, c *http.Client, path string) *http.Response {
			t.Helper()
			resp, err := c.Get(h.srv.URL + path)
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
			return resp
		}
		// attackerCallback runs the attacker's half: start, sign in at
		// Google, and keep the callback URL.
		attackerCallback := func(t *testing.T) string {
			g.SetUser(oauthtest.User{Subject: "g-mallory", Email: "mallory@example.com", EmailVerified: true, Name: "Mallory"})
			resp := get(t, browser(), "/auth/google/start")
			code, state := g.Authorize(t, resp.Header.Get("Location"))
			return "/auth/google/callback?state=" + url.QueryEscape(state) + "&code=" + url.QueryEscape(code)
		}
		refused := func(t *testing.T, resp *http.Response) {
			t.Helper()
			if loc := resp.Header.Get("Location"); !strings.HasPrefix(loc, "/signin?error=") || cookie(resp, auth.AccessCookie) != nil {
				t.Fatalf("victim's browser went to %q with cookies %v", loc, resp.Cookies())
			}
		}

		t.Run("start binds the state to the browser with an HttpOnly, SameSite=Lax cookie", func(t *testing.T) {
			resp := get(t, browser(), "/auth/google/start")
			c := cookie(resp, "cc_oauth_state")
			loc, _ := url.Parse(resp.Header.Get("Location"))
			if c == nil || c.Value != loc.Query().Get("state") || !c.HttpOnly || c.SameSite != http.SameSiteLaxMode || c.Path != "/auth/" || c.MaxAge != 600 {
				t.Fatalf("state cookie %+v for state %q", c, loc.Query().Get("state"))
			}
		})
		t.Run("the attacker's callback in a browser without the cookie is refused", func(t *testing.T) {
			refused(t, get(t, browser(), attackerCallback(t)))
		})
		t.Run("the attacker's callback in a browser with its own pending sign-in is refused", func(t *testing.T) {
			victim := browser()
			get(t, victim, "/auth/google/start") // the victim's own flow, never finished
			refused(t, get(t, victim, attackerCallback(t)))
		})
		t.Run("the browser that started the flow signs in, once", func(t *testing.T) {
			g.SetUser(oauthtest.User{Subject: "g-ada", Email: "ada@example.com", EmailVerified: true, Name: "Ada"})
			c := browser()
			resp := get(t, c, "/auth/google/start")
			code, state := g.Authorize(t, resp.Header.Get("Location"))
			cb := "/auth/google/callback?state=" + url.QueryEscape(state) + "&code=" + url.QueryEscape(code)
			resp = get(t, c, cb)
			if resp.Header.Get("Location") != "/" || cookie(resp, auth.AccessCookie) == nil {
				t.Fatalf("callback went to %q", resp.Header.Get("Location"))
			}
			if sc := cookie(resp, "cc_oauth_state"); sc == nil || sc.MaxAge >= 0 {
				t.Fatalf("state cookie not cleared: %+v", sc)
			}
			refused(t, get(t, c, cb))
		})
	}, store.Migrations()...)
}
