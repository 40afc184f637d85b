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

// Revocations reports subjects whose tokens must be refused before they
// expire: deleted accounts. Access tokens are short-lived and stateless, so a
// deletion needs a denylist beside them (OWASP JWT cheat sheet, "token
// revocation"; ASVS 4.0 3.3.1). The tombstone package implements it.
type Revocations interface {
	Revoked(ctx context.Context, subject string) (bool, error)
}

// ErrRevoked is returned by Verify for a token whose subject was deleted.
var ErrRevoked = errors.New("the account of this token has been deleted")

// ErrRevocationCheck is returned by Verify when it could not find out
// whether the subject was deleted: the token is refused (fail closed), and
// the caller should answer "try again", not "sign in".
var ErrRevocationCheck = errors.New("cannot check whether the account still exists")

// Verifier checks access tokens: signature by a known key, an allowed
// asymmetric algorithm, issuer, audience, expiry and, when Revoked is set,
// that the subject has not been deleted.
type Verifier struct {
	Keys     KeySource
	Issuer   string
	Audience string
	Revoked  Revocations // optional
}

// WithRevocations returns a copy of v that also refuses the subjects r
// reports; every service consults its own record of deletions. A nil v
// (a service that verifies no tokens) stays nil.
func (v *Verifier) WithRevocations(r Revocations) *Verifier {
	if v == nil {
		return nil
	}
	c := *v
	c.Revoked = r
	return &c
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
	if v.Revoked != nil {
		revoked, err := v.Revoked.Revoked(ctx, claims.Subject)
		if err != nil {
			return nil, fmt.Errorf("verifying access token: %w: %w", ErrRevocationCheck, err)
		}
		if revoked {
			return nil, fmt.Errorf("verifying access token: %w", ErrRevoked)
		}
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
