package graph_test

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/careercoach/coach/internal/bus"
	"github.com/careercoach/coach/internal/db"
	"github.com/careercoach/coach/internal/dbtest"
	"github.com/careercoach/coach/subgraphs/progress"
	"github.com/careercoach/coach/subgraphs/progress/store"
)

const dashboardQuery = `query($r: [_Any!]!) { _entities(representations: $r) { ... on User {
	progress { coursesInProgress coursesCompleted hoursLearned hoursThisWeek milestonesAchieved milestonesTotal
		currentStreak longestStreak weeklyActivity { weekStart activeDays activities hours }
		skillLevels { skill current points { level source at } } }
	enrollments { id status percent hoursLearned course { id } }
	activity(first: 50) { kind title hours } } } }`

type dashboard struct {
	Progress struct {
		CoursesInProgress, CoursesCompleted, MilestonesAchieved, MilestonesTotal, CurrentStreak, LongestStreak int
		HoursLearned, HoursThisWeek                                                                            float64
		WeeklyActivity                                                                                         []struct {
			WeekStart              string
			ActiveDays, Activities int
			Hours                  float64
		}
		SkillLevels []struct {
			Skill   string
			Current int
			Points  []struct {
				Level  int
				Source string
			}
		}
	}
	Enrollments []struct {
		Status       string
		Percent      int
		HoursLearned float64
		Course       struct{ ID string }
	}
	Activity []struct {
		Kind, Title string
		Hours       float64
	}
}

