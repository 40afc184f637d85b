package oauth

import (
	"context"
	"crypto/rand"
	"fmt"
	"strings"

	"golang.org/x/oauth2"

	"github.com/careercoach/coach/subgraphs/users"
)

// Start begins a sign-in with provider and returns the provider URL to send
// the browser to and the state, which the caller binds to that browser (a
// cookie checked at the callback). redirectTo is the web-app path to return to afterwards;
// anything but a local path becomes "/", so the flow cannot be used to
// redirect people to another site.
func (f *Flow) Start(ctx context.Context, provider, redirectTo string) (authURL, state string, err error) {
	p, err := f.provider(provider)
	if err != nil {
		return "", "", err
	}
	st := users.OAuthState{
		State:        rand.Text(), // 130 random bits
		Provider:     p.name,
		CodeVerifier: oauth2.GenerateVerifier(),
		Nonce:        rand.Text(),
		RedirectTo:   localPath(redirectTo),
		ExpiresAt:    f.now().Add(users.OAuthStateTTL),
	}
	if err := f.states.SaveOAuthState(ctx, st); err != nil {
		return "", "", fmt.Errorf("saving %s sign-in state: %w", p.title, err)
	}
	opts := append([]oauth2.AuthCodeOption{
		oauth2.S256ChallengeOption(st.CodeVerifier),
		oauth2.SetAuthURLParam("nonce", st.Nonce),
	}, p.authOptions...)
	return p.oauth.AuthCodeURL(st.State, opts...), st.State, nil
}

// maxRedirectLen keeps oversized input out of the state store.
const maxRedirectLen = 2048

// localPath returns path if it can only lead within this site, else "/".
// "//host" and "/\host" are rejected because browsers read them as another
// host, and control characters because browsers drop tabs and newlines
// ("/\t/host" would become "//host").
func localPath(path string) string {
	if !strings.HasPrefix(path, "/") || strings.HasPrefix(path, "//") || strings.HasPrefix(path, `/\`) ||
		len(path) > maxRedirectLen {
		return "/"
	}
	for _, r := range path {
		if r < 0x20 || r == 0x7f || r == '\\' {
			return "/"
		}
	}
	return path
}
