package store_test

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/careercoach/coach/internal/db"
	"github.com/careercoach/coach/internal/dbtest"
	"github.com/careercoach/coach/subgraphs/planning"
	"github.com/careercoach/coach/subgraphs/planning/store"
)

func tx(t *testing.T, d *db.DB, fn func(tx *sql.Tx) error) {
	t.Helper()
	if err := d.WithTx(context.Background(), fn); err != nil {
		t.Fatal(err)
	}
}

func outboxCount(t *testing.T, d *db.DB) int {
	t.Helper()
	var n int
	if err := d.QueryRow(`SELECT COUNT(*) FROM bus_outbox`).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

func TestGoalStore(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		st := store.New(d)
		now := time.Now().UTC().Truncate(time.Microsecond)
		date := now.AddDate(0, 3, 0)
		g := &planning.Goal{ID: "g1", UserID: "ada", Title: "t", TargetRoleID: "data-analyst", TargetDate: &date, Status: planning.GoalActive, CreatedAt: now, UpdatedAt: now}
		if _, err := st.CreateGoal(ctx, g, planning.GoalEvent{UserID: "ada", GoalID: "g1", Change: "created"}); err != nil {
			t.Fatal(err)
		}
		t.Run("round trip", func(t *testing.T) {
			gs, err := st.GoalsByUser(ctx, "ada")
			if err != nil || len(gs) != 1 {
				t.Fatalf("%v %v", gs, err)
			}
			got := gs[0]
			if got.Title != "t" || got.TargetDate == nil || !got.TargetDate.Equal(date) || !got.CreatedAt.Equal(now) || got.Status != planning.GoalActive {
				t.Fatalf("goal %+v", got)
			}
		})
		t.Run("owner scoping", func(t *testing.T) {
			if gs, err := st.GoalsByIDs(ctx, "bob", []string{"g1"}); err != nil || len(gs) != 0 {
				t.Fatalf("bob sees %v (%v)", gs, err)
			}
			_, err := st.UpdateGoal(ctx, "bob", "g1", func(g *planning.Goal) (planning.GoalEvent, error) { return planning.GoalEvent{}, nil })
			if !errors.Is(err, planning.ErrGoalNotFound) {
				t.Fatalf("bob's update: %v", err)
			}
			if err := st.DeleteGoal(ctx, "bob", "g1", func(*planning.Goal) planning.GoalEvent { return planning.GoalEvent{} }); !errors.Is(err, planning.ErrGoalNotFound) {
				t.Fatalf("bob's delete: %v", err)
			}
		})
		t.Run("a failed update writes nothing", func(t *testing.T) {
			before := outboxCount(t, d)
			boom := errors.New("boom")
			_, err := st.UpdateGoal(ctx, "ada", "g1", func(g *planning.Goal) (planning.GoalEvent, error) {
				g.Title = "changed"
				return planning.GoalEvent{}, boom
			})
			if !errors.Is(err, boom) {
				t.Fatalf("err %v", err)
			}
			gs, _ := st.GoalsByUser(ctx, "ada")
			if gs[0].Title != "t" || outboxCount(t, d) != before {
				t.Fatalf("partial write: %+v, outbox %d→%d", gs[0], before, outboxCount(t, d))
			}
		})
		t.Run("update clears the date", func(t *testing.T) {
			got, err := st.UpdateGoal(ctx, "ada", "g1", func(g *planning.Goal) (planning.GoalEvent, error) {
				g.TargetDate = nil
				return planning.GoalEvent{UserID: "ada", GoalID: "g1", Change: planning.ChangeUpdated}, nil
			})
			if err != nil || got.TargetDate != nil {
				t.Fatalf("%+v %v", got, err)
			}
			gs, _ := st.GoalsByIDs(ctx, "ada", []string{"g1", "missing"})
			if len(gs) != 1 || gs[0].TargetDate != nil {
				t.Fatalf("reloaded %+v", gs)
			}
		})
	}, store.Migrations()...)
}

