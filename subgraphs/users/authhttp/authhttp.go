// Package authhttp serves sign-up, sign-in, session refresh, sign-out,
// OAuth redirects and the JWKS as plain HTTP + JSON beside /graphql.
package authhttp

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"log/slog"
	"mime"
	"net"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/careercoach/coach/internal/apperr"
	"github.com/careercoach/coach/internal/auth"
	"github.com/careercoach/coach/internal/db"
	"github.com/careercoach/coach/subgraphs/users"
)

const maxBody = 64 << 10

// OAuth is the provider flow (subgraphs/users/oauth.Flow) as this package uses it.
type OAuth interface {
	Providers() []string
	Start(ctx context.Context, provider, redirectTo string) (authURL, state string, err error)
	Callback(ctx context.Context, provider, state, code string) (users.ExternalAccount, string, error)
}

// Handler serves /auth/* and /.well-known/jwks.json.
type Handler struct {
	Accounts *users.Accounts
	Keys     *users.Keys
	Verifier *auth.Verifier // checks the access token of signed-in requests
	OAuth    OAuth          // nil: no providers configured
	// DevMailbox serves GET /auth/dev/mailbox; nil (404) except in coach dev.
	DevMailbox http.Handler
	// SecureCookies marks cookies Secure (everywhere but plain-http localhost).
	SecureCookies bool
	// ServiceSecret lets the router vouch for the client address it forwards.
	ServiceSecret string
	Log           *slog.Logger
}

// Register adds the routes to mux.
func (h *Handler) Register(mux *http.ServeMux) {
	mux.HandleFunc("POST /auth/signup", h.signup)
	mux.HandleFunc("POST /auth/login", h.login)
	mux.HandleFunc("POST /auth/refresh", h.refresh)
	mux.HandleFunc("POST /auth/logout", h.logout)
	mux.HandleFunc("GET /auth/providers", h.providers)
	mux.HandleFunc("GET /auth/{provider}/start", h.oauthStart)
	mux.HandleFunc("GET /auth/{provider}/callback", h.oauthCallback)
	mux.HandleFunc("GET /.well-known/jwks.json", h.jwks)
	h.registerRecovery(mux)
}

type credentials struct {
	Email               string `json:"email"`
	Password            string `json:"password"`
	DisplayName         string `json:"displayName"`
	RefreshToken        string `json:"refreshToken"`
	IncludeRefreshToken bool   `json:"includeRefreshToken"`
}

type sessionJSON struct {
	AccessToken  string   `json:"accessToken"`
	ExpiresIn    int      `json:"expiresIn"`
	RefreshToken string   `json:"refreshToken,omitempty"`
	User         userJSON `json:"user"`
}

type userJSON struct {
	ID            string `json:"id"`
	Email         string `json:"email"`
	DisplayName   string `json:"displayName"`
	EmailVerified bool   `json:"emailVerified"`
}

func (h *Handler) signup(w http.ResponseWriter, r *http.Request) {
	var c credentials
	if !h.decode(w, r, &c) {
		return
	}
	h.accepted(w, r, h.Accounts.SignUp(r.Context(), c.Email, c.Password, c.DisplayName, h.clientIP(r)), "verification_sent")
}

func (h *Handler) login(w http.ResponseWriter, r *http.Request) {
	var c credentials
	if !h.decode(w, r, &c) {
		return
	}
	in := users.LoginAttempt{Email: c.Email, Password: c.Password, IP: h.clientIP(r)}
	if ck, err := r.Cookie(DeviceCookie); err == nil {
		in.DeviceCookie = ck.Value
	}
	s, err := h.Accounts.Login(r.Context(), in)
	h.answerSession(w, r, s, err, http.StatusOK, c.IncludeRefreshToken)
}

func (h *Handler) refresh(w http.ResponseWriter, r *http.Request) {
	var c credentials
	if !h.decode(w, r, &c) {
		return
	}
	token, fromBody := c.RefreshToken, c.RefreshToken != ""
	if !fromBody {
		if ck, err := r.Cookie(auth.RefreshCookie); err == nil {
			token = ck.Value
		}
	}
	s, err := h.Accounts.Refresh(r.Context(), token)
	if err != nil {
		h.clearCookies(w)
	}
	h.answerSession(w, r, s, err, http.StatusOK, fromBody || c.IncludeRefreshToken)
}

