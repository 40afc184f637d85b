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
	authMode                            string
	introspection                       bool
	urls                                map[string]string
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
	return errors.Join(err, config.CheckAddr("addr", m.addr), errors.Join(errs...))
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
	cfg := routerConfig(v, m.serviceSecret, m.urls, m.introspection)
	cfg.SupergraphPath = m.supergraph
	h, err := server.New(cfg, log)
	if err != nil {
		return fmt.Errorf("starting router: %w", err)
	}
	return (&httpserver.Server{Addr: m.addr, Handler: httpserver.Wrap(h, log), Log: log}).Run(ctx)
}
