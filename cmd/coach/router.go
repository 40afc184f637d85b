package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"net/http"
	"net/http/pprof"
	"net/url"
	"strings"
	"time"

	"golang.org/x/sync/errgroup"

	"github.com/careercoach/coach/internal/auth"
	"github.com/careercoach/coach/internal/auth/tombstone"
	"github.com/careercoach/coach/internal/config"
	"github.com/careercoach/coach/internal/httpserver"
	"github.com/careercoach/coach/internal/logging"
	"github.com/careercoach/coach/router/server"
)

// routerMain runs the federation router on a supergraph file.
type routerMain struct {
	env
	addr, supergraph, subgraphURLs      string
	serviceSecret, jwksURL, tokenIssuer string
	logLevel, logFormat                 string
	debugAddr                           string
	authMode                            string
	introspection, graphiql             bool
	urls                                map[string]string

	usersURL, webDir, corsOrigins string
	corsCredentials, dedupe       bool
	dedupeQueries                 bool
	dedupeFetches                 bool
	maxUploadBytes                int64
	wsPerIP, wsPerConn            int
	http                          config.HTTPLimits
	metricsAddr                   string
	limits                        server.Limits
	deletedPoll                   time.Duration
}

func (m *routerMain) ParseFlags(args []string) error {
	fs := config.New("coach router", m.getenv)
	fs.String(&m.addr, "addr", "COACH_ADDR", ":4000", "listen address")
	fs.String(&m.supergraph, "supergraph", "COACH_SUPERGRAPH", "schema/supergraph.graphql", "join-spec supergraph SDL file (reloaded when it changes)")
	fs.String(&m.subgraphURLs, "subgraph-urls", "COACH_SUBGRAPH_URLS", "", "overrides of composed subgraph URLs: name=url,name=url")
	fs.Secret(&m.serviceSecret, "service-secret", "COACH_SERVICE_SECRET", "credential presented to subgraphs (required)")
	fs.String(&m.authMode, "auth", "COACH_ROUTER_AUTH", authJWT, "client token verification: \"jwt\" verifies tokens against --jwks-url; \"off\" verifies nothing and forwards headers as they come (only for conformance suites and third-party supergraphs, never in production)")
	fs.String(&m.jwksURL, "jwks-url", "COACH_JWKS_URL", "http://127.0.0.1:4001/.well-known/jwks.json", "JWKS of the users service")
	fs.String(&m.tokenIssuer, "token-issuer", "COACH_TOKEN_ISSUER", "http://localhost:4000", "issuer of access tokens")
	fs.Bool(&m.introspection, "introspection", "COACH_INTROSPECTION", true, "allow introspection of the API schema")
	fs.Bool(&m.graphiql, "graphiql", "COACH_GRAPHIQL", true, "serve the bundled GraphiQL at GET /graphql to browsers")
	fs.String(&m.usersURL, "users-url", "COACH_USERS_URL", "http://127.0.0.1:4001", "base URL of the users service, for the proxied /auth/* and /.well-known/jwks.json (empty: no proxy)")
	fs.String(&m.webDir, "web-dir", "COACH_WEB_DIR", defaultWebDir, "built web app served at / (empty: none)")
	fs.String(&m.corsOrigins, "cors-origins", "COACH_CORS_ORIGINS", "", "comma-separated origins allowed cross-origin (https://app.example.com)")
	fs.Bool(&m.corsCredentials, "cors-credentials", "COACH_CORS_CREDENTIALS", false, "let the allowed origins send cookies")
	fs.Int64(&m.maxUploadBytes, "max-upload-bytes", "COACH_MAX_UPLOAD_BYTES", httpserver.DefaultMaxUploadBytes, "largest multipart (upload) request")
	fs.Int(&m.wsPerIP, "max-connections-per-ip", "COACH_MAX_CONNECTIONS_PER_IP", 100, "open WebSockets and event streams per client address")
	fs.Bool(&m.dedupe, "dedupe-subscriptions", "COACH_DEDUPE_SUBSCRIPTIONS", false, "share one subgraph subscription among clients with the same operation, variables and credentials (late joiners miss a subgraph's initial event)")
	fs.Bool(&m.dedupeQueries, "dedupe-queries", "COACH_DEDUPE_QUERIES", true, "let a query join an identical one (operation, variables, credentials) already running and share its answer; a mutation closes running queries to joiners")
	fs.Bool(&m.dedupeFetches, "dedupe-subgraph-requests", "COACH_DEDUPE_SUBGRAPH_REQUESTS", true, "let identical queries to a subgraph in flight at the same time (body, credentials) share one request; a mutation closes those in flight to joiners")
	fs.Int(&m.wsPerConn, "max-subscriptions-per-connection", "COACH_MAX_SUBSCRIPTIONS_PER_CONNECTION", 100, "operations on one WebSocket")
	config.BindHTTPLimits(fs, &m.http, "", config.PublicHTTPLimits())
	fs.String(&m.metricsAddr, "metrics-addr", "COACH_METRICS_ADDR", "127.0.0.1:8088", "listen address of /metrics (Prometheus; loopback by default as in Cosmo's router; empty: off; never the public listener)")
	bindLimits(fs, &m.limits)
	fs.Duration(&m.deletedPoll, "deleted-accounts-poll", "COACH_DELETED_ACCOUNTS_POLL", tombstone.DefaultFeedInterval, "how often the router refreshes its list of deleted accounts from --users-url (their unexpired tokens are refused)")
	fs.String(&m.debugAddr, "debug-addr", "COACH_DEBUG_ADDR", "", "listen address of the Go profiler (net/http/pprof; empty: off; never expose it publicly)")
	fs.String(&m.logLevel, "log-level", "COACH_LOG_LEVEL", "info", "debug, info, warn or error")
	fs.String(&m.logFormat, "log-format", "COACH_LOG_FORMAT", "text", "text or json")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			fs.Usage(m.stdout, "coach router: the federation router (any join-spec supergraph)")
		}
		return err
	}
	urls, err := parseSubgraphURLs(m.subgraphURLs)
	m.urls = urls
	var errs []error
	errs = append(errs, config.CheckServiceSecret(m.serviceSecret))
	if m.usersURL != "" {
		errs = append(errs, config.CheckURL("users-url", m.usersURL, "http", "https"))
	}
	if m.deletedPoll < 100*time.Millisecond || m.deletedPoll > time.Minute {
		errs = append(errs, fmt.Errorf("--deleted-accounts-poll %s: want between 100ms and 1m", m.deletedPoll))
	}
	if m.maxUploadBytes <= 0 || m.wsPerIP <= 0 || m.wsPerConn <= 0 {
		errs = append(errs, errors.New("--max-upload-bytes, --max-connections-per-ip and --max-subscriptions-per-connection must be positive"))
	}
	switch m.authMode {
	case authJWT:
		if m.jwksURL == "" {
			errs = append(errs, errors.New("--jwks-url is required unless --auth=off"))
		}
		errs = append(errs, config.CheckURL("jwks-url", m.jwksURL, "http", "https"))
	case authOff:
	default:
		errs = append(errs, fmt.Errorf("--auth must be %q or %q, not %q", authJWT, authOff, m.authMode))
	}
	if m.debugAddr != "" {
		errs = append(errs, config.CheckAddr("debug-addr", m.debugAddr))
	}
	if m.metricsAddr != "" {
		errs = append(errs, config.CheckAddr("metrics-addr", m.metricsAddr))
	}
	errs = append(errs, checkLimits(m.limits))
	return errors.Join(err, config.CheckAddr("addr", m.addr), m.http.Validate(""), errors.Join(errs...))
}

