package auth_test

import (
	"net/http"
	"net/http/httptest"
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
