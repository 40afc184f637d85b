package graph_test

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/careercoach/coach/internal/bus"
	"github.com/careercoach/coach/internal/db"
	"github.com/careercoach/coach/internal/dbtest"
	"github.com/careercoach/coach/subgraphs/planning"
	"github.com/careercoach/coach/subgraphs/planning/store"
)

type gapJSON struct {
	Matched, Missing, UnderLevel []struct {
		Name          string
		RequiredLevel int
		Level         int
	}
	ReadinessPercent int
}

// The router resolves User.skills in the cv subgraph first and sends them
// in each representation, as @requires asks.
func TestSkillGapFromRepresentations(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		e := setup(t, d)
		ada := "user-ada"
		q := entities(`id skillGap(targetRole: "data-analyst") { matched { name requiredLevel level } missing { name requiredLevel level } underLevel { name requiredLevel level } readinessPercent }`, "", "")
		// Aliases and spelling variants as a CV analysis may send them.
		rep := userRep(ada, planning.SkillLevel{Name: "sql", Level: 5}, planning.SkillLevel{Name: "MS Excel", Level: 2},
			planning.SkillLevel{Name: "Python", Level: 3}, planning.SkillLevel{Name: "Underwater Basket Weaving", Level: 5})
		var got struct {
			Entities []struct{ SkillGap gapJSON } `json:"_entities"`
		}
		e.ok(ada, true, q, map[string]any{"r": []any{rep}}, &got)
		g := got.Entities[0].SkillGap
		names := func(items []struct {
			Name          string
			RequiredLevel int
			Level         int
		}) string {
			var ns []string
			for _, it := range items {
				ns = append(ns, it.Name)
			}
			return strings.Join(ns, ",")
		}
		if names(g.Matched) != "SQL,Python" || names(g.UnderLevel) != "Excel" || !strings.Contains(names(g.Missing), "Tableau") {
			t.Fatalf("gap %+v", g)
		}
		if g.UnderLevel[0].Level != 2 || g.UnderLevel[0].RequiredLevel != 4 {
			t.Errorf("under-level item %+v", g.UnderLevel[0])
		}
		// data-analyst: SQL 4, Excel 4, Data Analysis 4, Data Visualization 3,
		// Tableau 3, Power BI 3, Statistics 3, Python 2, Communication 3 = 29;
		// covered 4 + 2 + 2 = 8 → 28%.
		if g.ReadinessPercent != 28 {
			t.Errorf("readiness %d, want 28", g.ReadinessPercent)
		}

		t.Run("no skills: everything missing", func(t *testing.T) {
			e.ok(ada, true, q, map[string]any{"r": []any{userRep(ada, []planning.SkillLevel{}...)}}, &got)
			if g := got.Entities[0].SkillGap; len(g.Matched) != 0 || len(g.Missing) != 9 || g.ReadinessPercent != 0 {
				t.Fatalf("gap %+v", g)
			}
		})
		t.Run("another user's representation", func(t *testing.T) {
			resp := e.do("user-bob", true, q, map[string]any{"r": []any{rep}})
			if codes(resp) != "NOT_FOUND" || strings.Contains(string(resp.Data), "readinessPercent") {
				t.Fatalf("bob got ada's gap: %s %+v", resp.Data, resp.Errors)
			}
		})
		t.Run("anonymous", func(t *testing.T) {
			if resp := e.do("", true, q, map[string]any{"r": []any{rep}}); codes(resp) != "UNAUTHENTICATED" {
				t.Fatalf("anonymous: %+v", resp.Errors)
			}
		})
		t.Run("unknown role", func(t *testing.T) {
			bad := entities(`skillGap(targetRole: "wizard") { readinessPercent }`, "", "")
			if resp := e.do(ada, true, bad, map[string]any{"r": []any{rep}}); codes(resp) != "NOT_FOUND" {
				t.Fatalf("unknown role: %+v", resp.Errors)
			}
		})
	}, store.Migrations()...)
}

