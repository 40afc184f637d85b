package server_test

import (
	"compress/gzip"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/careercoach/coach/router/server"
)

func get(t *testing.T, url string, header http.Header) (*http.Response, string) {
	t.Helper()
	req, _ := http.NewRequest(http.MethodGet, url, nil)
	for k, v := range header {
		req.Header[k] = v
	}
	// A bare transport: the default one would add and strip gzip itself.
	res, err := (&http.Transport{DisableCompression: true}).RoundTrip(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	var rd io.Reader = res.Body
	if res.Header.Get("Content-Encoding") == "gzip" {
		zr, err := gzip.NewReader(res.Body)
		if err != nil {
			t.Fatalf("%s: bad gzip: %v", url, err)
		}
		rd = zr
	}
	b, err := io.ReadAll(rd)
	if err != nil {
		t.Fatal(err)
	}
	return res, string(b)
}

func TestGraphiQLIsBundled(t *testing.T) {
	e := newEdgeEnv(t, func(c *server.Config) { c.GraphiQL = true })
	browser := http.Header{"Accept": {"text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"}, "Accept-Encoding": {"gzip, deflate, br"}}
	res, page := get(t, e.router.URL+"/graphql", browser)
	if res.StatusCode != 200 || !strings.HasPrefix(res.Header.Get("Content-Type"), "text/html") || res.Header.Get("Cache-Control") != "no-cache" {
		t.Fatalf("page: %d %v", res.StatusCode, res.Header)
	}
	if strings.Contains(page, "//cdn") || strings.Contains(page, "unpkg") || strings.Contains(page, "jsdelivr") {
		t.Fatalf("page loads from a CDN:\n%s", page)
	}
	assets := regexp.MustCompile(`(?:src|href)="(/graphiql/assets/[^"]+)"`).FindAllStringSubmatch(page, -1)
	if len(assets) < 2 {
		t.Fatalf("page references %d bundled assets:\n%s", len(assets), page)
	}
	for _, a := range assets {
		t.Run(a[1], func(t *testing.T) {
			res, body := get(t, e.router.URL+a[1], http.Header{"Accept-Encoding": {"gzip"}})
			if res.StatusCode != 200 || res.Header.Get("Content-Encoding") != "gzip" || len(body) < 100 {
				t.Fatalf("status %d encoding %q, %d bytes", res.StatusCode, res.Header.Get("Content-Encoding"), len(body))
			}
			if cc := res.Header.Get("Cache-Control"); cc != "public, max-age=31536000, immutable" {
				t.Fatalf("Cache-Control %q", cc)
			}
			tag := res.Header.Get("ETag")
			res2, _ := get(t, e.router.URL+a[1], http.Header{"If-None-Match": {tag}})
			if tag == "" || res2.StatusCode != http.StatusNotModified {
				t.Fatalf("ETag %q revalidation %d", tag, res2.StatusCode)
			}
			res3, plain := get(t, e.router.URL+a[1], nil) // no gzip: inflated by the router
			if res3.Header.Get("Content-Encoding") != "" || plain != body {
				t.Fatalf("identity encoding differs (%d vs %d bytes)", len(plain), len(body))
			}
		})
	}
	t.Run("GraphQL clients still get JSON", func(t *testing.T) {
		res, body := get(t, e.router.URL+"/graphql?query=%7Bping%7D", http.Header{"Accept": {"application/json"}})
		if res.StatusCode != 200 || !strings.Contains(body, `"pong"`) {
			t.Fatalf("%d %s", res.StatusCode, body)
		}
	})
	t.Run("off unless enabled", func(t *testing.T) {
		e := newEdgeEnv(t, nil)
		res, _ := get(t, e.router.URL+"/graphql", browser)
		if strings.HasPrefix(res.Header.Get("Content-Type"), "text/html") {
			t.Fatal("GraphiQL served while disabled")
		}
	})
}

func TestWebAppServing(t *testing.T) {
	dir := t.TempDir()
	write := func(name, body string) {
		p := filepath.Join(dir, name)
		_ = os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("index.html", "<!doctype html><title>app</title>")
	write("assets/index-abc123.js", strings.Repeat("console.log('hello');\n", 200))
	write("favicon.svg", "<svg/>")
	e := newEdgeEnv(t, func(c *server.Config) { c.WebDir = dir })
	cases := []struct {
		name, path, wantBody, wantCache string
		wantStatus                      int
	}{
		{name: "root", path: "/", wantBody: "<title>app", wantCache: "no-cache", wantStatus: 200},
		{name: "client route falls back", path: "/goals/42", wantBody: "<title>app", wantCache: "no-cache", wantStatus: 200},
		{name: "hashed asset", path: "/assets/index-abc123.js", wantBody: "console.log", wantCache: "public, max-age=31536000, immutable", wantStatus: 200},
		{name: "other file", path: "/favicon.svg", wantBody: "<svg/>", wantCache: "no-cache", wantStatus: 200},
		{name: "missing file is 404", path: "/assets/missing.js", wantStatus: 404},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			res, body := get(t, e.router.URL+tc.path, http.Header{"Accept-Encoding": {"gzip"}})
			if res.StatusCode != tc.wantStatus {
				t.Fatalf("status %d", res.StatusCode)
			}
			if tc.wantStatus != 200 {
				return
			}
			if !strings.Contains(body, tc.wantBody) || res.Header.Get("Cache-Control") != tc.wantCache {
				t.Fatalf("body %q cache %q", body, res.Header.Get("Cache-Control"))
			}
		})
	}
	t.Run("JS is gzipped", func(t *testing.T) {
		res, _ := get(t, e.router.URL+"/assets/index-abc123.js", http.Header{"Accept-Encoding": {"gzip"}})
		if res.Header.Get("Content-Encoding") != "gzip" {
			t.Fatal("not compressed")
		}
	})
}

