package server_test

import (
	"bytes"
	"context"
	"encoding/json"
	"log/slog"
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
	"github.com/careercoach/coach/internal/logging"
	"github.com/careercoach/coach/subgraphs/courses"
	"github.com/careercoach/coach/subgraphs/courses/server"
)

const secret = "router-secret-0123456789"

type harness struct {
	t   *testing.T
	svc *server.Service
	bus bus.Bus
	iss *authtest.Issuer
}

// start runs the service on d and b with its background work (relay and
// consumer) until the test ends.
func start(t *testing.T, d *db.DB, b bus.Bus, cfg server.Config) *harness {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	iss := authtest.New(t)
	cfg.ServiceSecret = secret
	svc, err := server.New(ctx, cfg, d, b, iss.Verifier, logging.Discard())
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- svc.RunBackground(ctx) }()
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("background work ended with %v", err)
		}
	})
	return &harness{t: t, svc: svc, bus: b, iss: iss}
}

type gqlResponse struct {
	Data   json.RawMessage `json:"data"`
	Errors []struct {
		Message    string         `json:"message"`
		Extensions map[string]any `json:"extensions"`
	} `json:"errors"`
}

func (r gqlResponse) codes() string {
	var cs []string
	for _, e := range r.Errors {
		c, _ := e.Extensions["code"].(string)
		cs = append(cs, c)
	}
	return strings.Join(cs, ",")
}

// do posts a GraphQL request as userID ("" = anonymous), optionally as the
// router, and decodes data into out (when not nil).
func (h *harness) do(userID string, asRouter bool, query string, vars map[string]any, out any) gqlResponse {
	h.t.Helper()
	body, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
	r := httptest.NewRequest("POST", "/graphql", bytes.NewReader(body))
	r.Header.Set("Content-Type", "application/json")
	if userID != "" {
		r.Header.Set("Authorization", "Bearer "+h.iss.Token(h.t, userID))
	}
	if asRouter {
		r.Header.Set(auth.ServiceTokenHeader, secret)
	}
	rec := httptest.NewRecorder()
	h.svc.Handler().ServeHTTP(rec, r)
	if rec.Code != http.StatusOK && rec.Code != http.StatusUnprocessableEntity && rec.Code != http.StatusUnauthorized {
		h.t.Fatalf("status %d: %s", rec.Code, rec.Body)
	}
	var resp gqlResponse
	if err := json.Unmarshal(rec.Body.Bytes(), &resp); err != nil {
		h.t.Fatalf("body %s: %v", rec.Body, err)
	}
	if out != nil && len(resp.Data) > 0 {
		if err := json.Unmarshal(resp.Data, out); err != nil {
			h.t.Fatalf("data %s: %v", resp.Data, err)
		}
	}
	return resp
}

type rec struct {
	Course struct {
		ID       string `json:"id"`
		Title    string `json:"title"`
		Language string `json:"language"`
	} `json:"course"`
	Score         float64  `json:"score"`
	Reason        string   `json:"reason"`
	MatchedSkills []string `json:"matchedSkills"`
}

const recommendedQuery = `query($id: ID!) { _entities(representations: [{__typename: "User", id: $id}]) {
	... on User { id recommendedCourses(first: 50) { course { id title language } score reason matchedSkills } } } }`

// recommended reads userID's recommendations as the router would, with the
// caller's token.
func (h *harness) recommended(caller, userID string) ([]rec, gqlResponse) {
	h.t.Helper()
	var data struct {
		Entities []*struct {
			RecommendedCourses []rec `json:"recommendedCourses"`
		} `json:"_entities"`
	}
	resp := h.do(caller, true, recommendedQuery, map[string]any{"id": userID}, &data)
	if len(data.Entities) != 1 || data.Entities[0] == nil {
		return nil, resp
	}
	return data.Entities[0].RecommendedCourses, resp
}

// waitRecommended polls until userID's recommendations satisfy ok.
func (h *harness) waitRecommended(userID string, ok func([]rec) bool) []rec {
	h.t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		got, resp := h.recommended(userID, userID)
		if len(resp.Errors) > 0 {
			h.t.Fatalf("errors %s", resp.codes())
		}
		if ok(got) {
			return got
		}
		if time.Now().After(deadline) {
			h.t.Fatalf("recommendations never became as expected; last %+v", got)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func publish(t *testing.T, b bus.Bus, ev bus.Event) {
	t.Helper()
	if err := b.Append(t.Context(), ev); err != nil {
		t.Fatal(err)
	}
}

func newEvent(typ, user string, payload any) bus.Event {
	raw, _ := json.Marshal(payload)
	return bus.Event{ID: uuid.NewString(), Type: typ, Subject: user, Payload: raw, OccurredAt: time.Now().UTC().Truncate(time.Microsecond)}
}

func cvAnalyzed(user string, skills ...courses.SkillLevel) bus.Event {
	score := 70
	cvSkills := make([]bus.CVSkill, len(skills))
	for i, s := range skills {
		cvSkills[i] = bus.CVSkill{Name: s.Name, Level: s.Level}
	}
	return newEvent(bus.CVAnalyzed, user, bus.CVAnalyzedPayload{UserID: user, CVID: "cv1", Score: &score, Seniority: "mid",
		Skills: cvSkills, SuggestedRoles: []string{"Data Analyst"}})
}

func goalChanged(user string, req ...courses.SkillLevel) bus.Event {
	return newEvent(bus.GoalChanged, user, bus.GoalChangedPayload{UserID: user, GoalID: "goal-" + user, Change: "created",
		Status: "ACTIVE", Title: "Become a data engineer", TargetRoleID: "data-engineer", TargetRoleTitle: "Data Engineer", RequiredSkills: req})
}

func discard() *slog.Logger { return logging.Discard() }
