package graph_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/careercoach/coach/internal/bus"
	"github.com/careercoach/coach/internal/db"
	"github.com/careercoach/coach/internal/dbtest"
	"github.com/careercoach/coach/internal/logging"
	"github.com/careercoach/coach/subgraphs/planning"
	"github.com/careercoach/coach/subgraphs/planning/jobad"
	"github.com/careercoach/coach/subgraphs/planning/server"
	"github.com/careercoach/coach/subgraphs/planning/store"
)

func jobMatcher(cat *planning.Catalog, st *store.Store) *planning.JobMatcher {
	return server.JobMatcher(cat, st, logging.Discard())
}

const jobAdText = `Data Analyst

Requirements
- 3+ years of experience
- Strong SQL and Python
- Excellent communication skills
- Bachelor's degree

Nice to have
- Tableau
`

const matchJobQuery = `query($i: JobAdInput!) { matchJob(input: $i) {
  score coverage title engine skillsUpdatedAt occupation { code title confidence how }
  parts { part weight points scored reasons }
  requirements { kind name required part status sentence reason advice gain level years evidence { source level } courses { id } } } }`

type jobMatchJSON struct {
	Score      int     `json:"score"`
	Coverage   float64 `json:"coverage"`
	Title      string  `json:"title"`
	Occupation *struct {
		Code string `json:"code"`
	} `json:"occupation"`
	Parts []struct {
		Part   string  `json:"part"`
		Points float64 `json:"points"`
		Scored bool    `json:"scored"`
	} `json:"parts"`
	Requirements []struct {
		Kind, Name, Status, Sentence, Advice string
		Required                             bool
		Gain                                 int
		Evidence                             *struct{ Source string }
		Courses                              []struct{ ID string }
	} `json:"requirements"`
}

func TestMatchJob(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		e := setup(t, d)
		ada := "user-ada"
		var before struct{ MatchJob jobMatchJSON }
		e.ok(ada, false, matchJobQuery, map[string]any{"i": map[string]any{"text": jobAdText}}, &before)
		if before.MatchJob.Score != 0 || before.MatchJob.Title != "Data Analyst" || before.MatchJob.Occupation == nil {
			t.Fatalf("without a profile: %+v", before.MatchJob)
		}
		// The profile arrives; a course teaches Tableau.
		e.publish(bus.SkillProfileChanged, ada, map[string]any{"userId": ada, "skills": []map[string]any{
			{"name": "SQL", "level": 4}, {"name": "python", "level": 1}}}, time.Now())
		e.publish(bus.CourseCatalogued, "c-tab", map[string]any{"courseId": "c-tab", "title": "Tableau basics", "skills": []string{"Tableau"}, "durationHours": 3}, time.Now())
		var after struct{ MatchJob jobMatchJSON }
		e.ok(ada, false, matchJobQuery, map[string]any{"i": map[string]any{"text": jobAdText}}, &after)
		m := after.MatchJob
		status := map[string]string{}
		for _, r := range m.Requirements {
			status[r.Name] = r.Status
			if r.Sentence == "" || !strings.Contains(jobAdText, r.Sentence) {
				t.Errorf("%s: sentence %q is not the ad's", r.Name, r.Sentence)
			}
			switch r.Name {
			case "SQL":
				if r.Evidence == nil || !strings.Contains(r.Evidence.Source, "skill profile") {
					t.Errorf("SQL met without its source: %+v", r)
				}
			case "Tableau":
				if r.Required || r.Gain <= 0 || len(r.Courses) != 1 || r.Courses[0].ID != "c-tab" {
					t.Errorf("Tableau: %+v", r)
				}
			}
		}
		want := map[string]string{"SQL": "MET", "Python": "PARTLY_MET", "Communication": "MISSING", "Tableau": "MISSING",
			"3+ years of experience": "UNKNOWN", "Bachelor's degree": "UNKNOWN"}
		for n, s := range want {
			if status[n] != s {
				t.Errorf("%s is %q, want %s (all: %v)", n, status[n], s, status)
			}
		}
		if m.Score <= 0 || m.Score >= 100 || m.Coverage <= 0 || m.Coverage >= 1 {
			t.Errorf("score %d coverage %v", m.Score, m.Coverage)
		}
	}, store.Migrations()...)
}

func TestMatchJobRejectsBadInput(t *testing.T) {
	e := setup(t, dbtest.Open(t, db.SQLite, store.Migrations()...))
	tests := []struct {
		name string
		in   map[string]any
		code string
	}{
		{"too long", map[string]any{"text": strings.Repeat("x", jobad.MaxAdBytes+1)}, "BAD_USER_INPUT"},
		{"empty", map[string]any{"text": "   "}, "BAD_USER_INPUT"},
		{"long title", map[string]any{"text": "Go", "title": strings.Repeat("t", planning.MaxJobTitleLen+1)}, "BAD_USER_INPUT"},
		{"title with a line break", map[string]any{"text": "Go", "title": "a\nb"}, "BAD_USER_INPUT"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := e.do("user-ada", false, `query($i: JobAdInput!) { matchJob(input: $i) { score } }`, map[string]any{"i": tt.in})
			if codes(r) != tt.code {
				t.Errorf("codes %q, want %s: %+v", codes(r), tt.code, r.Errors)
			}
		})
	}
	if r := e.do("", false, `query($i: JobAdInput!) { matchJob(input: $i) { score } }`, map[string]any{"i": map[string]any{"text": "Go"}}); codes(r) != "UNAUTHENTICATED" {
		t.Errorf("anonymous: %+v", r.Errors)
	}
}

