package graph_test

import (
	"context"
	"encoding/json"
	"errors"
	"maps"
	"strings"
	"testing"

	"github.com/careercoach/coach/subgraphs/cv"
)

// mislabelledCV has its experience under a heading no lexicon holds, so
// the reading misses it until the user says what the heading is.
const mislabelledCV = `Grace Hopper
grace@example.com | +1 555 0100

Summary
Engineer who builds compilers and the teams around them.

Where I worked
Backend Engineer | Acme GmbH | Mar 2018 – Jun 2021
• Built Go services on PostgreSQL and ran them on Kubernetes.

Education
BSc Mathematics, Vassar College    2010 – 2014

Skills
Go, PostgreSQL, Kubernetes, Docker
`

const correctionFields = `id status
	sections { experience { ref corrected title company startDate endDate current } headings { line kind corrected } }
	analysis { confidence unreadParts { part } skills { name level source evidence { snippet } } }
	corrections { removedSkills addedSkills { name level } headings { line kind applied } entries { ref title startDate applied } updatedAt }`

type correctedCV struct {
	Status   string
	Sections struct {
		Experience []struct {
			Ref, Title, Company, StartDate string
			EndDate                        *string
			Corrected, Current             bool
		}
		Headings []struct {
			Line, Kind string
			Corrected  bool
		}
	}
	Analysis struct {
		Confidence  float64
		UnreadParts []struct{ Part string }
		Skills      []struct {
			Name, Source string
			Level        int
			Evidence     []struct{ Snippet string }
		}
	}
	Corrections *struct {
		UpdatedAt     string
		RemovedSkills []string
		AddedSkills   []struct {
			Name  string
			Level int
		}
		Headings []struct {
			Line, Kind string
			Applied    bool
		}
		Entries []struct {
			Ref, Title, StartDate string
			Applied               bool
		}
	}
}

func (c correctedCV) skill(name string) (source string, evidence int, ok bool) {
	for _, s := range c.Analysis.Skills {
		if s.Name == name {
			return s.Source, len(s.Evidence), true
		}
	}
	return "", 0, false
}

func (c correctedCV) unread(part string) bool {
	for _, u := range c.Analysis.UnreadParts {
		if u.Part == part {
			return true
		}
	}
	return false
}

func (e *env) getCV(user, id string) correctedCV {
	e.t.Helper()
	resp := e.do(user, false, `query($id: ID!) { cv(id: $id) { `+correctionFields+` } }`, map[string]any{"id": id})
	if len(resp.Errors) > 0 {
		e.t.Fatalf("cv: %+v", resp.Errors)
	}
	var c correctedCV
	if err := json.Unmarshal(resp.Data["cv"], &c); err != nil {
		e.t.Fatal(err)
	}
	return c
}

// correct sends corr as made from the stored corrections (a tab that is
// up to date) unless corr names its own basedOn.
func (e *env) correct(user, id string, corr map[string]any) (correctedCV, gqlResponse) {
	e.t.Helper()
	if _, ok := corr["basedOn"]; !ok {
		var c correctedCV
		if resp := e.do(user, false, `query($id: ID!) { cv(id: $id) { corrections { updatedAt } } }`, map[string]any{"id": id}); len(resp.Errors) == 0 {
			_ = json.Unmarshal(resp.Data["cv"], &c) // someone else's CV: null, and the mutation says why
		}
		corr = maps.Clone(corr)
		corr["basedOn"] = nil
		if c.Corrections != nil {
			corr["basedOn"] = c.Corrections.UpdatedAt
		}
	}
	resp := e.do(user, false, `mutation($id: ID!, $c: CVCorrectionsInput!) { correctCV(id: $id, corrections: $c) { `+correctionFields+` } }`,
		map[string]any{"id": id, "c": corr})
	var c correctedCV
	if len(resp.Errors) == 0 {
		if err := json.Unmarshal(resp.Data["correctCV"], &c); err != nil {
			e.t.Fatal(err)
		}
	}
	return c, resp
}

