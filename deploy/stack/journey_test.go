package stack

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/careercoach/coach/internal/waitfor"
)

const twoPagePDF = "../../subgraphs/cv/extract/testdata/fpdf-two-page.pdf"

// TestJourney walks a new user through the product on the production
// topology (six processes, PostgreSQL, Redis), then checks that a second
// user sees none of the first one's data through any field.
func TestJourney(t *testing.T) {
	s := testStack(t, stackRedis(t))
	ada := signUp(t, s, "ada@example.com")
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()

	// Upload a two-page PDF through the router, follow the analysis live.
	up := ada.upload(twoPagePDF)
	var uploaded struct {
		UploadCV struct{ ID, Status string } `json:"uploadCV"`
	}
	if len(up.Errors) > 0 || decode(up.Data, &uploaded) != nil || uploaded.UploadCV.ID == "" {
		t.Fatalf("uploadCV: %s", up)
	}
	cvID := uploaded.UploadCV.ID
	stages, err := ada.progress(ctx, "ws"+strings.TrimPrefix(s.URL(), "http")+"/graphql", cvID)
	if err != nil {
		t.Fatalf("progress: %v", err)
	}
	if stages[len(stages)-1] != "DONE" {
		t.Fatalf("analysis ended in %v", stages)
	}

	var me struct {
		Me struct {
			LatestCV struct {
				ID       string
				Status   string
				Analysis struct {
					Score  int
					Engine string
					Skills []struct{ Name string }
				}
			} `json:"latestCV"`
			Skills []struct {
				Name  string
				Level int
			}
		}
	}
	ada.must(`{ me { latestCV { id status analysis { score engine skills { name } } } skills { name level } } }`, nil, &me)
	if me.Me.LatestCV.ID != cvID || me.Me.LatestCV.Status != "DONE" || me.Me.LatestCV.Analysis.Engine != "offline" ||
		me.Me.LatestCV.Analysis.Score <= 0 || len(me.Me.Skills) == 0 {
		t.Fatalf("analysis: %+v", me.Me)
	}

	// Skill gap to a software role: the router fetches cv's User.skills
	// first (@requires) and hands them to planning.
	var roles struct{ Roles []struct{ ID, Title string } }
	ada.must(`{ roles(category: SOFTWARE) { id title } }`, nil, &roles)
	if len(roles.Roles) == 0 {
		t.Fatal("no software roles")
	}
	role := roles.Roles[0].ID
	var gap struct {
		Me struct {
			SkillGap struct {
				ReadinessPercent int
				Matched          []struct{ Name string }
			}
		}
	}
	ada.must(`query($r: ID!) { me { skillGap(targetRole: $r) { readinessPercent matched { name } } } }`, map[string]any{"r": role}, &gap)
	if len(gap.Me.SkillGap.Matched) == 0 || gap.Me.SkillGap.ReadinessPercent <= 0 {
		t.Fatalf("skill gap ignores the CV's skills: %+v (skills %+v)", gap.Me.SkillGap, me.Me.Skills)
	}

	// A goal for that role: recommendations follow it (goal.changed → courses).
	var goal struct {
		CreateGoal struct{ ID string } `json:"createGoal"`
	}
	ada.must(`mutation($r: ID!) { createGoal(input: {title: "Senior engineer", targetRoleId: $r}) { id } }`, map[string]any{"r": role}, &goal)
	var recs struct {
		Me struct {
			RecommendedCourses []struct {
				Reason string
				Course struct{ ID, Title string }
			} `json:"recommendedCourses"`
		}
	}
	waitfor.Check(t, 30*time.Second, "recommendations", func() (bool, string) {
		r := ada.do(`{ me { recommendedCourses(first: 5) { reason course { id title } } } }`, nil)
		_ = decode(r.Data, &recs)
		return len(recs.Me.RecommendedCourses) > 0 && recs.Me.RecommendedCourses[0].Reason != "" && recs.Me.RecommendedCourses[0].Course.Title != "", r.String()
	})
	courseID := recs.Me.RecommendedCourses[0].Course.ID

	// Enroll and complete (progress knows the course from course.catalogued).
	waitfor.Check(t, 30*time.Second, "enroll", func() (bool, string) {
		r := ada.do(`mutation($c: ID!) { enroll(courseId: $c) { status } }`, map[string]any{"c": courseID})
		return len(r.Errors) == 0, r.String()
	})
	ada.must(`mutation($c: ID!) { completeCourse(courseId: $c) { status } }`, map[string]any{"c": courseID}, nil)
	var dash struct {
		Me struct {
			Progress struct {
				CoursesCompleted int
				CurrentStreak    int
				WeeklyActivity   []struct{ Activities int }
			}
			Activity []struct{ Kind string }
		}
	}
	waitfor.Check(t, 30*time.Second, "dashboard", func() (bool, string) {
		r := ada.do(`{ me { progress { coursesCompleted currentStreak weeklyActivity { activities } } activity(first: 20) { kind } } }`, nil)
		_ = decode(r.Data, &dash)
		var kinds []string
		for _, a := range dash.Me.Activity {
			kinds = append(kinds, a.Kind)
		}
		return dash.Me.Progress.CoursesCompleted == 1 && dash.Me.Progress.CurrentStreak == 1 &&
			slices.Contains(kinds, "CV_ANALYZED") && slices.Contains(kinds, "COURSE_COMPLETED"), r.String()
	})

	t.Run("another user sees none of it", func(t *testing.T) {
		bob := signUp(t, s, "bob@example.com")
		var own struct {
			Me struct {
				Cvs                []any `json:"cvs"`
				LatestCV           any   `json:"latestCV"`
				Skills             []any
				Goals              []any
				RecommendedCourses []any `json:"recommendedCourses"`
				Enrollments        []any
				Activity           []any
				Progress           struct{ CoursesCompleted int }
			}
		}
		bob.must(`{ me { cvs { id } latestCV { id } skills { name } goals { id } recommendedCourses { score }
			enrollments { id } activity { id } progress { coursesCompleted } } }`, nil, &own)
		m := own.Me
		if len(m.Cvs)+len(m.Skills)+len(m.Goals)+len(m.RecommendedCourses)+len(m.Enrollments)+len(m.Activity) != 0 ||
			m.LatestCV != nil || m.Progress.CoursesCompleted != 0 {
			t.Fatalf("bob sees data: %+v", m)
		}
		for name, op := range map[string]struct {
			query string
			vars  map[string]any
		}{
			"read ada's CV":      {`query($id: ID!) { cv(id: $id) { id text } }`, map[string]any{"id": cvID}},
			"read ada's goal":    {`query($id: ID!) { goal(id: $id) { id title } }`, map[string]any{"id": goal.CreateGoal.ID}},
			"delete ada's CV":    {`mutation($id: ID!) { deleteCV(id: $id) }`, map[string]any{"id": cvID}},
			"reanalyse ada's CV": {`mutation($id: ID!) { reanalyzeCV(id: $id) { id } }`, map[string]any{"id": cvID}},
			"change ada's goal":  {`mutation($id: ID!) { updateGoal(id: $id, input: {title: "mine"}) { id } }`, map[string]any{"id": goal.CreateGoal.ID}},
			"add to ada's goal":  {`mutation($id: ID!) { createMilestone(input: {goalId: $id, title: "x"}) { id } }`, map[string]any{"id": goal.CreateGoal.ID}},
			"delete ada's goal":  {`mutation($id: ID!) { deleteGoal(id: $id) }`, map[string]any{"id": goal.CreateGoal.ID}},
		} {
			t.Run(name, func(t *testing.T) {
				r := bob.do(op.query, op.vars)
				if len(r.Errors) == 0 && !strings.Contains(string(r.Data), "null") {
					t.Fatalf("bob got %s", r)
				}
				if strings.Contains(string(r.Data), `"id":"`) || strings.Contains(string(r.Data), "Senior engineer") {
					t.Fatalf("bob got ada's data: %s", r)
				}
			})
		}
		t.Run("subscribe to ada's CV", func(t *testing.T) {
			stages, err := bob.progress(ctx, "ws"+strings.TrimPrefix(s.URL(), "http")+"/graphql", cvID)
			if err == nil || len(stages) > 0 {
				t.Fatalf("bob followed ada's analysis: %v, %v", stages, err)
			}
		})
		// Ada's data is unchanged by all of it.
		ada.must(`query($id: ID!, $id2: ID!) { cv(id: $id) { id } goal(id: $id2) { title } }`, map[string]any{"id": cvID, "id2": goal.CreateGoal.ID}, nil)
	})
}