func TestLearningPathFromEvents(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		e := setup(t, d)
		ada := "user-ada"
		now := time.Now().UTC()
		var created struct{ CreateGoal goalJSON }
		e.ok(ada, false, createGoal, map[string]any{"i": map[string]any{"title": "Data engineer", "targetRoleId": "data-engineer"}}, &created)
		gid := created.CreateGoal.ID
		q := `query($id: ID!) { goal(id: $id) { learningPath { skillsAnalyzedAt steps { position skill currentLevel targetLevel courses { id } } } } }`
		type pathJSON struct {
			Goal struct {
				LearningPath *struct {
					SkillsAnalyzedAt *string
					Steps            []struct {
						Position, CurrentLevel, TargetLevel int
						Skill                               string
						Courses                             []struct{ ID string }
					}
				}
			}
		}
		var p pathJSON
		e.ok(ada, false, q, map[string]any{"id": gid}, &p)
		if lp := p.Goal.LearningPath; lp == nil || lp.SkillsAnalyzedAt != nil || len(lp.Steps) != 10 {
			t.Fatalf("before any CV: %+v", lp)
		}

		// Courses arrive from the courses service, skills from the cv service.
		courses := []planning.CourseCatalogued{
			{CourseID: "c-spark-long", Title: "Spark in depth", Skills: []string{"Apache Spark"}, DurationHours: 40},
			{CourseID: "c-spark", Title: "Spark basics", Skills: []string{"spark", "Python"}, DurationHours: 6},
			{CourseID: "c-airflow", Title: "Airflow", Skills: []string{"Airflow"}, DurationHours: 8},
			{CourseID: "c-airflow-notes", Title: "Airflow notes", Skills: []string{"Airflow"}}, // length unknown: after known ones
			{CourseID: "c-spark-old", Title: "Spark (old)", Skills: []string{"Apache Spark"}, DurationHours: 1},
			{CourseID: "c-spark-old", Retired: true}, // retired: no longer offered (issue 25)
		}
		for _, c := range courses {
			e.publish(bus.CourseCatalogued, c.CourseID, c, now)
		}
		cv := map[string]any{"userId": ada, "skills": []map[string]any{
			{"name": "Python", "level": 4}, {"name": "PostgreSQL", "level": 3}, {"name": "sql", "level": 4}, {"name": "Git", "level": 3}, {"name": "Docker", "level": 1}}}
		ev := e.publish(bus.SkillProfileChanged, ada, cv, now)
		// Redelivery of the same event has no further effect.
		if err := e.events(t.Context(), ev); err != nil {
			t.Fatal(err)
		}
		// An older profile arriving late does not replace the newer one.
		e.publish(bus.SkillProfileChanged, ada, map[string]any{"userId": ada, "skills": []map[string]any{}}, now.Add(-time.Hour))

		e.ok(ada, false, q, map[string]any{"id": gid}, &p)
		lp := p.Goal.LearningPath
		if lp == nil || lp.SkillsAnalyzedAt == nil {
			t.Fatalf("after CV: %+v", lp)
		}
		var skills []string
		for i, st := range lp.Steps {
			skills = append(skills, st.Skill)
			if st.Position != i+1 || st.CurrentLevel >= st.TargetLevel {
				t.Errorf("step %+v", st)
			}
			if st.Skill == "Apache Spark" && (len(st.Courses) != 2 || st.Courses[0].ID != "c-spark" || st.Courses[1].ID != "c-spark-long") {
				t.Errorf("spark courses %+v, want shortest first", st.Courses)
			}
			if st.Skill == "Apache Airflow" && (len(st.Courses) != 2 || st.Courses[0].ID != "c-airflow" || st.Courses[1].ID != "c-airflow-notes") {
				t.Errorf("airflow courses %+v", st.Courses)
			}
			if st.Skill == "Docker" && st.CurrentLevel != 1 {
				t.Errorf("docker step %+v", st)
			}
		}
		got := strings.Join(skills, ",")
		// Held at level: Python 3, SQL 4, Git 3 are not steps; foundations (level 2) first.
		if strings.Contains(got, "Python") || strings.Contains(got, "SQL") || strings.Contains(got, "Git") ||
			!strings.HasPrefix(got, "Kafka,Docker") {
			t.Fatalf("steps %s", got)
		}

		t.Run("a paused goal has no learning path", func(t *testing.T) {
			e.ok(ada, false, `mutation($id: ID!) { updateGoal(id: $id, input: {status: PAUSED}) { id } }`, map[string]any{"id": gid}, nil)
			e.ok(ada, false, q, map[string]any{"id": gid}, &p)
			if p.Goal.LearningPath != nil {
				t.Fatalf("paused goal path %+v", p.Goal.LearningPath)
			}
		})

		t.Run("user.deleted purges", func(t *testing.T) {
			e.ok(ada, false, `mutation($a: String!) { submitInterviewAnswer(questionId: "b-001", answer: $a) { id } }`, map[string]any{"a": "When I was at my previous job I built a thing."}, nil)
			ev := e.publish(bus.UserDeleted, ada, map[string]any{"userId": ada}, time.Now())
			if err := e.events(t.Context(), ev); err != nil { // redelivered
				t.Fatal(err)
			}
			for _, table := range []string{"goals", "user_skills", "user_skill_sets", "interview_attempts"} {
				var n int
				if err := d.QueryRow(`SELECT COUNT(*) FROM `+table+` WHERE user_id = $1`, ada).Scan(&n); err != nil || n != 0 {
					t.Errorf("%s: %d rows left (%v)", table, n, err)
				}
			}
			var n int
			if err := d.QueryRow(`SELECT COUNT(*) FROM course_skills`).Scan(&n); err != nil || n == 0 {
				t.Errorf("course read model purged with the user: %d (%v)", n, err)
			}
		})
	}, store.Migrations()...)
}