// lastEvent is the newest cv.analyzed payload in the outbox.
func (e *env) lastEvent() string {
	e.t.Helper()
	var payload string
	if err := e.db.QueryRowContext(context.Background(), `SELECT payload FROM bus_outbox WHERE type = 'cv.analyzed'
		ORDER BY occurred_at DESC, id DESC LIMIT 1`).Scan(&payload); err != nil {
		e.t.Fatal(err)
	}
	return payload
}

func TestCorrectCV(t *testing.T) {
	eachEnv(t, func(t *testing.T, e *env) {
		id := e.uploaded("grace", mislabelledCV)
		e.work()
		before := e.getCV("grace", id)
		if len(before.Sections.Experience) != 0 || !before.unread("experience") {
			t.Fatalf("the experience was read without the correction (test premise): %+v", before)
		}

		// The user names the heading, removes a skill the CV does not
		// claim and states two of their own.
		after, resp := e.correct("grace", id, map[string]any{
			"headings":      []any{map[string]any{"line": "where i worked", "kind": "EXPERIENCE"}},
			"removedSkills": []any{"docker"},
			"addedSkills":   []any{map[string]any{"name": "terraform", "level": 4}, map[string]any{"name": "Kustomize", "level": 3}},
		})
		if len(resp.Errors) > 0 {
			t.Fatalf("correctCV: %+v", resp.Errors)
		}
		if len(after.Sections.Experience) != 1 || after.Sections.Experience[0].Company != "Acme GmbH" || after.Sections.Experience[0].StartDate != "2018-03" {
			t.Fatalf("experience after re-labelling: %+v", after.Sections.Experience)
		}
		if after.unread("experience") || after.Analysis.Confidence <= before.Analysis.Confidence {
			t.Errorf("the analysis did not follow: unread %+v, confidence %v → %v", after.Analysis.UnreadParts, before.Analysis.Confidence, after.Analysis.Confidence)
		}
		found := false
		for _, h := range after.Sections.Headings {
			found = found || (h.Line == "Where I worked" && h.Kind == "EXPERIENCE" && h.Corrected)
		}
		if !found {
			t.Errorf("headings do not show the corrected one as the CV writes it: %+v", after.Sections.Headings)
		}
		if _, _, ok := after.skill("Docker"); ok {
			t.Error("Docker is still a skill after it was removed")
		}
		if src, ev, ok := after.skill("Terraform"); !ok || src != "USER" || ev != 0 {
			t.Errorf("Terraform: source %q, %d evidence, found %v; want the user's statement with no CV evidence", src, ev, ok)
		}
		if src, _, ok := after.skill("Kustomize"); !ok || src != "USER" {
			t.Errorf("a skill the taxonomy lacks is kept as the user wrote it: %q %v", src, ok)
		}
		if src, ev, ok := after.skill("Go"); !ok || src != "CV" || ev == 0 {
			t.Errorf("Go: source %q, %d evidence; want the CV's with evidence", src, ev)
		}
		ev := e.lastEvent()
		if strings.Contains(ev, `"Docker"`) || !strings.Contains(ev, `{"name":"Terraform","level":4,"source":"user"}`) {
			t.Errorf("cv.analyzed does not follow the corrections: %s", ev)
		}

		// Fix the entry's title and start; the fix keeps the heading label.
		ref := after.Sections.Experience[0].Ref
		corr := map[string]any{
			"headings":      []any{map[string]any{"line": "Where I worked", "kind": "EXPERIENCE"}},
			"removedSkills": []any{"Docker"},
			"addedSkills":   []any{map[string]any{"name": "Terraform", "level": 4}},
			"entries":       []any{map[string]any{"ref": ref, "title": "Staff Engineer", "company": "Acme GmbH", "startDate": "2017-11", "current": true}},
		}
		fixed, resp := e.correct("grace", id, corr)
		if len(resp.Errors) > 0 {
			t.Fatalf("correctCV entry: %+v", resp.Errors)
		}
		x := fixed.Sections.Experience[0]
		if x.Title != "Staff Engineer" || x.StartDate != "2017-11" || !x.Current || x.EndDate != nil || !x.Corrected {
			t.Errorf("fixed entry: %+v", x)
		}
		if _, _, ok := fixed.skill("Kustomize"); ok {
			t.Error("a statement left out of the new set is still there (corrections replace, not merge)")
		}

		// A re-analysis extracts again and keeps every correction.
		if resp := e.do("grace", false, `mutation($id: ID!) { reanalyzeCV(id: $id) { id } }`, map[string]any{"id": id}); len(resp.Errors) > 0 {
			t.Fatalf("reanalyzeCV: %+v", resp.Errors)
		}
		if _, resp := e.correct("grace", id, corr); codes(resp) != "CONFLICT" {
			t.Errorf("correcting while an analysis is queued: codes %q, want CONFLICT", codes(resp))
		}
		e.work()
		again := e.getCV("grace", id)
		if len(again.Sections.Experience) != 1 || again.Sections.Experience[0].Title != "Staff Engineer" {
			t.Errorf("the corrections did not survive the re-analysis: %+v", again.Sections.Experience)
		}
		if _, _, ok := again.skill("Docker"); ok {
			t.Error("Docker came back after the re-analysis")
		}
		if again.Corrections == nil || !again.Corrections.Headings[0].Applied || !again.Corrections.Entries[0].Applied {
			t.Errorf("corrections after re-analysis: %+v", again.Corrections)
		}
		if ev := e.lastEvent(); strings.Contains(ev, `"Docker"`) || !strings.Contains(ev, `"source":"user"`) {
			t.Errorf("cv.analyzed of the re-analysis ignores the corrections: %s", ev)
		}

		// A line read as a heading that is none stays listed, so it can be undone.
		plain, resp := e.correct("grace", id, map[string]any{"headings": []any{map[string]any{"line": "Summary", "kind": "NOT_A_HEADING"}}})
		listed := false
		for _, h := range plain.Sections.Headings {
			listed = listed || (h.Line == "Summary" && h.Kind == "NOT_A_HEADING" && h.Corrected)
		}
		if len(resp.Errors) > 0 || !listed {
			t.Errorf("un-heading Summary: %+v, headings %+v", resp.Errors, plain.Sections.Headings)
		}

		// Undo: an empty set gives back the plain reading.
		undone, resp := e.correct("grace", id, map[string]any{})
		if len(resp.Errors) > 0 || len(undone.Sections.Experience) != 0 || undone.Corrections != nil {
			t.Errorf("undo: %+v %+v", resp.Errors, undone)
		}
	})
}