func (h *Handler) logout(w http.ResponseWriter, r *http.Request) {
	var c credentials
	if !h.decode(w, r, &c) {
		return
	}
	token := c.RefreshToken
	if ck, err := r.Cookie(auth.RefreshCookie); err == nil && token == "" {
		token = ck.Value
	}
	if err := h.Accounts.Logout(r.Context(), token); err != nil {
		h.fail(w, r, err)
		return
	}
	h.clearCookies(w)
	w.WriteHeader(http.StatusNoContent)
}

func (h *Handler) jwks(w http.ResponseWriter, r *http.Request) {
	b, err := h.Keys.JWKS()
	if err != nil {
		h.fail(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "application/jwk-set+json")
	w.Header().Set("Cache-Control", "public, max-age=300")
	_, _ = w.Write(b)
}

// decode reads a JSON body. Requiring application/json also makes a
// cross-site form post impossible without a CORS preflight.
func (h *Handler) decode(w http.ResponseWriter, r *http.Request, v any) bool {
	mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if mt != "application/json" {
		h.fail(w, r, apperr.Errorf(apperr.Invalid, "send a JSON body with Content-Type: application/json"))
		return false
	}
	dec := json.NewDecoder(http.MaxBytesReader(w, r.Body, maxBody))
	if err := dec.Decode(v); err != nil && !errors.Is(err, io.EOF) {
		h.fail(w, r, apperr.Errorf(apperr.Invalid, "the request body is not valid JSON of the expected shape"))
		return false
	}
	return true
}

func (h *Handler) answerSession(w http.ResponseWriter, r *http.Request, s *users.Session, err error, status int, withRefresh bool) {
	if err != nil {
		h.fail(w, r, err)
		return
	}
	h.setCookies(w, s)
	body := sessionJSON{
		AccessToken: s.AccessToken,
		ExpiresIn:   int(time.Until(s.AccessExpiresAt).Round(time.Second).Seconds()),
		User:        userJSON{ID: s.User.ID, Email: s.User.Email, DisplayName: s.User.DisplayName, EmailVerified: s.User.EmailVerified},
	}
	if withRefresh {
		body.RefreshToken = s.RefreshToken
	}
	w.Header().Set("Cache-Control", "no-store")
	writeJSON(w, status, body)
}

func (h *Handler) fail(w http.ResponseWriter, r *http.Request, err error) {
	code := apperr.Code(err)
	if code == apperr.Internal && db.IsUnavailable(err) {
		h.Log.WarnContext(r.Context(), "database unavailable", "path", r.URL.Path, "err", err)
		err = apperr.Errorf(apperr.Unavailable, "the sign-in service's database is unavailable; try again shortly")
		code = apperr.Unavailable
	}
	if code == apperr.Internal {
		h.Log.ErrorContext(r.Context(), "auth request failed", "path", r.URL.Path, "err", err)
	}
	var retry *users.RetryError
	if errors.As(err, &retry) {
		w.Header().Set("Retry-After", strconv.Itoa(retry.RetryAfterSeconds()))
	} else if errors.Is(err, users.ErrTooManyRequests) || errors.Is(err, users.ErrReauthThrottled) {
		w.Header().Set("Retry-After", strconv.Itoa(int(h.Accounts.Limits.Window.Seconds())))
	}
	writeJSON(w, apperr.HTTPStatus(code), map[string]any{"error": map[string]string{"code": code, "message": apperr.Message(err)}})
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

// clientIP is the peer address; behind the router (which proves itself with
// the service credential) it is the address the router saw.
func (h *Handler) clientIP(r *http.Request) string {
	if auth.ServiceCredentialOK(r.Header.Get(auth.ServiceTokenHeader), h.ServiceSecret) {
		if xff := r.Header.Get("X-Forwarded-For"); xff != "" {
			parts := strings.Split(xff, ",")
			return strings.TrimSpace(parts[len(parts)-1])
		}
	}
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}