func TestInterviewPractice(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		e := setup(t, d)
		ada := "user-ada"
		submit := `mutation($q: ID!, $a: String!) { submitInterviewAnswer(questionId: $q, answer: $a) {
			id answer question { id kind } createdAt
			feedback { overall reviewer suggestions star { score reasons } specificity { score reasons } relevance { score reasons } } } }`
		type attempt struct {
			ID       string
			Question struct{ ID string }
			Feedback struct {
				Overall                      int
				Reviewer                     string
				Suggestions                  []string
				Star, Specificity, Relevance struct {
					Score   int
					Reasons []string
				}
			}
		}
		strong := `In my previous role at Acme Logistics our team was missing deadlines because two senior engineers disagreed about the database migration. ` +
			`My task was to get the migration shipped within the quarter without losing either engineer's trust. I set up a one-hour meeting where each ` +
			`of them wrote down their concerns, I listened and summarised both views, and I proposed a compromise: a two-week spike comparing both designs ` +
			`against the same load test on PostgreSQL. I then shared the results with the whole team in Confluence. As a result we chose one design with ` +
			`data both accepted, shipped the migration 3 weeks early and cut query latency by 40%. I learned to resolve conflict by making the disagreement about evidence, not people.`
		weak := "We always get along fine and there is never any problem in the team, so it is not something that happens."
		var s, w struct{ SubmitInterviewAnswer attempt }
		e.ok(ada, false, submit, map[string]any{"q": "b-006", "a": strong}, &s)
		e.ok(ada, false, submit, map[string]any{"q": "b-006", "a": weak}, &w)
		sf, wf := s.SubmitInterviewAnswer.Feedback, w.SubmitInterviewAnswer.Feedback
		if sf.Reviewer != "rules" || sf.Star.Score != 5 || sf.Overall < 4 || sf.Relevance.Score < 4 {
			t.Errorf("strong answer feedback %+v", sf)
		}
		if wf.Star.Score > 2 || wf.Overall > 2 || wf.Specificity.Score > 2 || len(wf.Suggestions) < 2 {
			t.Errorf("weak answer feedback %+v", wf)
		}
		if len(sf.Star.Reasons) == 0 || len(sf.Specificity.Reasons) == 0 || len(sf.Relevance.Reasons) == 0 {
			t.Errorf("feedback without reasons: %+v", sf)
		}
		// Deterministic: the same answer gets the same feedback.
		var again struct{ SubmitInterviewAnswer attempt }
		e.ok(ada, false, submit, map[string]any{"q": "b-006", "a": strong}, &again)
		a, b := again.SubmitInterviewAnswer.Feedback, sf
		if aj, bj := mustJSON(a), mustJSON(b); aj != bj {
			t.Errorf("feedback differs for the same answer:\n%s\n%s", aj, bj)
		}

		tests := []struct {
			name, user, q, answer, want string
		}{
			{"too short", ada, "b-006", "too short", "BAD_USER_INPUT"},
			{"too long", ada, "b-006", strings.Repeat("word ", planning.MaxAnswerLen/5+1), "BAD_USER_INPUT"},
			{"unknown question", ada, "q-nope", strong, "NOT_FOUND"},
			{"anonymous", "", "b-006", strong, "UNAUTHENTICATED"},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				if got := codes(e.do(tt.user, false, submit, map[string]any{"q": tt.q, "a": tt.answer})); got != tt.want {
					t.Fatalf("codes %q, want %q", got, tt.want)
				}
			})
		}

		t.Run("history is the owner's, newest first", func(t *testing.T) {
			e.ok("user-bob", false, submit, map[string]any{"q": "t-sql-1", "a": "An inner join keeps matching rows only; a left join keeps all left rows with null for no match."}, nil)
			q := entities(`interviewPractice(first: 2) { id question { id } feedback { overall } }`, "", "")
			var got struct {
				Entities []struct{ InterviewPractice []attempt } `json:"_entities"`
			}
			e.ok(ada, true, q, map[string]any{"r": []any{userRep(ada)}}, &got)
			h := got.Entities[0].InterviewPractice
			if len(h) != 2 || h[0].ID != again.SubmitInterviewAnswer.ID || h[1].ID != w.SubmitInterviewAnswer.ID {
				t.Fatalf("history %+v", h)
			}
			if resp := e.do(ada, true, entities(`interviewPractice(first: 1000) { id }`, "", ""), map[string]any{"r": []any{userRep(ada)}}); codes(resp) != "BAD_USER_INPUT" {
				t.Fatalf("page limit: %+v", resp.Errors)
			}
		})
		t.Run("one question's history with its key points", func(t *testing.T) {
			e.ok(ada, false, submit, map[string]any{"q": "t-sql-1", "a": "An inner join keeps matching rows only; a left join keeps every left row."}, nil)
			q := entities(`interviewPractice(first: 10, questionId: "b-006") { id question { id } feedback { overall } keyPoints }`, "", "")
			var got struct {
				Entities []struct {
					InterviewPractice []struct {
						ID        string
						Question  struct{ ID string }
						KeyPoints []string
					}
				} `json:"_entities"`
			}
			e.ok(ada, true, q, map[string]any{"r": []any{userRep(ada)}}, &got)
			h := got.Entities[0].InterviewPractice
			if len(h) != 3 {
				t.Fatalf("b-006 history has %d attempts, want 3: %+v", len(h), h)
			}
			for _, a := range h {
				if a.Question.ID != "b-006" || len(a.KeyPoints) == 0 {
					t.Fatalf("%+v", a)
				}
			}
			if resp := e.do(ada, true, entities(`interviewPractice(questionId: "q-nope") { id }`, "", ""), map[string]any{"r": []any{userRep(ada)}}); codes(resp) != "NOT_FOUND" {
				t.Fatalf("unknown question: %+v", resp.Errors)
			}
			// Bob asking for Ada's history of the question gets nothing of hers.
			if resp := e.do("user-bob", true, entities(`interviewPractice(questionId: "b-006") { id }`, "", ""), map[string]any{"r": []any{userRep(ada)}}); codes(resp) == "" {
				t.Fatalf("another user read the history: %s", resp.Data)
			}
		})
		t.Run("a question that left the bank is shown as unknown", func(t *testing.T) {
			cy := "user-cy"
			if err := store.New(d).AddAttempt(t.Context(), &planning.Attempt{ID: "att-retired", UserID: cy, QuestionID: "b-retired",
				Answer: "I led the migration and we shipped it.", Feedback: planning.Feedback{Overall: 3, Reviewer: "rules"}, CreatedAt: time.Now()}); err != nil {
				t.Fatal(err)
			}
			var got struct {
				Entities []struct {
					InterviewPractice []struct {
						QuestionID string
						Question   *struct{ Kind, Difficulty string }
						KeyPoints  []string
					}
				} `json:"_entities"`
			}
			e.ok(cy, true, entities(`interviewPractice(first: 5) { questionId question { kind difficulty } keyPoints }`, "", ""),
				map[string]any{"r": []any{userRep(cy)}}, &got)
			h := got.Entities[0].InterviewPractice
			if len(h) != 1 || h[0].QuestionID != "b-retired" || h[0].Question != nil || len(h[0].KeyPoints) != 0 {
				t.Fatalf("retired question's attempt: %+v", h)
			}
		})
	}, store.Migrations()...)
}

func mustJSON(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}