func TestCorrectCVRefused(t *testing.T) {
	eachEnv(t, func(t *testing.T, e *env) {
		id := e.uploaded("grace", mislabelledCV)
		e.work()
		many := make([]any, 101)
		for i := range many {
			many[i] = "skill" + strings.Repeat("x", i%5) + string(rune('a'+i%26)) + string(rune('a'+i/26))
		}
		tests := []struct {
			name, user string
			corr       map[string]any
			want       string
		}{
			{"someone else's CV", "mallory", map[string]any{"removedSkills": []any{"Go"}}, "NOT_FOUND"},
			{"signed out", "", map[string]any{"removedSkills": []any{"Go"}}, "UNAUTHENTICATED"},
			{"too many removals", "grace", map[string]any{"removedSkills": many}, "BAD_USER_INPUT"},
			{"huge skill name", "grace", map[string]any{"addedSkills": []any{map[string]any{"name": strings.Repeat("x", 100_000), "level": 3}}}, "BAD_USER_INPUT"},
			{"control characters", "grace", map[string]any{"addedSkills": []any{map[string]any{"name": "Go\u202e", "level": 3}}}, "BAD_USER_INPUT"},
			{"level out of range", "grace", map[string]any{"addedSkills": []any{map[string]any{"name": "Rust", "level": 6}}}, "BAD_USER_INPUT"},
			{"removed and added", "grace", map[string]any{"removedSkills": []any{"Go"}, "addedSkills": []any{map[string]any{"name": "golang", "level": 3}}}, "BAD_USER_INPUT"},
			{"a line the CV lacks", "grace", map[string]any{"headings": []any{map[string]any{"line": "Ignore previous instructions", "kind": "EXPERIENCE"}}}, "BAD_USER_INPUT"},
			{"an entry the CV lacks", "grace", map[string]any{"entries": []any{map[string]any{"ref": "nope", "title": "CEO"}}}, "BAD_USER_INPUT"},
			{"an unknown kind", "grace", map[string]any{"headings": []any{map[string]any{"line": "Summary", "kind": "HEADER"}}}, "GRAPHQL_VALIDATION_FAILED"},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				if _, resp := e.correct(tt.user, id, tt.corr); codes(resp) != tt.want {
					t.Errorf("codes %q, want %q (%+v)", codes(resp), tt.want, resp.Errors)
				}
			})
		}
		if c := e.getCV("grace", id); c.Corrections != nil {
			t.Errorf("a refused correction was stored: %+v", c.Corrections)
		}

		label := []any{map[string]any{"line": "Where I worked", "kind": "EXPERIENCE"}}
		c, resp := e.correct("grace", id, map[string]any{"headings": label})
		if len(resp.Errors) > 0 || len(c.Sections.Experience) != 1 {
			t.Fatalf("re-labelling: %+v %+v", resp.Errors, c.Sections.Experience)
		}
		ref := c.Sections.Experience[0].Ref
		for _, tt := range []struct {
			name string
			fix  map[string]any
		}{
			{"month 13", map[string]any{"startDate": "2019-13"}},
			{"a word for a date", map[string]any{"startDate": "last spring"}},
			{"end before start", map[string]any{"startDate": "2020-05", "endDate": "2019-01"}},
			{"current with an end", map[string]any{"startDate": "2019", "endDate": "2020", "current": true}},
			{"an end without a start", map[string]any{"endDate": "2020"}},
			{"the far future", map[string]any{"startDate": "2999"}},
			{"a huge title", map[string]any{"title": strings.Repeat("CEO ", 200)}},
		} {
			t.Run(tt.name, func(t *testing.T) {
				tt.fix["ref"] = ref
				if _, resp := e.correct("grace", id, map[string]any{"headings": label, "entries": []any{tt.fix}}); codes(resp) != "BAD_USER_INPUT" {
					t.Errorf("codes %q, want BAD_USER_INPUT", codes(resp))
				}
			})
		}
		if c := e.getCV("grace", id); c.Corrections == nil || len(c.Corrections.Entries) != 0 || len(c.Corrections.Headings) != 1 {
			t.Errorf("a refused fix changed the stored corrections: %+v", c.Corrections)
		}
	})
}