func parseSubgraphURLs(s string) (map[string]string, error) {
	out := map[string]string{}
	for _, kv := range strings.Split(s, ",") {
		if kv = strings.TrimSpace(kv); kv == "" {
			continue
		}
		name, u, ok := strings.Cut(kv, "=")
		if !ok || name == "" {
			return nil, fmt.Errorf("--subgraph-urls: %q is not name=url", kv)
		}
		if err := config.CheckURL("subgraph-urls", u, "http", "https"); err != nil {
			return nil, err
		}
		out[name] = u
	}
	return out, nil
}

// Values of --auth. Verification is on unless explicitly turned off.
const (
	authJWT = "jwt"
	authOff = "off"
)

// routerConfig is the router configuration shared by `coach router` and
// `coach dev`. A nil verifier (only from --auth=off) verifies no tokens.
func routerConfig(v *auth.Verifier, secret string, urls map[string]string, introspection bool) server.Config {
	var authn func(*http.Request) error
	if v != nil {
		authn = authenticate(v)
	}
	return server.Config{
		SubgraphURLs:            urls,
		DisableIntrospection:    !introspection,
		Authenticate:            authn,
		TokenCookie:             auth.AccessCookie,
		PropagateHeaders:        []string{httpserver.RequestIDHeader},
		ServiceCredentialHeader: auth.ServiceTokenHeader,
		ServiceCredential:       secret,
		Limits:                  defaultLimits(),
		// gqlgen subgraphs (internal/gqlsrv) read the credential from connection_init.
		Subscriptions: server.SubscriptionConfig{InitCredentialKey: "serviceToken"},
		// On for `coach dev` too; `coach router` takes --dedupe-queries
		// and --dedupe-subgraph-requests.
		DeduplicateQueries:          true,
		DeduplicateSubgraphRequests: true,
	}
}