func TestLearningJourney(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		e := setup(t, d)
		e.event("c1", bus.CourseCatalogued, "", progress.CourseCatalogued{CourseID: "k8s", Title: "Kubernetes Basics", Skills: []string{"Kubernetes"}, DurationHours: 10})
		e.event("c2", bus.CourseCatalogued, "", progress.CourseCatalogued{CourseID: "py", Title: "Python 101", Skills: []string{"Python"}, DurationHours: 4})
		e.event("g1", bus.GoalChanged, "ada", progress.GoalChanged{UserID: "ada", GoalID: "goal-1", Change: "created"})
		e.event("cv1", bus.CVAnalyzed, "ada", map[string]any{"userId": "ada", "cvId": "cv-1", "score": 64})

		t.Run("enroll in an unknown course", func(t *testing.T) {
			if got := codes(e.do("ada", false, `mutation { enroll(courseId: "nope") { id } }`, nil)); got != "NOT_FOUND" {
				t.Fatalf("codes %q", got)
			}
		})
		e.ok("ada", false, `mutation { enroll(courseId: "k8s") { id } }`, nil, "", nil)
		e.ok("ada", false, `mutation { enroll(courseId: "py") { id } }`, nil, "", nil)
		var en struct {
			Percent      int
			HoursLearned float64
			Status       string
		}
		for _, bad := range []string{"-1", "200.5"} {
			q := `mutation { updateCourseProgress(courseId: "k8s", percent: 30, hoursSpent: ` + bad + `) { percent } }`
			if got := codes(e.do("ada", false, q, nil)); got != "BAD_USER_INPUT" {
				t.Fatalf("hoursSpent %s: codes %q", bad, got)
			}
		}
		e.ok("ada", false, `mutation { updateCourseProgress(courseId: "k8s", percent: 30, hoursSpent: 2.5) { percent hoursLearned status } }`, nil, "updateCourseProgress", &en)
		if en.Percent != 30 || en.HoursLearned != 2.5 || en.Status != "IN_PROGRESS" {
			t.Fatalf("progress %+v", en)
		}
		// One click completes a course with no time reported: it adds no
		// hours (the "Hours this week 140" after one click).
		e.ok("ada", false, `mutation { completeCourse(courseId: "py") { percent status hoursLearned } }`, nil, "completeCourse", &en)
		if en.Status != "COMPLETED" || en.Percent != 100 || en.HoursLearned != 0 {
			t.Fatalf("complete %+v", en)
		}

		var m1, m2 struct{ ID string }
		e.ok("ada", false, `mutation { createMilestone(input: {goalId: "goal-1", title: "Pass CKA", dueDate: "2027-03-01"}) { id } }`, nil, "createMilestone", &m1)
		e.ok("ada", false, `mutation { createMilestone(input: {goalId: "goal-1", title: "Deploy a side project"}) { id } }`, nil, "createMilestone", &m2)
		e.ok("ada", false, `mutation($m: ID!) { achieveMilestone(id: $m) { achieved } }`, map[string]any{"m": m2.ID}, "", nil)
		var ordered []struct {
			ID       string
			Position int
		}
		e.ok("ada", false, `mutation($a: ID!, $b: ID!) { reorderMilestones(goalId: "goal-1", ids: [$b, $a]) { id position } }`,
			map[string]any{"a": m1.ID, "b": m2.ID}, "reorderMilestones", &ordered)
		if len(ordered) != 2 || ordered[0].ID != m2.ID || ordered[0].Position != 1 {
			t.Fatalf("reorder %+v", ordered)
		}
		e.ok("ada", false, `mutation { assessSkill(skill: "kubernetes", level: 2, note: "Used minikube") { skill } }`, nil, "", nil)
		e.ok("ada", false, `mutation { assessSkill(skill: "Kubernetes", level: 3) { skill } }`, nil, "", nil)

		t.Run("skill aliases resolve to the canonical name", func(t *testing.T) {
			var a struct{ Skill string }
			e.ok("ada", false, `mutation { assessSkill(skill: "k8s", level: 3) { skill } }`, nil, "assessSkill", &a)
			if a.Skill != "Kubernetes" {
				t.Fatalf("skill %q", a.Skill)
			}
		})
		t.Run("goal entity", func(t *testing.T) {
			var goals []struct {
				ProgressPercent int
				Milestones      []struct {
					Title    string
					Achieved bool
					DueDate  *string
				}
			}
			e.ok("ada", true, entitiesQuery, map[string]any{"r": []any{rep("CareerGoal", "goal-1"), rep("CareerGoal", "goal-unknown")}}, "_entities", &goals)
			if len(goals) != 2 || goals[0].ProgressPercent != 50 || len(goals[0].Milestones) != 2 || goals[0].Milestones[0].Title != "Deploy a side project" {
				t.Fatalf("%+v", goals)
			}
			if goals[1].ProgressPercent != 0 || len(goals[1].Milestones) != 0 {
				t.Fatalf("unknown goal %+v", goals[1])
			}
		})
		t.Run("course entity shows my enrollment", func(t *testing.T) {
			var cs []struct {
				ID           string
				MyEnrollment *struct{ Percent int }
			}
			e.ok("ada", true, entitiesQuery, map[string]any{"r": []any{rep("Course", "k8s"), rep("Course", "py"), rep("Course", "other")}}, "_entities", &cs)
			if len(cs) != 3 || cs[0].MyEnrollment == nil || cs[0].MyEnrollment.Percent != 30 || cs[1].MyEnrollment.Percent != 100 || cs[2].MyEnrollment != nil {
				t.Fatalf("%+v", cs)
			}
		})
		t.Run("an enrollment's course shows that enrollment", func(t *testing.T) {
			// The router resolves Course.myEnrollment in this subgraph when
			// the course was reached through an enrollment here.
			var en struct {
				ID     string
				Course struct {
					MyEnrollment *struct{ ID string }
				}
			}
			e.ok("ada", false, `mutation { updateCourseProgress(courseId: "k8s", percent: 30) { id course { myEnrollment { id } } } }`, nil, "updateCourseProgress", &en)
			if en.Course.MyEnrollment == nil || en.Course.MyEnrollment.ID != en.ID {
				t.Fatalf("%+v", en)
			}
		})
		t.Run("dashboard", func(t *testing.T) {
			var got []dashboard
			e.ok("ada", true, dashboardQuery, map[string]any{"r": []any{rep("User", "ada")}}, "_entities", &got)
			p := got[0].Progress
			if p.CoursesInProgress != 1 || p.CoursesCompleted != 1 || p.HoursLearned != 2.5 || p.HoursThisWeek != 2.5 {
				t.Fatalf("courses %+v", p)
			}
			if p.MilestonesAchieved != 1 || p.MilestonesTotal != 2 || p.CurrentStreak != 1 || p.LongestStreak != 1 {
				t.Fatalf("milestones/streak %+v", p)
			}
			if len(p.WeeklyActivity) != 12 || p.WeeklyActivity[11].Activities == 0 || p.WeeklyActivity[0].Activities != 0 {
				t.Fatalf("weekly %+v", p.WeeklyActivity)
			}
			if len(p.SkillLevels) != 1 || p.SkillLevels[0].Skill != "Kubernetes" || p.SkillLevels[0].Current != 3 || len(p.SkillLevels[0].Points) != 3 {
				t.Fatalf("skills %+v", p.SkillLevels)
			}
			kinds := map[string]bool{}
			for _, a := range got[0].Activity {
				kinds[a.Kind] = true
			}
			for _, k := range []string{"COURSE_STARTED", "COURSE_PROGRESSED", "COURSE_COMPLETED", "MILESTONE_ACHIEVED", "CV_ANALYZED", "ASSESSMENT_TAKEN"} {
				if !kinds[k] {
					t.Errorf("feed lacks %s: %+v", k, got[0].Activity)
				}
			}
		})
		t.Run("enrollments by status", func(t *testing.T) {
			var got []struct {
				Enrollments []struct{ Course struct{ ID string } }
			}
			e.ok("ada", true, `query($r: [_Any!]!) { _entities(representations: $r) { ... on User { enrollments(status: COMPLETED) { course { id } } } } }`,
				map[string]any{"r": []any{rep("User", "ada")}}, "_entities", &got)
			if len(got[0].Enrollments) != 1 || got[0].Enrollments[0].Course.ID != "py" {
				t.Fatalf("%+v", got)
			}
		})
		t.Run("user.deleted empties the dashboard", func(t *testing.T) {
			e.event("u1", bus.UserDeleted, "ada", map[string]string{"userId": "ada"})
			var got []dashboard
			e.ok("ada", true, dashboardQuery, map[string]any{"r": []any{rep("User", "ada")}}, "_entities", &got)
			if p := got[0].Progress; p.CoursesCompleted != 0 || p.MilestonesTotal != 0 || len(got[0].Activity) != 0 || len(p.SkillLevels) != 0 {
				t.Fatalf("%+v", got[0])
			}
		})
	}, store.Migrations()...)
}

