package graph_test

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/google/uuid"

	"github.com/careercoach/coach/internal/auth"
	"github.com/careercoach/coach/internal/auth/authtest"
	"github.com/careercoach/coach/internal/db"
	"github.com/careercoach/coach/internal/dbtest"
	"github.com/careercoach/coach/internal/gqlsrv"
	"github.com/careercoach/coach/internal/logging"
	"github.com/careercoach/coach/subgraphs/users"
	"github.com/careercoach/coach/subgraphs/users/graph"
	"github.com/careercoach/coach/subgraphs/users/store"
)

const secret = "router-secret-0123456789"

type env struct {
	t     *testing.T
	h     http.Handler
	iss   *authtest.Issuer
	store *store.Store
}

func setup(t *testing.T, d *db.DB) *env {
	t.Helper()
	iss := authtest.New(t)
	st := store.New(d)
	gql := gqlsrv.New(graph.NewExecutableSchema(graph.Config{Resolvers: &graph.Resolver{Users: &users.Service{Store: st}}}),
		gqlsrv.Options{Log: logging.Discard(), Verifier: iss.Verifier, ServiceSecret: secret})
	mw := &auth.Middleware{Verifier: iss.Verifier, ServiceSecret: secret, Log: logging.Discard()}
	return &env{t: t, h: mw.Wrap(gql), iss: iss, store: st}
}

func (e *env) user(email string) *users.User {
	e.t.Helper()
	now := time.Now().UTC()
	u := &users.User{ID: uuid.NewString(), Email: email, DisplayName: strings.Split(email, "@")[0], CreatedAt: now, UpdatedAt: now}
	if err := e.store.CreateUser(context.Background(), u, ""); err != nil {
		e.t.Fatal(err)
	}
	return u
}

type gqlResponse struct {
	Data   map[string]json.RawMessage `json:"data"`
	Errors []struct {
		Message    string         `json:"message"`
		Path       []any          `json:"path"`
		Extensions map[string]any `json:"extensions"`
	} `json:"errors"`
}

// do posts a GraphQL request as userID ("" = anonymous), optionally as the router.
func (e *env) do(userID string, asRouter bool, query string, vars map[string]any) gqlResponse {
	e.t.Helper()
	body, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
	r := httptest.NewRequest("POST", "/graphql", bytes.NewReader(body))
	r.Header.Set("Content-Type", "application/json")
	if userID != "" {
		r.Header.Set("Authorization", "Bearer "+e.iss.Token(e.t, userID))
	}
	if asRouter {
		r.Header.Set(auth.ServiceTokenHeader, secret)
	}
	rec := httptest.NewRecorder()
	e.h.ServeHTTP(rec, r)
	var resp gqlResponse
	if err := json.Unmarshal(rec.Body.Bytes(), &resp); err != nil {
		e.t.Fatalf("status %d, body %s: %v", rec.Code, rec.Body, err)
	}
	return resp
}

func codes(r gqlResponse) string {
	var cs []string
	for _, e := range r.Errors {
		c, _ := e.Extensions["code"].(string)
		cs = append(cs, c)
	}
	return strings.Join(cs, ",")
}

func TestResolvers(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		e := setup(t, d)
		ada := e.user("ada@example.com")
		bob := e.user("bob@example.com")

		tests := []struct {
			name      string
			user      string
			asRouter  bool
			query     string
			vars      map[string]any
			wantCodes string
			wantData  string // substring of the JSON data
		}{
			{name: "me signed out is null", query: `{ me { id } }`, wantData: `"me":null`},
			{name: "me", user: ada.ID, query: `{ me { id email displayName headline identities { provider } } }`,
				wantData: `"email":"ada@example.com","displayName":"ada","headline":null,"identities":[]`},
			{name: "update profile", user: ada.ID, query: `mutation($i: UpdateProfileInput!) { updateProfile(input: $i) { displayName headline location } }`,
				vars:     map[string]any{"i": map[string]any{"displayName": " Ada L ", "headline": "Data engineer", "location": "Lisbon"}},
				wantData: `"displayName":"Ada L","headline":"Data engineer","location":"Lisbon"`},
			{name: "update profile signed out", query: `mutation { updateProfile(input: {headline: "x"}) { id } }`, wantCodes: "UNAUTHENTICATED"},
			{name: "update profile bad input", user: ada.ID, query: `mutation { updateProfile(input: {avatarUrl: "javascript:alert(1)"}) { id } }`, wantCodes: "BAD_USER_INPUT"},
			{name: "invalid query", user: ada.ID, query: `{ me { nope } }`, wantCodes: "GRAPHQL_VALIDATION_FAILED"},
			{name: "_service refused without the service credential", query: `{ _service { sdl } }`, wantCodes: "FORBIDDEN"},
			{name: "_service with the service credential", asRouter: true, query: `{ _service { sdl } }`, wantData: `type User @key(fields: \"id\")`},
			{name: "_entities refused without the service credential", user: ada.ID,
				query: `query($r: [_Any!]!) { _entities(representations: $r) { ... on User { email } } }`,
				vars:  map[string]any{"r": []any{map[string]any{"__typename": "User", "id": ada.ID}}}, wantCodes: "FORBIDDEN"},
			{name: "_entities resolves the viewer", user: ada.ID, asRouter: true,
				query: `query($r: [_Any!]!) { _entities(representations: $r) { ... on User { email } } }`,
				vars:  map[string]any{"r": []any{map[string]any{"__typename": "User", "id": ada.ID}}}, wantData: `"email":"ada@example.com"`},
			{name: "_entities never reveals another user", user: ada.ID, asRouter: true,
				query: `query($r: [_Any!]!) { _entities(representations: $r) { ... on User { email } } }`,
				vars:  map[string]any{"r": []any{map[string]any{"__typename": "User", "id": bob.ID}}}, wantCodes: "NOT_FOUND", wantData: `[null]`},
			{name: "introspection needs the service credential", query: `{ __schema { queryType { name } } }`, wantCodes: "FORBIDDEN"},
			{name: "introspection for the router", asRouter: true, query: `{ __schema { queryType { name } } }`, wantData: `"name":"Query"`},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				resp := e.do(tt.user, tt.asRouter, tt.query, tt.vars)
				if got := codes(resp); got != tt.wantCodes {
					t.Fatalf("error codes %q, want %q (%+v)", got, tt.wantCodes, resp.Errors)
				}
				data, _ := json.Marshal(resp.Data)
				if !strings.Contains(string(data), tt.wantData) {
					t.Fatalf("data %s, want containing %s", data, tt.wantData)
				}
			})
		}

		t.Run("bob's profile is untouched by ada's update", func(t *testing.T) {
			got, err := e.store.UserByID(context.Background(), bob.ID)
			if err != nil || got.Headline != "" || got.DisplayName != "bob" {
				t.Fatalf("bob = %+v, %v", got, err)
			}
		})
		t.Run("delete account", func(t *testing.T) {
			resp := e.do(bob.ID, false, `mutation { deleteAccount }`, nil)
			if codes(resp) != "" || string(resp.Data["deleteAccount"]) != "true" {
				t.Fatalf("delete: %+v", resp)
			}
			if resp := e.do(bob.ID, false, `{ me { id } }`, nil); codes(resp) != "NOT_FOUND" {
				t.Fatalf("me after delete: %+v", resp)
			}
			if resp := e.do(ada.ID, false, `{ me { id } }`, nil); codes(resp) != "" {
				t.Fatalf("ada affected by bob's deletion: %+v", resp)
			}
		})
	}, store.Migrations()...)
}
