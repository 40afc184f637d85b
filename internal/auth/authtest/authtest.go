// Package authtest issues real signed access tokens for tests of any
// service, with a JWKS served over HTTP like the users service does.
package authtest

import (
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"time"

	"github.com/MicahParks/jwkset"
	"github.com/golang-jwt/jwt/v5"

	"github.com/careercoach/coach/internal/auth"
)

// Issuer signs tokens and serves its public keys.
type Issuer struct {
	URL      string // issuer claim
	JWKSURL  string
	Verifier *auth.Verifier

	mu   sync.Mutex
	keys map[string]ed25519.PrivateKey
	kid  string
}

// New starts an issuer with one key; its server stops at test cleanup.
func New(t *testing.T) *Issuer {
	t.Helper()
	iss := &Issuer{URL: "https://issuer.test", keys: map[string]ed25519.PrivateKey{}}
	iss.Rotate(t)
	srv := httptest.NewServer(http.HandlerFunc(iss.serveJWKS))
	t.Cleanup(srv.Close)
	iss.JWKSURL = srv.URL + "/.well-known/jwks.json"
	keys, err := auth.RemoteKeys(context.Background(), iss.JWKSURL, srv.Client())
	if err != nil {
		t.Fatal(err)
	}
	iss.Verifier = &auth.Verifier{Keys: keys, Issuer: iss.URL, Audience: auth.Audience}
	return iss
}

// Rotate adds a new signing key and makes it the active one.
func (i *Issuer) Rotate(t *testing.T) string {
	t.Helper()
	_, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	i.mu.Lock()
	defer i.mu.Unlock()
	i.kid = time.Now().Format("20060102150405.000000000")
	i.keys[i.kid] = priv
	return i.kid
}

// Token returns a valid access token for userID; mods may alter the claims.
func (i *Issuer) Token(t *testing.T, userID string, mods ...func(*auth.Claims)) string {
	t.Helper()
	now := time.Now()
	c := &auth.Claims{RegisteredClaims: jwt.RegisteredClaims{
		Issuer:    i.URL,
		Subject:   userID,
		Audience:  jwt.ClaimStrings{auth.Audience},
		IssuedAt:  jwt.NewNumericDate(now),
		ExpiresAt: jwt.NewNumericDate(now.Add(15 * time.Minute)),
	}, Email: userID + "@example.test"}
	for _, m := range mods {
		m(c)
	}
	i.mu.Lock()
	kid, key := i.kid, i.keys[i.kid]
	i.mu.Unlock()
	tok := jwt.NewWithClaims(jwt.SigningMethodEdDSA, c)
	tok.Header["kid"] = kid
	s, err := tok.SignedString(key)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func (i *Issuer) serveJWKS(w http.ResponseWriter, r *http.Request) {
	i.mu.Lock()
	defer i.mu.Unlock()
	set := jwkset.JWKSMarshal{}
	for kid, k := range i.keys {
		jwk, err := jwkset.NewJWKFromKey(k.Public(), jwkset.JWKOptions{Metadata: jwkset.JWKMetadataOptions{KID: kid, ALG: jwkset.AlgEdDSA, USE: jwkset.UseSig}})
		if err != nil {
			http.Error(w, err.Error(), 500)
			return
		}
		set.Keys = append(set.Keys, jwk.Marshal())
	}
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(set)
}
