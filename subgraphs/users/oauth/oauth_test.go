package oauth_test

import (
	"context"
	"errors"
	"strings"
	"sync"
	"testing"
	"time"

	"golang.org/x/oauth2"

	"github.com/careercoach/coach/internal/apperr"
	"github.com/careercoach/coach/subgraphs/users"
	"github.com/careercoach/coach/subgraphs/users/oauth"
	"github.com/careercoach/coach/subgraphs/users/oauth/oauthtest"
)

func TestSignIn(t *testing.T) {
	tests := []struct {
		name                 string
		provider             string
		msTenant, fakeTenant string
		wantPicture          string
		wantAccessType       string // Google's: no refresh token wanted
	}{
		{name: "google", provider: oauth.Google, fakeTenant: tenantA, wantPicture: "https://pictures.example.test/ada.png", wantAccessType: "online"},
		{name: "microsoft common", provider: oauth.Microsoft, msTenant: "common", fakeTenant: tenantA},
		{name: "microsoft default tenant", provider: oauth.Microsoft, fakeTenant: tenantB},
		{name: "microsoft organizations", provider: oauth.Microsoft, msTenant: "organizations", fakeTenant: tenantA},
		{name: "microsoft consumers", provider: oauth.Microsoft, msTenant: "consumers", fakeTenant: consumersTenant},
		{name: "microsoft own tenant", provider: oauth.Microsoft, msTenant: tenantA, fakeTenant: tenantA},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := newEnv(t, tt.msTenant, tt.fakeTenant)
			fake := e.fake(tt.provider)
			authURL, _, err := e.flow.Start(t.Context(), tt.provider, "/goals?tab=2")
			if err != nil {
				t.Fatalf("Start: %v", err)
			}
			saved := e.states.only(t)
			code, state := fake.Authorize(t, authURL)

			req := fake.LastAuthorize()
			checks := []struct{ what, got, want string }{
				{"state", req.State, saved.State},
				{"returned state", state, saved.State},
				{"nonce", req.Nonce, saved.Nonce},
				{"code_challenge", req.CodeChallenge, oauth2.S256ChallengeFromVerifier(saved.CodeVerifier)},
				{"code_challenge_method", req.CodeChallengeMethod, "S256"},
				{"redirect_uri", req.RedirectURI, publicURL + "/auth/" + tt.provider + "/callback"},
				{"scope", req.Scope, "openid email profile"},
				{"access_type", req.Query.Get("access_type"), tt.wantAccessType},
				{"saved provider", saved.Provider, tt.provider},
				{"saved redirect", saved.RedirectTo, "/goals?tab=2"},
			}
			for _, c := range checks {
				if c.got != c.want {
					t.Errorf("%s = %q, want %q", c.what, c.got, c.want)
				}
			}
			if len(saved.State) < 22 || len(saved.Nonce) < 22 { // 22 base32/base64 chars ≥ 110 bits; rand.Text gives 26
				t.Errorf("state %q / nonce %q too short to hold 128 random bits", saved.State, saved.Nonce)
			}
			if ttl := time.Until(saved.ExpiresAt); ttl < 9*time.Minute || ttl > 10*time.Minute {
				t.Errorf("state expires in %v, want 10m", ttl)
			}

			acct, redirectTo, err := e.flow.Callback(t.Context(), tt.provider, state, code)
			if err != nil {
				t.Fatalf("Callback: %v", err)
			}
			want := users.ExternalAccount{
				Provider: tt.provider, Subject: "subject-1", Email: "ada@example.test", EmailVerified: true,
				Name: "Ada Lovelace", Picture: tt.wantPicture,
			}
			if acct != want {
				t.Errorf("account = %+v, want %+v", acct, want)
			}
			if redirectTo != "/goals?tab=2" {
				t.Errorf("redirectTo = %q, want /goals?tab=2", redirectTo)
			}
			if n := e.states.len(); n != 0 {
				t.Errorf("%d states left after the callback, want 0 (single use)", n)
			}
		})
	}
}

