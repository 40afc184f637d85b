//go:build !routeronly

package main

import (
	"encoding/json"
	"net"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/careercoach/coach/internal/waitfor"
)

// handedOut are the addresses freeAddr gave: the kernel may offer a port
// again once its listener is closed, and two servers of one test would
// then race for it.
var handedOut sync.Map

func freeAddr(t *testing.T) string {
	t.Helper()
	for {
		ln, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			t.Fatal(err)
		}
		addr := ln.Addr().String()
		_ = ln.Close()
		if _, again := handedOut.LoadOrStore(addr, true); !again {
			return addr
		}
	}
}

// TestDevServesSignupAndMe runs `coach dev` as `make run` does and walks the
// README's curl session through the router: sign up and sign in (proxied to
// users), query me (planned and executed by the router on the users
// subgraph); then stops it cleanly.
func TestDevServesSignupAndMe(t *testing.T) {
	d := startDev(t)
	base := "http://" + d.addr // everything through the router's origin

	post := func(path, token string, body any) map[string]any {
		t.Helper()
		raw := postJSON(t, base+path, token, body)
		var out map[string]any
		if err := json.Unmarshal(raw, &out); err != nil {
			t.Fatalf("%s: not JSON: %s", path, raw)
		}
		return out
	}
	creds := map[string]any{"email": "ada@example.com", "password": "violet-Harbour-42", "displayName": "Ada"}
	accessToken(t, signUpVerified(t, base, creds, devMailLink(base, t)))
	login := post("/auth/login", "", creds)
	token, _ := login["accessToken"].(string)
	me := post("/graphql", token, map[string]any{"query": "{ me { email displayName } }"})
	if b, _ := json.Marshal(me); !strings.Contains(string(b), `"email":"ada@example.com"`) {
		t.Fatalf("me: %s", b)
	}
	// The cv subgraph answers for the same user: nothing uploaded yet.
	cvs := post("/graphql", token, map[string]any{"query": "{ me { cvs { id } latestCV { id } skills { name level } } }"})
	if b, _ := json.Marshal(cvs); !strings.Contains(string(b), `"cvs":[],"latestCV":null,"skills":[]`) {
		t.Fatalf("me.cvs: %s", b)
	}
	// The courses catalogue is seeded and searchable through the router.
	cs := post("/graphql", token, map[string]any{"query": `{ courses(search: "kubernetes", first: 3) { totalCount edges { node { id title skills myEnrollment { id } } } } }`})
	if b, _ := json.Marshal(cs); !strings.Contains(string(b), `"Kubernetes"`) || !strings.Contains(string(b), `"myEnrollment":null`) {
		t.Fatalf("courses: %s", b)
	}
	var first struct {
		Data struct {
			Courses struct {
				Edges []struct{ Node struct{ ID string } }
			}
		}
	}
	b, _ := json.Marshal(cs)
	if err := json.Unmarshal(b, &first); err != nil || len(first.Data.Courses.Edges) == 0 {
		t.Fatalf("courses: %s", b)
	}
	// progress learns the catalogue from courses' course.catalogued events:
	// enrolling works once they have been relayed and consumed.
	courseID := first.Data.Courses.Edges[0].Node.ID
	enroll := map[string]any{"query": `mutation($id: ID!) { enroll(courseId: $id) { status course { id title } } }`, "variables": map[string]any{"id": courseID}}
	deadline := time.Now().Add(20 * time.Second)
	for {
		out := post("/graphql", token, enroll)
		b, _ := json.Marshal(out)
		if strings.Contains(string(b), `"status":"IN_PROGRESS"`) && strings.Contains(string(b), `"title":`) {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("enroll: %s", b)
		}
		time.Sleep(200 * time.Millisecond)
	}
	// A field of another subgraph on the same user: the router hops to it.
	prog := post("/graphql", token, map[string]any{"query": "{ me { id progress { coursesInProgress currentStreak weeklyActivity { activities } } } }"})
	if b, _ := json.Marshal(prog); !strings.Contains(string(b), `"coursesInProgress":1`) || len(strings.Split(string(b), `"activities":`)) != 13 {
		t.Fatalf("me.progress: %s", b)
	}

	// Planning: a goal for a catalogue role; the skill gap needs cv's
	// User.skills first (@requires), the learning path references courses.
	roles := post("/graphql", token, map[string]any{"query": `{ roles(category: CLOUD) { id title } }`})
	var r struct {
		Data struct{ Roles []struct{ ID, Title string } }
	}
	rb, _ := json.Marshal(roles)
	if err := json.Unmarshal(rb, &r); err != nil || len(r.Data.Roles) == 0 {
		t.Fatalf("roles: %s", rb)
	}
	role := r.Data.Roles[0].ID
	goal := post("/graphql", token, map[string]any{"query": `mutation($role: ID!) { createGoal(input: {title: "Move to the cloud", targetRoleId: $role}) { id status targetRole { id } } }`, "variables": map[string]any{"role": role}})
	gb, _ := json.Marshal(goal)
	var g struct {
		Data struct{ CreateGoal struct{ ID string } }
	}
	if err := json.Unmarshal(gb, &g); err != nil || g.Data.CreateGoal.ID == "" {
		t.Fatalf("createGoal: %s", gb)
	}
	gap := post("/graphql", token, map[string]any{"query": `query($role: ID!) { me { skillGap(targetRole: $role) { readinessPercent missing { name } } goals { id learningPath { steps { skill courses { id title } } } } } }`, "variables": map[string]any{"role": role}})
	if b, _ := json.Marshal(gap); !strings.Contains(string(b), `"readinessPercent":0`) || strings.Contains(string(b), `"errors"`) {
		t.Fatalf("skillGap: %s", b)
	}
	// goal.changed reaches courses (recommendations for the gap) and
	// progress (milestones of the goal).
	waitfor.Check(t, 20*time.Second, "goal.changed to reach courses and progress", func() (bool, string) {
		out := post("/graphql", token, map[string]any{"query": `{ me { recommendedCourses(first: 3) { score reason course { title } } } }`})
		b, _ := json.Marshal(out)
		return strings.Contains(string(b), `"reason":`), string(b)
	})
	waitfor.Check(t, 20*time.Second, "goal.changed to reach courses and progress", func() (bool, string) {
		out := post("/graphql", token, map[string]any{"query": `mutation($goal: ID!) { createMilestone(input: {goalId: $goal, title: "Pass the exam"}) { id achieved } }`, "variables": map[string]any{"goal": g.Data.CreateGoal.ID}})
		b, _ := json.Marshal(out)
		return strings.Contains(string(b), `"achieved":false`), string(b)
	})

	if err := d.stop(); err != nil {
		t.Fatalf("dev stopped with %v\n%s", err, d.logs.String())
	}
}

func waitReady(t *testing.T, url string, done <-chan error) {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for time.Now().Before(deadline) {
		select {
		case err := <-done:
			t.Fatalf("exited before ready: %v", err)
		default:
		}
		if resp, err := http.Get(url); err == nil {
			resp.Body.Close()
			if resp.StatusCode == 200 {
				return
			}
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Fatalf("%s not ready in 30s", url)
}