// authenticate rejects a request whose token is present but invalid before
// any planning; anonymous requests pass (subgraphs decide what they may see).
func authenticate(v *auth.Verifier) func(*http.Request) error {
	return func(r *http.Request) error {
		raw := auth.TokenFromRequest(r)
		if raw == "" {
			return nil
		}
		_, err := v.Verify(r.Context(), raw)
		return err
	}
}

func (m *routerMain) Run(ctx context.Context) error {
	log, err := logging.New(m.stderr, m.logFormat, m.logLevel)
	if err != nil {
		return err
	}
	log = log.With("service", "router")
	var v *auth.Verifier
	if m.authMode == authOff {
		log.Warn("client token verification is off (--auth=off): for conformance suites and third-party supergraphs only")
	} else {
		keys, err := auth.RemoteKeys(ctx, m.jwksURL, nil)
		if err != nil {
			return err
		}
		v = &auth.Verifier{Keys: keys, Issuer: m.tokenIssuer, Audience: auth.Audience}
	}
	var feed *tombstone.Feed
	if v != nil && m.usersURL != "" {
		// The users service records each deletion in the transaction that
		// deletes the account; polling it is the simplest way to learn
		// deletions that also survives restarts of the router (which has no
		// database, and might miss bus events while down).
		feed = &tombstone.Feed{Fetch: tombstone.FetchFeed(&http.Client{Timeout: 5 * time.Second}, strings.TrimSuffix(m.usersURL, "/"), m.serviceSecret),
			Interval: m.deletedPoll, Log: log}
		v = v.WithRevocations(feed)
	}
	cfg := routerConfig(v, m.serviceSecret, m.urls, m.introspection)
	cfg.SupergraphPath = m.supergraph
	if m.usersURL != "" {
		u, err := url.Parse(m.usersURL)
		if err != nil {
			return fmt.Errorf("--users-url: %w", err)
		}
		withEdge(&cfg, u, m.serviceSecret, m.webDir)
	} else {
		cfg.WebDir = m.webDir
	}
	cfg.GraphiQL = m.graphiql
	cfg.CORS = server.CORSConfig{AllowedOrigins: splitList(m.corsOrigins), AllowCredentials: m.corsCredentials}
	cfg.Uploads.MaxBytes = m.maxUploadBytes
	cfg.Subscriptions.MaxConnectionsPerIP = m.wsPerIP
	cfg.Subscriptions.MaxPerConnection = m.wsPerConn
	cfg.Subscriptions.Deduplicate = m.dedupe
	cfg.DeduplicateQueries = m.dedupeQueries
	cfg.DeduplicateSubgraphRequests = m.dedupeFetches
	cfg.Limits = m.limits
	cfg.Shutdown = ctx
	h, err := server.New(cfg, log)
	if err != nil {
		return fmt.Errorf("starting router: %w", err)
	}
	servers := []*httpserver.Server{{Addr: m.addr, Handler: httpserver.Wrap(h, log), Log: log, Limits: m.http}}
	if m.metricsAddr != "" {
		servers = append(servers, &httpserver.Server{Addr: m.metricsAddr, Handler: h.MetricsHandler(), Log: log.With("listener", "metrics")})
	}
	if m.debugAddr != "" {
		servers = append(servers, &httpserver.Server{Addr: m.debugAddr, Handler: profiler(), Log: log.With("listener", "debug")})
	}
	g, ctx := errgroup.WithContext(ctx)
	for _, srv := range servers {
		g.Go(func() error { return srv.Run(ctx) })
	}
	if feed != nil {
		g.Go(func() error { return feed.Run(ctx) })
	}
	return g.Wait()
}

// profiler serves net/http/pprof on its own mux, so that it is reachable only
// on --debug-addr and never through the public listener.
func profiler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("/debug/pprof/", pprof.Index)
	mux.HandleFunc("/debug/pprof/cmdline", pprof.Cmdline)
	mux.HandleFunc("/debug/pprof/profile", pprof.Profile)
	mux.HandleFunc("/debug/pprof/symbol", pprof.Symbol)
	mux.HandleFunc("/debug/pprof/trace", pprof.Trace)
	return mux
}

func splitList(s string) []string {
	var out []string
	for _, p := range strings.Split(s, ",") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}
