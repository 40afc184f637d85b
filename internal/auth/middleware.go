package auth

import (
	"crypto/subtle"
	"errors"
	"log/slog"
	"net/http"
	"strings"

	"github.com/careercoach/coach/internal/db"
)

// Header and cookie names shared by the router, the users service and the web app.
const (
	ServiceTokenHeader = "X-Coach-Service-Token"
	AccessCookie       = "cc_access"
	RefreshCookie      = "cc_refresh"
)

// Middleware puts the caller's identity into the request context.
// A request without a token is anonymous (resolvers decide what it may do);
// a request with a bad token is refused with 401, so a client with an
// expired token learns it must refresh instead of seeing empty data.
type Middleware struct {
	Verifier      *Verifier
	ServiceSecret string
	Log           *slog.Logger
}

// Wrap applies the middleware to next.
func (m *Middleware) Wrap(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx := r.Context()
		if m.ServiceSecret != "" && ServiceCredentialOK(r.Header.Get(ServiceTokenHeader), m.ServiceSecret) {
			ctx = WithService(ctx)
		}
		if raw := TokenFromRequest(r); raw != "" {
			claims, err := m.Verifier.Verify(ctx, raw)
			if err != nil {
				m.Log.Info("rejected access token", "err", err)
				refuse(w, err)
				return
			}
			ctx = WithIdentity(ctx, Identity{UserID: claims.Subject, Email: claims.Email})
		}
		next.ServeHTTP(w, r.WithContext(ctx))
	})
}

// refuse answers a request whose token Verify refused: 401, except when
// the deletion check itself failed (503: the token may be fine, try again).
func refuse(w http.ResponseWriter, err error) {
	w.Header().Set("Content-Type", "application/json")
	switch {
	case errors.Is(err, ErrRevocationCheck):
		w.Header().Set("Retry-After", "1")
		w.WriteHeader(http.StatusServiceUnavailable)
		_, _ = w.Write([]byte(`{"errors":[{"message":"` + RevocationCheckMessage(err) + `","extensions":{"code":"SERVICE_UNAVAILABLE"}}]}`))
	case errors.Is(err, ErrRevoked):
		w.Header().Set("WWW-Authenticate", `Bearer error="invalid_token"`)
		w.WriteHeader(http.StatusUnauthorized)
		_, _ = w.Write([]byte(`{"errors":[{"message":"this account has been deleted","extensions":{"code":"UNAUTHENTICATED"}}]}`))
	default:
		w.Header().Set("WWW-Authenticate", `Bearer error="invalid_token"`)
		w.WriteHeader(http.StatusUnauthorized)
		_, _ = w.Write([]byte(`{"errors":[{"message":"invalid or expired access token","extensions":{"code":"UNAUTHENTICATED"}}]}`))
	}
}

// RevocationCheckMessage says why a token could not be checked: the
// database being down is said as every service says it elsewhere.
func RevocationCheckMessage(err error) string {
	if db.IsUnavailable(err) {
		return "the service's database is unavailable; try again shortly"
	}
	return "cannot check the access token right now; try again"
}

// TokenFromRequest returns the bearer token, or the access cookie's value.
func TokenFromRequest(r *http.Request) string {
	if h := r.Header.Get("Authorization"); h != "" {
		if len(h) > 7 && strings.EqualFold(h[:7], "bearer ") {
			return strings.TrimSpace(h[7:])
		}
		return ""
	}
	if c, err := r.Cookie(AccessCookie); err == nil {
		return c.Value
	}
	return ""
}

// ServiceCredentialOK compares a presented service credential in constant time.
func ServiceCredentialOK(got, want string) bool {
	return want != "" && subtle.ConstantTimeCompare([]byte(got), []byte(want)) == 1
}