func TestAuthProxy(t *testing.T) {
	var seen *http.Request
	users := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		seen = r.Clone(r.Context())
		_, _ = io.WriteString(w, "users:"+r.URL.Path)
	}))
	t.Cleanup(users.Close)
	e := newEdgeEnv(t, func(c *server.Config) {
		c.Proxies = []server.Proxy{
			{Path: "/auth/", Target: users.URL, SetHeaders: map[string]string{"X-Coach-Service-Token": "s3cret"}},
			{Path: "/.well-known/jwks.json", Target: users.URL},
		}
	})
	for _, p := range []string{"/auth/login", "/.well-known/jwks.json"} {
		t.Run(p, func(t *testing.T) {
			res, body := get(t, e.router.URL+p, nil)
			if res.StatusCode != 200 || body != "users:"+p {
				t.Fatalf("%d %q", res.StatusCode, body)
			}
			if seen.Header.Get("X-Forwarded-For") == "" || seen.Host != strings.TrimPrefix(e.router.URL, "http://") {
				t.Fatalf("forwarded headers %v host %q", seen.Header, seen.Host)
			}
		})
	}
	if seen.Header.Get("X-Coach-Service-Token") != "" {
		t.Fatal("the JWKS route got the auth route's header")
	}
	_, _ = get(t, e.router.URL+"/auth/x", nil)
	if seen.Header.Get("X-Coach-Service-Token") != "s3cret" {
		t.Fatal("service credential not set on /auth/")
	}
}

// TestAuthProxyPassesCookies: the OAuth state cookie set at
// /auth/{provider}/start must reach the browser, and come back to the
// callback, through the router's proxy.
func TestAuthProxyPassesCookies(t *testing.T) {
	users := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if c, err := r.Cookie("cc_oauth_state"); err == nil {
			_, _ = io.WriteString(w, "state="+c.Value)
			return
		}
		http.SetCookie(w, &http.Cookie{Name: "cc_oauth_state", Value: "s1", Path: "/auth/", MaxAge: 600, HttpOnly: true, SameSite: http.SameSiteLaxMode})
		http.Redirect(w, r, "https://accounts.example/authorize?state=s1", http.StatusFound)
	}))
	t.Cleanup(users.Close)
	e := newEdgeEnv(t, func(c *server.Config) { c.Proxies = []server.Proxy{{Path: "/auth/", Target: users.URL}} })
	res, _ := get(t, e.router.URL+"/auth/google/start", nil)
	if res.StatusCode != http.StatusFound || len(res.Cookies()) != 1 {
		t.Fatalf("start through the router: %d, cookies %v", res.StatusCode, res.Header.Values("Set-Cookie"))
	}
	if c := res.Cookies()[0]; c.Name != "cc_oauth_state" || !c.HttpOnly || c.SameSite != http.SameSiteLaxMode || c.Path != "/auth/" {
		t.Fatalf("cookie %+v", c)
	}
	_, body := get(t, e.router.URL+"/auth/google/callback?state=s1", http.Header{"Cookie": {"cc_oauth_state=s1"}})
	if body != "state=s1" {
		t.Fatalf("the callback got %q, want the cookie passed through", body)
	}
}

func TestCORS(t *testing.T) {
	e := newEdgeEnv(t, func(c *server.Config) {
		c.CORS = server.CORSConfig{AllowedOrigins: []string{"https://app.example.com"}, AllowCredentials: true}
	})
	preflight := func(origin string) *http.Response {
		req, _ := http.NewRequest(http.MethodOptions, e.router.URL+"/graphql", nil)
		req.Header.Set("Origin", origin)
		req.Header.Set("Access-Control-Request-Method", "POST")
		req.Header.Set("Access-Control-Request-Headers", "content-type, authorization, x-evil")
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		return res
	}
	t.Run("allowed origin preflight", func(t *testing.T) {
		res := preflight("https://app.example.com")
		h := res.Header
		if res.StatusCode != 204 || h.Get("Access-Control-Allow-Origin") != "https://app.example.com" || h.Get("Access-Control-Allow-Credentials") != "true" ||
			h.Get("Access-Control-Allow-Headers") != "content-type, authorization" {
			t.Fatalf("%d %v", res.StatusCode, h)
		}
	})
	t.Run("other origin preflight refused", func(t *testing.T) {
		res := preflight("https://evil.example")
		if res.StatusCode != 403 || res.Header.Get("Access-Control-Allow-Origin") != "" {
			t.Fatalf("%d %v", res.StatusCode, res.Header)
		}
	})
	t.Run("allowed origin may open a WebSocket", func(t *testing.T) {
		c, _, err := dialWS(t, e.wsURL(), "graphql-transport-ws", http.Header{"Origin": {"https://app.example.com"}})
		if err != nil {
			t.Fatal(err)
		}
		c.sendJSON("", "connection_init", nil)
		c.expect("connection_ack")
	})
	t.Run("actual request", func(t *testing.T) {
		req, _ := http.NewRequest(http.MethodPost, e.router.URL+"/graphql", strings.NewReader(`{"query":"{ ping }"}`))
		req.Header.Set("Origin", "https://app.example.com")
		req.Header.Set("Content-Type", "application/json")
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		if res.Header.Get("Access-Control-Allow-Origin") != "https://app.example.com" {
			t.Fatalf("%v", res.Header)
		}
	})
}
