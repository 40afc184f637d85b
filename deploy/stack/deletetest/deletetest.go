// Package deletetest replays the attack of issue 20 item 6 against a running
// Career Coach: after deleteAccount, the deleted user's still-unexpired
// access token is used for every kind of write and read, through the router
// and directly against each subgraph. Every attempt must be refused with
// UNAUTHENTICATED and no row of the user may remain in any database.
// `coach dev` (SQLite, in-process bus) and the production topology
// (PostgreSQL, Redis) run the same replay.
package deletetest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"os"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/careercoach/coach/internal/db"
	"github.com/careercoach/coach/internal/waitfor"
)

// Target is a running platform.
type Target struct {
	Router    string            // base URL of the router, http://host:port
	Subgraphs map[string]string // subgraph name → base URL
	// SignUp creates an account and returns an access token.
	SignUp func(t *testing.T, email string) string
	// DB opens a service's database (closed by the caller).
	DB func(t *testing.T, service string) *db.DB
	// CV is a PDF or DOCX to upload.
	CV string
}

// owned lists, per service, the tables that hold a user's rows and the
// column naming the user.
var owned = map[string][]string{
	"users":    {"users.id", "identities.user_id", "refresh_tokens.user_id"},
	"cv":       {"cvs.user_id", "cv_jobs.user_id"},
	"planning": {"goals.user_id", "interview_attempts.user_id", "user_skill_sets.user_id", "user_skills.user_id", "readiness_snapshots.user_id", "job_targets.user_id"},
	"progress": {"enrollments.user_id", "milestones.user_id", "goals.user_id", "assessments.user_id", "quiz_attempts.user_id", "activity.user_id", "cv_skills.user_id", "cv_analyses.user_id"},
	"courses":  {"user_profiles.user_id", "user_goals.user_id", "recommendations.user_id", "recommendation_inputs.user_id"},
}

// propagation bounds how long the deletion may take to reach a service
// (the bus) or the router (its feed from users).
const propagation = 15 * time.Second

// cataloguePropagation bounds how long a fresh stack takes to announce its
// whole course catalogue (4,000 course.catalogued events) to progress, which
// must know a course before anyone can enrol in it.
const cataloguePropagation = 90 * time.Second

