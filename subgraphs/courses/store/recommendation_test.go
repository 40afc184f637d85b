package store_test

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/careercoach/coach/internal/bus"
	"github.com/careercoach/coach/internal/db"
	"github.com/careercoach/coach/internal/dbtest"
	"github.com/careercoach/coach/subgraphs/courses"
	"github.com/careercoach/coach/subgraphs/courses/store"
)

// cvSkills makes skills the cv.analyzed payload's.
func cvSkills(skills []courses.SkillLevel) []bus.CVSkill {
	out := make([]bus.CVSkill, len(skills))
	for i, s := range skills {
		out[i] = bus.CVSkill{Name: s.Name, Level: s.Level}
	}
	return out
}

func cvEvent(user string, at time.Time, skills ...courses.SkillLevel) bus.Event {
	return event(bus.CVAnalyzed, user, bus.CVAnalyzedPayload{UserID: user, CVID: "cv-" + user, Skills: cvSkills(skills),
		SuggestedRoles: []string{"Data Analyst"}}, at)
}

func goalEvent(user, goal, change, status string, at time.Time, req ...courses.SkillLevel) bus.Event {
	return event(bus.GoalChanged, user, bus.GoalChangedPayload{UserID: user, GoalID: goal, Change: change, Status: status,
		Title: "Move into cloud", TargetRoleID: "cloud-engineer", TargetRoleTitle: "Cloud Engineer", RequiredSkills: req}, at)
}

type storedRec struct {
	CourseID, Reason, Matched string
	Rank                      int
	Score                     float64
}

func stored(t *testing.T, st *store.Store, user string) []storedRec {
	t.Helper()
	recs, err := st.RecommendationsFor(t.Context(), user, 100)
	if err != nil {
		t.Fatal(err)
	}
	out := make([]storedRec, len(recs))
	for i, r := range recs {
		if r.Course == nil || r.Course.ID != r.CourseID {
			t.Fatalf("recommendation %s has course %+v", r.CourseID, r.Course)
		}
		out[i] = storedRec{r.CourseID, r.Reason, strings.Join(r.MatchedSkills, ","), r.Rank, r.Score}
	}
	return out
}

