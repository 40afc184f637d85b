package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"net/http"
	"strings"

	"github.com/careercoach/coach/internal/auth"
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
	introspection                       bool
	urls                                map[string]string
}

func (m *routerMain) ParseFlags(args []string) error {
	fs := config.New("coach router", m.getenv)
	fs.String(&m.addr, "addr", "COACH_ADDR", ":4000", "listen address")
	fs.String(&m.supergraph, "supergraph", "COACH_SUPERGRAPH", "schema/supergraph.graphql", "join-spec supergraph SDL file (reloaded when it changes)")
	fs.String(&m.subgraphURLs, "subgraph-urls", "COACH_SUBGRAPH_URLS", "", "overrides of composed subgraph URLs: name=url,name=url")
	fs.Secret(&m.serviceSecret, "service-secret", "COACH_SERVICE_SECRET", "credential presented to subgraphs (required)")
	fs.String(&m.jwksURL, "jwks-url", "COACH_JWKS_URL", "http://127.0.0.1:4001/.well-known/jwks.json", "JWKS of the users service")
	fs.String(&m.tokenIssuer, "token-issuer", "COACH_TOKEN_ISSUER", "http://localhost:4000", "issuer of access tokens")
	fs.Bool(&m.introspection, "introspection", "COACH_INTROSPECTION", true, "allow introspection of the API schema")
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
	if len(m.serviceSecret) < 16 {
		errs = append(errs, errors.New("--service-secret must be at least 16 characters"))
	}
	return errors.Join(err, config.CheckAddr("addr", m.addr), config.CheckURL("jwks-url", m.jwksURL, "http", "https"), errors.Join(errs...))
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

// routerConfig is the router configuration shared by `coach router` and `coach dev`.
func routerConfig(v *auth.Verifier, secret string, urls map[string]string, introspection bool) server.Config {
	return server.Config{
		SubgraphURLs:            urls,
		DisableIntrospection:    !introspection,
		Authenticate:            authenticate(v),
		TokenCookie:             auth.AccessCookie,
		PropagateHeaders:        []string{httpserver.RequestIDHeader},
		ServiceCredentialHeader: auth.ServiceTokenHeader,
		ServiceCredential:       secret,
		Limits:                  server.Limits{MaxDepth: 15, MaxAliases: 30, MaxRootFields: 20, MaxTokens: 5000, MaxBodyBytes: 1 << 20},
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
	keys, err := auth.RemoteKeys(ctx, m.jwksURL, nil)
	if err != nil {
		return err
	}
	cfg := routerConfig(&auth.Verifier{Keys: keys, Issuer: m.tokenIssuer, Audience: auth.Audience}, m.serviceSecret, m.urls, m.introspection)
	cfg.SupergraphPath = m.supergraph
	h, err := server.New(cfg, log)
	if err != nil {
		return fmt.Errorf("starting router: %w", err)
	}
	return (&httpserver.Server{Addr: m.addr, Handler: httpserver.Wrap(h, log), Log: log}).Run(ctx)
}
