package oauth

import (
	"context"
	"fmt"
	"net/http"
	"strings"

	"github.com/google/uuid"
	"golang.org/x/oauth2"
	"golang.org/x/oauth2/endpoints"

	"github.com/careercoach/coach/internal/auth"
)

// consumersTenant is the tenant id of every personal Microsoft account.
const consumersTenant = "9188040d-6c67-4c5b-b112-36a304b66dad"

const tenantPlaceholder = "{tenantid}"

// provider is one configured OpenID provider.
type provider struct {
	name, title string
	oauth       oauth2.Config
	authOptions []oauth2.AuthCodeOption
	keys        auth.KeySource
	issuers     []string
	// tenantOK, when set, says whether a token's tid may sign in (Microsoft).
	tenantOK func(tid string) bool
	// emailVerified says whether the provider vouches for the token's email.
	emailVerified func(*idClaims) bool
}

// definition is a provider before its keys are fetched.
type definition struct {
	provider
	endpoints Endpoints
}

// definitions returns the providers that have credentials configured.
func definitions(cfg Config) ([]*definition, error) {
	var defs []*definition
	if cfg.GoogleClientID != "" && cfg.GoogleClientSecret != "" {
		defs = append(defs, google(cfg.GoogleClientID, cfg.GoogleClientSecret))
	}
	if cfg.MicrosoftClientID != "" && cfg.MicrosoftClientSecret != "" {
		d, err := microsoft(cfg.MicrosoftClientID, cfg.MicrosoftClientSecret, cfg.MicrosoftTenant)
		if err != nil {
			return nil, err
		}
		defs = append(defs, d)
	}
	return defs, nil
}

func google(id, secret string) *definition {
	return &definition{
		provider: provider{
			name: Google, title: "Google",
			oauth:         oauth2.Config{ClientID: id, ClientSecret: secret},
			authOptions:   []oauth2.AuthCodeOption{oauth2.AccessTypeOnline},
			emailVerified: func(c *idClaims) bool { return isTrue(c.EmailVerified) },
		},
		endpoints: Endpoints{
			AuthURL:  endpoints.Google.AuthURL,
			TokenURL: endpoints.Google.TokenURL,
			JWKSURL:  "https://www.googleapis.com/oauth2/v3/certs",
			Issuers:  []string{"https://accounts.google.com", "accounts.google.com"},
		},
	}
}

func microsoft(id, secret, tenant string) (*definition, error) {
	tenant = strings.ToLower(tenant)
	if tenant == "" {
		tenant = "common"
	}
	p := provider{name: Microsoft, title: "Microsoft", oauth: oauth2.Config{ClientID: id, ClientSecret: secret}}
	// Entra ID does not promise that the email claim was verified: only
	// xms_edov (email domain owner verified) says so. In a single tenant the
	// directory's administrators own the addresses, so that tenant is trusted.
	edov := func(c *idClaims) bool { return isTrue(c.EmailDomainOwnerVerified) }
	switch tenant {
	case "common":
		p.tenantOK = func(string) bool { return true }
		p.emailVerified = edov
	case "organizations":
		p.tenantOK = func(tid string) bool { return tid != consumersTenant }
		p.emailVerified = edov
	case "consumers":
		p.tenantOK = func(tid string) bool { return tid == consumersTenant }
		p.emailVerified = edov
	default:
		if u, err := uuid.Parse(tenant); err != nil || u.String() != tenant {
			return nil, fmt.Errorf("oauth: Microsoft tenant %q must be common, organizations, consumers or a tenant id (GUID)", tenant)
		}
		p.tenantOK = func(tid string) bool { return tid == tenant }
		p.emailVerified = func(*idClaims) bool { return true }
	}
	ep := endpoints.AzureAD(tenant)
	return &definition{provider: p, endpoints: Endpoints{
		AuthURL:  ep.AuthURL,
		TokenURL: ep.TokenURL,
		JWKSURL:  "https://login.microsoftonline.com/" + tenant + "/discovery/v2.0/keys",
		Issuers:  []string{"https://login.microsoftonline.com/" + tenantPlaceholder + "/v2.0"},
	}}, nil
}

// build completes the provider: redirect URI, endpoints, and the key source
// (whose first fetch happens now; a failed one is retried on demand).
func (d *definition) build(ctx context.Context, publicURL string, client *http.Client) (*provider, error) {
	p := d.provider
	p.oauth.Endpoint = oauth2.Endpoint{AuthURL: d.endpoints.AuthURL, TokenURL: d.endpoints.TokenURL, AuthStyle: authStyle}
	p.oauth.RedirectURL = publicURL + "/auth/" + p.name + "/callback"
	p.oauth.Scopes = scopes()
	p.issuers = d.endpoints.Issuers
	keys, err := auth.RemoteKeys(ctx, d.endpoints.JWKSURL, client)
	if err != nil {
		return nil, fmt.Errorf("oauth: setting up %s signing keys: %w", p.title, err)
	}
	p.keys = keys
	return &p, nil
}

// isTrue reads a boolean claim that some providers send as a string.
func isTrue(v any) bool {
	switch v := v.(type) {
	case bool:
		return v
	case string:
		return v == "true" || v == "1"
	}
	return false
}
