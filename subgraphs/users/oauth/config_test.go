package oauth_test

import (
	"slices"
	"testing"
	"time"

	"github.com/careercoach/coach/internal/apperr"
	"github.com/careercoach/coach/subgraphs/users/oauth"
)

func TestUnconfiguredProvider(t *testing.T) {
	onlyGoogle := func(c *oauth.Config) { c.MicrosoftClientSecret = "" }
	e := newEnv(t, "common", tenantA, onlyGoogle)
	for _, provider := range []string{oauth.Microsoft, "github", ""} {
		t.Run("start "+provider, func(t *testing.T) {
			_, _, err := e.flow.Start(t.Context(), provider, "/")
			wantCode(t, err, apperr.Invalid)
			if n := e.states.len(); n != 0 {
				t.Errorf("%d states saved, want 0", n)
			}
		})
		t.Run("callback "+provider, func(t *testing.T) {
			_, _, err := e.flow.Callback(t.Context(), provider, "state", "code")
			wantCode(t, err, apperr.Invalid)
		})
	}
}

func TestProviders(t *testing.T) {
	tests := []struct {
		name string
		cfg  oauth.Config
		want []string
	}{
		{"none", oauth.Config{}, []string{}},
		{"id without secret", oauth.Config{PublicURL: publicURL, GoogleClientID: "g"}, []string{}},
		{"google", oauth.Config{PublicURL: publicURL, GoogleClientID: "g", GoogleClientSecret: "s"}, []string{"google"}},
		{"both", oauth.Config{
			PublicURL:         publicURL,
			MicrosoftClientID: "m", MicrosoftClientSecret: "s",
			GoogleClientID: "g", GoogleClientSecret: "s",
		}, []string{"google", "microsoft"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			// Nothing listens on the JWKS URLs: key fetches fail fast and
			// are retried on demand, which New must tolerate.
			for _, name := range []string{oauth.Google, oauth.Microsoft} {
				if tt.cfg.Endpoints == nil {
					tt.cfg.Endpoints = map[string]oauth.Endpoints{}
				}
				tt.cfg.Endpoints[name] = oauth.Endpoints{AuthURL: "http://127.0.0.1:1/a", TokenURL: "http://127.0.0.1:1/t", JWKSURL: "http://127.0.0.1:1/k"}
			}
			f, err := oauth.New(t.Context(), tt.cfg, newMemStates(), nil, time.Now)
			if err != nil {
				t.Fatalf("New: %v", err)
			}
			if got := f.Providers(); !slices.Equal(got, tt.want) {
				t.Errorf("Providers() = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestNewRejectsBadConfig(t *testing.T) {
	tests := []struct {
		name string
		edit func(*oauth.Config)
	}{
		{"tenant domain name", func(c *oauth.Config) { c.MicrosoftTenant = "contoso.onmicrosoft.com" }},
		{"tenant with path", func(c *oauth.Config) { c.MicrosoftTenant = "common/../evil" }},
		{"public URL without scheme", func(c *oauth.Config) { c.PublicURL = "localhost:4000" }},
		{"no public URL", func(c *oauth.Config) { c.PublicURL = "" }},
		{"public URL with query", func(c *oauth.Config) { c.PublicURL = publicURL + "?x=1" }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg := oauth.Config{
				PublicURL:         publicURL,
				MicrosoftClientID: "m", MicrosoftClientSecret: "s",
				Endpoints: map[string]oauth.Endpoints{oauth.Microsoft: {JWKSURL: "http://127.0.0.1:1/k"}},
			}
			tt.edit(&cfg)
			if _, err := oauth.New(t.Context(), cfg, newMemStates(), nil, time.Now); err == nil {
				t.Fatal("New accepted the config")
			}
		})
	}
}