func TestCallbackRejectsBadIDToken(t *testing.T) {
	faults := []struct {
		name  string
		fault oauthtest.Fault
		// reason is in the logged error, so each case fails for its own cause.
		reason string
	}{
		{"wrong audience", oauthtest.WrongAudience, "invalid audience"},
		{"expired", oauthtest.Expired, "token is expired"},
		{"issued in the future", oauthtest.IssuedInFuture, "used before issued"},
		{"alg none", oauthtest.AlgNone, "signing method none is invalid"},
		{"alg HS256 keyed with client secret", oauthtest.AlgHS256, "signing method HS256 is invalid"},
		{"tampered signature", oauthtest.TamperedSignature, "verification error"},
		{"tampered claims", oauthtest.TamperedClaims, "verification error"},
		{"unknown signing key", oauthtest.UnknownKey, `key not found "unpublished-key"`},
		{"wrong nonce", oauthtest.WrongNonce, "nonce does not match"},
		{"wrong issuer", oauthtest.WrongIssuer, `issuer "https://issuer.invalid"`},
	}
	e := newEnv(t, "common", tenantA)
	for _, provider := range []string{oauth.Google, oauth.Microsoft} {
		for _, f := range faults {
			t.Run(provider+"/"+f.name, func(t *testing.T) {
				e.fake(provider).SetFault(f.fault)
				t.Cleanup(func() { e.fake(provider).SetFault(oauthtest.NoFault) })
				acct, _, err := e.signIn(t, provider, "/")
				wantCode(t, err, apperr.Unauthenticated)
				if !strings.Contains(err.Error(), f.reason) {
					t.Errorf("err = %v, want it to say %q", err, f.reason)
				}
				if acct != (users.ExternalAccount{}) {
					t.Errorf("account = %+v, want none", acct)
				}
			})
		}
	}
}

func TestCallbackRejectsState(t *testing.T) {
	tests := []struct {
		name string
		// run completes a sign-in in some wrong way and returns its error.
		run func(t *testing.T, e *env) error
	}{
		{"unknown state", func(t *testing.T, e *env) error {
			code, _ := e.authorize(t, oauth.Google, "/")
			_, _, err := e.flow.Callback(t.Context(), oauth.Google, "made-up-state", code)
			return err
		}},
		{"empty state", func(t *testing.T, e *env) error {
			code, _ := e.authorize(t, oauth.Google, "/")
			_, _, err := e.flow.Callback(t.Context(), oauth.Google, "", code)
			return err
		}},
		{"state from another provider", func(t *testing.T, e *env) error {
			code, state := e.authorize(t, oauth.Google, "/")
			_, _, err := e.flow.Callback(t.Context(), oauth.Microsoft, state, code)
			if !errors.Is(err, users.ErrStateInvalid) {
				t.Errorf("at the other provider: err = %v, want ErrStateInvalid", err)
			}
			// The mismatched attempt spent the state.
			_, _, err = e.flow.Callback(t.Context(), oauth.Google, state, code)
			return err
		}},
		{"replayed state", func(t *testing.T, e *env) error {
			code, state := e.authorize(t, oauth.Google, "/")
			if _, _, err := e.flow.Callback(t.Context(), oauth.Google, state, code); err != nil {
				t.Fatalf("first callback: %v", err)
			}
			_, _, err := e.flow.Callback(t.Context(), oauth.Google, state, code)
			return err
		}},
		{"expired state", func(t *testing.T, e *env) error {
			code, state := e.authorize(t, oauth.Microsoft, "/")
			e.clock.advance(10*time.Minute + time.Second)
			_, _, err := e.flow.Callback(t.Context(), oauth.Microsoft, state, code)
			return err
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := newEnv(t, "common", tenantA)
			if err := tt.run(t, e); !errors.Is(err, users.ErrStateInvalid) {
				t.Fatalf("err = %v, want ErrStateInvalid", err)
			}
		})
	}
}

