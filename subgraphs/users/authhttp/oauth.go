package authhttp

import (
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
	target, err := h.OAuth.Start(r.Context(), p, r.URL.Query().Get("redirect"))
	if err != nil {
		h.fail(w, r, err)
		return
	}
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
	if e := q.Get("error"); e != "" {
		msg := "sign-in was cancelled or refused by " + providerNames[p]
		h.Log.InfoContext(r.Context(), "provider returned an error", "provider", p, "error", e)
		http.Redirect(w, r, "/signin?error="+url.QueryEscape(msg), http.StatusFound)
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
