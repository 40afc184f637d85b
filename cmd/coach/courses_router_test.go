package main

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/careercoach/coach/internal/bus"
	"github.com/careercoach/coach/internal/bus/membus"
	"github.com/careercoach/coach/internal/logging"
	router "github.com/careercoach/coach/router/server"
	"github.com/careercoach/coach/schema/compose"
	"github.com/careercoach/coach/subgraphs/courses"
	coursesserver "github.com/careercoach/coach/subgraphs/courses/server"
	usersserver "github.com/careercoach/coach/subgraphs/users/server"
)

// TestCoursesThroughTheRouter composes users and courses, runs both behind
// the real router and reads `me { recommendedCourses }` after a goal.changed
// event: the router joins the User entity across the two subgraphs with the
// caller's token, which courses checks against the representation's id.
func TestCoursesThroughTheRouter(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	log := logging.Discard()
	const secret = "router-secret-0123456789"
	b := membus.New(log, membus.Options{})
	t.Cleanup(func() { _ = b.Close() })

	usersHTTP := httptest.NewUnstartedServer(nil)
	ucfg := usersserver.Config{DataDir: t.TempDir(), ServiceSecret: secret, PublicURL: "http://" + usersHTTP.Listener.Addr().String(),
		AccessTTL: 15 * time.Minute, RefreshTTL: 24 * time.Hour, KeyRotation: 24 * time.Hour}
	ucfg.OAuth.PublicURL = ucfg.PublicURL
	ud, err := usersserver.OpenDB(ctx, ucfg, log)
	if err != nil {
		t.Fatal(err)
	}
	users, err := usersserver.New(ctx, ucfg, ud, b, log)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = users.Close() })
	usersHTTP.Config.Handler = users.Handler()
	usersHTTP.Start()
	t.Cleanup(usersHTTP.Close)

	ccfg := coursesserver.Config{DataDir: t.TempDir(), ServiceSecret: secret}
	cd, err := coursesserver.OpenDB(ctx, ccfg, log)
	if err != nil {
		t.Fatal(err)
	}
	crs, err := coursesserver.New(ctx, ccfg, cd, b, users.Verifier, log)
	if err != nil {
		t.Fatal(err)
	}
	bg := make(chan error, 1)
	go func() { bg <- crs.RunBackground(ctx) }()
	t.Cleanup(func() {
		cancel()
		if err := <-bg; err != nil {
			t.Errorf("courses background: %v", err)
		}
		_ = crs.Close()
	})
	coursesHTTP := httptest.NewServer(crs.Handler())
	t.Cleanup(coursesHTTP.Close)

	var subgraphs []compose.Subgraph
	for name, u := range map[string]string{"users": usersHTTP.URL, "courses": coursesHTTP.URL} {
		sdl, err := os.ReadFile("../../subgraphs/" + name + "/graph/schema.graphqls")
		if err != nil {
			t.Fatal(err)
		}
		subgraphs = append(subgraphs, compose.Subgraph{Name: name, URL: u + "/graphql", SDL: string(sdl)})
	}
	composed, errs := compose.Compose(subgraphs)
	if len(errs) > 0 {
		t.Fatalf("compose: %v", errs)
	}
	rcfg := routerConfig(users.Verifier, secret, nil, true)
	rcfg.SupergraphSDL = composed.Supergraph
	rh, err := router.New(rcfg, log)
	if err != nil {
		t.Fatal(err)
	}
	routerHTTP := httptest.NewServer(rh)
	t.Cleanup(routerHTTP.Close)

	post := func(url, token string, body any) map[string]any {
		t.Helper()
		raw, _ := json.Marshal(body)
		req, _ := http.NewRequest("POST", url, bytes.NewReader(raw))
		req.Header.Set("Content-Type", "application/json")
		if token != "" {
			req.Header.Set("Authorization", "Bearer "+token)
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		var out map[string]any
		if err := json.NewDecoder(resp.Body).Decode(&out); err != nil {
			t.Fatalf("%s: status %d: %v", url, resp.StatusCode, err)
		}
		return out
	}
	signup := post(usersHTTP.URL+"/auth/signup", "", map[string]any{"email": "ada@example.com", "password": "violet-Harbour-42", "displayName": "Ada"})
	token, _ := signup["accessToken"].(string)
	user, _ := signup["user"].(map[string]any)
	userID, _ := user["id"].(string)
	if token == "" || userID == "" {
		t.Fatalf("signup: %v", signup)
	}

	payload, _ := json.Marshal(courses.GoalChanged{UserID: userID, GoalID: "g1", Change: "created", Status: "ACTIVE",
		TargetRoleTitle: "Cloud Engineer", RequiredSkills: []courses.SkillLevel{{Name: "Kubernetes", Level: 3}, {Name: "Docker", Level: 3}}})
	if err := b.Append(ctx, bus.Event{ID: "ev-goal-1", Type: bus.GoalChanged, Subject: userID, Payload: payload, OccurredAt: time.Now().UTC()}); err != nil {
		t.Fatal(err)
	}
	query := map[string]any{"query": `{ me { email recommendedCourses(first: 3) { course { id title url } reason matchedSkills } } courses(search: "kubernetes", first: 1) { totalCount } }`}
	deadline := time.Now().Add(10 * time.Second)
	for {
		out := post(routerHTTP.URL+"/graphql", token, query)
		raw, _ := json.Marshal(out)
		if out["errors"] != nil {
			t.Fatalf("errors: %s", raw)
		}
		if strings.Contains(string(raw), `"email":"ada@example.com"`) && strings.Contains(string(raw), "Cloud Engineer") &&
			strings.Contains(string(raw), `"matchedSkills":["`) {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("no recommendations through the router: %s", raw)
		}
		time.Sleep(50 * time.Millisecond)
	}
}
