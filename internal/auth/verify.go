package auth

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"time"

	"github.com/MicahParks/keyfunc/v3"
	"github.com/golang-jwt/jwt/v5"
	"golang.org/x/time/rate"
)

// Audience of Career Coach access tokens.
const Audience = "career-coach"

// Claims of a Career Coach access token.
type Claims struct {
	jwt.RegisteredClaims
	Email string `json:"email,omitempty"`
	Name  string `json:"name,omitempty"`
}

// KeySource finds the verification key of a token (by its kid).
type KeySource interface {
	KeyfuncCtx(ctx context.Context) jwt.Keyfunc
}

// Verifier checks access tokens: signature by a known key, an allowed
// asymmetric algorithm, issuer, audience and expiry.
type Verifier struct {
	Keys     KeySource
	Issuer   string
	Audience string
}

// AllowedAlgs are the signing algorithms accepted; "none" and HMAC never are,
// so a token cannot pick its own verification scheme.
var allowedAlgs = []string{"EdDSA", "ES256", "RS256"}

// Verify returns the claims of a valid token.
func (v *Verifier) Verify(ctx context.Context, raw string) (*Claims, error) {
	claims := &Claims{}
	opts := []jwt.ParserOption{
		jwt.WithValidMethods(allowedAlgs),
		jwt.WithExpirationRequired(),
		jwt.WithIssuedAt(),
		jwt.WithLeeway(30 * time.Second),
		jwt.WithIssuer(v.Issuer),
		jwt.WithAudience(v.Audience),
	}
	if _, err := jwt.ParseWithClaims(raw, claims, v.Keys.KeyfuncCtx(ctx), opts...); err != nil {
		return nil, fmt.Errorf("verifying access token: %w", err)
	}
	if claims.Subject == "" {
		return nil, errors.New("verifying access token: no subject")
	}
	return claims, nil
}

// RemoteKeys fetches a JWKS from url, caches it, refreshes it hourly and at
// most once a minute when a token names an unknown kid (key rotation). A
// first fetch that fails is retried on demand, so services may start before
// the users service does.
func RemoteKeys(ctx context.Context, url string, client *http.Client) (KeySource, error) {
	noErr := true
	if client == nil {
		client = &http.Client{Timeout: 10 * time.Second}
	}
	kf, err := keyfunc.NewDefaultOverrideCtx(ctx, []string{url}, keyfunc.Override{
		Client:                    client,
		HTTPTimeout:               10 * time.Second,
		NoErrorReturnFirstHTTPReq: &noErr,
		RefreshInterval:           time.Hour,
		RefreshUnknownKID:         rate.NewLimiter(rate.Every(time.Minute), 1),
	})
	if err != nil {
		return nil, fmt.Errorf("setting up JWKS from %s: %w", url, err)
	}
	return kf, nil
}