func TestReadModels(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		st := store.New(d)
		key := planning.NormalizeSkill
		t1 := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
		t.Run("user skills: duplicates keep the higher level, older analyses are ignored", func(t *testing.T) {
			tx(t, d, func(tx *sql.Tx) error {
				return st.ReplaceUserSkills(ctx, tx, planning.UserSkills{UserID: "ada", CVID: "cv2", AnalyzedAt: t1,
					Skills: []planning.SkillLevel{{Name: "Node.js", Level: 2}, {Name: "nodejs", Level: 4}, {Name: "Go", Level: 3}}}, key)
			})
			tx(t, d, func(tx *sql.Tx) error {
				return st.ReplaceUserSkills(ctx, tx, planning.UserSkills{UserID: "ada", CVID: "cv1", AnalyzedAt: t1.Add(-time.Hour),
					Skills: []planning.SkillLevel{{Name: "Cobol", Level: 5}}}, key)
			})
			got, err := st.UserSkills(ctx, []string{"ada", "nobody"})
			if err != nil {
				t.Fatal(err)
			}
			us := got["ada"]
			if us == nil || us.CVID != "cv2" || !us.AnalyzedAt.Equal(t1) || len(us.Skills) != 2 || got["nobody"] != nil {
				t.Fatalf("%+v", got)
			}
			for _, s := range us.Skills {
				if key(s.Name) == "nodejs" && s.Level != 4 {
					t.Errorf("node level %d, want 4", s.Level)
				}
			}
		})
		t.Run("courses per skill: limit, shortest first, replaced on re-catalogue", func(t *testing.T) {
			for i := range 7 {
				tx(t, d, func(tx *sql.Tx) error {
					return st.UpsertCourse(ctx, tx, planning.CourseCatalogued{CourseID: fmt.Sprintf("c%d", i), Title: "T",
						Skills: []string{"Kubernetes", "kubernetes", "Docker"}, DurationHours: float64(10 - i)}, key)
				})
			}
			got, err := st.CoursesForSkills(ctx, []string{key("Kubernetes"), key("Docker"), "none"}, 5)
			if err != nil {
				t.Fatal(err)
			}
			k := got[key("Kubernetes")]
			if len(k) != 5 || k[0].CourseID != "c6" || k[4].CourseID != "c2" || len(got[key("Docker")]) != 5 || len(got["none"]) != 0 {
				t.Fatalf("%+v", got)
			}
			// c6 no longer teaches Kubernetes.
			tx(t, d, func(tx *sql.Tx) error {
				return st.UpsertCourse(ctx, tx, planning.CourseCatalogued{CourseID: "c6", Title: "T2", Skills: []string{"Docker"}, DurationHours: 4}, key)
			})
			got, _ = st.CoursesForSkills(ctx, []string{key("Kubernetes")}, 10)
			for _, c := range got[key("Kubernetes")] {
				if c.CourseID == "c6" {
					t.Fatal("re-catalogued course still teaches its old skill")
				}
			}
		})
		t.Run("a course of unknown length comes after every known length", func(t *testing.T) {
			tx(t, d, func(tx *sql.Tx) error {
				return st.UpsertCourse(ctx, tx, planning.CourseCatalogued{CourseID: "c-unknown", Title: "U", Skills: []string{"Terraform"}}, key)
			})
			tx(t, d, func(tx *sql.Tx) error {
				return st.UpsertCourse(ctx, tx, planning.CourseCatalogued{CourseID: "c-long", Title: "L", Skills: []string{"Terraform"}, DurationHours: 90}, key)
			})
			got, err := st.CoursesForSkills(ctx, []string{key("Terraform")}, 5)
			if err != nil {
				t.Fatal(err)
			}
			if tf := got[key("Terraform")]; len(tf) != 2 || tf[0].CourseID != "c-long" || tf[1].CourseID != "c-unknown" || tf[1].DurationHours != 0 {
				t.Fatalf("%+v", tf)
			}
		})
		t.Run("a retired course is no longer offered", func(t *testing.T) {
			tx(t, d, func(tx *sql.Tx) error {
				return st.UpsertCourse(ctx, tx, planning.CourseCatalogued{CourseID: "c-long", Retired: true}, key)
			})
			got, err := st.CoursesForSkills(ctx, []string{key("Terraform")}, 5)
			if err != nil {
				t.Fatal(err)
			}
			if tf := got[key("Terraform")]; len(tf) != 1 || tf[0].CourseID != "c-unknown" {
				t.Fatalf("%+v", tf)
			}
		})
	}, store.Migrations()...)
}

func TestPracticeHistoryIsBounded(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		st := store.New(d)
		base := time.Now().UTC()
		for i := range planning.MaxPracticeHistory + 3 {
			a := &planning.Attempt{ID: fmt.Sprintf("a%04d", i), UserID: "ada", QuestionID: "b-001", Answer: "x", CreatedAt: base.Add(time.Duration(i) * time.Second),
				Feedback: planning.Feedback{Overall: 3, Reviewer: "rules"}}
			if err := st.AddAttempt(ctx, a); err != nil {
				t.Fatal(err)
			}
		}
		if err := st.AddAttempt(ctx, &planning.Attempt{ID: "bob1", UserID: "bob", QuestionID: "b-001", Answer: "x", CreatedAt: base}); err != nil {
			t.Fatal(err)
		}
		var n int
		if err := d.QueryRow(`SELECT COUNT(*) FROM interview_attempts WHERE user_id = 'ada'`).Scan(&n); err != nil || n != planning.MaxPracticeHistory {
			t.Fatalf("%d attempts kept (%v)", n, err)
		}
		got, err := st.Attempts(ctx, "ada", "", 2)
		if err != nil || len(got) != 2 || got[0].ID != fmt.Sprintf("a%04d", planning.MaxPracticeHistory+2) || got[0].Feedback.Overall != 3 {
			t.Fatalf("%+v %v", got, err)
		}
		if b, _ := st.Attempts(ctx, "bob", "", 10); len(b) != 1 {
			t.Fatalf("bob's history %d", len(b))
		}
		// One question's history: only that question's attempts, only the owner's.
		other := &planning.Attempt{ID: "other", UserID: "ada", QuestionID: "b-002", Answer: "y", CreatedAt: base.Add(time.Hour), Feedback: planning.Feedback{Overall: 4}}
		if err := st.AddAttempt(ctx, other); err != nil {
			t.Fatal(err)
		}
		if got, err := st.Attempts(ctx, "ada", "b-002", 10); err != nil || len(got) != 1 || got[0].ID != "other" {
			t.Fatalf("b-002 history %+v %v", got, err)
		}
		if got, _ := st.Attempts(ctx, "bob", "b-002", 10); len(got) != 0 {
			t.Fatalf("bob sees ada's attempts: %+v", got)
		}
	}, store.Migrations()...)
}