// Replay runs the attack and fails t if anything is accepted or kept.
func Replay(t *testing.T, tg Target) {
	token := tg.SignUp(t, "mallory@example.com")
	c := &client{t: t, token: token}
	var me struct{ Me struct{ ID string } }
	c.must(tg.Router, `{ me { id } }`, nil, &me)
	user := me.Me.ID
	ids := c.seed(tg)
	if c.rows(tg, user) == 0 {
		t.Fatal("seeding stored nothing: the erase would not be checked")
	}

	// Writers race the deletion, through the router and directly: what
	// commits after a service erased the user must be erased too.
	racing := race(token, []racer{
		{tg.Router, fmt.Sprintf(`mutation { createGoal(input: {title: "Racing", targetRoleId: %q}) { id } }`, ids.role)},
		{tg.Subgraphs["planning"], fmt.Sprintf(`mutation { submitInterviewAnswer(questionId: %q, answer: "An answer racing the deletion of the account.") { id } }`, ids.question)},
		{tg.Subgraphs["progress"], fmt.Sprintf(`mutation { assessSkill(skill: %q, level: 3) { id } }`, ids.skill)},
	})
	var del struct{ DeleteAccount bool }
	c.must(tg.Router, `mutation { deleteAccount }`, nil, &del)
	if !del.DeleteAccount {
		t.Fatal("deleteAccount answered false")
	}
	racing.deletedAt.Store(time.Now().UnixNano())
	racing.deleted.Store(true)
	time.Sleep(200 * time.Millisecond)
	t.Logf("racing writes accepted after deleteAccount returned: %d (all must be erased)", racing.stop())
	for _, l := range racing.report {
		t.Log(l)
	}

	type attempt struct{ name, query string }
	writes := map[string][]attempt{
		"users": {{"updateProfile", `mutation { updateProfile(input: {headline: "still here"}) { id } }`}, {"me", `{ me { id email } }`}},
		"cv":    {{"uploadCV", ""}, {"cv", fmt.Sprintf(`{ cv(id: %q) { id text } }`, ids.cv)}},
		"planning": {
			{"createGoal", fmt.Sprintf(`mutation { createGoal(input: {title: "After deletion", targetRoleId: %q}) { id } }`, ids.role)},
			{"submitInterviewAnswer", fmt.Sprintf(`mutation { submitInterviewAnswer(questionId: %q, answer: "An answer written after the account was deleted.") { id } }`, ids.question)},
			{"goal", fmt.Sprintf(`{ goal(id: %q) { id title } }`, ids.goal)},
		},
		"progress": {
			{"enroll", fmt.Sprintf(`mutation { enroll(courseId: %q) { id } }`, ids.course)},
			{"assessSkill", fmt.Sprintf(`mutation { assessSkill(skill: %q, level: 4) { id } }`, ids.skill)},
			{"startQuiz", fmt.Sprintf(`mutation { startQuiz(skill: %q) { id } }`, ids.skill)},
			{"quizSkills", `{ quizSkills }`},
		},
		"courses": {{"courses", `{ courses(first: 1) { totalCount } }`}},
	}
	routerReads := []attempt{{"me with every subgraph's fields", `{ me { id cvs { id } goals { id } enrollments { id } assessments { id } recommendedCourses(first: 1) { score } } }`}}

	// The router learns the deletion from the users service, each subgraph
	// from the user.deleted event; neither may take long.
	targets := []struct{ name, url string }{{"router", tg.Router}}
	for _, name := range []string{"users", "cv", "planning", "progress", "courses"} {
		targets = append(targets, struct{ name, url string }{name, tg.Subgraphs[name]})
	}
	for _, tgt := range targets {
		t.Run("refused by "+tgt.name, func(t *testing.T) {
			c := &client{t: t, token: token}
			// Wait for the deletion to arrive, then try everything even if it
			// never did, so that a failure shows what was accepted.
			deadline := time.Now().Add(propagation)
			for {
				st, body := c.post(tgt.url, `{ __typename }`, nil)
				if st == http.StatusUnauthorized {
					break
				}
				if time.Now().After(deadline) {
					t.Errorf("%s still answers the deleted account after %s: %d %s", tgt.name, propagation, st, body)
					break
				}
				time.Sleep(20 * time.Millisecond)
			}
			var list []attempt
			if tgt.name == "router" {
				list = append(list, routerReads...)
				for _, as := range writes {
					list = append(list, as...)
				}
			} else {
				list = writes[tgt.name]
			}
			for _, a := range list {
				var st int
				var body string
				if a.name == "uploadCV" {
					st, body = c.upload(tgt.url, tg.CV)
				} else {
					st, body = c.post(tgt.url, a.query, nil)
				}
				if st != http.StatusUnauthorized || !strings.Contains(body, `"code":"UNAUTHENTICATED"`) {
					t.Errorf("%s with the deleted account's token: %d %s", a.name, st, body)
				}
			}
		})
	}
	waitfor.Check(t, propagation, "every service to erase the deleted account", func() (bool, string) {
		n := c.rows(tg, user)
		return n == 0, fmt.Sprintf("%d rows left", n)
	})

	// Writes that committed after a service had erased the user (what a
	// write racing the deletion does, whatever the timing of this run) are
	// erased by the sweep.
	c.lateWrites(tg, user)
	waitfor.Check(t, propagation, "the sweep to erase writes committed after the erase", func() (bool, string) {
		n := c.rows(tg, user)
		return n == 0, fmt.Sprintf("%d rows left", n)
	})
}

// lateWrites commits one row of the user in each service, as the service's
// own write would have.
func (c *client) lateWrites(tg Target, user string) {
	c.t.Helper()
	now := time.Now().UTC().Truncate(time.Microsecond)
	writes := map[string]string{
		"cv":       `INSERT INTO cvs (id, user_id, file_name, kind, size_bytes, sha256, uploaded_at, status, updated_at) VALUES ('late-cv', $1, 'cv.pdf', 'PDF', 1, 'x', $2, 'DONE', $2)`,
		"planning": `INSERT INTO interview_attempts (id, user_id, question_id, answer, feedback, created_at) VALUES ('late-attempt', $1, 'q', 'a late answer', '{}', $2)`,
		"progress": `INSERT INTO assessments (id, user_id, skill, level, source, note, taken_at) VALUES ('late-assessment', $1, 'Go', 3, 'SELF', '', $2)`,
		"courses":  `INSERT INTO user_profiles (user_id, cv_id, skills, suggested_roles, analyzed_at) VALUES ($1, 'late-cv', '[]', '[]', $2)`,
	}
	for service, q := range writes {
		d := tg.DB(c.t, service)
		res, err := d.ExecContext(c.t.Context(), q, user, now)
		if err != nil {
			c.t.Fatalf("late write in %s: %v", service, err)
		}
		// Each row is proved committed here rather than by counting them all
		// afterwards: the sweep may already have erased an earlier one.
		if n, err := res.RowsAffected(); err != nil || n != 1 {
			c.t.Fatalf("late write in %s stored %d rows (%v), want 1", service, n, err)
		}
		_ = d.Close()
	}
}

