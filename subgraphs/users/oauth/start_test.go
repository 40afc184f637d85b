package oauth_test

import (
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/careercoach/coach/subgraphs/users/oauth"
)

func TestStartKeepsOnlyLocalRedirects(t *testing.T) {
	tests := []struct{ name, redirectTo, want string }{
		{"path with query", "/cv/42?tab=analysis#top", "/cv/42?tab=analysis#top"},
		{"root", "/", "/"},
		{"empty", "", "/"},
		{"absolute URL", "https://evil.example/steal", "/"},
		{"scheme-relative", "//evil.example/steal", "/"},
		{"backslash host", `/\evil.example`, "/"},
		{"tab before slash", "/\t/evil.example", "/"},
		{"newline", "/a\nb", "/"},
		{"relative path", "goals", "/"},
		{"javascript", "javascript:alert(1)", "/"},
		{"too long", "/" + strings.Repeat("a", 5000), "/"},
	}
	e := newEnv(t, "common", tenantA)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			authURL, _, err := e.flow.Start(t.Context(), oauth.Google, tt.redirectTo)
			if err != nil {
				t.Fatalf("Start: %v", err)
			}
			u, err := url.Parse(authURL)
			if err != nil {
				t.Fatalf("auth URL %q: %v", authURL, err)
			}
			saved, err := e.states.TakeOAuthState(t.Context(), u.Query().Get("state"), time.Now())
			if err != nil {
				t.Fatalf("state of the auth URL not saved: %v", err)
			}
			if saved.RedirectTo != tt.want {
				t.Errorf("saved redirect = %q, want %q", saved.RedirectTo, tt.want)
			}
		})
	}
}
