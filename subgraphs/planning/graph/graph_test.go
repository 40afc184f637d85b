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
	"github.com/careercoach/coach/internal/bus"
	"github.com/careercoach/coach/internal/db"
	"github.com/careercoach/coach/internal/dbtest"
	"github.com/careercoach/coach/internal/gqlsrv"
	"github.com/careercoach/coach/internal/logging"
	"github.com/careercoach/coach/internal/skills"
	"github.com/careercoach/coach/subgraphs/planning"
	"github.com/careercoach/coach/subgraphs/planning/graph"
	"github.com/careercoach/coach/subgraphs/planning/store"
)

const secret = "router-secret-0123456789"

type env struct {
	t      *testing.T
	h      http.Handler
	iss    *authtest.Issuer
	db     *db.DB
	events bus.Handler
}

func setup(t *testing.T, d *db.DB) *env {
	t.Helper()
	iss := authtest.New(t)
	tax, err := skills.Load()
	if err != nil {
		t.Fatal(err)
	}
	cat, err := planning.Load(planning.TaxonomyKey(tax))
	if err != nil {
		t.Fatal(err)
	}
	st := store.New(d)
	st.Readiness = cat.Readiness
	res := &graph.Resolver{Store: st, Catalog: cat, Practice: &planning.Practice{Catalog: cat, Reviewer: planning.RuleReviewer{}, Store: st, Now: time.Now},
		Jobs: jobMatcher(cat, st), Now: time.Now}
	gql := graph.NewHandler(res, gqlsrv.Options{Log: logging.Discard(), Verifier: iss.Verifier, ServiceSecret: secret})
	mw := &auth.Middleware{Verifier: iss.Verifier, ServiceSecret: secret, Log: logging.Discard()}
	return &env{t: t, h: mw.Wrap(gql), iss: iss, db: d,
		events: bus.Idempotent(d, planning.ConsumerGroup, logging.Discard(), bus.Dispatch(planning.EventHandlers(cat, st)))}
}

type gqlError struct {
	Message    string         `json:"message"`
	Path       []any          `json:"path"`
	Extensions map[string]any `json:"extensions"`
}