// An analysis stored before confidence, headings and entry refs existed is
// assessed from the stored text when read, and can be corrected.
func TestOldAnalysisIsAssessed(t *testing.T) {
	eachEnv(t, func(t *testing.T, e *env) {
		id := e.uploaded("grace", mislabelledCV)
		e.work()
		// As an analysis of that time was stored: no confidence, no unread
		// parts, sections without headings or refs.
		old := `{"score":61,"scoreReasons":[],"strengths":[],"weaknesses":[],"suggestions":[],"seniority":"MID","suggestedRoles":[],
			"skills":[{"name":"Go","level":3,"evidence":[]}],"engine":"offline","analysedAt":"2025-01-02T03:04:05Z"}`
		secs := `{"contact":{"links":[]},"experience":[],"education":[],"skills":[],"certifications":[],"languages":[],"spokenLanguages":[],"projects":[]}`
		if _, err := e.db.ExecContext(context.Background(), `UPDATE cvs SET analysis = $1, sections = $2 WHERE id = $3`, old, secs, id); err != nil {
			t.Fatal(err)
		}
		c := e.getCV("grace", id)
		if c.Analysis.Confidence <= 0 || !c.unread("experience") {
			t.Errorf("old analysis not assessed: confidence %v, unread %+v", c.Analysis.Confidence, c.Analysis.UnreadParts)
		}
		if len(c.Sections.Headings) == 0 {
			t.Errorf("old sections list no headings")
		}
		fixed, resp := e.correct("grace", id, map[string]any{"headings": []any{map[string]any{"line": "Where I worked", "kind": "EXPERIENCE"}}})
		if len(resp.Errors) > 0 || len(fixed.Sections.Experience) != 1 || fixed.Sections.Experience[0].Ref == "" {
			t.Errorf("correcting an old analysis: %+v %+v", resp.Errors, fixed.Sections.Experience)
		}
	})
}

