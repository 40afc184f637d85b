package oauth_test

import (
	"net/http"
	"sync"
	"testing"
	"time"

	"github.com/careercoach/coach/internal/apperr"
	"github.com/careercoach/coach/subgraphs/users"
	"github.com/careercoach/coach/subgraphs/users/oauth"
	"github.com/careercoach/coach/subgraphs/users/oauth/oauthtest"
)

const (
	publicURL       = "http://localhost:4000"
	tenantA         = "1f2e3d4c-5b6a-4798-8a9b-0c1d2e3f4a5b"
	tenantB         = "aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee"
	consumersTenant = "9188040d-6c67-4c5b-b112-36a304b66dad"
)

// env is a Flow wired to fake Google and Microsoft providers.
type env struct {
	flow      *oauth.Flow
	states    *memStates
	clock     *clock
	google    *oauthtest.Provider
	microsoft *oauthtest.Provider
}

// newEnv starts both fakes (the Microsoft one issuing tokens for
// fakeTenant) and a Flow configured for msTenant; edit may change the
// config further.
func newEnv(t *testing.T, msTenant, fakeTenant string, edit ...func(*oauth.Config)) *env {
	t.Helper()
	e := &env{
		states:    newMemStates(),
		clock:     &clock{},
		google:    oauthtest.NewGoogle(t, "google-client", "google-secret"),
		microsoft: oauthtest.NewMicrosoft(t, "ms-client", "ms-secret", fakeTenant),
	}
	cfg := oauth.Config{
		PublicURL:      publicURL,
		GoogleClientID: "google-client", GoogleClientSecret: "google-secret",
		MicrosoftClientID: "ms-client", MicrosoftClientSecret: "ms-secret", MicrosoftTenant: msTenant,
		Endpoints: map[string]oauth.Endpoints{
			oauth.Google:    e.google.Endpoints(),
			oauth.Microsoft: e.microsoft.Endpoints(),
		},
	}
	for _, f := range edit {
		f(&cfg)
	}
	flow, err := oauth.New(t.Context(), cfg, e.states, &http.Client{Timeout: 5 * time.Second}, e.clock.now)
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	e.flow = flow
	return e
}

func (e *env) fake(provider string) *oauthtest.Provider {
	if provider == oauth.Google {
		return e.google
	}
	return e.microsoft
}

// authorize starts a sign-in and plays the browser at the provider.
func (e *env) authorize(t *testing.T, provider, redirectTo string) (code, state string) {
	t.Helper()
	authURL, _, err := e.flow.Start(t.Context(), provider, redirectTo)
	if err != nil {
		t.Fatalf("Start(%s): %v", provider, err)
	}
	return e.fake(provider).Authorize(t, authURL)
}

// signIn runs a whole sign-in and returns what Callback returns.
func (e *env) signIn(t *testing.T, provider, redirectTo string) (users.ExternalAccount, string, error) {
	t.Helper()
	code, state := e.authorize(t, provider, redirectTo)
	return e.flow.Callback(t.Context(), provider, state, code)
}

func wantCode(t *testing.T, err error, code string) {
	t.Helper()
	if err == nil {
		t.Fatalf("err = nil, want %s", code)
	}
	if got := apperr.Code(err); got != code {
		t.Fatalf("err = %v (code %s), want code %s", err, got, code)
	}
}

// clock is real time plus an adjustable offset: the fakes sign with real
// time, and state expiry needs time to pass.
type clock struct {
	mu     sync.Mutex
	offset time.Duration
}

func (c *clock) now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return time.Now().Add(c.offset)
}

func (c *clock) advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.offset += d
}
