// Package oauth signs people in with Microsoft (Entra ID) and Google using the
// OAuth 2.0 authorization-code flow with state, PKCE (S256) and an OpenID
// Connect nonce. The ID token the provider returns is verified here —
// signature against the provider's JWKS, algorithm, issuer, audience, nonce
// and lifetime — before anything it says about the person is believed.
package oauth

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"time"

	"golang.org/x/oauth2"

	"github.com/careercoach/coach/internal/apperr"
	"github.com/careercoach/coach/subgraphs/users"
)

// Provider names, as they appear in /auth/<provider>/… paths and in
// users.Identity.Provider.
const (
	Google    = "google"
	Microsoft = "microsoft"
)

// Config says which providers are offered and how to reach them.
type Config struct {
	// PublicURL is where browsers reach the service (e.g.
	// http://localhost:4000); the redirect URI registered with each provider
	// is PublicURL + "/auth/<provider>/callback".
	PublicURL string

	MicrosoftClientID     string
	MicrosoftClientSecret string
	// MicrosoftTenant is "common" (default), "organizations", "consumers"
	// or a tenant id (GUID).
	MicrosoftTenant string

	GoogleClientID     string
	GoogleClientSecret string

	// Endpoints replaces a provider's well-known endpoints, by provider
	// name; tests point them at a fake provider (see oauthtest).
	Endpoints map[string]Endpoints
}

// Endpoints are where a provider authorizes, issues tokens and publishes its
// signing keys, and what issuer its ID tokens name.
type Endpoints struct {
	AuthURL  string
	TokenURL string
	JWKSURL  string
	// Issuers are the accepted iss values. In a Microsoft issuer,
	// "{tenantid}" stands for the configured tenant id or, for the
	// multi-tenant "common", "organizations" and "consumers", for the
	// token's own tid claim.
	Issuers []string
}

// Flow runs sign-ins with the configured providers. It is safe for
// concurrent use; everything per sign-in lives in the KeyStore.
type Flow struct {
	states    users.KeyStore
	client    *http.Client
	now       func() time.Time
	providers map[string]*provider
}

// New sets up the providers that have a client id and secret. ctx bounds the
// background refresh of the providers' signing keys, so it should live as
// long as the service. httpClient (nil for a default) is used for token
// exchanges and key fetches; now (nil for time.Now) is the clock.
func New(ctx context.Context, cfg Config, states users.KeyStore, httpClient *http.Client, now func() time.Time) (*Flow, error) {
	if httpClient == nil {
		httpClient = &http.Client{Timeout: 10 * time.Second}
	}
	if now == nil {
		now = time.Now
	}
	f := &Flow{states: states, client: httpClient, now: now, providers: map[string]*provider{}}
	defs, err := definitions(cfg)
	if err != nil {
		return nil, err
	}
	if len(defs) == 0 {
		return f, nil
	}
	base, err := publicURL(cfg.PublicURL)
	if err != nil {
		return nil, err
	}
	for _, d := range defs {
		if ep, ok := cfg.Endpoints[d.name]; ok {
			d.endpoints = ep
		}
		p, err := d.build(ctx, base, httpClient)
		if err != nil {
			return nil, err
		}
		f.providers[d.name] = p
	}
	return f, nil
}

// Providers returns the names of the offered providers, sorted.
func (f *Flow) Providers() []string {
	names := make([]string, 0, len(f.providers))
	for name := range f.providers {
		names = append(names, name)
	}
	slices.Sort(names)
	return names
}

func (f *Flow) provider(name string) (*provider, error) {
	p, ok := f.providers[name]
	if !ok {
		return nil, apperr.Errorf(apperr.Invalid, "sign-in with %q is not available", name)
	}
	return p, nil
}

func publicURL(raw string) (string, error) {
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.RawQuery != "" || u.Fragment != "" {
		return "", fmt.Errorf("oauth: public URL %q must be an absolute http(s) URL without query", raw)
	}
	return strings.TrimSuffix(u.String(), "/"), nil
}

func scopes() []string { return []string{"openid", "email", "profile"} }

// authStyle is fixed because auto-detection retries a failed exchange with
// the other style, and the retry would present the single-use code twice.
const authStyle = oauth2.AuthStyleInParams
