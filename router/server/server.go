package server

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"github.com/careercoach/coach/router/wire"
	"log/slog"
	"net/http"
	"os"
	"sync"
	"sync/atomic"
	"time"

	"github.com/careercoach/coach/router/execute"
	"github.com/careercoach/coach/router/graphiql"
	"github.com/careercoach/coach/router/plan"
	"github.com/careercoach/coach/router/subscribe"
	"github.com/careercoach/coach/router/supergraph"
	"github.com/careercoach/coach/router/transport"
	"github.com/vektah/gqlparser/v2/validator/rules"
)

// Server is the router's HTTP handler.
type Server struct {
	cfg      Config
	log      *slog.Logger
	mux      *http.ServeMux
	state    atomic.Pointer[state]
	apq      *lru[string]
	bodies   *bodyCache
	metrics  *metrics
	dialer   *subscribe.Dialer
	graphiql *graphiql.Handler
	handler  http.Handler // mux behind the CORS policy
	conns    *subscribe.IPLimiter
	fanout   fanout
	inflight inflight
	rules    *rules.Rules // validation rules, shared read-only by requests

	reloadMu  sync.Mutex
	lastCheck atomic.Int64 // unix nanos of the last supergraph file check
}

// state is everything derived from one supergraph. Requests take a
// snapshot, so a reload never disturbs requests already running.
type state struct {
	sg      *supergraph.Supergraph
	exec    *execute.Executor
	plans   *lru[*plan.Plan]
	docs    *lru[*checkedDoc] // parsed and validated operations by query text
	urls    map[string]string // subgraph HTTP URLs
	modTime time.Time
}

// New builds the router handler. It serves POST and GET /graphql,
// /healthz and /readyz; its metrics are served apart (MetricsHandler).
func New(cfg Config, log *slog.Logger) (*Server, error) {
	return newServer(cfg, log)
}

// MetricsHandler serves /metrics in Prometheus text format. It is not on
// the router's public handler: serve it on a listener of its own that
// only the monitoring can reach (as Cosmo's and Apollo's routers do, on
// loopback by default).
func (s *Server) MetricsHandler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("/metrics", s.metrics.serve)
	return mux
}

func newServer(cfg Config, log *slog.Logger) (*Server, error) {
	cfg.defaults()
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	s := &Server{cfg: cfg, log: log, apq: newLRU[string](cfg.APQSize), bodies: newLRU[gqlRequest](bodyCacheSize), metrics: newMetrics(),
		dialer: &subscribe.Dialer{HTTPClient: cfg.HTTPClient, PingInterval: max(cfg.Subscriptions.SubgraphPingInterval, 0)},
		conns:  &subscribe.IPLimiter{Max: cfg.Subscriptions.MaxConnectionsPerIP}, rules: validationRules(!cfg.DisableIntrospection)}
	sdl, mod, err := s.readSupergraph()
	if err != nil {
		return nil, err
	}
	st, err := s.build(sdl, mod)
	if err != nil {
		return nil, err
	}
	s.state.Store(st)
	s.lastCheck.Store(time.Now().UnixNano())
	s.mux = http.NewServeMux()
	s.mux.HandleFunc("/graphql", s.serveGraphQL)
	s.mux.HandleFunc("/healthz", func(w http.ResponseWriter, _ *http.Request) { _, _ = w.Write([]byte("ok\n")) })
	s.mux.HandleFunc("/readyz", func(w http.ResponseWriter, _ *http.Request) {
		if s.state.Load() == nil {
			http.Error(w, "no supergraph", http.StatusServiceUnavailable)
			return
		}
		_, _ = w.Write([]byte("ready\n"))
	})
	if err := s.mountEdge(); err != nil {
		return nil, err
	}
	s.handler = s.cors(s.mux)
	return s, nil
}

// bodyCacheSize is how many decoded request bodies are kept (at most
// maxCachedBody each).
const bodyCacheSize = 256

// ServeHTTP implements http.Handler.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) { s.handler.ServeHTTP(w, r) }

func (s *Server) readSupergraph() (string, time.Time, error) {
	if s.cfg.SupergraphPath == "" {
		if s.cfg.SupergraphSDL == "" {
			return "", time.Time{}, fmt.Errorf("router: no supergraph: set SupergraphSDL or SupergraphPath")
		}
		return s.cfg.SupergraphSDL, time.Time{}, nil
	}
	fi, err := os.Stat(s.cfg.SupergraphPath)
	if err != nil {
		return "", time.Time{}, fmt.Errorf("router: supergraph: %w", err)
	}
	b, err := os.ReadFile(s.cfg.SupergraphPath)
	if err != nil {
		return "", time.Time{}, fmt.Errorf("router: supergraph: %w", err)
	}
	return string(b), fi.ModTime(), nil
}

func (s *Server) build(sdl string, mod time.Time) (*state, error) {
	sg, err := supergraph.Parse(sdl)
	if err != nil {
		return nil, fmt.Errorf("router: %w", err)
	}
	urls := map[string]string{}
	for _, g := range sg.Graphs {
		urls[g.Name] = g.URL
	}
	for name, u := range s.cfg.SubgraphURLs {
		urls[name] = u
	}
	client := transport.New(transport.Config{URLs: urls, HTTPClient: s.cfg.HTTPClient,
		CredentialHeader: s.cfg.ServiceCredentialHeader, Credential: s.cfg.ServiceCredential,
		ShareInFlight: s.cfg.DeduplicateSubgraphRequests, Shared: s.metrics.sharedFetch})
	ex := &execute.Executor{
		Fetcher:        s.metrics.fetcher(uploadFetcher{client: client}),
		MaxConcurrency: s.cfg.MaxConcurrency,
		Timeout:        s.cfg.SubgraphTimeout,
		Timeouts:       s.cfg.SubgraphTimeouts,
		Log:            s.log,
	}
	return &state{sg: sg, exec: ex, plans: newLRU[*plan.Plan](s.cfg.PlanCacheSize),
		docs: newLRU[*checkedDoc](s.cfg.PlanCacheSize), urls: urls, modTime: mod}, nil
}

