// Package looptest walks the coaching loop of issue 24 through a router, for
// the full-stack tests of every topology (coach dev on SQLite, coach up on
// PostgreSQL and Redis): one walk, written once.
package looptest

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/careercoach/coach/internal/waitfor"
)

// Do runs one GraphQL operation through the router as the user and returns
// the raw JSON response ({"data": …, "errors": […]}).
type Do func(query string, vars map[string]any) []byte

type result struct {
	Data   json.RawMessage `json:"data"`
	Errors []any           `json:"errors"`
	raw    string
}

func (r result) String() string { return r.raw }

type user struct {
	t  *testing.T
	do Do
}

func (u user) run(query string, vars map[string]any) result {
	raw := u.do(query, vars)
	var r result
	if err := json.Unmarshal(raw, &r); err != nil {
		u.t.Fatalf("not a GraphQL response: %s", raw)
	}
	r.raw = string(raw)
	return r
}

func (u user) must(query string, vars map[string]any, out any) {
	u.t.Helper()
	r := u.run(query, vars)
	if len(r.Errors) > 0 {
		u.t.Fatalf("%s\n→ %s", query, r)
	}
	if out != nil {
		if err := json.Unmarshal(r.Data, out); err != nil {
			u.t.Fatalf("decoding %s: %v", r.Data, err)
		}
	}
}

func decode(data []byte, out any) error { return json.Unmarshal(data, out) }

type gapItem struct {
	Name          string
	Level         int
	RequiredLevel int
}

type loopGap struct {
	ReadinessPercent int
	Matched          []gapItem
	UnderLevel       []gapItem
	Missing          []gapItem
}

func (g loopGap) levels() map[string]int {
	out := map[string]int{}
	for _, items := range [][]gapItem{g.Matched, g.UnderLevel, g.Missing} {
		for _, it := range items {
			out[it.Name] = it.Level
		}
	}
	return out
}

const loopRole = "data-scientist"