func TestRecommendationsFromEvents(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		st, _ := seeded(t, d)
		t0 := time.Now().Add(-time.Hour).UTC()
		cloud := []courses.SkillLevel{{Name: "Kubernetes", Level: 3}, {Name: "Docker", Level: 3}, {Name: "AWS", Level: 3}, {Name: "Linux", Level: 3}}

		t.Run("no data, no recommendations", func(t *testing.T) {
			if got := stored(t, st, "nobody"); len(got) != 0 {
				t.Fatalf("got %v", got)
			}
		})
		t.Run("goal only: every required skill is missing", func(t *testing.T) {
			if err := handle(t, d, st, goalEvent("ada", "g1", "created", "ACTIVE", t0, cloud...)); err != nil {
				t.Fatal(err)
			}
			got := stored(t, st, "ada")
			if len(got) == 0 || len(got) > courses.MaxRecommendations {
				t.Fatalf("%d recommendations", len(got))
			}
			if !strings.Contains(got[0].Reason, "Cloud Engineer") || !strings.Contains(got[0].Reason, "No CV has been analysed") {
				t.Fatalf("reason %q", got[0].Reason)
			}
			for i, r := range got {
				if r.Rank != i+1 || (i > 0 && r.Score > got[i-1].Score) || r.Matched == "" {
					t.Fatalf("bad order or match at %d: %+v", i, r)
				}
			}
		})
		t.Run("CV + goal: skills the CV shows at level are not a gap", func(t *testing.T) {
			ev := cvEvent("ada", t0.Add(time.Minute), courses.SkillLevel{Name: "docker", Level: 4}, courses.SkillLevel{Name: "Linux", Level: 5})
			if err := handle(t, d, st, ev); err != nil {
				t.Fatal(err)
			}
			got := stored(t, st, "ada")
			for _, r := range got {
				if strings.Contains(r.Matched, "Docker") || strings.Contains(r.Matched, "Linux") {
					t.Fatalf("%s matched %s, which the CV already covers", r.CourseID, r.Matched)
				}
			}
			if !strings.Contains(got[0].Reason, "of the 2 skills you still need for Cloud Engineer") {
				t.Fatalf("reason %q", got[0].Reason)
			}
		})
		t.Run("recomputing from the same input keeps the same rows", func(t *testing.T) {
			before := stored(t, st, "ada")
			if n, err := st.RecomputeAll(t.Context()); err != nil || n != 1 {
				t.Fatalf("recomputed %d users, %v", n, err)
			}
			if after := stored(t, st, "ada"); !slices.Equal(before, after) {
				t.Fatal("recomputation changed the stored rows")
			}
		})
		t.Run("an older CV analysis arriving late is ignored", func(t *testing.T) {
			before := stored(t, st, "ada")
			if err := handle(t, d, st, cvEvent("ada", t0, courses.SkillLevel{Name: "Python", Level: 1})); err != nil {
				t.Fatal(err)
			}
			if after := stored(t, st, "ada"); !slices.Equal(before, after) {
				t.Fatal("a stale cv.analyzed changed the recommendations")
			}
		})
		t.Run("paused goal: back to the CV's weakest skills and suggested roles", func(t *testing.T) {
			if err := handle(t, d, st, goalEvent("ada", "g1", "updated", "PAUSED", t0.Add(2*time.Minute), cloud...)); err != nil {
				t.Fatal(err)
			}
			got := stored(t, st, "ada")
			if len(got) == 0 || !strings.Contains(got[0].Reason, "Set a career goal") {
				t.Fatalf("got %+v", got)
			}
		})
		t.Run("deleted goal stays deleted when an older update arrives", func(t *testing.T) {
			if err := handle(t, d, st, goalEvent("ada", "g1", "deleted", "ACTIVE", t0.Add(4*time.Minute))); err != nil {
				t.Fatal(err)
			}
			if err := handle(t, d, st, goalEvent("ada", "g1", "updated", "ACTIVE", t0.Add(3*time.Minute), cloud...)); err != nil {
				t.Fatal(err)
			}
			got := stored(t, st, "ada")
			if len(got) == 0 || strings.Contains(got[0].Reason, "Cloud Engineer") {
				t.Fatalf("the deleted goal came back: %+v", got[:min(1, len(got))])
			}
		})
		t.Run("malformed payloads are refused as bad events", func(t *testing.T) {
			tests := []struct {
				name string
				ev   bus.Event
			}{
				{"not JSON", bus.Event{ID: "x1", Type: bus.CVAnalyzed, Subject: "ada", Payload: []byte(`{`)}},
				{"subject differs from userId", cvEvent("ada", t0, courses.SkillLevel{Name: "Go", Level: 2})},
				{"unknown change", goalEvent("ada", "g2", "archived", "ACTIVE", t0)},
				{"no goal id", goalEvent("ada", "", "created", "ACTIVE", t0)},
			}
			tests[1].ev.Subject = "bob"
			for _, tt := range tests {
				t.Run(tt.name, func(t *testing.T) {
					if err := handle(t, d, st, tt.ev); !errors.Is(err, bus.ErrMalformed) {
						t.Fatalf("err = %v, want bus.ErrMalformed", err)
					}
				})
			}
		})
		t.Run("user.deleted purges everything about the user", func(t *testing.T) {
			if err := handle(t, d, st, goalEvent("bob", "g9", "created", "ACTIVE", t0, cloud...)); err != nil {
				t.Fatal(err)
			}
			if err := handle(t, d, st, event(bus.UserDeleted, "ada", map[string]string{"userId": "ada"}, t0)); err != nil {
				t.Fatal(err)
			}
			for _, table := range []string{"recommendations", "recommendation_inputs", "user_goals", "user_profiles"} {
				var n int
				if err := d.QueryRowContext(t.Context(), `SELECT COUNT(*) FROM `+table+` WHERE user_id = $1`, "ada").Scan(&n); err != nil || n != 0 {
					t.Fatalf("%s has %d rows of ada (%v)", table, n, err)
				}
			}
			if len(stored(t, st, "bob")) == 0 {
				t.Fatal("bob's recommendations were purged with ada's")
			}
		})
	}, store.Migrations()...)
}

// fakeModel writes reasons as a language model would, and counts calls.
type fakeModel struct{ calls int }

func (f *fakeModel) Explain(_ context.Context, reqs []courses.ExplainRequest) ([]string, error) {
	f.calls++
	out := make([]string, len(reqs))
	for i, r := range reqs {
		out[i] = "Model: " + r.Course.Title + " fits because of " + strings.Join(r.MatchedSkills, ", ")
	}
	return out, nil
}

func TestExplainWithModel(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		st, _ := seeded(t, d)
		t0 := time.Now().UTC()
		if err := handle(t, d, st, goalEvent("ada", "g1", "created", "ACTIVE", t0, courses.SkillLevel{Name: "SQL", Level: 4})); err != nil {
			t.Fatal(err)
		}
		m := &fakeModel{}
		n, err := st.ExplainWithModel(t.Context(), "ada", m)
		if err != nil || n == 0 {
			t.Fatalf("explained %d, %v", n, err)
		}
		got := stored(t, st, "ada")
		for _, r := range got {
			if !strings.HasPrefix(r.Reason, "Model: ") {
				t.Fatalf("reason %q is not the model's", r.Reason)
			}
		}
		t.Run("a second run does not call the model again", func(t *testing.T) {
			if n, err := st.ExplainWithModel(t.Context(), "ada", m); err != nil || n != 0 || m.calls != 1 {
				t.Fatalf("explained %d, %v, %d calls", n, err, m.calls)
			}
		})
		t.Run("recomputing from the same input keeps the model's reasons", func(t *testing.T) {
			if _, err := st.RecomputeAll(t.Context()); err != nil {
				t.Fatal(err)
			}
			if after := stored(t, st, "ada"); !slices.Equal(got, after) {
				t.Fatal("model reasons were replaced")
			}
		})
	}, store.Migrations()...)
}