func TestQuiz(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		e := setup(t, d)
		const q = `mutation { startQuiz(skill: "python") { id skill expiresAt questions { id prompt choices level } } }`
		resp := e.do("ada", false, q, nil)
		if len(resp.Errors) > 0 {
			t.Fatal(resp.Errors)
		}
		raw := string(resp.Data["startQuiz"])
		var quiz struct {
			ID, Skill string
			Questions []struct {
				ID      string
				Prompt  string
				Choices []string
				Level   int
			}
		}
		if err := json.Unmarshal(resp.Data["startQuiz"], &quiz); err != nil {
			t.Fatal(err)
		}
		if quiz.Skill != "Python" || len(quiz.Questions) != progress.QuizQuestions {
			t.Fatalf("%s", raw)
		}
		for i, sq := range quiz.Questions {
			if sq.Level != i+1 {
				t.Fatalf("question %d is of level %d: a quiz asks levels 1–5 in order: %s", i, sq.Level, raw)
			}
		}
		t.Run("no answers before submission", func(t *testing.T) {
			for _, bq := range e.bank.Questions("Python") {
				if strings.Contains(raw, bq.Explanation) {
					t.Fatalf("explanation of %s served", bq.ID)
				}
			}
			if strings.Contains(raw, "answer") {
				t.Fatalf("answer field served: %s", raw)
			}
			if got := codes(e.do("ada", false, `mutation { startQuiz(skill: "Python") { questions { answer } } }`, nil)); got != "GRAPHQL_VALIDATION_FAILED" {
				t.Fatalf("answer is queryable: %q", got)
			}
		})
		t.Run("a query cannot start one", func(t *testing.T) {
			// Queries may be sent by GET, cached and retried: starting an
			// attempt is a mutation.
			if got := codes(e.do("ada", false, `{ quiz(skill: "Python") { id } }`, nil)); got != "GRAPHQL_VALIDATION_FAILED" {
				t.Fatalf("Query.quiz exists: %q", got)
			}
		})
		t.Run("reloading returns the same quiz", func(t *testing.T) {
			var again struct{ ID string }
			e.ok("ada", false, q, nil, "startQuiz", &again)
			if again.ID != quiz.ID {
				t.Fatalf("new quiz %s", again.ID)
			}
		})
		// Answer everything right by matching served choice text to the bank.
		right := map[string]string{}
		for _, bq := range e.bank.Questions("Python") {
			right[bq.ID] = bq.Choices[bq.Answer]
		}
		var answers []map[string]any
		for i, sq := range quiz.Questions {
			for ci, c := range sq.Choices {
				if c == right[sq.ID] && i > 0 { // first one deliberately unanswered
					answers = append(answers, map[string]any{"questionId": sq.ID, "choice": ci})
				}
			}
		}
		const submit = `mutation($in: SkillQuizSubmission!) { submitQuiz(input: $in) { correct total assessment { skill level source score } questions { questionId correct correctChoice explanation } } }`
		in := map[string]any{"in": map[string]any{"quizId": quiz.ID, "answers": answers}}
		var res struct {
			Correct, Total int
			Assessment     struct {
				Skill, Source string
				Level         int
				Score         *int
			}
			Questions []struct {
				Correct     bool
				Explanation string
			}
		}
		e.ok("ada", false, submit, in, "submitQuiz", &res)
		// One slip at level 1, every harder question right: level 5.
		if res.Correct != 4 || res.Total != 5 || res.Assessment.Skill != "Python" || res.Assessment.Source != "QUIZ" || res.Assessment.Score == nil || res.Assessment.Level != 5 {
			t.Fatalf("%+v", res)
		}
		if res.Questions[0].Correct || res.Questions[0].Explanation == "" {
			t.Fatalf("unanswered question %+v", res.Questions[0])
		}
		t.Run("resubmitting is refused", func(t *testing.T) {
			if got := codes(e.do("ada", false, submit, in)); got != "CONFLICT" {
				t.Fatalf("codes %q", got)
			}
		})
		t.Run("history per skill", func(t *testing.T) {
			e.ok("ada", false, `mutation { assessSkill(skill: "Python", level: 2) { id } }`, nil, "", nil)
			e.ok("ada", false, `mutation { assessSkill(skill: "SQL", level: 4) { id } }`, nil, "", nil)
			var got []struct {
				Assessments []struct{ Skill, Source string }
			}
			e.ok("ada", true, `query($r: [_Any!]!) { _entities(representations: $r) { ... on User { assessments(skill: "Python") { skill source } } } }`,
				map[string]any{"r": []any{rep("User", "ada")}}, "_entities", &got)
			if len(got[0].Assessments) != 2 || got[0].Assessments[0].Source != "QUIZ" || got[0].Assessments[1].Source != "SELF" {
				t.Fatalf("%+v", got)
			}
		})
		t.Run("a new quiz after submitting", func(t *testing.T) {
			var next struct{ ID string }
			e.ok("ada", false, q, nil, "startQuiz", &next)
			if next.ID == quiz.ID {
				t.Fatal("the submitted quiz was handed out again")
			}
		})
	}, store.Migrations()...)
}

