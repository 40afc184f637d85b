package oauth

import (
	"context"
	"errors"
	"fmt"
	"net/http"

	"golang.org/x/oauth2"

	"github.com/careercoach/coach/internal/apperr"
	"github.com/careercoach/coach/subgraphs/users"
)

// Limits on callback parameters, far above what providers send, so that
// junk never reaches the store or the provider.
const (
	maxStateLen = 256
	maxCodeLen  = 4096
)

// Callback finishes a sign-in: it takes the state (single use), exchanges
// the code with the PKCE verifier and verifies the ID token. It returns who
// the provider says signed in and the path Start was given. A provider's
// error response (error=access_denied, …) is the caller's to show; Callback
// is for responses that carry a code.
func (f *Flow) Callback(ctx context.Context, provider, state, code string) (users.ExternalAccount, string, error) {
	p, err := f.provider(provider)
	if err != nil {
		return users.ExternalAccount{}, "", err
	}
	if state == "" || len(state) > maxStateLen {
		return users.ExternalAccount{}, "", users.ErrStateInvalid
	}
	now := f.now()
	st, err := f.states.TakeOAuthState(ctx, state, now)
	if errors.Is(err, users.ErrStateInvalid) {
		return users.ExternalAccount{}, "", err
	}
	if err != nil {
		return users.ExternalAccount{}, "", fmt.Errorf("taking %s sign-in state: %w", p.title, err)
	}
	// The state is spent either way: a state started for one provider must
	// not complete at another.
	if st.Provider != p.name {
		return users.ExternalAccount{}, "", fmt.Errorf("state of a %s sign-in came back from %s: %w", st.Provider, p.name, users.ErrStateInvalid)
	}
	if !now.Before(st.ExpiresAt) {
		return users.ExternalAccount{}, "", users.ErrStateInvalid
	}
	if code == "" || len(code) > maxCodeLen {
		return users.ExternalAccount{}, "", apperr.Errorf(apperr.Invalid, "%s sent no usable sign-in code; start again", p.title)
	}
	tok, err := p.oauth.Exchange(context.WithValue(ctx, oauth2.HTTPClient, f.client), code, oauth2.VerifierOption(st.CodeVerifier))
	if err != nil {
		return users.ExternalAccount{}, "", p.exchangeError(err)
	}
	raw, _ := tok.Extra("id_token").(string)
	if raw == "" {
		return users.ExternalAccount{}, "", p.rejected(errors.New("token response has no id_token"))
	}
	acct, err := p.verify(ctx, raw, st.Nonce, now)
	if err != nil {
		return users.ExternalAccount{}, "", err
	}
	return acct, st.RedirectTo, nil
}

// exchangeError tells a refused code (expired, used, PKCE mismatch: the
// person can start again) from an outage and from our misconfiguration
// (invalid_client: an internal error, logged, not shown).
func (p *provider) exchangeError(err error) error {
	err = fmt.Errorf("exchanging %s authorization code: %w", p.title, err)
	var re *oauth2.RetrieveError
	switch {
	case errors.As(err, &re) && re.ErrorCode == "invalid_grant":
		return fmt.Errorf("%w: %w", apperr.Errorf(apperr.Unauthenticated, "%s did not accept this sign-in; start again", p.title), err)
	case errors.As(err, &re) && re.Response != nil && re.Response.StatusCode < http.StatusInternalServerError:
		return err
	default:
		return fmt.Errorf("%w: %w", apperr.Errorf(apperr.Unavailable, "%s sign-in is unavailable right now; try again later", p.title), err)
	}
}

// rejected is the error for an ID token that fails verification; the
// reason is kept for the log, the person only learns that it failed.
func (p *provider) rejected(reason error) error {
	return fmt.Errorf("%w: verifying %s ID token: %w",
		apperr.Errorf(apperr.Unauthenticated, "the %s sign-in could not be verified; start again", p.title), p.title, reason)
}
