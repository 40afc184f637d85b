package store_test

import (
	"context"
	"encoding/json"
	"testing"
	"time"

	"github.com/careercoach/coach/internal/bus"
	"github.com/careercoach/coach/internal/db"
	"github.com/careercoach/coach/internal/dbtest"
	"github.com/careercoach/coach/subgraphs/progress"
	"github.com/careercoach/coach/subgraphs/progress/store"
)

// TestSkillProfile feeds every kind of evidence and checks the combined
// profile and the skillprofile.changed events, on both databases.
func TestSkillProfile(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		s := store.New(d)
		s.Profiler = progress.Profiler{Broader: func(n string) []string {
			return map[string][]string{"Tableau": {"Data Visualization"}}[n]
		}}
		level := func(t *testing.T, skill string) (int, progress.EvidenceSource) {
			t.Helper()
			prof, err := s.SkillProfile(ctx, "ada", t0.Add(24*time.Hour))
			if err != nil {
				t.Fatal(err)
			}
			for _, p := range prof {
				if p.Name == skill {
					return p.Level, p.Sources[0].Source
				}
			}
			return 0, ""
		}
		deliver(t, d, "c1", bus.CourseCatalogued, "", progress.CourseCatalogued{CourseID: "ml", Title: "ML in depth",
			Skills: []string{"Machine Learning", "Pandas"}, DurationHours: 140, Level: "INTERMEDIATE"})
		deliver(t, d, "cv1", bus.CVAnalyzed, "ada", progress.CVAnalyzedEvent{UserID: "ada", CVID: "cv-1",
			Skills: []progress.CVSkill{{Name: "SQL", Level: 5, Evidence: "SQL reports every day"}, {Name: "Tableau", Level: 4, Evidence: "Tableau dashboards"}}})

		t.Run("CV skills with related skills", func(t *testing.T) {
			if l, src := level(t, "SQL"); l != 5 || src != progress.FromCV {
				t.Fatalf("SQL = %d from %s, want 5 from the CV", l, src)
			}
			if l, src := level(t, "Data Visualization"); l != 3 || src != progress.FromRelated {
				t.Fatalf("Data Visualization = %d from %s, want 3 related to Tableau", l, src)
			}
		})
		t.Run("a quiz outranks the CV", func(t *testing.T) {
			if _, err := s.StartQuiz(ctx, &progress.QuizAttempt{ID: "q1", UserID: "ada", Skill: "SQL", QuestionIDs: []string{"a"},
				StartedAt: t0, ExpiresAt: t0.Add(time.Hour)}, 10); err != nil {
				t.Fatal(err)
			}
			score := 20
			_, _, err := s.SubmitQuiz(ctx, "ada", "q1", t0.Add(time.Minute), func(a *progress.QuizAttempt) (*progress.Assessment, error) {
				return &progress.Assessment{UserID: "ada", Skill: "SQL", Level: 2, Source: progress.QuizMeasured, Score: &score, TakenAt: t0.Add(time.Minute)}, nil
			})
			if err != nil {
				t.Fatal(err)
			}
			if l, src := level(t, "SQL"); l != 2 || src != progress.FromQuiz {
				t.Fatalf("SQL = %d from %s, want 2 from the quiz", l, src)
			}
		})
		t.Run("a self-rating adds a skill", func(t *testing.T) {
			if err := s.AddAssessment(ctx, &progress.Assessment{UserID: "ada", Skill: "Machine Learning", Level: 2, Source: progress.SelfAssessed, TakenAt: t0.Add(2 * time.Minute)}); err != nil {
				t.Fatal(err)
			}
			if l, _ := level(t, "Machine Learning"); l != 2 {
				t.Fatalf("Machine Learning = %d, want 2", l)
			}
		})
		t.Run("a completed course raises its skills to its level", func(t *testing.T) {
			if _, err := s.Enroll(ctx, "ada", "ml", t0.Add(3*time.Minute)); err != nil {
				t.Fatal(err)
			}
			if _, err := s.CompleteCourse(ctx, "ada", "ml", 0, t0.Add(4*time.Minute)); err != nil {
				t.Fatal(err)
			}
			for _, sk := range []string{"Machine Learning", "Pandas"} {
				if l, _ := level(t, sk); l != 3 {
					t.Fatalf("%s = %d, want 3 (an intermediate course)", sk, l)
				}
			}
		})
		t.Run("every change is announced with the whole profile", func(t *testing.T) {
			var last progress.ProfileEvent
			n := 0
			for _, ev := range outbox(t, d) {
				if ev.Type == bus.SkillProfileChanged {
					n++
					if err := json.Unmarshal(ev.Payload, &last); err != nil {
						t.Fatal(err)
					}
				}
			}
			if n != 4 { // CV, quiz, self-rating, course
				t.Fatalf("%d skillprofile.changed events, want 4", n)
			}
			got := map[string]int{}
			for _, sk := range last.Skills {
				got[sk.Name] = sk.Level
			}
			want := map[string]int{"SQL": 2, "Tableau": 4, "Data Visualization": 3, "Machine Learning": 3, "Pandas": 3}
			for k, v := range want {
				if got[k] != v {
					t.Fatalf("last profile event %v, want %v", got, want)
				}
			}
		})
	}, store.Migrations()...)
}

// A user whose CV was analysed before progress kept CV skills gets no
// profile (it would erase the CV's skills downstream) until the next
// analysis; one that finds no skills still counts.
func TestProfileWaitsForLegacyCV(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		s := store.New(d)
		profiles := func() int {
			return count(t, d, `SELECT COUNT(*) FROM bus_outbox WHERE type = $1`, bus.SkillProfileChanged)
		}
		// The trace such a CV left: its activity item only.
		if _, err := d.ExecContext(ctx, `INSERT INTO activity (id, user_id, kind, ref_id, title, hours, occurred_at, day) VALUES ('a1', 'ada', $1, 'cv-0', 'CV analysed', 0, $2, $3)`,
			string(progress.CVAnalyzed), t0, t0.Format("2006-01-02")); err != nil {
			t.Fatal(err)
		}
		self := func(at time.Time) {
			if err := s.AddAssessment(ctx, &progress.Assessment{UserID: "ada", Skill: "Go", Level: 2, Source: progress.SelfAssessed, TakenAt: at}); err != nil {
				t.Fatal(err)
			}
		}
		self(t0.Add(time.Minute))
		if n := profiles(); n != 0 {
			t.Fatalf("%d profiles published without the legacy CV's skills", n)
		}
		deliver(t, d, "cv1", bus.CVAnalyzed, "ada", progress.CVAnalyzedEvent{UserID: "ada", CVID: "cv-1", Skills: []progress.CVSkill{}})
		self(t0.Add(2 * time.Minute))
		if n := profiles(); n != 2 {
			t.Fatalf("%d profiles after a new analysis (with no skills) and a rating, want 2", n)
		}
		// A user who never had a CV gets a profile from the first rating.
		if err := s.AddAssessment(ctx, &progress.Assessment{UserID: "bob", Skill: "Go", Level: 2, Source: progress.SelfAssessed, TakenAt: t0}); err != nil {
			t.Fatal(err)
		}
		if n := profiles(); n != 3 {
			t.Fatalf("%d profiles, want 3", n)
		}
	}, store.Migrations()...)
}