func TestInputLimits(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		e := setup(t, d)
		e.event("g1", bus.GoalChanged, "ada", progress.GoalChanged{UserID: "ada", GoalID: "goal-1", Change: "created"})
		long := strings.Repeat("x", 300)
		tests := []struct {
			name, query string
			want        string
		}{
			{"percent above 100", `mutation { updateCourseProgress(courseId: "c", percent: 101) { id } }`, "BAD_USER_INPUT"},
			{"negative percent", `mutation { updateCourseProgress(courseId: "c", percent: -1) { id } }`, "BAD_USER_INPUT"},
			{"oversized id", `mutation { enroll(courseId: "` + strings.Repeat("c", 101) + `") { id } }`, "BAD_USER_INPUT"},
			{"title too long", `mutation { createMilestone(input: {goalId: "goal-1", title: "` + long + `"}) { id } }`, "BAD_USER_INPUT"},
			{"empty title", `mutation { createMilestone(input: {goalId: "goal-1", title: "  "}) { id } }`, "BAD_USER_INPUT"},
			{"bad due date", `mutation { createMilestone(input: {goalId: "goal-1", title: "t", dueDate: "tomorrow"}) { id } }`, "BAD_USER_INPUT"},
			{"level 0", `mutation { assessSkill(skill: "SQL", level: 0) { id } }`, "BAD_USER_INPUT"},
			{"level 6", `mutation { assessSkill(skill: "SQL", level: 6) { id } }`, "BAD_USER_INPUT"},
			{"unknown skill", `mutation { assessSkill(skill: "Basket Weaving", level: 3) { id } }`, "BAD_USER_INPUT"},
			{"note too long", `mutation { assessSkill(skill: "SQL", level: 3, note: "` + strings.Repeat("n", 501) + `") { id } }`, "BAD_USER_INPUT"},
			{"quiz for unknown skill", `mutation { startQuiz(skill: "Basket Weaving") { id } }`, "BAD_USER_INPUT"},
			{"too many answers", `mutation { submitQuiz(input: {quizId: "q", answers: [{questionId: "a", choice: 0}, {questionId: "b", choice: 0}, {questionId: "c", choice: 0}, {questionId: "d", choice: 0}, {questionId: "e", choice: 0}, {questionId: "f", choice: 0}]}) { correct } }`, "BAD_USER_INPUT"},
			{"quiz for a taxonomy skill without questions", `mutation { startQuiz(skill: "Rust") { id } }`, "NOT_FOUND"},
			{"unknown quiz", `mutation { submitQuiz(input: {quizId: "q", answers: []}) { correct } }`, "NOT_FOUND"},
			{"activity page too big", `query($r: [_Any!]!) { _entities(representations: $r) { ... on User { activity(first: 1000) { id } } } }`, "BAD_USER_INPUT"},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				resp := e.do("ada", true, tt.query, map[string]any{"r": []any{rep("User", "ada")}})
				if got := codes(resp); got != tt.want {
					t.Fatalf("codes %q, want %q (%+v)", got, tt.want, resp.Errors)
				}
			})
		}
	}, store.Migrations()...)
}