// racer sends one write again and again.
type racer struct{ base, query string }

// racing writes until stop; late counts the writes accepted after deleted
// was set.
type racing struct {
	deleted, stopping atomic.Bool
	deletedAt         atomic.Int64 // unix nanoseconds
	late              atomic.Int64
	wg                sync.WaitGroup
	mu                sync.Mutex
	report            []string
}

// race starts the racers.
func race(token string, rs []racer) *racing {
	g := &racing{}
	client := &http.Client{Timeout: 10 * time.Second}
	for _, r := range rs {
		g.wg.Add(1)
		go func() {
			defer g.wg.Done()
			body, _ := json.Marshal(map[string]any{"query": r.query})
			late, last := 0, time.Duration(0)
			defer func() {
				g.mu.Lock()
				g.report = append(g.report, fmt.Sprintf("%s %.40s…: %d accepted late, the last sent %s after deleteAccount returned (negative: already in flight)", r.base, r.query, late, last))
				g.mu.Unlock()
			}()
			for !g.stopping.Load() {
				sent := time.Now()
				req, _ := http.NewRequest(http.MethodPost, r.base+"/graphql", bytes.NewReader(body))
				req.Header.Set("Content-Type", "application/json")
				req.Header.Set("Authorization", "Bearer "+token)
				resp, err := client.Do(req)
				if err != nil {
					continue
				}
				b, _ := io.ReadAll(resp.Body)
				resp.Body.Close()
				if resp.StatusCode == http.StatusOK && !strings.Contains(string(b), `"errors"`) && g.deleted.Load() {
					g.late.Add(1)
					late++
					last = sent.Sub(time.Unix(0, g.deletedAt.Load()))
				}
			}
		}()
	}
	return g
}

// stop ends the racing and reports how many writes were accepted late.
func (g *racing) stop() int {
	g.stopping.Store(true)
	g.wg.Wait()
	return int(g.late.Load())
}

// seeded are the ids the replay writes with.
type seeded struct{ cv, goal, role, question, course, skill string }

// seed gives the user data in every service before the deletion, so that
// the erase is checked too, and finds the ids the writes need.
func (c *client) seed(tg Target) seeded {
	c.t.Helper()
	var s seeded
	st, body := c.upload(tg.Router, tg.CV)
	var up struct {
		Data struct{ UploadCV struct{ ID string } }
	}
	if st != http.StatusOK || json.Unmarshal([]byte(body), &up) != nil || up.Data.UploadCV.ID == "" {
		c.t.Fatalf("uploadCV: %d %s", st, body)
	}
	s.cv = up.Data.UploadCV.ID
	var roles struct{ Roles []struct{ ID string } }
	c.must(tg.Router, `{ roles { id } }`, nil, &roles)
	if len(roles.Roles) == 0 {
		c.t.Fatal("no roles")
	}
	s.role = roles.Roles[0].ID
	var goal struct{ CreateGoal struct{ ID string } }
	c.must(tg.Router, `mutation($r: ID!) { createGoal(input: {title: "Before deletion", targetRoleId: $r}) { id } }`, map[string]any{"r": s.role}, &goal)
	s.goal = goal.CreateGoal.ID
	var qs struct{ InterviewQuestions []struct{ ID string } }
	c.must(tg.Router, `{ interviewQuestions(first: 1) { id } }`, nil, &qs)
	if len(qs.InterviewQuestions) == 0 {
		c.t.Fatal("no interview questions")
	}
	s.question = qs.InterviewQuestions[0].ID
	c.must(tg.Router, `mutation($q: ID!) { submitInterviewAnswer(questionId: $q, answer: "I would measure first, then change one thing at a time.") { id } }`, map[string]any{"q": s.question}, nil)
	c.must(tg.Router, `mutation { saveJobTarget(input: {text: "Data engineer. Requirements: Python, SQL and Airflow; 3 years of experience."}) { id } }`, nil, nil)
	var skills struct{ QuizSkills []string }
	c.must(tg.Router, `{ quizSkills }`, nil, &skills)
	if len(skills.QuizSkills) == 0 {
		c.t.Fatal("no quiz skills")
	}
	s.skill = skills.QuizSkills[0]
	c.must(tg.Router, `mutation($s: String!) { assessSkill(skill: $s, level: 2) { id } }`, map[string]any{"s": s.skill}, nil)
	var cs struct {
		Courses struct {
			Edges []struct{ Node struct{ ID string } }
		}
	}
	c.must(tg.Router, `{ courses(first: 1) { edges { node { id } } } }`, nil, &cs)
	if len(cs.Courses.Edges) == 0 {
		c.t.Fatal("no courses")
	}
	s.course = cs.Courses.Edges[0].Node.ID
	// progress learns the catalogue from course.catalogued events.
	waitfor.Check(c.t, cataloguePropagation, "enrolling before the deletion", func() (bool, string) {
		st, body := c.post(tg.Router, `mutation($c: ID!) { enroll(courseId: $c) { id } }`, map[string]any{"c": s.course})
		return st == http.StatusOK && !strings.Contains(body, `"errors"`), body
	})
	return s
}