// maybeReload re-reads the supergraph file when it changed. It runs on the
// request path but at most once per interval and never blocks requests:
// whoever loses the race keeps serving the current state.
func (s *Server) maybeReload(ctx context.Context) {
	if s.cfg.SupergraphPath == "" {
		return
	}
	now := time.Now().UnixNano()
	last := s.lastCheck.Load()
	if time.Duration(now-last) < s.cfg.ReloadInterval || !s.lastCheck.CompareAndSwap(last, now) {
		return
	}
	if !s.reloadMu.TryLock() {
		return
	}
	defer s.reloadMu.Unlock()
	fi, err := os.Stat(s.cfg.SupergraphPath)
	if err != nil || fi.ModTime().Equal(s.state.Load().modTime) {
		return
	}
	sdl, mod, err := s.readSupergraph()
	if err == nil {
		var st *state
		if st, err = s.build(sdl, mod); err == nil {
			s.state.Store(st)
			s.log.InfoContext(ctx, "supergraph reloaded", "path", s.cfg.SupergraphPath)
			return
		}
	}
	s.log.ErrorContext(ctx, "supergraph reload failed; keeping the previous one", "error", err)
}

func requestID(r *http.Request) string {
	if id := r.Header.Get("X-Request-Id"); id != "" && len(id) <= 128 {
		return id
	}
	var b [8]byte
	_, _ = rand.Read(b[:])
	return hex.EncodeToString(b[:])
}

func (s *Server) serveGraphQL(w http.ResponseWriter, r *http.Request) {
	switch {
	case subscribe.IsWebSocket(r):
		s.serveWS(w, r)
		return
	case subscribe.WantsSSE(r):
		s.serveSSE(w, r)
		return
	case s.graphiql != nil && graphiql.WantsPage(r):
		s.graphiql.ServePage(w, r)
		return
	}
	noStore(w.Header())
	start := time.Now()
	id := requestID(r)
	w.Header().Set("X-Request-Id", id)
	log := s.log.With("request_id", id)
	s.maybeReload(r.Context())
	media, ok := responseType(r)
	if !ok {
		writeResult(w, mediaJSON, nil, newReqError(wire.CodeBadRequest, "Accept must allow application/graphql-response+json or application/json").withStatus(http.StatusNotAcceptable))
		return
	}
	if s.cfg.Authenticate != nil {
		if err := s.cfg.Authenticate(r); err != nil {
			log.InfoContext(r.Context(), "authentication failed", "error", err)
			s.metrics.request("unauthenticated", time.Since(start))
			writeResult(w, media, nil, newReqError(wire.CodeUnauthenticated, "invalid or expired token").withStatus(http.StatusUnauthorized))
			return
		}
	}
	if r.Method == http.MethodPost && !csrfSafe(r) {
		s.metrics.request("bad_request", time.Since(start))
		writeRefusal(w, media, newReqError(wire.CodeCSRF, csrfMessage))
		return
	}
	if isMultipart(r) {
		s.serveMultipart(w, r, media, log, start)
		return
	}
	reqs, batch, rerr := parseRequest(r, s.cfg.Limits.MaxBodyBytes, s.bodies)
	if rerr != nil {
		s.metrics.request("bad_request", time.Since(start))
		writeResult(w, media, nil, rerr)
		return
	}
	ctx, cancel := context.WithTimeout(r.Context(), s.cfg.RequestTimeout)
	defer cancel()
	fwd := s.propagated(r)
	ctx = transport.WithHeaders(ctx, fwd)
	st := s.state.Load()
	if !batch {
		s.serveOne(ctx, answer{w: w, media: media, multipart: acceptsIncremental(r)}, log, st, reqs[0], r.Method, fwd, start)
		return
	}
	s.serveBatch(ctx, w, media, log, st, reqs, r.Method, start)
}

// noStore keeps GraphQL responses out of shared and browser caches: they
// carry the caller's own data, and a GET query is as private as a POST
// (OWASP ASVS 8.2.1; the OWASP cheat sheets' "Cache-Control: no-store"
// for sensitive responses). Vary names what the answer depends on for any
// cache that keeps it anyway.
func noStore(h http.Header) {
	h.Set("Cache-Control", "private, no-store")
	h.Add("Vary", "Authorization, Cookie")
}

// propagated picks the client headers forwarded to subgraphs.
func (s *Server) propagated(r *http.Request) http.Header {
	h := http.Header{}
	if v := r.Header.Values("Authorization"); len(v) > 0 {
		h["Authorization"] = v
	} else if s.cfg.TokenCookie != "" {
		if c, err := r.Cookie(s.cfg.TokenCookie); err == nil && c.Value != "" {
			h.Set("Authorization", "Bearer "+c.Value)
		}
	}
	for _, name := range s.cfg.PropagateHeaders {
		if v := r.Header.Values(name); len(v) > 0 {
			h[http.CanonicalHeaderKey(name)] = v
		}
	}
	return h
}
