package authhttp

import (
	"crypto/subtle"
	"net/http"
	"net/url"
	"slices"

	"github.com/careercoach/coach/internal/apperr"
	"github.com/careercoach/coach/subgraphs/users"
)

var providerNames = map[string]string{"microsoft": "Microsoft", "google": "Google"}

type providerJSON struct {
	ID       string `json:"id"`
	Name     string `json:"name"`
	StartURL string `json:"startUrl"`
}

func (h *Handler) providers(w http.ResponseWriter, r *http.Request) {
	out := []providerJSON{}
	if h.OAuth != nil {
		for _, p := range h.OAuth.Providers() {
			out = append(out, providerJSON{ID: p, Name: providerNames[p], StartURL: "/auth/" + p + "/start"})
		}
	}
	writeJSON(w, http.StatusOK, map[string]any{"providers": out})
}

func (h *Handler) configured(p string) bool {
	return h.OAuth != nil && slices.Contains(h.OAuth.Providers(), p)
}

func (h *Handler) oauthStart(w http.ResponseWriter, r *http.Request) {
	p := r.PathValue("provider")
	if !h.configured(p) {
		h.fail(w, r, apperr.Errorf(apperr.NotFound, "sign-in with %q is not configured", p))
		return
	}
	target, state, err := h.OAuth.Start(r.Context(), p, r.URL.Query().Get("redirect"))
	if err != nil {
		h.fail(w, r, err)
		return
	}
	h.setStateCookie(w, state, int(users.OAuthStateTTL.Seconds()))
	http.Redirect(w, r, target, http.StatusFound)
}

// oauthCallback finishes a provider sign-in and sends the browser back into
// the web app; failures go to the sign-in page with a message to show.
func (h *Handler) oauthCallback(w http.ResponseWriter, r *http.Request) {
	p := r.PathValue("provider")
	if !h.configured(p) {
		h.fail(w, r, apperr.Errorf(apperr.NotFound, "sign-in with %q is not configured", p))
		return
	}
	q := r.URL.Query()
	h.setStateCookie(w, "", -1) // single use, whatever happens next
	if e := q.Get("error"); e != "" {
		msg := "sign-in was cancelled or refused by " + providerNames[p]
		h.Log.InfoContext(r.Context(), "provider returned an error", "provider", p, "error", e)
		http.Redirect(w, r, "/signin?error="+url.QueryEscape(msg), http.StatusFound)
		return
	}
	if !stateBound(r, q.Get("state")) {
		h.Log.InfoContext(r.Context(), "OAuth callback without its browser's state cookie", "provider", p)
		http.Redirect(w, r, "/signin?error="+url.QueryEscape(errStateUnbound.Message), http.StatusFound)
		return
	}
	acct, redirectTo, err := h.OAuth.Callback(r.Context(), p, q.Get("state"), q.Get("code"))
	if err == nil {
		var s *users.Session
		if s, err = h.Accounts.SignInExternal(r.Context(), acct); err == nil {
			h.setCookies(w, s)
			http.Redirect(w, r, redirectTo, http.StatusFound)
			return
		}
	}
	if apperr.Code(err) == apperr.Internal {
		h.Log.ErrorContext(r.Context(), "OAuth callback failed", "provider", p, "err", err)
	}
	http.Redirect(w, r, "/signin?error="+url.QueryEscape(apperr.Message(err)), http.StatusFound)
}

// stateCookie binds an OAuth flow to the browser that started it (RFC 6749
// §10.12, OWASP ASVS 3.5 / the OAuth 2.0 Security BCP's CSRF defence): the
// state, and the PKCE verifier stored under it, are only used by a
// callback that presents the same state in this cookie. Without it, a
// victim's browser sent to an attacker's callback URL would be signed in as
// the attacker (login CSRF). SameSite=Lax: the provider's redirect back is
// a top-level cross-site GET, which Lax lets through and Strict would not.
const stateCookie = "cc_oauth_state"

var errStateUnbound = apperr.Errorf(apperr.Invalid, "this sign-in was not started in this browser (or took too long); start again")

func (h *Handler) setStateCookie(w http.ResponseWriter, state string, maxAge int) {
	http.SetCookie(w, &http.Cookie{Name: stateCookie, Value: state, Path: "/auth/", MaxAge: maxAge,
		HttpOnly: true, Secure: h.SecureCookies, SameSite: http.SameSiteLaxMode})
}

// stateBound reports whether the browser's state cookie matches state.
func stateBound(r *http.Request, state string) bool {
	c, err := r.Cookie(stateCookie)
	return err == nil && state != "" && subtle.ConstantTimeCompare([]byte(c.Value), []byte(state)) == 1
}
