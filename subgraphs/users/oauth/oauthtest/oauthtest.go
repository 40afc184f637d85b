// Package oauthtest is a fake OpenID provider for tests: an httptest.Server
// with /authorize, /token and /jwks that checks requests as strictly as
// Google and Entra ID do (client credentials, redirect URI, single-use codes,
// PKCE S256) and signs real RS256 ID tokens. Faults make it send the bad
// tokens a verifier must refuse.
package oauthtest

import (
	"crypto/rand"
	"crypto/rsa"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"

	"github.com/careercoach/coach/subgraphs/users/oauth"
)

// Fault makes the provider's ID tokens wrong in one way.
type Fault int

// Faults, one per check an ID token verifier must make.
const (
	NoFault           Fault = iota
	WrongAudience           // aud is another client
	Expired                 // exp (and iat) an hour in the past
	IssuedInFuture          // iat an hour ahead
	AlgNone                 // unsigned, "alg": "none"
	AlgHS256                // HMAC-signed with the client secret
	TamperedSignature       // signature bytes altered
	TamperedClaims          // claims altered after signing
	UnknownKey              // signed by a key the JWKS does not publish
	WrongNonce              // nonce of another sign-in
	WrongIssuer             // iss of another provider
)

// User is the person who signs in at the provider.
type User struct {
	Subject       string
	Email         string
	EmailVerified bool
	Name          string
	Picture       string
}

// AuthRequest is what the browser brought to /authorize.
type AuthRequest struct {
	ClientID            string
	RedirectURI         string
	ResponseType        string
	Scope               string
	State               string
	Nonce               string
	CodeChallenge       string
	CodeChallengeMethod string
	Query               url.Values // all parameters
}

// Provider is a running fake provider; its server stops at test cleanup.
type Provider struct {
	URL          string
	ClientID     string
	ClientSecret string

	flavour flavour
	key     *rsa.PrivateKey

	mu       sync.Mutex
	user     User
	fault    Fault
	requests []AuthRequest
	grants   map[string]*grant
	otherKey *rsa.PrivateKey // made on first use: RSA keys are slow to make
}

// flavour is what differs between Google and Entra ID tokens.
type flavour struct {
	issuer         func(baseURL string) string
	issuerTemplate func(baseURL string) string // what a verifier accepts
	claims         func(u User) map[string]any
}

// grant is an issued authorization code.
type grant struct {
	AuthRequest
	used bool
}

// NewGoogle starts a fake that issues tokens as Google does: iss is its URL,
// email_verified says whether the email was verified.
func NewGoogle(t testing.TB, clientID, clientSecret string) *Provider {
	t.Helper()
	return start(t, clientID, clientSecret, flavour{
		issuer:         func(base string) string { return base },
		issuerTemplate: func(base string) string { return base },
		claims: func(u User) map[string]any {
			return map[string]any{"email_verified": u.EmailVerified, "picture": u.Picture}
		},
	})
}

// NewMicrosoft starts a fake that issues tokens as Entra ID's v2.0 endpoint
// does for tenant tenantID: iss is URL/<tenantID>/v2.0, tid names the tenant
// and xms_edov is present (true) only when the email is verified.
func NewMicrosoft(t testing.TB, clientID, clientSecret, tenantID string) *Provider {
	t.Helper()
	return start(t, clientID, clientSecret, flavour{
		issuer:         func(base string) string { return base + "/" + tenantID + "/v2.0" },
		issuerTemplate: func(base string) string { return base + "/{tenantid}/v2.0" },
		claims: func(u User) map[string]any {
			c := map[string]any{"tid": tenantID, "ver": "2.0", "oid": "oid-" + u.Subject}
			if u.EmailVerified {
				c["xms_edov"] = true
			}
			return c
		},
	})
}

func start(t testing.TB, clientID, clientSecret string, fl flavour) *Provider {
	t.Helper()
	p := &Provider{
		ClientID: clientID, ClientSecret: clientSecret,
		flavour: fl,
		key:     newKey(t),
		user:    User{Subject: "subject-1", Email: "ada@example.test", EmailVerified: true, Name: "Ada Lovelace", Picture: "https://pictures.example.test/ada.png"},
		grants:  map[string]*grant{},
	}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /authorize", p.serveAuthorize)
	mux.HandleFunc("POST /token", p.serveToken)
	mux.HandleFunc("GET /jwks", p.serveJWKS)
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	p.URL = srv.URL
	return p
}

func newKey(t testing.TB) *rsa.PrivateKey {
	t.Helper()
	k, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		t.Fatalf("generating RSA key: %v", err)
	}
	return k
}

// Endpoints are the fake's endpoints, for oauth.Config.Endpoints.
func (p *Provider) Endpoints() oauth.Endpoints {
	return oauth.Endpoints{
		AuthURL:  p.URL + "/authorize",
		TokenURL: p.URL + "/token",
		JWKSURL:  p.URL + "/jwks",
		Issuers:  []string{p.flavour.issuerTemplate(p.URL)},
	}
}

// Issuer is the iss of the fake's (faultless) ID tokens.
func (p *Provider) Issuer() string { return p.flavour.issuer(p.URL) }

// SetUser sets who signs in from now on.
func (p *Provider) SetUser(u User) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.user = u
}

// SetFault makes ID tokens issued from now on bad in one way (NoFault: good).
func (p *Provider) SetFault(f Fault) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.fault = f
}

// LastAuthorize returns the latest request to /authorize (zero if none).
func (p *Provider) LastAuthorize() AuthRequest {
	p.mu.Lock()
	defer p.mu.Unlock()
	if len(p.requests) == 0 {
		return AuthRequest{}
	}
	return p.requests[len(p.requests)-1]
}

// Authorize plays the browser: it follows authURL to the fake's /authorize,
// where the user consents at once, and returns the code and state the
// provider redirects back with.
func (p *Provider) Authorize(t testing.TB, authURL string) (code, state string) {
	t.Helper()
	q := p.follow(t, authURL)
	if q.Get("code") == "" {
		t.Fatalf("authorizing: redirected back without a code: %v", q)
	}
	return q.Get("code"), q.Get("state")
}

// Refuse plays a browser whose user declines at the provider; it returns
// the error parameter (access_denied) and state the provider redirects back
// with.
func (p *Provider) Refuse(t testing.TB, authURL string) (errParam, state string) {
	t.Helper()
	q := p.follow(t, authURL+"&"+refuseParam+"=1")
	return q.Get("error"), q.Get("state")
}

// follow requests authURL and returns the query of the redirect back.
func (p *Provider) follow(t testing.TB, authURL string) url.Values {
	t.Helper()
	if !strings.HasPrefix(authURL, p.URL+"/authorize?") {
		t.Fatalf("auth URL %q does not lead to this provider's /authorize", authURL)
	}
	noFollow := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := noFollow.Get(authURL)
	if err != nil {
		t.Fatalf("authorizing: %v", err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusFound {
		t.Fatalf("authorizing: status %d: %s", resp.StatusCode, readAll(resp))
	}
	loc, err := resp.Location()
	if err != nil {
		t.Fatalf("authorizing: %v", err)
	}
	return loc.Query()
}
