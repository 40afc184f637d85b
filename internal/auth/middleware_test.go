package auth_test

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/careercoach/coach/internal/apperr"
	"github.com/careercoach/coach/internal/auth"
	"github.com/careercoach/coach/internal/auth/authtest"
	"github.com/careercoach/coach/internal/logging"
)

func TestMiddleware(t *testing.T) {
	iss := authtest.New(t)
	mw := &auth.Middleware{Verifier: iss.Verifier, ServiceSecret: "s3cret", Log: logging.Discard()}
	type seen struct {
		user    string
		service bool
	}
	var got seen
	h := mw.Wrap(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		id, _ := auth.FromContext(r.Context())
		got = seen{id.UserID, auth.IsService(r.Context())}
	}))
	tests := []struct {
		name   string
		setup  func(r *http.Request)
		status int
		want   seen
	}{
		{"anonymous", func(r *http.Request) {}, 200, seen{}},
		{"bearer", func(r *http.Request) { r.Header.Set("Authorization", "Bearer "+iss.Token(t, "u1")) }, 200, seen{user: "u1"}},
		{"cookie", func(r *http.Request) { r.AddCookie(&http.Cookie{Name: auth.AccessCookie, Value: iss.Token(t, "u2")}) }, 200, seen{user: "u2"}},
		{"bad token is 401", func(r *http.Request) { r.Header.Set("Authorization", "Bearer nope") }, 401, seen{}},
		{"service credential", func(r *http.Request) { r.Header.Set(auth.ServiceTokenHeader, "s3cret") }, 200, seen{service: true}},
		{"wrong service credential", func(r *http.Request) { r.Header.Set(auth.ServiceTokenHeader, "guess") }, 200, seen{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got = seen{}
			r := httptest.NewRequest("POST", "/graphql", nil)
			tt.setup(r)
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, r)
			if rec.Code != tt.status {
				t.Fatalf("status %d, want %d (%s)", rec.Code, tt.status, rec.Body)
			}
			if got != tt.want {
				t.Fatalf("context saw %+v, want %+v", got, tt.want)
			}
		})
	}
}

func TestRequireOwner(t *testing.T) {
	ctx := auth.WithIdentity(t.Context(), auth.Identity{UserID: "a"})
	tests := []struct {
		name  string
		err   error
		code  string
		isNil bool
	}{
		{"owner", auth.RequireOwner(ctx, "a", "CV"), "", true},
		{"someone else's", auth.RequireOwner(ctx, "b", "CV"), apperr.NotFound, false},
		{"anonymous", auth.RequireOwner(t.Context(), "a", "CV"), apperr.Unauthenticated, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if (tt.err == nil) != tt.isNil || (tt.err != nil && apperr.Code(tt.err) != tt.code) {
				t.Fatalf("err = %v (code %s), want code %q", tt.err, apperr.Code(tt.err), tt.code)
			}
		})
	}
}

// revocations is a fixed list of deleted subjects, or a failing lookup.
type revocations struct {
	deleted map[string]bool
	err     error
}

func (r revocations) Revoked(_ context.Context, subject string) (bool, error) {
	return r.deleted[subject], r.err
}

// TestMiddlewareRefusesDeletedAccounts replays a request with a valid,
// unexpired token of a deleted account: it is refused with 401
// UNAUTHENTICATED; when the deletion check fails the token is refused too
// (fail closed) with 503, which tells the client to retry, not to sign in.
func TestMiddlewareRefusesDeletedAccounts(t *testing.T) {
	iss := authtest.New(t)
	tests := []struct {
		name    string
		rev     revocations
		subject string
		status  int
		code    string
	}{
		{"deleted account", revocations{deleted: map[string]bool{"gone": true}}, "gone", 401, apperr.Unauthenticated},
		{"live account", revocations{deleted: map[string]bool{"gone": true}}, "here", 200, ""},
		{"check failed", revocations{err: errors.New("database down")}, "here", 503, apperr.Unavailable},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			mw := &auth.Middleware{Verifier: iss.Verifier.WithRevocations(tt.rev), Log: logging.Discard()}
			reached := false
			h := mw.Wrap(http.HandlerFunc(func(http.ResponseWriter, *http.Request) { reached = true }))
			r := httptest.NewRequest("POST", "/graphql", nil)
			r.Header.Set("Authorization", "Bearer "+iss.Token(t, tt.subject))
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, r)
			if rec.Code != tt.status || reached != (tt.status == 200) {
				t.Fatalf("status %d (handler reached: %v), want %d: %s", rec.Code, reached, tt.status, rec.Body)
			}
			if tt.code != "" && !strings.Contains(rec.Body.String(), `"code":"`+tt.code+`"`) {
				t.Fatalf("body %s, want code %s", rec.Body, tt.code)
			}
		})
	}
}
