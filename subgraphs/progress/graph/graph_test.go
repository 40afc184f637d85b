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

	"github.com/careercoach/coach/internal/auth"
	"github.com/careercoach/coach/internal/auth/authtest"
	"github.com/careercoach/coach/internal/bus"
	"github.com/careercoach/coach/internal/db"
	"github.com/careercoach/coach/internal/gqlsrv"
	"github.com/careercoach/coach/internal/logging"
	"github.com/careercoach/coach/subgraphs/progress"
	"github.com/careercoach/coach/subgraphs/progress/graph"
	"github.com/careercoach/coach/subgraphs/progress/store"
)

const secret = "router-secret-0123456789"

type env struct {
	t     testing.TB
	h     http.Handler
	iss   *authtest.Issuer
	d     *db.DB
	store *store.Store
	bank  *progress.Bank
	// skew moves the resolvers' clock (tests run sequentially within an env).
	skew time.Duration
}

func setup(t *testing.T, d *db.DB) *env {
	t.Helper()
	iss := authtest.New(t)
	st := store.New(d)
	bank, err := progress.LoadBank()
	if err != nil {
		t.Fatal(err)
	}
	e := &env{t: t, iss: iss, d: d, store: st, bank: bank}
	skill := lookup(t) // loads tax
	st.Profiler = progress.Profiler{Broader: tax.Broader}
	now := func() time.Time { return time.Now().Add(e.skew) }
	res := &graph.Resolver{Store: st, Quizzes: &progress.Quizzes{Store: st, Bank: bank, Rubrics: mustRubrics(t), Now: now}, Skill: skill, Now: now}
	gql := gqlsrv.New(graph.NewExecutableSchema(graph.Config{Resolvers: res}),
		gqlsrv.Options{Log: logging.Discard(), Verifier: iss.Verifier, ServiceSecret: secret})
	mw := &auth.Middleware{Verifier: iss.Verifier, ServiceSecret: secret, Log: logging.Discard()}
	e.h = mw.Wrap(gql)
	return e
}

// event delivers a consumed event as the bus would.
func (e *env) event(id, typ, subject string, payload any) {
	e.t.Helper()
	raw, _ := json.Marshal(payload)
	if err := e.store.Handler(logging.Discard())(context.Background(), bus.Event{ID: id, Type: typ, Subject: subject, Payload: raw, OccurredAt: time.Now()}); err != nil {
		e.t.Fatal(err)
	}
}

type gqlError struct {
	Message    string         `json:"message"`
	Path       []any          `json:"path"`
	Extensions map[string]any `json:"extensions"`
}

type gqlResponse struct {
	Data   map[string]json.RawMessage `json:"data"`
	Errors []gqlError                 `json:"errors"`
}

// do posts a GraphQL request as userID ("" = anonymous), optionally as the router.
func (e *env) do(userID string, asRouter bool, query string, vars map[string]any) gqlResponse {
	e.t.Helper()
	body, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
	r := httptest.NewRequest("POST", "/graphql", bytes.NewReader(body))
	r.Header.Set("Content-Type", "application/json")
	if userID != "" {
		tok := e.iss.Token(e.t.(*testing.T), userID)
		r.Header.Set("Authorization", "Bearer "+tok)
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

// ok runs a request that must succeed and decodes field into out.
func (e *env) ok(userID string, asRouter bool, query string, vars map[string]any, field string, out any) {
	e.t.Helper()
	resp := e.do(userID, asRouter, query, vars)
	if len(resp.Errors) > 0 {
		e.t.Fatalf("%s: errors %+v", query, resp.Errors)
	}
	if out != nil {
		if err := json.Unmarshal(resp.Data[field], out); err != nil {
			e.t.Fatalf("decode %s: %v (%s)", field, err, resp.Data[field])
		}
	}
}

func codes(r gqlResponse) string {
	var cs []string
	for _, e := range r.Errors {
		c, _ := e.Extensions["code"].(string)
		cs = append(cs, c)
	}
	return strings.Join(cs, ",")
}

// entities queries _entities as the router on behalf of userID.
const entitiesQuery = `query($r: [_Any!]!) { _entities(representations: $r) {
	... on User { id progress { coursesInProgress } enrollments { id } assessments { id } activity { id } }
	... on CareerGoal { id progressPercent milestones { id title } }
	... on Course { id myEnrollment { id percent } } } }`

func rep(typename, id string) map[string]any { return map[string]any{"__typename": typename, "id": id} }
