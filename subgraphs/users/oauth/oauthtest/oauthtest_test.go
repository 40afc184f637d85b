package oauthtest_test

import (
	"errors"
	"net/http"
	"net/url"
	"testing"

	"golang.org/x/oauth2"

	"github.com/careercoach/coach/subgraphs/users/oauth/oauthtest"
)

const redirectURI = "http://app.test/auth/google/callback"

func client(p *oauthtest.Provider) *oauth2.Config {
	return &oauth2.Config{
		ClientID: p.ClientID, ClientSecret: p.ClientSecret, RedirectURL: redirectURI, Scopes: []string{"openid"},
		Endpoint: oauth2.Endpoint{AuthURL: p.URL + "/authorize", TokenURL: p.URL + "/token", AuthStyle: oauth2.AuthStyleInParams},
	}
}

// authURL is a valid request with PKCE for verifier.
func authURL(p *oauthtest.Provider, verifier string) string {
	return client(p).AuthCodeURL("state-1", oauth2.S256ChallengeOption(verifier), oauth2.SetAuthURLParam("nonce", "nonce-1"))
}

func TestAuthorizeRefusesBadRequests(t *testing.T) {
	p := oauthtest.NewGoogle(t, "client", "secret")
	tests := []struct {
		name string
		edit func(q url.Values)
	}{
		{"unknown client", func(q url.Values) { q.Set("client_id", "other") }},
		{"relative redirect_uri", func(q url.Values) { q.Set("redirect_uri", "/callback") }},
		{"implicit flow", func(q url.Values) { q.Set("response_type", "token") }},
		{"no openid scope", func(q url.Values) { q.Set("scope", "email") }},
		{"no state", func(q url.Values) { q.Del("state") }},
		{"no nonce", func(q url.Values) { q.Del("nonce") }},
		{"no PKCE", func(q url.Values) { q.Del("code_challenge") }},
		{"plain PKCE", func(q url.Values) { q.Set("code_challenge_method", "plain") }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			u, err := url.Parse(authURL(p, oauth2.GenerateVerifier()))
			if err != nil {
				t.Fatal(err)
			}
			q := u.Query()
			tt.edit(q)
			u.RawQuery = q.Encode()
			resp, err := http.Get(u.String())
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
			if resp.StatusCode != http.StatusBadRequest {
				t.Errorf("status = %d, want 400", resp.StatusCode)
			}
		})
	}
}

func TestTokenChecksGrant(t *testing.T) {
	tests := []struct {
		name string
		// exchange redeems code (issued for verifier) in some way.
		exchange  func(t *testing.T, p *oauthtest.Provider, code, verifier string) error
		wantError string // RFC 6749 error code; "" for success
	}{
		{"valid", func(t *testing.T, p *oauthtest.Provider, code, verifier string) error {
			tok, err := client(p).Exchange(t.Context(), code, oauth2.VerifierOption(verifier))
			if err == nil && tok.Extra("id_token") == nil {
				t.Error("no id_token in the response")
			}
			return err
		}, ""},
		{"replayed code", func(t *testing.T, p *oauthtest.Provider, code, verifier string) error {
			if _, err := client(p).Exchange(t.Context(), code, oauth2.VerifierOption(verifier)); err != nil {
				t.Fatalf("first exchange: %v", err)
			}
			_, err := client(p).Exchange(t.Context(), code, oauth2.VerifierOption(verifier))
			return err
		}, "invalid_grant"},
		{"wrong verifier", func(t *testing.T, p *oauthtest.Provider, code, _ string) error {
			_, err := client(p).Exchange(t.Context(), code, oauth2.VerifierOption(oauth2.GenerateVerifier()))
			return err
		}, "invalid_grant"},
		{"no verifier", func(t *testing.T, p *oauthtest.Provider, code, _ string) error {
			_, err := client(p).Exchange(t.Context(), code)
			return err
		}, "invalid_grant"},
		{"other redirect_uri", func(t *testing.T, p *oauthtest.Provider, code, verifier string) error {
			c := client(p)
			c.RedirectURL = "http://evil.test/callback"
			_, err := c.Exchange(t.Context(), code, oauth2.VerifierOption(verifier))
			return err
		}, "invalid_grant"},
		{"wrong secret", func(t *testing.T, p *oauthtest.Provider, code, verifier string) error {
			c := client(p)
			c.ClientSecret = "guess"
			_, err := c.Exchange(t.Context(), code, oauth2.VerifierOption(verifier))
			return err
		}, "invalid_client"},
		{"secret in basic auth header", func(t *testing.T, p *oauthtest.Provider, code, verifier string) error {
			c := client(p)
			c.Endpoint.AuthStyle = oauth2.AuthStyleInHeader
			_, err := c.Exchange(t.Context(), code, oauth2.VerifierOption(verifier))
			return err
		}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := oauthtest.NewGoogle(t, "client", "secret")
			verifier := oauth2.GenerateVerifier()
			code, state := p.Authorize(t, authURL(p, verifier))
			if state != "state-1" {
				t.Errorf("state = %q, want state-1", state)
			}
			err := tt.exchange(t, p, code, verifier)
			var re *oauth2.RetrieveError
			switch {
			case tt.wantError == "" && err != nil:
				t.Fatalf("exchange: %v", err)
			case tt.wantError != "" && (!errors.As(err, &re) || re.ErrorCode != tt.wantError):
				t.Fatalf("exchange err = %v, want %s", err, tt.wantError)
			}
		})
	}
}

func TestRefuse(t *testing.T) {
	p := oauthtest.NewMicrosoft(t, "client", "secret", "1f2e3d4c-5b6a-4798-8a9b-0c1d2e3f4a5b")
	errParam, state := p.Refuse(t, authURL(p, oauth2.GenerateVerifier()))
	if errParam != "access_denied" || state != "state-1" {
		t.Errorf("Refuse = %q, %q; want access_denied, state-1", errParam, state)
	}
}