// rows counts the user's rows in every service's database.
func (c *client) rows(tg Target, user string) int {
	c.t.Helper()
	n := 0
	for service, cols := range owned {
		d := tg.DB(c.t, service)
		for _, tc := range cols {
			table, col, _ := strings.Cut(tc, ".")
			var k int
			if err := d.QueryRowContext(c.t.Context(), `SELECT count(*) FROM `+table+` WHERE `+col+` = $1`, user).Scan(&k); err != nil {
				c.t.Fatalf("counting %s rows of %s: %v", tc, service, err)
			}
			n += k
		}
		_ = d.Close()
	}
	return n
}

// client sends GraphQL requests with one bearer token.
type client struct {
	t     *testing.T
	token string
}

func (c *client) post(base, query string, vars map[string]any) (int, string) {
	c.t.Helper()
	body, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
	req, _ := http.NewRequest(http.MethodPost, base+"/graphql", bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	return c.send(req)
}

func (c *client) must(base, query string, vars map[string]any, out any) {
	c.t.Helper()
	st, body := c.post(base, query, vars)
	var r struct {
		Data   json.RawMessage
		Errors []any
	}
	if st != http.StatusOK || json.Unmarshal([]byte(body), &r) != nil || len(r.Errors) > 0 {
		c.t.Fatalf("%s: %d %s", query, st, body)
	}
	if out != nil {
		if err := json.Unmarshal(r.Data, out); err != nil {
			c.t.Fatalf("decoding %s: %v", r.Data, err)
		}
	}
}

// upload sends uploadCV as a GraphQL multipart request.
func (c *client) upload(base, path string) (int, string) {
	c.t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		c.t.Fatal(err)
	}
	var body bytes.Buffer
	w := multipart.NewWriter(&body)
	_ = w.WriteField("operations", `{"query":"mutation($f: Upload!) { uploadCV(file: $f) { id status } }","variables":{"f":null}}`)
	_ = w.WriteField("map", `{"0":["variables.f"]}`)
	fw, _ := w.CreateFormFile("0", "cv.pdf")
	_, _ = fw.Write(data)
	_ = w.Close()
	req, _ := http.NewRequest(http.MethodPost, base+"/graphql", &body)
	req.Header.Set("Content-Type", w.FormDataContentType())
	req.Header.Set("GraphQL-Preflight", "1")
	return c.send(req)
}

func (c *client) send(req *http.Request) (int, string) {
	c.t.Helper()
	req.Header.Set("Authorization", "Bearer "+c.token)
	resp, err := (&http.Client{Timeout: 30 * time.Second}).Do(req)
	if err != nil {
		c.t.Fatalf("%s %s: %v", req.Method, req.URL, err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		c.t.Fatalf("%s %s: reading the answer: %v", req.Method, req.URL, err)
	}
	return resp.StatusCode, string(b)
}