func TestCallbackRejectsCode(t *testing.T) {
	tests := []struct {
		name     string
		run      func(t *testing.T, e *env) error
		wantCode string
	}{
		{"replayed code", func(t *testing.T, e *env) error {
			code, state := e.authorize(t, oauth.Google, "/")
			if _, _, err := e.flow.Callback(t.Context(), oauth.Google, state, code); err != nil {
				t.Fatalf("first callback: %v", err)
			}
			_, fresh := e.authorize(t, oauth.Google, "/")
			_, _, err := e.flow.Callback(t.Context(), oauth.Google, fresh, code)
			return err
		}, apperr.Unauthenticated},
		{"PKCE verifier mismatch (code injected into another sign-in)", func(t *testing.T, e *env) error {
			stolenCode, _ := e.authorize(t, oauth.Microsoft, "/")
			_, victimState := e.authorize(t, oauth.Microsoft, "/")
			_, _, err := e.flow.Callback(t.Context(), oauth.Microsoft, victimState, stolenCode)
			return err
		}, apperr.Unauthenticated},
		{"made-up code", func(t *testing.T, e *env) error {
			_, state := e.authorize(t, oauth.Google, "/")
			_, _, err := e.flow.Callback(t.Context(), oauth.Google, state, "made-up-code")
			return err
		}, apperr.Unauthenticated},
		{"empty code", func(t *testing.T, e *env) error {
			_, state := e.authorize(t, oauth.Google, "/")
			_, _, err := e.flow.Callback(t.Context(), oauth.Google, state, "")
			return err
		}, apperr.Invalid},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			wantCode(t, tt.run(t, newEnv(t, "common", tenantA)), tt.wantCode)
		})
	}
}

func TestCallbackProviderTrouble(t *testing.T) {
	tests := []struct {
		name     string
		edit     func(*oauth.Config)
		wantCode string
	}{
		// A wrong secret is our misconfiguration: logged, not explained.
		{"wrong client secret", func(c *oauth.Config) { c.GoogleClientSecret = "stale-secret" }, apperr.Internal},
		{"token endpoint unreachable", func(c *oauth.Config) {
			ep := c.Endpoints[oauth.Google]
			ep.TokenURL = "http://127.0.0.1:1/token"
			c.Endpoints[oauth.Google] = ep
		}, apperr.Unavailable},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := newEnv(t, "common", tenantA, tt.edit)
			_, _, err := e.signIn(t, oauth.Google, "/")
			wantCode(t, err, tt.wantCode)
		})
	}
}

// memStates keeps OAuth states in memory, as the SQL store keeps them:
// single use, expiring. Only the OAuth state methods are implemented; the
// embedded nil KeyStore panics if the flow ever touches signing keys.
type memStates struct {
	users.KeyStore

	mu     sync.Mutex
	states map[string]users.OAuthState
}

func newMemStates() *memStates { return &memStates{states: map[string]users.OAuthState{}} }

func (m *memStates) SaveOAuthState(_ context.Context, s users.OAuthState) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.states[s.State] = s
	return nil
}

func (m *memStates) TakeOAuthState(_ context.Context, state string, now time.Time) (*users.OAuthState, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	s, ok := m.states[state]
	delete(m.states, state)
	if !ok || !now.Before(s.ExpiresAt) {
		return nil, users.ErrStateInvalid
	}
	return &s, nil
}

// only returns the single saved state.
func (m *memStates) only(t *testing.T) users.OAuthState {
	t.Helper()
	m.mu.Lock()
	defer m.mu.Unlock()
	if len(m.states) != 1 {
		t.Fatalf("%d saved states, want 1", len(m.states))
	}
	var only users.OAuthState
	for _, s := range m.states {
		only = s
	}
	return only
}

func (m *memStates) len() int {
	m.mu.Lock()
	defer m.mu.Unlock()
	return len(m.states)
}
