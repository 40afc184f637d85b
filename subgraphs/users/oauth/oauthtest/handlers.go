package oauthtest

import (
	"crypto/rand"
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"slices"
	"strings"

	"github.com/MicahParks/jwkset"
	"golang.org/x/oauth2"
)

// keyID is the kid of the published key.
const keyID = "fake-key-1"

// refuseParam, added to an auth URL by Refuse, makes the user decline.
const refuseParam = "oauthtest_refuse"

func (p *Provider) serveAuthorize(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	req := AuthRequest{
		ClientID: q.Get("client_id"), RedirectURI: q.Get("redirect_uri"), ResponseType: q.Get("response_type"),
		Scope: q.Get("scope"), State: q.Get("state"), Nonce: q.Get("nonce"),
		CodeChallenge: q.Get("code_challenge"), CodeChallengeMethod: q.Get("code_challenge_method"), Query: q,
	}
	redirect, err := url.Parse(req.RedirectURI)
	switch {
	case req.ClientID != p.ClientID:
		http.Error(w, "unknown client_id", http.StatusBadRequest)
	case err != nil || !redirect.IsAbs():
		http.Error(w, "redirect_uri must be an absolute URL", http.StatusBadRequest)
	case req.ResponseType != "code":
		http.Error(w, "response_type must be code", http.StatusBadRequest)
	case !slices.Contains(strings.Fields(req.Scope), "openid"):
		http.Error(w, "scope must include openid", http.StatusBadRequest)
	case req.State == "" || req.Nonce == "":
		http.Error(w, "state and nonce are required", http.StatusBadRequest)
	case req.CodeChallenge == "" || req.CodeChallengeMethod != "S256":
		http.Error(w, "PKCE with S256 is required", http.StatusBadRequest)
	case q.Has(refuseParam):
		back := redirect.Query()
		back.Set("error", "access_denied")
		back.Set("error_description", "The user declined.")
		back.Set("state", req.State)
		redirect.RawQuery = back.Encode()
		http.Redirect(w, r, redirect.String(), http.StatusFound)
	default:
		code := rand.Text()
		p.mu.Lock()
		p.requests = append(p.requests, req)
		p.grants[code] = &grant{AuthRequest: req}
		p.mu.Unlock()
		back := redirect.Query()
		back.Set("code", code)
		back.Set("state", req.State)
		redirect.RawQuery = back.Encode()
		http.Redirect(w, r, redirect.String(), http.StatusFound)
	}
}

func (p *Provider) serveToken(w http.ResponseWriter, r *http.Request) {
	if err := r.ParseForm(); err != nil {
		tokenError(w, http.StatusBadRequest, "invalid_request")
		return
	}
	id, secret, basic := r.BasicAuth()
	if !basic {
		id, secret = r.PostForm.Get("client_id"), r.PostForm.Get("client_secret")
	}
	if id != p.ClientID || secret != p.ClientSecret {
		tokenError(w, http.StatusUnauthorized, "invalid_client")
		return
	}
	if r.PostForm.Get("grant_type") != "authorization_code" {
		tokenError(w, http.StatusBadRequest, "unsupported_grant_type")
		return
	}
	p.mu.Lock()
	g, ok := p.grants[r.PostForm.Get("code")]
	// A code is spent by any attempt to use it, as strict providers do.
	replayed := ok && g.used
	if ok {
		g.used = true
	}
	user, fault := p.user, p.fault
	p.mu.Unlock()
	switch {
	case !ok || replayed:
		tokenError(w, http.StatusBadRequest, "invalid_grant")
	case r.PostForm.Get("redirect_uri") != g.RedirectURI:
		tokenError(w, http.StatusBadRequest, "invalid_grant")
	case oauth2.S256ChallengeFromVerifier(r.PostForm.Get("code_verifier")) != g.CodeChallenge:
		tokenError(w, http.StatusBadRequest, "invalid_grant")
	default:
		idToken, err := p.idToken(user, g.Nonce, fault)
		if err != nil {
			tokenError(w, http.StatusInternalServerError, "server_error")
			return
		}
		w.Header().Set("Content-Type", "application/json")
		_ = json.NewEncoder(w).Encode(map[string]any{
			"access_token": rand.Text(), "token_type": "Bearer", "expires_in": 3600,
			"scope": g.Scope, "id_token": idToken,
		})
	}
}

func tokenError(w http.ResponseWriter, status int, code string) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(map[string]string{"error": code})
}

func (p *Provider) serveJWKS(w http.ResponseWriter, _ *http.Request) {
	jwk, err := jwkset.NewJWKFromKey(&p.key.PublicKey, jwkset.JWKOptions{Metadata: jwkset.JWKMetadataOptions{
		KID: keyID, ALG: jwkset.AlgRS256, USE: jwkset.UseSig,
	}})
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(jwkset.JWKSMarshal{Keys: []jwkset.JWKMarshal{jwk.Marshal()}})
}

func readAll(resp *http.Response) string {
	b, _ := io.ReadAll(io.LimitReader(resp.Body, 4096))
	return string(b)
}
