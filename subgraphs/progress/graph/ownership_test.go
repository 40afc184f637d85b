package graph_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/careercoach/coach/internal/bus"
	"github.com/careercoach/coach/internal/db"
	"github.com/careercoach/coach/internal/dbtest"
	"github.com/careercoach/coach/subgraphs/progress"
	"github.com/careercoach/coach/subgraphs/progress/store"
)

// seedAda gives ada an enrollment, a goal with a milestone, an assessment
// and an open quiz, and returns the milestone and quiz ids.
func seedAda(t *testing.T, e *env) (milestoneID, quizID string) {
	t.Helper()
	e.event("c1", bus.CourseCatalogued, "", progress.CourseCatalogued{CourseID: "course-1", Title: "SQL for Analysts", Skills: []string{"SQL"}, DurationHours: 8})
	e.event("g1", bus.GoalChanged, "ada", progress.GoalChanged{UserID: "ada", GoalID: "goal-ada", Change: "created"})
	e.event("g2", bus.GoalChanged, "bob", progress.GoalChanged{UserID: "bob", GoalID: "goal-bob", Change: "created"})
	e.ok("ada", false, `mutation { enroll(courseId: "course-1") { id } }`, nil, "", nil)
	var m struct{ ID string }
	e.ok("ada", false, `mutation { createMilestone(input: {goalId: "goal-ada", title: "Finish SQL course"}) { id } }`, nil, "createMilestone", &m)
	e.ok("ada", false, `mutation { assessSkill(skill: "sql", level: 3) { id } }`, nil, "", nil)
	var q struct{ ID string }
	e.ok("ada", false, `mutation { startQuiz(skill: "SQL") { id } }`, nil, "startQuiz", &q)
	return m.ID, q.ID
}