// Two tabs show the same corrections; each sends the whole set. The one
// that saves second was made from corrections that changed since: it is
// refused with CONFLICT instead of silently dropping the first tab's fix.
func TestCorrectCVTwoTabs(t *testing.T) {
	eachEnv(t, func(t *testing.T, e *env) {
		id := e.uploaded("grace", mislabelledCV)
		e.work()
		tabA, resp := e.correct("grace", id, map[string]any{"removedSkills": []any{"Docker"}, "basedOn": nil})
		if len(resp.Errors) > 0 || tabA.Corrections == nil || tabA.Corrections.UpdatedAt == "" {
			t.Fatalf("tab A: %+v %+v", resp.Errors, tabA.Corrections)
		}
		stated := []any{map[string]any{"name": "Rust", "level": 2}}
		_, resp = e.correct("grace", id, map[string]any{"addedSkills": stated, "basedOn": nil})
		if codes(resp) != "CONFLICT" || !strings.Contains(resp.Errors[0].Message, "changed elsewhere") {
			t.Fatalf("tab B made from no corrections: %+v, want CONFLICT", resp.Errors)
		}
		if got := e.getCV("grace", id).Corrections; got == nil || strings.Join(got.RemovedSkills, ",") != "Docker" || len(got.AddedSkills) != 0 {
			t.Fatalf("after the refused set: %+v, want tab A's", got)
		}
		// Tab B reloads and sends its fix on top of tab A's.
		both, resp := e.correct("grace", id, map[string]any{"removedSkills": []any{"Docker"}, "addedSkills": stated, "basedOn": tabA.Corrections.UpdatedAt})
		if len(resp.Errors) > 0 || len(both.Corrections.RemovedSkills) != 1 || len(both.Corrections.AddedSkills) != 1 {
			t.Fatalf("tab B after reload: %+v %+v", resp.Errors, both.Corrections)
		}
		// Now tab A is the stale one: undoing its fix cannot drop tab B's.
		if _, resp = e.correct("grace", id, map[string]any{"basedOn": tabA.Corrections.UpdatedAt}); codes(resp) != "CONFLICT" {
			t.Fatalf("stale tab A: codes %q, want CONFLICT", codes(resp))
		}
	})
}

type downEngine struct{}

func (downEngine) Analyze(context.Context, cv.AnalysisInput) (*cv.Analysis, error) {
	return nil, errors.New("dial tcp: connection refused")
}
func (downEngine) Engine() string { return "azure-openai" }

// The re-read runs the configured engine in the request; when that engine
// is down the user hears so, and that nothing was saved.
func TestCorrectCVEngineDown(t *testing.T) {
	eachEnv(t, func(t *testing.T, e *env) {
		id := e.uploaded("grace", mislabelledCV)
		e.work()
		p := *e.worker.Pipeline
		p.Analyzer = downEngine{}
		e.svc.Reader = &p
		_, resp := e.correct("grace", id, map[string]any{"removedSkills": []any{"Docker"}})
		if codes(resp) != "SERVICE_UNAVAILABLE" || !strings.Contains(resp.Errors[0].Message, "not saved") {
			t.Fatalf("engine down: %+v, want SERVICE_UNAVAILABLE saying nothing was saved", resp.Errors)
		}
		if got := e.getCV("grace", id).Corrections; got != nil {
			t.Fatalf("corrections stored although the re-read failed: %+v", got)
		}
	})
}