type gqlResponse struct {
	Data   json.RawMessage `json:"data"`
	Errors []gqlError      `json:"errors"`
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

// ok runs a request that must succeed and decodes its data into out.
func (e *env) ok(userID string, asRouter bool, query string, vars map[string]any, out any) {
	e.t.Helper()
	resp := e.do(userID, asRouter, query, vars)
	if len(resp.Errors) > 0 {
		e.t.Fatalf("errors: %+v", resp.Errors)
	}
	if out != nil {
		if err := json.Unmarshal(resp.Data, out); err != nil {
			e.t.Fatalf("decode %s: %v", resp.Data, err)
		}
	}
}

func (e *env) publish(typ, subject string, payload any, at time.Time) bus.Event {
	e.t.Helper()
	raw, _ := json.Marshal(payload)
	ev := bus.Event{ID: uuid.NewString(), Type: typ, Subject: subject, Payload: raw, OccurredAt: at}
	if err := e.events(context.Background(), ev); err != nil {
		e.t.Fatalf("handle %s: %v", typ, err)
	}
	return ev
}

func codes(r gqlResponse) string {
	var cs []string
	for _, e := range r.Errors {
		c, _ := e.Extensions["code"].(string)
		cs = append(cs, c)
	}
	return strings.Join(cs, ",")
}

const entitiesQuery = `query($r: [_Any!]!) { _entities(representations: $r) { __typename ... on User { %s } ... on CareerGoal { %s } ... on Role { %s } } }`

func entities(user, goal, role string) string {
	if user == "" {
		user = "id"
	}
	if goal == "" {
		goal = "id"
	}
	if role == "" {
		role = "id"
	}
	return strings.Replace(strings.Replace(strings.Replace(entitiesQuery, "%s", user, 1), "%s", goal, 1), "%s", role, 1)
}

func userRep(id string, skills ...planning.SkillLevel) map[string]any {
	rep := map[string]any{"__typename": "User", "id": id}
	if skills != nil {
		ss := make([]map[string]any, len(skills))
		for i, s := range skills {
			ss[i] = map[string]any{"name": s.Name, "level": s.Level}
		}
		rep["skills"] = ss
	}
	return rep
}

func TestCatalogueQueries(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		e := setup(t, d)
		tests := []struct {
			name      string
			query     string
			wantCodes string
			want      []string // substrings of the JSON data
		}{
			{name: "roles of a category", query: `{ roles(category: SECURITY) { id category } }`,
				want: []string{`"id":"security-analyst","category":"SECURITY"`, `"penetration-tester"`}},
			{name: "role with next roles", query: `{ role(id: "software-engineer") { title onetSocCode requiredSkills { name level } nextRoles { id } } }`,
				want: []string{`"onetSocCode":"15-1252.00"`, `{"name":"Python","level":3}`, `{"id":"senior-software-engineer"}`}},
			{name: "unknown role is null", query: `{ role(id: "astronaut") { id } }`, want: []string{`"role":null`}},
			{name: "career path junior to staff", query: `{ careerPath(from: "junior-software-engineer", to: "staff-software-engineer") { steps { from { id } to { id } skillsToGain { name fromLevel toLevel } } totalLevelsToGain } }`,
				want: []string{`"from":{"id":"junior-software-engineer"},"to":{"id":"software-engineer"}`, `"to":{"id":"senior-software-engineer"}`,
					`"to":{"id":"staff-software-engineer"}`, `{"name":"Algorithms","fromLevel":0,"toLevel":3}`}},
			{name: "career path across families", query: `{ careerPath(from: "registered-nurse", to: "data-scientist") { steps { to { id } } } }`,
				want: []string{`{"to":{"id":"health-informatics-specialist"}},{"to":{"id":"data-analyst"}},{"to":{"id":"data-scientist"}}`}},
			{name: "a path crosses occupations", query: `{ careerPath(from: "director-of-engineering", to: "registered-nurse") { steps { to { id } } } }`,
				want: []string{`{"to":{"id":"29-1141.00"}},{"to":{"id":"registered-nurse"}}]`}},
			{name: "career path with unknown role", query: `{ careerPath(from: "nope", to: "data-scientist") { totalLevelsToGain } }`, wantCodes: "NOT_FOUND"},
			{name: "market insights", query: `{ marketInsights(roleId: "senior-software-engineer") { socCode medianPay { value unit source { year url } } pay10thPercentile { value } pay90thPercentile { value atLeast } projectedGrowthPercent { value source { year } } annualOpenings { value } typicalEducation { value } topSkills { name } hotTechnologies relatedRoles { id } } }`,
				// The figures of OEWS May 2024 and Employment Projections 2024–34 (occupations/sources.json).
				want: []string{`"socCode":"15-1252"`, `"medianPay":{"value":133080,"unit":"USD per year","source":{"year":"May 2024","url":"https://www.bls.gov/oes/2024/may/oes151252.htm"}}`,
					`"pay10thPercentile":{"value":79850}`, `"projectedGrowthPercent":{"value":15.8,"source":{"year":"2024–34"}}`, `"annualOpenings":{"value":115200}`,
					`"typicalEducation":{"value":"Bachelor's degree"}`, `"id":"staff-software-engineer"`, `"Git"`}},
			{name: "market insights top-coded pay", query: `{ marketInsights(roleId: "engineering-manager") { pay90thPercentile { value atLeast } } }`,
				want: []string{`"pay90thPercentile":{"value":239200,"atLeast":true}`}},
			{name: "market insights unknown role", query: `{ marketInsights(roleId: "x") { socCode } }`, wantCodes: "NOT_FOUND"},
			{name: "interview questions by skill and difficulty", query: `{ interviewQuestions(skill: "kubernetes", difficulty: HARD, first: 5) { id kind difficulty skill } }`,
				want: []string{`"kind":"TECHNICAL","difficulty":"HARD","skill":"Kubernetes"`}},
			{name: "interview questions for a role", query: `{ interviewQuestions(roleId: "registered-nurse", first: 4) { kind skill } }`,
				want: []string{`{"kind":"BEHAVIOURAL","skill":null}`, `"skill":"Patient Care"`}},
			{name: "interview questions page limit", query: `{ interviewQuestions(first: 500) { id } }`, wantCodes: "BAD_USER_INPUT"},
			{name: "role entity", query: `query { _entities(representations: [{__typename: "Role", id: "data-engineer"}, {__typename: "Role", id: "nope"}]) { ... on Role { id title } } }`,
				wantCodes: "FORBIDDEN"}, // _entities needs the router's credential
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				resp := e.do("", false, tt.query, nil)
				if got := codes(resp); got != tt.wantCodes {
					t.Fatalf("error codes %q, want %q (%+v)", got, tt.wantCodes, resp.Errors)
				}
				for _, w := range tt.want {
					if !strings.Contains(string(resp.Data), w) {
						t.Errorf("data %s\nwant containing %s", resp.Data, w)
					}
				}
			})
		}
		t.Run("role entities for the router", func(t *testing.T) {
			resp := e.do("", true, entities("", "", "id title"), map[string]any{"r": []any{
				map[string]any{"__typename": "Role", "id": "data-engineer"}, map[string]any{"__typename": "Role", "id": "nope"}}})
			if codes(resp) != "NOT_FOUND" || !strings.Contains(string(resp.Data), `[{"__typename":"Role","id":"data-engineer","title":"Data Engineer"},null]`) {
				t.Fatalf("got %s %+v", resp.Data, resp.Errors)
			}
		})
	}, store.Migrations()...)
}
