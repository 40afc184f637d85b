package oauth

import (
	"context"
	"crypto/subtle"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/golang-jwt/jwt/v5"
	"github.com/google/uuid"

	"github.com/careercoach/coach/subgraphs/users"
)

// idClaims are the ID token claims Google and Microsoft send that we use.
type idClaims struct {
	jwt.RegisteredClaims
	AuthorizedParty string `json:"azp,omitempty"`
	Nonce           string `json:"nonce,omitempty"`
	Email           string `json:"email,omitempty"`
	EmailVerified   any    `json:"email_verified,omitempty"` // Google
	Name            string `json:"name,omitempty"`
	Picture         string `json:"picture,omitempty"`
	TenantID        string `json:"tid,omitempty"` // Microsoft
	// EmailDomainOwnerVerified is Microsoft's optional xms_edov claim.
	EmailDomainOwnerVerified any `json:"xms_edov,omitempty"`
}

// leeway absorbs clock skew between the provider and us.
const leeway = time.Minute

// verify checks an ID token and returns the account it describes.
func (p *provider) verify(ctx context.Context, raw, nonce string, now time.Time) (users.ExternalAccount, error) {
	c := &idClaims{}
	_, err := jwt.ParseWithClaims(raw, c, p.keys.KeyfuncCtx(ctx),
		// Asymmetric algorithms only, so that neither "none" nor an HMAC
		// keyed with something public can pass.
		jwt.WithValidMethods([]string{"RS256", "ES256"}),
		jwt.WithAudience(p.oauth.ClientID),
		jwt.WithExpirationRequired(),
		jwt.WithIssuedAt(),
		jwt.WithLeeway(leeway),
		jwt.WithTimeFunc(func() time.Time { return now }),
	)
	if err != nil {
		return users.ExternalAccount{}, p.rejected(err)
	}
	if err := p.checkClaims(c, nonce); err != nil {
		return users.ExternalAccount{}, p.rejected(err)
	}
	return users.ExternalAccount{
		Provider:      p.name,
		Subject:       c.Subject,
		Email:         c.Email,
		EmailVerified: c.Email != "" && p.emailVerified(c),
		Name:          c.Name,
		Picture:       c.Picture,
	}, nil
}

// checkClaims checks what golang-jwt does not: the claims OpenID Connect
// requires, the nonce that ties the token to this sign-in, and the issuer,
// which for Microsoft depends on the token's tenant.
func (p *provider) checkClaims(c *idClaims, nonce string) error {
	switch {
	case c.Subject == "":
		return errors.New("no sub claim")
	case c.IssuedAt == nil:
		return errors.New("no iat claim")
	case len(c.Audience) > 1 && c.AuthorizedParty != p.oauth.ClientID:
		return fmt.Errorf("several audiences and azp %q is not our client", c.AuthorizedParty)
	case subtle.ConstantTimeCompare([]byte(c.Nonce), []byte(nonce)) != 1:
		return errors.New("nonce does not match this sign-in")
	}
	if p.tenantOK != nil {
		if u, err := uuid.Parse(c.TenantID); err != nil || u.String() != c.TenantID {
			return fmt.Errorf("tid %q is not a tenant id", c.TenantID)
		}
		if !p.tenantOK(c.TenantID) {
			return fmt.Errorf("tenant %s may not sign in", c.TenantID)
		}
	}
	for _, iss := range p.issuers {
		if p.tenantOK != nil {
			iss = strings.ReplaceAll(iss, tenantPlaceholder, c.TenantID)
		}
		if iss == c.Issuer {
			return nil
		}
	}
	return fmt.Errorf("issuer %q is not one of %v", c.Issuer, p.issuers)
}