const saveJob = `mutation($i: JobAdInput!, $s: JobTargetStatus) { saveJobTarget(input: $i, status: $s) { id title company status history { status at } } }`

type jobTargetJSON struct {
	ID      string `json:"id"`
	Title   string `json:"title"`
	Company string `json:"company"`
	Status  string `json:"status"`
	History []struct {
		Status string `json:"status"`
		At     string `json:"at"`
	} `json:"history"`
	Match *struct {
		Score int `json:"score"`
	} `json:"match"`
}

func TestJobTargets(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		e := setup(t, d)
		ada, bob := "user-ada", "user-bob"
		var saved struct{ SaveJobTarget jobTargetJSON }
		e.ok(ada, false, saveJob, map[string]any{"i": map[string]any{"text": jobAdText, "company": " Acme "}}, &saved)
		s := saved.SaveJobTarget
		if s.Title != "Data Analyst" || s.Company != "Acme" || s.Status != "INTERESTED" || len(s.History) != 1 {
			t.Fatalf("saved %+v", s)
		}
		var moved struct{ SetJobTargetStatus jobTargetJSON }
		e.ok(ada, false, `mutation($id: ID!) { setJobTargetStatus(id: $id, status: APPLIED) { status history { status at } } }`, map[string]any{"id": s.ID}, &moved)
		if h := moved.SetJobTargetStatus.History; moved.SetJobTargetStatus.Status != "APPLIED" || len(h) != 2 || h[1].Status != "APPLIED" || h[1].At == "" {
			t.Fatalf("moved %+v", moved.SetJobTargetStatus)
		}
		var list struct{ JobTargets []jobTargetJSON }
		e.ok(ada, false, `{ jobTargets { id status match { score } } }`, nil, &list)
		if len(list.JobTargets) != 1 || list.JobTargets[0].Match == nil {
			t.Fatalf("list %+v", list)
		}

		// Bob sees, moves and deletes nothing of Ada's.
		e.ok(bob, false, `{ jobTargets { id } }`, nil, &list)
		if len(list.JobTargets) != 0 {
			t.Errorf("bob lists %+v", list)
		}
		for _, q := range []string{`query($id: ID!) { jobTarget(id: $id) { id text } }`,
			`mutation($id: ID!) { setJobTargetStatus(id: $id, status: REJECTED) { id } }`,
			`mutation($id: ID!) { deleteJobTarget(id: $id) }`} {
			if r := e.do(bob, false, q, map[string]any{"id": s.ID}); codes(r) != "NOT_FOUND" {
				t.Errorf("bob %s: %+v", q, r.Errors)
			}
		}
		var one struct{ JobTarget jobTargetJSON }
		e.ok(ada, false, `query($id: ID!) { jobTarget(id: $id) { id status } }`, map[string]any{"id": s.ID}, &one)
		if one.JobTarget.Status != "APPLIED" {
			t.Errorf("after bob: %+v", one.JobTarget)
		}

		// The user's deletion erases their saved jobs.
		e.publish(bus.UserDeleted, ada, map[string]any{"userId": ada}, time.Now())
		e.ok(ada, false, `{ jobTargets { id } }`, nil, &list)
		if len(list.JobTargets) != 0 {
			t.Errorf("after user.deleted: %+v", list)
		}
	}, store.Migrations()...)
}

func TestJobTargetLimit(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		e := setup(t, d)
		st := store.New(d)
		now := time.Now().UTC()
		for i := range planning.MaxJobTargetsPerUser {
			jt := &planning.JobTarget{ID: fmt.Sprintf("jt-%d", i), UserID: "user-ada", Title: "T", Text: "Go", Status: planning.JobInterested,
				History: []planning.JobStatusChange{{Status: planning.JobInterested, At: now}}, CreatedAt: now, UpdatedAt: now}
			if err := st.CreateJobTarget(t.Context(), jt); err != nil {
				t.Fatal(err)
			}
		}
		r := e.do("user-ada", false, saveJob, map[string]any{"i": map[string]any{"text": jobAdText}})
		if codes(r) != "BAD_USER_INPUT" || !strings.Contains(r.Errors[0].Message, "at most 100") {
			t.Errorf("101st save: %+v", r.Errors)
		}
		var n int
		if err := d.QueryRow(`SELECT COUNT(*) FROM job_targets`).Scan(&n); err != nil || n != planning.MaxJobTargetsPerUser {
			t.Errorf("%d saved jobs (%v)", n, err)
		}
		var moved struct{ SetJobTargetStatus jobTargetJSON }
		e.ok("user-ada", false, `mutation { setJobTargetStatus(id: "jt-1", status: OFFER) { id status } }`, nil, &moved)
		if moved.SetJobTargetStatus.Status != "OFFER" {
			t.Errorf("moving a saved job at the limit: %+v", moved)
		}
	}, store.Migrations()...)
}