// Walk runs issue 24's coaching loop through the router for a user whose CV
// has just been analysed: see the gap; rate a skill, take a quiz, complete a
// course; the gap and readiness move, and the gap, the career path and the
// skill profile agree on every skill at every step.
func Walk(t *testing.T, do Do) {
	t.Helper()
	ada := user{t: t, do: do}
	var goal struct {
		CreateGoal struct{ ID string } `json:"createGoal"`
	}
	ada.must(`mutation($r: ID!) { createGoal(input: {title: "Data scientist", targetRoleId: $r}) { id } }`, map[string]any{"r": loopRole}, &goal)

	// agreed waits until the gap shows the profile's level for every
	// required skill (the profile reaches planning by skillprofile.changed),
	// then checks the career path against the gap, and returns the gap.
	agreed := func(t *testing.T, what string, ok func(loopGap) bool) loopGap {
		t.Helper()
		var gap loopGap
		waitfor.Check(t, 60*time.Second, what, func() (bool, string) {
			var out struct {
				Me struct {
					SkillGap     loopGap
					SkillProfile []struct {
						Name  string
						Level int
					}
				}
			}
			r := ada.run(`query($r: ID!) { me { skillProfile { name level }
				skillGap(targetRole: $r) { readinessPercent matched { name level requiredLevel } underLevel { name level requiredLevel } missing { name level requiredLevel } } } }`,
				map[string]any{"r": loopRole})
			if len(r.Errors) > 0 || decode(r.Data, &out) != nil {
				return false, r.String()
			}
			gap = out.Me.SkillGap
			profile := map[string]int{}
			for _, p := range out.Me.SkillProfile {
				profile[p.Name] = p.Level
			}
			for name, lvl := range gap.levels() {
				if profile[name] != lvl {
					return false, fmt.Sprintf("gap says %s %d, profile %d", name, lvl, profile[name])
				}
			}
			return ok(gap), r.String()
		})
		var path struct {
			CareerPath struct {
				Steps []struct {
					SkillsToGain []struct {
						Name      string
						FromLevel int
					}
				}
			}
		}
		ada.must(`{ careerPath(from: "data-analyst", to: "data-scientist") { steps { skillsToGain { name fromLevel } } } }`, nil, &path)
		steps := path.CareerPath.Steps
		if len(steps) == 0 {
			t.Fatal("no career path from data analyst to data scientist")
		}
		lv := gap.levels()
		for _, sk := range steps[len(steps)-1].SkillsToGain {
			if sk.FromLevel < lv[sk.Name] {
				t.Errorf("%s: path says %s from level %d, gap shows %d", what, sk.Name, sk.FromLevel, lv[sk.Name])
			}
			if slices.ContainsFunc(gap.Matched, func(m gapItem) bool { return m.Name == sk.Name }) {
				t.Errorf("%s: path asks to gain %s, which the gap calls matched", what, sk.Name)
			}
		}
		return gap
	}

	// The profile reaches planning by events (cv.analyzed → progress →
	// skillprofile.changed); until then the gap stands in with the CV's
	// skills. The learning path says when its profile was last updated.
	waitfor.Check(t, 60*time.Second, "the skill profile to reach planning", func() (bool, string) {
		r := ada.run(`query($g: ID!) { goal(id: $g) { learningPath { skillsAnalyzedAt } } }`, map[string]any{"g": goal.CreateGoal.ID})
		return len(r.Errors) == 0 && !strings.Contains(r.String(), `"skillsAnalyzedAt":null`), r.String()
	})
	g0 := agreed(t, "the CV's skills in the gap", func(g loopGap) bool { return len(g.Matched)+len(g.UnderLevel) > 0 })
	if len(g0.Missing) < 3 {
		t.Fatalf("the CV covers nearly all of %s; the loop needs missing skills: %+v", loopRole, g0)
	}

	// A self-rating of a missing skill moves readiness.
	rated := g0.Missing[0].Name
	ada.must(`mutation($s: String!) { assessSkill(skill: $s, level: 3) { id } }`, map[string]any{"s": rated}, nil)
	g1 := agreed(t, "self-rating", func(g loopGap) bool { return g.levels()[rated] == 3 })
	if g1.ReadinessPercent <= g0.ReadinessPercent {
		t.Fatalf("readiness %d%% → %d%% after rating %s at 3", g0.ReadinessPercent, g1.ReadinessPercent, rated)
	}

	// A quiz sets the level of a required skill, whatever the CV claimed.
	var qs struct{ QuizSkills []string }
	ada.must(`{ quizSkills }`, nil, &qs)
	quizzed := ""
	for name := range g1.levels() {
		if name != rated && slices.Contains(qs.QuizSkills, name) && (quizzed == "" || name < quizzed) {
			quizzed = name
		}
	}
	if quizzed == "" {
		t.Fatalf("no quiz for any skill of %s (quizzes: %v)", loopRole, qs.QuizSkills)
	}
	var quiz struct {
		StartQuiz struct {
			ID        string
			Questions []struct{ ID string }
		} `json:"startQuiz"`
	}
	ada.must(`mutation($s: String!) { startQuiz(skill: $s) { id questions { id } } }`, map[string]any{"s": quizzed}, &quiz)
	answers := []map[string]any{}
	for _, q := range quiz.StartQuiz.Questions {
		answers = append(answers, map[string]any{"questionId": q.ID, "choice": 0})
	}
	var result struct {
		SubmitQuiz struct{ Assessment struct{ Level int } } `json:"submitQuiz"`
	}
	ada.must(`mutation($i: SkillQuizSubmission!) { submitQuiz(input: $i) { assessment { level } } }`,
		map[string]any{"i": map[string]any{"quizId": quiz.StartQuiz.ID, "answers": answers}}, &result)
	measured := result.SubmitQuiz.Assessment.Level
	agreed(t, "quiz", func(g loopGap) bool { return g.levels()[quizzed] == measured })

	// Completing a course that teaches a missing skill moves readiness, and
	// the course is not recommended again.
	var lp struct {
		Goal struct {
			LearningPath struct {
				Steps []struct {
					Skill        string
					CurrentLevel int
					Courses      []struct{ ID string }
				}
			}
		}
	}
	ada.must(`query($g: ID!) { goal(id: $g) { learningPath { steps { skill currentLevel courses { id } } } } }`, map[string]any{"g": goal.CreateGoal.ID}, &lp)
	courseID, taught := "", ""
	for _, st := range lp.Goal.LearningPath.Steps {
		if st.CurrentLevel == 0 && len(st.Courses) > 0 && st.Skill != quizzed {
			courseID, taught = st.Courses[0].ID, st.Skill
			break
		}
	}
	if courseID == "" {
		t.Fatalf("no course for a missing skill in the learning path %+v", lp)
	}
	waitfor.Check(t, 30*time.Second, "enroll", func() (bool, string) {
		r := ada.run(`mutation($c: ID!) { enroll(courseId: $c) { status } }`, map[string]any{"c": courseID})
		return len(r.Errors) == 0, r.String()
	})
	before := agreed(t, "before the course", func(loopGap) bool { return true })
	ada.must(`mutation($c: ID!) { completeCourse(courseId: $c) { status } }`, map[string]any{"c": courseID}, nil)
	after := agreed(t, "completed course", func(g loopGap) bool { return g.levels()[taught] >= 2 })
	if after.ReadinessPercent <= before.ReadinessPercent {
		t.Fatalf("readiness %d%% → %d%% after completing a course on %s", before.ReadinessPercent, after.ReadinessPercent, taught)
	}
	waitfor.Check(t, 30*time.Second, "the completed course leaves the recommendations", func() (bool, string) {
		r := ada.run(`{ me { recommendedCourses(first: 50) { course { id } } progress { hoursThisWeek } } }`, nil)
		var out struct {
			Me struct {
				RecommendedCourses []struct{ Course struct{ ID string } } `json:"recommendedCourses"`
				Progress           struct{ HoursThisWeek float64 }
			}
		}
		if decode(r.Data, &out) != nil || len(out.Me.RecommendedCourses) == 0 || out.Me.Progress.HoursThisWeek != 0 {
			return false, r.String()
		}
		return !slices.ContainsFunc(out.Me.RecommendedCourses, func(c struct{ Course struct{ ID string } }) bool { return c.Course.ID == courseID }), r.String()
	})

	// Readiness history: rising points, the last one the gap's.
	var hist struct {
		Me struct {
			ReadinessHistory []struct{ ReadinessPercent int }
		}
	}
	ada.must(`query($r: ID!) { me { readinessHistory(targetRole: $r) { readinessPercent } } }`, map[string]any{"r": loopRole}, &hist)
	h := hist.Me.ReadinessHistory
	if len(h) < 2 || h[len(h)-1].ReadinessPercent != after.ReadinessPercent {
		t.Fatalf("readiness history %+v, want several points ending at %d%%", h, after.ReadinessPercent)
	}
}