// TestOwnership runs every field and mutation as another user (bob) and
// signed out against ada's data: each must fail or come back empty, and
// ada's data must be unchanged afterwards.
func TestOwnership(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		e := setup(t, d)
		mID, quizID := seedAda(t, e)
		vars := map[string]any{"m": mID, "q": quizID}

		tests := []struct {
			name      string
			user      string
			asRouter  bool
			query     string
			vars      map[string]any
			wantCodes string
			wantData  string // substring of the JSON data
		}{
			{name: "User entity of another user", user: "bob", asRouter: true, query: entitiesQuery,
				vars: map[string]any{"r": []any{rep("User", "ada")}}, wantCodes: "NOT_FOUND", wantData: `[null]`},
			{name: "User entity signed out", asRouter: true, query: entitiesQuery,
				vars: map[string]any{"r": []any{rep("User", "ada")}}, wantCodes: "UNAUTHENTICATED", wantData: `[null]`},
			{name: "mixed batch resolves only the viewer", user: "bob", asRouter: true, query: entitiesQuery,
				vars: map[string]any{"r": []any{rep("User", "bob"), rep("User", "ada")}}, wantCodes: "NOT_FOUND", wantData: `[{"id":"bob"`},
			{name: "CareerGoal of another user", user: "bob", asRouter: true, query: entitiesQuery,
				vars: map[string]any{"r": []any{rep("CareerGoal", "goal-ada")}}, wantCodes: "NOT_FOUND", wantData: `[null]`},
			{name: "CareerGoal signed out", asRouter: true, query: entitiesQuery,
				vars: map[string]any{"r": []any{rep("CareerGoal", "goal-ada")}}, wantCodes: "UNAUTHENTICATED", wantData: `[null]`},
			{name: "Course shows only the viewer's enrollment", user: "bob", asRouter: true, query: entitiesQuery,
				vars: map[string]any{"r": []any{rep("Course", "course-1")}}, wantData: `"myEnrollment":null`},
			{name: "Course signed out", asRouter: true, query: entitiesQuery,
				vars: map[string]any{"r": []any{rep("Course", "course-1")}}, wantData: `"myEnrollment":null`},
			{name: "_entities needs the router", user: "ada", query: entitiesQuery,
				vars: map[string]any{"r": []any{rep("User", "ada")}}, wantCodes: "FORBIDDEN"},
			{name: "progress of another course", user: "bob", query: `mutation { updateCourseProgress(courseId: "course-1", percent: 50) { id } }`, wantCodes: "NOT_FOUND"},
			{name: "complete another's course", user: "bob", query: `mutation { completeCourse(courseId: "course-1") { id } }`, wantCodes: "NOT_FOUND"},
			{name: "milestone on another's goal", user: "bob", query: `mutation { createMilestone(input: {goalId: "goal-ada", title: "x"}) { id } }`, wantCodes: "NOT_FOUND"},
			{name: "edit another's milestone", user: "bob", query: `mutation($m: ID!) { updateMilestone(id: $m, input: {title: "x"}) { id } }`, vars: vars, wantCodes: "NOT_FOUND"},
			{name: "achieve another's milestone", user: "bob", query: `mutation($m: ID!) { achieveMilestone(id: $m) { id } }`, vars: vars, wantCodes: "NOT_FOUND"},
			{name: "reorder another's goal", user: "bob", query: `mutation($m: ID!) { reorderMilestones(goalId: "goal-ada", ids: [$m]) { id } }`, vars: vars, wantCodes: "NOT_FOUND"},
			{name: "delete another's milestone", user: "bob", query: `mutation($m: ID!) { deleteMilestone(id: $m) }`, vars: vars, wantCodes: "NOT_FOUND"},
			{name: "submit another's quiz", user: "bob", query: `mutation($q: ID!) { submitQuiz(input: {quizId: $q, answers: []}) { correct } }`, vars: vars, wantCodes: "NOT_FOUND"},
			{name: "enroll signed out", query: `mutation { enroll(courseId: "course-1") { id } }`, wantCodes: "UNAUTHENTICATED"},
			{name: "progress signed out", query: `mutation { updateCourseProgress(courseId: "course-1", percent: 5) { id } }`, wantCodes: "UNAUTHENTICATED"},
			{name: "complete signed out", query: `mutation { completeCourse(courseId: "course-1") { id } }`, wantCodes: "UNAUTHENTICATED"},
			{name: "create milestone signed out", query: `mutation { createMilestone(input: {goalId: "goal-ada", title: "x"}) { id } }`, wantCodes: "UNAUTHENTICATED"},
			{name: "edit milestone signed out", query: `mutation($m: ID!) { updateMilestone(id: $m, input: {title: "x"}) { id } }`, vars: vars, wantCodes: "UNAUTHENTICATED"},
			{name: "achieve signed out", query: `mutation($m: ID!) { achieveMilestone(id: $m) { id } }`, vars: vars, wantCodes: "UNAUTHENTICATED"},
			{name: "reorder signed out", query: `mutation($m: ID!) { reorderMilestones(goalId: "goal-ada", ids: [$m]) { id } }`, vars: vars, wantCodes: "UNAUTHENTICATED"},
			{name: "delete signed out", query: `mutation($m: ID!) { deleteMilestone(id: $m) }`, vars: vars, wantCodes: "UNAUTHENTICATED"},
			{name: "assess signed out", query: `mutation { assessSkill(skill: "SQL", level: 5) { id } }`, wantCodes: "UNAUTHENTICATED"},
			{name: "quiz signed out", query: `mutation { startQuiz(skill: "SQL") { id } }`, wantCodes: "UNAUTHENTICATED"},
			{name: "submit signed out", query: `mutation($q: ID!) { submitQuiz(input: {quizId: $q, answers: []}) { correct } }`, vars: vars, wantCodes: "UNAUTHENTICATED"},
			{name: "bob's own quiz is a different one", user: "bob", query: `mutation { startQuiz(skill: "SQL") { id } }`},
			{name: "skill levels are public", query: `{ skillLevels { level name } }`, wantData: `{"level":5,"name":"Expert"}`},
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
				if strings.Contains(string(data), quizID) || strings.Contains(string(data), mID) {
					t.Fatalf("ada's ids leaked: %s", data)
				}
			})
		}

		t.Run("ada's data is unchanged", func(t *testing.T) {
			var got []struct {
				Enrollments []struct{ ID string }
				Assessments []struct{ ID string }
			}
			e.ok("ada", true, entitiesQuery, map[string]any{"r": []any{rep("User", "ada")}}, "_entities", &got)
			if len(got) != 1 || len(got[0].Enrollments) != 1 || len(got[0].Assessments) != 1 {
				t.Fatalf("%+v", got)
			}
			var goals []struct {
				Milestones []struct{ ID, Title string }
			}
			e.ok("ada", true, entitiesQuery, map[string]any{"r": []any{rep("CareerGoal", "goal-ada")}}, "_entities", &goals)
			if len(goals) != 1 || len(goals[0].Milestones) != 1 || goals[0].Milestones[0].Title != "Finish SQL course" {
				t.Fatalf("%+v", goals)
			}
			var en struct{ Percent int }
			e.ok("ada", false, `mutation { enroll(courseId: "course-1") { percent } }`, nil, "enroll", &en)
			if en.Percent != 0 {
				t.Fatalf("ada's progress changed to %d", en.Percent)
			}
			if n := countRows(t, d, `SELECT COUNT(*) FROM quiz_attempts WHERE id = $1 AND submitted_at IS NULL`, quizID); n != 1 {
				t.Fatalf("ada's quiz was submitted by someone else")
			}
		})
	}, store.Migrations()...)
}

func countRows(t *testing.T, d *db.DB, q string, args ...any) int {
	t.Helper()
	var n int
	if err := d.QueryRowContext(t.Context(), q, args...).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}
