package oauth_test

import (
	"testing"

	"github.com/careercoach/coach/internal/apperr"
	"github.com/careercoach/coach/subgraphs/users/oauth"
	"github.com/careercoach/coach/subgraphs/users/oauth/oauthtest"
)

func TestEmailVerified(t *testing.T) {
	tests := []struct {
		name           string
		provider       string
		msTenant       string
		providerSaysOK bool // email_verified (Google) or xms_edov (Microsoft)
		email          string
		want           bool
	}{
		{"google verified", oauth.Google, "common", true, "ada@example.test", true},
		{"google unverified", oauth.Google, "common", false, "ada@example.test", false},
		{"google no email", oauth.Google, "common", true, "", false},
		{"microsoft common with xms_edov", oauth.Microsoft, "common", true, "ada@example.test", true},
		// Any tenant can put any address in email: not proof of ownership.
		{"microsoft common without xms_edov", oauth.Microsoft, "common", false, "ada@example.test", false},
		{"microsoft organizations without xms_edov", oauth.Microsoft, "organizations", false, "ada@example.test", false},
		{"microsoft own tenant without xms_edov", oauth.Microsoft, tenantA, false, "ada@example.test", true},
		{"microsoft own tenant no email", oauth.Microsoft, tenantA, true, "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := newEnv(t, tt.msTenant, tenantA)
			e.fake(tt.provider).SetUser(oauthtest.User{Subject: "s-42", Email: tt.email, EmailVerified: tt.providerSaysOK, Name: "Ada"})
			acct, _, err := e.signIn(t, tt.provider, "/")
			if err != nil {
				t.Fatalf("sign-in: %v", err)
			}
			if acct.EmailVerified != tt.want || acct.Email != tt.email || acct.Subject != "s-42" {
				t.Errorf("account = %+v, want email %q verified=%v for subject s-42", acct, tt.email, tt.want)
			}
		})
	}
}

func TestMicrosoftTenants(t *testing.T) {
	tests := []struct {
		name       string
		msTenant   string // configured
		fakeTenant string // the tenant of the person signing in
		wantOK     bool
	}{
		{"common admits any tenant", "common", tenantB, true},
		{"common admits personal accounts", "common", consumersTenant, true},
		{"own tenant admits it", tenantA, tenantA, true},
		{"own tenant refuses another", tenantA, tenantB, false},
		{"own tenant refuses personal accounts", tenantA, consumersTenant, false},
		{"organizations refuses personal accounts", "organizations", consumersTenant, false},
		{"consumers refuses work accounts", "consumers", tenantA, false},
		{"tenant id is case-insensitive", "1F2E3D4C-5B6A-4798-8A9B-0C1D2E3F4A5B", tenantA, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := newEnv(t, tt.msTenant, tt.fakeTenant)
			acct, _, err := e.signIn(t, oauth.Microsoft, "/")
			if !tt.wantOK {
				wantCode(t, err, apperr.Unauthenticated)
				return
			}
			if err != nil || acct.Subject != "subject-1" {
				t.Fatalf("sign-in = %+v, %v; want subject-1", acct, err)
			}
		})
	}
}