// TestQuizExpiryAndLimit: a quiz left open past its 15 minutes cannot be
// submitted, and starting quizzes is capped per skill per day.
func TestQuizExpiryAndLimit(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		e := setup(t, d)
		var q struct{ ID string }
		e.ok("ada", false, `mutation { startQuiz(skill: "Docker") { id } }`, nil, "startQuiz", &q)
		e.skew = progress.QuizTTL + time.Second
		submit := `mutation($q: ID!) { submitQuiz(input: {quizId: $q, answers: []}) { correct } }`
		if got := codes(e.do("ada", false, submit, map[string]any{"q": q.ID})); got != "BAD_USER_INPUT" {
			t.Fatalf("expired submit: %q", got)
		}
		// Each expired quiz makes room for a new one, up to the daily cap.
		for i := 1; i < progress.MaxQuizzesPerSkillPerDay; i++ {
			e.skew = time.Duration(i) * (progress.QuizTTL + time.Second)
			e.ok("ada", false, `mutation { startQuiz(skill: "Docker") { id } }`, nil, "", nil)
		}
		e.skew = time.Duration(progress.MaxQuizzesPerSkillPerDay) * (progress.QuizTTL + time.Second)
		if got := codes(e.do("ada", false, `mutation { startQuiz(skill: "Docker") { id } }`, nil)); got != "RATE_LIMITED" {
			t.Fatalf("over the cap: %q", got)
		}
		if got := codes(e.do("ada", false, `mutation { startQuiz(skill: "Git") { id } }`, nil)); got != "" {
			t.Fatalf("another skill is not capped: %q", got)
		}
	}, store.Migrations()...)
}

func TestSkillRubrics(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		e := setup(t, d)
		var rubrics []struct {
			Skill  string
			Levels []struct {
				Level             int
				Name, Description string
			}
		}
		e.ok("ada", false, `{ skillRubrics { skill levels { level name description } } }`, nil, "skillRubrics", &rubrics)
		var quizSkills []string
		e.ok("ada", false, `{ quizSkills }`, nil, "quizSkills", &quizSkills)
		found := false
		for _, r := range rubrics {
			if slices.Contains(quizSkills, r.Skill) {
				t.Errorf("%s has a rubric and a quiz", r.Skill)
			}
			if r.Skill != "Communication" {
				continue
			}
			found = true
			if len(r.Levels) != 5 || r.Levels[0].Level != 1 || r.Levels[4].Name != "Expert" || !strings.Contains(r.Levels[2].Description, "audience") {
				t.Fatalf("%+v", r)
			}
		}
		if !found || len(quizSkills) < 150 {
			t.Fatalf("no Communication rubric, or %d quiz skills", len(quizSkills))
		}
	}, store.Migrations()...)
}
