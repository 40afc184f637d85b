package stack

import (
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/careercoach/coach/internal/waitfor"
)

// TestPostgresRestart restarts the stack's own PostgreSQL server. While it is
// down a write fails fast with an error and every subgraph reports itself not
// ready; once it is back every service's pool reconnects (reads and writes
// through the router, sign-up, the cv worker, the outbox relay) and no
// process has exited on the way.
func TestPostgresRestart(t *testing.T) {
	if coachBinary == "" {
		t.Skip("TEST_DATABASE_URL and TEST_REDIS_URL are needed for full-stack tests")
	}
	pg := startPostgres(t)
	s := testStackOn(t, pg.url, stackRedis(t))
	pids := map[string]int{}
	for _, n := range s.Names() {
		pids[n] = s.PID(n)
	}

	// Writes in users, planning, progress and cv before the restart.
	ada := signUp(t, s, "ada@example.com")
	var roles struct{ Roles []struct{ ID string } }
	ada.must(`{ roles(category: SOFTWARE) { id } }`, nil, &roles)
	role := roles.Roles[0].ID
	ada.must(`mutation { updateProfile(input: {headline: "Backend engineer"}) { id } }`, nil, nil)
	var goal struct {
		CreateGoal struct{ ID string } `json:"createGoal"`
	}
	ada.must(`mutation($r: ID!) { createGoal(input: {title: "Before", targetRoleId: $r}) { id } }`, map[string]any{"r": role}, &goal)
	ada.must(`mutation { assessSkill(skill: "Go", level: 3) { level } }`, nil, nil)
	waitAnalysed(t, ada)

	pg.stop(t)
	createGoal := `mutation($r: ID!, $t: String!) { createGoal(input: {title: $t, targetRoleId: $r}) { id } }`
	start := time.Now()
	r := ada.do(createGoal, map[string]any{"r": role, "t": "While down"})
	if took := time.Since(start); took > 10*time.Second {
		t.Fatalf("a write with PostgreSQL down took %s: %s", took, r)
	}
	if len(r.Errors) == 0 || strings.Contains(string(r.Data), `"id"`) {
		t.Fatalf("a write with PostgreSQL down did not fail: %s", r)
	}
	if c := r.codes(); len(c) != 1 || c[0] != "SERVICE_UNAVAILABLE" || !strings.Contains(r.Errors[0].Message, "database is unavailable") {
		t.Errorf("want one SERVICE_UNAVAILABLE error naming the database: %s", r)
	}
	t.Logf("write while down, after %s: %s", time.Since(start).Round(time.Millisecond), r)
	if code, body := post(t, s.URL()+"/auth/signup", `{"email":"eve@example.com","password":"violet-Harbour-42","displayName":"Eve"}`); code != http.StatusServiceUnavailable || !strings.Contains(body, "SERVICE_UNAVAILABLE") {
		t.Errorf("sign-up with PostgreSQL down: %d %s", code, body)
	}
	for _, n := range Subgraphs {
		if code, body := get(t, "http://"+s.Addr(n)+"/readyz"); code != http.StatusServiceUnavailable || !strings.Contains(body, "database") {
			t.Errorf("%s /readyz with PostgreSQL down: %d %s", n, code, body)
		}
	}

	pg.start(t)
	back := time.Now()
	waitfor.Check(t, 30*time.Second, "every subgraph ready again", func() (bool, string) {
		for _, n := range Subgraphs {
			if code, body := get(t, "http://"+s.Addr(n)+"/readyz"); code != http.StatusOK {
				return false, n + ": " + body
			}
		}
		return true, ""
	})
	waitfor.Check(t, 30*time.Second, "reads and writes through the router", func() (bool, string) {
		r := ada.do(`{ me { headline goals { id } assessments { level } latestCV { status } } }`, nil)
		if len(r.Errors) > 0 || !strings.Contains(string(r.Data), goal.CreateGoal.ID) || !strings.Contains(string(r.Data), `"DONE"`) {
			return false, r.String()
		}
		w := ada.do(createGoal, map[string]any{"r": role, "t": "After"})
		return len(w.Errors) == 0, w.String()
	})
	t.Logf("reads and writes recovered %s after PostgreSQL started", time.Since(back).Round(time.Millisecond))

	// Background work reconnected too: a new account, an analysis run by the
	// cv worker, a goal event relayed from planning's outbox to courses.
	bob := signUp(t, s, "bob@example.com")
	waitAnalysed(t, bob)
	bob.must(`mutation($r: ID!) { createGoal(input: {title: "Bob", targetRoleId: $r}) { id } }`, map[string]any{"r": role}, nil)
	waitfor.Check(t, 30*time.Second, "recommendations for bob's goal", func() (bool, string) {
		r := bob.do(`{ me { recommendedCourses(first: 3) { course { id } } } }`, nil)
		return strings.Contains(string(r.Data), `"course":{"id"`), r.String()
	})

	for n, pid := range pids {
		if got := s.PID(n); got != pid {
			t.Errorf("%s: pid %d at the start, now %d (0: exited)", n, pid, got)
		}
	}
}

// waitAnalysed uploads a CV and waits for its analysis to finish.
func waitAnalysed(t *testing.T, c *client) {
	t.Helper()
	r := c.upload(twoPagePDF)
	var up struct {
		UploadCV struct{ ID string } `json:"uploadCV"`
	}
	if decode(r.Data, &up) != nil || up.UploadCV.ID == "" {
		t.Fatalf("upload: %s", r)
	}
	waitfor.Check(t, 60*time.Second, "analysis done", func() (bool, string) {
		r := c.do(`query($id: ID!) { cv(id: $id) { status } }`, map[string]any{"id": up.UploadCV.ID})
		return strings.Contains(string(r.Data), `"DONE"`), r.String()
	})
}

// post returns the status and body of a JSON POST.
func post(t *testing.T, url, body string) (int, string) {
	t.Helper()
	resp, err := (&http.Client{Timeout: 10 * time.Second}).Post(url, "application/json", strings.NewReader(body))
	if err != nil {
		return 0, err.Error()
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

// get returns the status and body of a GET.
func get(t *testing.T, url string) (int, string) {
	t.Helper()
	resp, err := (&http.Client{Timeout: 5 * time.Second}).Get(url)
	if err != nil {
		return 0, err.Error()
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}
