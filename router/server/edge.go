package server

import (
	"fmt"
	"net/http"
	"net/http/httputil"
	"net/url"
	"os"
	"strconv"
	"strings"

	"github.com/careercoach/coach/router/graphiql"
	"github.com/careercoach/coach/router/static"
)

// Proxy forwards requests under a path to another service, e.g. an
// identity provider's sign-in routes and JWKS on the router's origin.
type Proxy struct {
	// Path is a prefix when it ends with "/" ("/auth/"), else exact.
	Path string
	// Target is the service's base URL.
	Target string
	// SetHeaders are set on every forwarded request (a service credential
	// that vouches for the X-Forwarded-For the proxy adds).
	SetHeaders map[string]string
}

// mountEdge adds GraphiQL's assets, the proxies and the web app to the mux.
func (s *Server) mountEdge() error {
	if s.cfg.GraphiQL {
		s.graphiql = graphiql.New()
		s.mux.Handle(graphiql.Prefix, s.graphiql)
	}
	for _, p := range s.cfg.Proxies {
		h, err := newProxy(p)
		if err != nil {
			return err
		}
		s.mux.Handle(p.Path, h)
	}
	if s.cfg.WebDir != "" {
		fi, err := os.Stat(s.cfg.WebDir)
		if err != nil || !fi.IsDir() {
			s.log.Warn("web app directory not found; not serving the web app", "dir", s.cfg.WebDir)
			return nil
		}
		s.mux.Handle("/", static.New(os.DirFS(s.cfg.WebDir), static.Options{SPA: true, ImmutablePrefix: "assets/"}))
	}
	return nil
}

func newProxy(p Proxy) (http.Handler, error) {
	u, err := url.Parse(p.Target)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, fmt.Errorf("router: proxy %s: target %q is not an http(s) URL", p.Path, p.Target)
	}
	if !strings.HasPrefix(p.Path, "/") {
		return nil, fmt.Errorf("router: proxy path %q must start with /", p.Path)
	}
	return &httputil.ReverseProxy{Rewrite: func(r *httputil.ProxyRequest) {
		r.SetURL(u)
		r.SetXForwarded()
		r.Out.Host = r.In.Host // cookies and redirects stay on the public origin
		for k, v := range p.SetHeaders {
			r.Out.Header.Set(k, v)
		}
	}}, nil
}

// defaultCORSHeaders are the request headers GraphQL clients send.
var defaultCORSHeaders = []string{"Content-Type", "Authorization", "Accept", "GraphQL-Preflight",
	"Apollo-Require-Preflight", "X-Apollo-Operation-Name", "X-Request-Id"}

// cors applies the CORS policy; requests without an Origin pass untouched.
func (s *Server) cors(next http.Handler) http.Handler {
	c := s.cfg.CORS
	allowed := map[string]bool{}
	any := false
	for _, o := range c.AllowedOrigins {
		if o == "*" {
			any = true
		}
		allowed[strings.TrimRight(o, "/")] = true
	}
	headers := map[string]bool{}
	for _, h := range append(append([]string{}, defaultCORSHeaders...), c.AllowHeaders...) {
		headers[strings.ToLower(h)] = true
	}
	maxAge := strconv.Itoa(int(c.MaxAge.Seconds()))
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		if len(allowed) > 0 {
			// Answers differ by Origin whenever a policy exists, also to a
			// request without one: a cache must not reuse either for the other.
			h.Add("Vary", "Origin")
		}
		origin := r.Header.Get("Origin")
		if origin == "" {
			next.ServeHTTP(w, r)
			return
		}
		ok := allowed[origin] || any
		preflight := r.Method == http.MethodOptions && r.Header.Get("Access-Control-Request-Method") != ""
		if !ok {
			if preflight {
				http.Error(w, "origin not allowed", http.StatusForbidden)
				return
			}
			next.ServeHTTP(w, r) // same-origin or non-browser: no CORS headers
			return
		}
		if allowed[origin] {
			h.Set("Access-Control-Allow-Origin", origin)
			if c.AllowCredentials {
				h.Set("Access-Control-Allow-Credentials", "true")
			}
		} else {
			h.Set("Access-Control-Allow-Origin", "*") // wildcard: never with credentials
		}
		if !preflight {
			h.Set("Access-Control-Expose-Headers", "X-Request-Id")
			next.ServeHTTP(w, r)
			return
		}
		var ok2 []string
		for _, rh := range strings.Split(r.Header.Get("Access-Control-Request-Headers"), ",") {
			if rh = strings.TrimSpace(rh); rh != "" && headers[strings.ToLower(rh)] {
				ok2 = append(ok2, rh)
			}
		}
		h.Set("Access-Control-Allow-Methods", "GET, POST, OPTIONS")
		if len(ok2) > 0 {
			h.Set("Access-Control-Allow-Headers", strings.Join(ok2, ", "))
		}
		h.Set("Access-Control-Max-Age", maxAge)
		w.WriteHeader(http.StatusNoContent)
	})
}
