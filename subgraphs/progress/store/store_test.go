package store_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/careercoach/coach/internal/bus"
	"github.com/careercoach/coach/internal/db"
	"github.com/careercoach/coach/internal/dbtest"
	"github.com/careercoach/coach/internal/logging"
	"github.com/careercoach/coach/subgraphs/progress"
	"github.com/careercoach/coach/subgraphs/progress/store"
)

var t0 = time.Date(2026, 12, 2, 10, 0, 0, 0, time.UTC)

// deliver hands an event to the idempotent consumer as the bus would.
func deliver(t *testing.T, d *db.DB, id, typ, subject string, payload any) {
	t.Helper()
	raw, err := json.Marshal(payload)
	if err != nil {
		t.Fatal(err)
	}
	if err := store.New(d).Handler(logging.Discard())(context.Background(), bus.Event{ID: id, Type: typ, Subject: subject, Payload: raw, OccurredAt: t0}); err != nil {
		t.Fatalf("handle %s: %v", typ, err)
	}
}

func outbox(t *testing.T, d *db.DB) []bus.Event {
	t.Helper()
	rows, err := d.QueryContext(context.Background(), `SELECT type, subject, payload FROM bus_outbox ORDER BY occurred_at`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []bus.Event
	for rows.Next() {
		var ev bus.Event
		var p string
		if err := rows.Scan(&ev.Type, &ev.Subject, &p); err != nil {
			t.Fatal(err)
		}
		ev.Payload = json.RawMessage(p)
		out = append(out, ev)
	}
	return out
}

func count(t *testing.T, d *db.DB, q string, args ...any) int {
	t.Helper()
	var n int
	if err := d.QueryRowContext(context.Background(), q, args...).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

func wantErr(t *testing.T, err, want error) {
	t.Helper()
	if !errors.Is(err, want) {
		t.Fatalf("err = %v, want %v", err, want)
	}
}

func TestEnrollments(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		s := store.New(d)
		deliver(t, d, "e1", bus.CourseCatalogued, "", progress.CourseCatalogued{CourseID: "k8s", Title: "Kubernetes Basics", Skills: []string{"Kubernetes", "Docker"}, DurationHours: 10})

		t.Run("unknown course", func(t *testing.T) {
			_, err := s.Enroll(ctx, "ada", "nope", t0)
			wantErr(t, err, progress.ErrCourseNotFound)
		})
		t.Run("enroll twice keeps one enrollment", func(t *testing.T) {
			e1, err := s.Enroll(ctx, "ada", "k8s", t0)
			if err != nil {
				t.Fatal(err)
			}
			e2, err := s.Enroll(ctx, "ada", "k8s", t0.Add(time.Hour))
			if err != nil || e2.ID != e1.ID || e2.Status != progress.InProgress || e2.Percent != 0 {
				t.Fatalf("second enroll %+v, %v", e2, err)
			}
			if n := count(t, d, `SELECT COUNT(*) FROM activity WHERE user_id = 'ada' AND kind = 'COURSE_STARTED'`); n != 1 {
				t.Fatalf("%d start activities", n)
			}
		})
		t.Run("progress", func(t *testing.T) {
			e, err := s.UpdateCourseProgress(ctx, "ada", "k8s", 40, 3, t0)
			if err != nil || e.Percent != 40 || e.HoursLearned() != 3 {
				t.Fatalf("%+v, %v", e, err)
			}
			_, err = s.UpdateCourseProgress(ctx, "ada", "k8s", 30, 0, t0)
			wantErr(t, err, progress.ErrProgressBackwards)
			_, err = s.UpdateCourseProgress(ctx, "bob", "k8s", 50, 0, t0)
			wantErr(t, err, progress.ErrNotEnrolled)
		})
		t.Run("complete emits enrollment.completed once", func(t *testing.T) {
			// Completed in one click with no time reported: no hours are
			// invented from the course's length (issue 24: "Hours this week 140").
			e, err := s.CompleteCourse(ctx, "ada", "k8s", 0, t0.Add(2*time.Hour))
			if err != nil || e.Status != progress.Completed || e.Percent != 100 || e.CompletedAt == nil {
				t.Fatalf("%+v, %v", e, err)
			}
			if _, err := s.CompleteCourse(ctx, "ada", "k8s", 0, t0.Add(3*time.Hour)); err != nil {
				t.Fatal(err)
			}
			// Both events share one instant, so their order in the outbox is the database's.
			evs := outbox(t, d)
			slices.SortFunc(evs, func(a, b bus.Event) int { return strings.Compare(a.Type, b.Type) })
			if len(evs) != 2 || evs[0].Type != bus.EnrollmentCompleted || evs[0].Subject != "ada" ||
				evs[1].Type != bus.SkillProfileChanged || evs[1].Subject != "ada" {
				t.Fatalf("outbox %+v, want enrollment.completed and skillprofile.changed", evs)
			}
			var p progress.EnrollmentCompletedEvent
			if err := json.Unmarshal(evs[0].Payload, &p); err != nil || p.CourseID != "k8s" || len(p.Skills) != 2 || p.UserID != "ada" || p.CompletedAt.IsZero() {
				t.Fatalf("payload %s: %v", evs[0].Payload, err)
			}
			_, err = s.UpdateCourseProgress(ctx, "ada", "k8s", 100, 0, t0)
			wantErr(t, err, progress.ErrCourseCompleted)
		})
		t.Run("totals and hours", func(t *testing.T) {
			tot, err := s.Totals(ctx, "ada")
			if err != nil || tot.CoursesCompleted != 1 || tot.CoursesInProgress != 0 || tot.HoursLearned != 3 {
				t.Fatalf("%+v, %v", tot, err)
			}
			stats, err := s.DayStats(ctx, "ada", t0.AddDate(0, 0, -1))
			if err != nil || len(stats) != 1 || stats[0].Hours != 3 || stats[0].Activities != 3 {
				t.Fatalf("%+v, %v", stats, err)
			}
		})
		t.Run("filter and batch", func(t *testing.T) {
			done := progress.Completed
			es, err := s.Enrollments(ctx, "ada", &done)
			if err != nil || len(es) != 1 {
				t.Fatalf("%+v, %v", es, err)
			}
			inProgress := progress.InProgress
			if es, _ := s.Enrollments(ctx, "ada", &inProgress); len(es) != 0 {
				t.Fatalf("in progress %+v", es)
			}
			by, err := s.EnrollmentsForCourses(ctx, "ada", []string{"k8s", "other"})
			if err != nil || len(by) != 1 || by["k8s"] == nil {
				t.Fatalf("%+v, %v", by, err)
			}
			if by, _ := s.EnrollmentsForCourses(ctx, "bob", []string{"k8s"}); len(by) != 0 {
				t.Fatalf("bob sees %+v", by)
			}
		})
	}, store.Migrations()...)
}

func TestMilestones(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		s := store.New(d)
		deliver(t, d, "g1", bus.GoalChanged, "ada", progress.GoalChanged{UserID: "ada", GoalID: "goal-a", Change: "created"})
		deliver(t, d, "g2", bus.GoalChanged, "bob", progress.GoalChanged{UserID: "bob", GoalID: "goal-b", Change: "created"})

		mk := func(title string) *progress.Milestone {
			t.Helper()
			m, err := s.CreateMilestone(ctx, "ada", progress.MilestoneInput{GoalID: "goal-a", Title: title, DueDate: "2026-12-01"}, t0)
			if err != nil {
				t.Fatal(err)
			}
			return m
		}
		m1, m2, m3 := mk("one"), mk("two"), mk("three")
		t.Run("positions append", func(t *testing.T) {
			if m1.Position != 1 || m3.Position != 3 || !m1.Overdue(t0) {
				t.Fatalf("%+v %+v", m1, m3)
			}
		})
		t.Run("not on someone else's or an unknown goal", func(t *testing.T) {
			_, err := s.CreateMilestone(ctx, "ada", progress.MilestoneInput{GoalID: "goal-b", Title: "x"}, t0)
			wantErr(t, err, progress.ErrGoalNotFound)
			_, err = s.CreateMilestone(ctx, "ada", progress.MilestoneInput{GoalID: "goal-zzz", Title: "x"}, t0)
			wantErr(t, err, progress.ErrGoalNotFound)
		})
		t.Run("another user cannot touch them", func(t *testing.T) {
			title := "hacked"
			_, err := s.UpdateMilestone(ctx, "bob", m1.ID, progress.MilestoneUpdate{Title: &title}, t0)
			wantErr(t, err, progress.ErrMilestoneNotFound)
			_, err = s.SetMilestoneAchieved(ctx, "bob", m1.ID, true, t0)
			wantErr(t, err, progress.ErrMilestoneNotFound)
			wantErr(t, s.DeleteMilestone(ctx, "bob", m1.ID), progress.ErrMilestoneNotFound)
			_, err = s.ReorderMilestones(ctx, "bob", "goal-a", []string{m3.ID, m2.ID, m1.ID}, t0)
			wantErr(t, err, progress.ErrGoalNotFound)
			if by, _ := s.MilestonesForGoals(ctx, "bob", []string{"goal-a"}); len(by) != 0 {
				t.Fatalf("bob sees %+v", by)
			}
		})
		t.Run("edit, clear due date", func(t *testing.T) {
			title, empty := "first", ""
			m, err := s.UpdateMilestone(ctx, "ada", m1.ID, progress.MilestoneUpdate{Title: &title, DueDate: &empty}, t0)
			if err != nil || m.Title != "first" || m.DueDate != "" {
				t.Fatalf("%+v, %v", m, err)
			}
		})
		t.Run("achieve records activity once", func(t *testing.T) {
			for range 2 {
				m, err := s.SetMilestoneAchieved(ctx, "ada", m2.ID, true, t0)
				if err != nil || m.AchievedAt == nil {
					t.Fatalf("%+v, %v", m, err)
				}
			}
			if n := count(t, d, `SELECT COUNT(*) FROM activity WHERE kind = 'MILESTONE_ACHIEVED'`); n != 1 {
				t.Fatalf("%d activities", n)
			}
		})
		t.Run("taking an achievement back removes its active day", func(t *testing.T) {
			if _, err := s.SetMilestoneAchieved(ctx, "ada", m2.ID, false, t0.AddDate(0, 0, 1)); err != nil {
				t.Fatal(err)
			}
			days, err := s.ActiveDays(ctx, "ada")
			if err != nil || len(days) != 0 {
				t.Fatalf("active days %v, %v", days, err)
			}
			// Achieved again two days later: one item, on that day.
			later := t0.AddDate(0, 0, 2)
			if _, err := s.SetMilestoneAchieved(ctx, "ada", m2.ID, true, later); err != nil {
				t.Fatal(err)
			}
			days, err = s.ActiveDays(ctx, "ada")
			if err != nil || len(days) != 1 || !days[0].Equal(progress.Day(later)) {
				t.Fatalf("active days %v, %v", days, err)
			}
		})
		t.Run("reorder", func(t *testing.T) {
			_, err := s.ReorderMilestones(ctx, "ada", "goal-a", []string{m3.ID, m1.ID}, t0)
			wantErr(t, err, progress.ErrReorderMismatch)
			_, err = s.ReorderMilestones(ctx, "ada", "goal-a", []string{m3.ID, m1.ID, m1.ID}, t0)
			wantErr(t, err, progress.ErrReorderMismatch)
			ms, err := s.ReorderMilestones(ctx, "ada", "goal-a", []string{m3.ID, m1.ID, m2.ID}, t0)
			if err != nil || len(ms) != 3 || ms[0].ID != m3.ID || ms[0].Position != 1 || ms[2].ID != m2.ID {
				t.Fatalf("%+v, %v", ms, err)
			}
			by, err := s.MilestonesForGoals(ctx, "ada", []string{"goal-a", "goal-b"})
			if err != nil || len(by["goal-a"]) != 3 || by["goal-a"][0].ID != m3.ID || progress.GoalPercent(by["goal-a"]) != 33 {
				t.Fatalf("%+v, %v", by, err)
			}
		})
		t.Run("delete", func(t *testing.T) {
			if err := s.DeleteMilestone(ctx, "ada", m3.ID); err != nil {
				t.Fatal(err)
			}
			wantErr(t, s.DeleteMilestone(ctx, "ada", m3.ID), progress.ErrMilestoneNotFound)
		})
		t.Run("a goal cannot change owner", func(t *testing.T) {
			deliver(t, d, "g3", bus.GoalChanged, "eve", progress.GoalChanged{UserID: "eve", GoalID: "goal-a", Change: "updated"})
			owners, err := s.GoalOwners(ctx, []string{"goal-a"})
			if err != nil || owners["goal-a"] != "ada" {
				t.Fatalf("%v, %v", owners, err)
			}
		})
		t.Run("deleting the goal purges its milestones", func(t *testing.T) {
			deliver(t, d, "g4", bus.GoalChanged, "ada", progress.GoalChanged{UserID: "ada", GoalID: "goal-a", Change: "deleted"})
			if n := count(t, d, `SELECT COUNT(*) FROM milestones WHERE goal_id = 'goal-a'`); n != 0 {
				t.Fatalf("%d milestones left", n)
			}
			_, err := s.CreateMilestone(ctx, "ada", progress.MilestoneInput{GoalID: "goal-a", Title: "x"}, t0)
			wantErr(t, err, progress.ErrGoalNotFound)
		})
	}, store.Migrations()...)
}

func TestQuizAttempts(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		s := store.New(d)
		start := func(id, user string, at time.Time) (*progress.QuizAttempt, error) {
			return s.StartQuiz(ctx, &progress.QuizAttempt{ID: id, UserID: user, Skill: "Go", QuestionIDs: []string{"go-1", "go-2"},
				StartedAt: at, ExpiresAt: at.Add(progress.QuizTTL)}, 3)
		}
		score := func(a *progress.QuizAttempt) (*progress.Assessment, error) {
			p := 80
			return &progress.Assessment{UserID: a.UserID, Skill: a.Skill, Level: 5, Source: progress.QuizMeasured, Score: &p, TakenAt: t0}, nil
		}
		a1, err := start("q1", "ada", t0)
		if err != nil || a1.ID != "q1" {
			t.Fatalf("%+v, %v", a1, err)
		}
		t.Run("an open attempt is reused", func(t *testing.T) {
			a, err := start("q2", "ada", t0.Add(time.Minute))
			if err != nil || a.ID != "q1" || len(a.QuestionIDs) != 2 {
				t.Fatalf("%+v, %v", a, err)
			}
		})
		t.Run("another user cannot submit it", func(t *testing.T) {
			_, _, err := s.SubmitQuiz(ctx, "bob", "q1", t0, score)
			wantErr(t, err, progress.ErrQuizNotFound)
		})
		t.Run("a scoring error submits nothing", func(t *testing.T) {
			boom := errors.New("boom")
			_, _, err := s.SubmitQuiz(ctx, "ada", "q1", t0, func(*progress.QuizAttempt) (*progress.Assessment, error) { return nil, boom })
			wantErr(t, err, boom)
		})
		t.Run("submit once", func(t *testing.T) {
			_, a, err := s.SubmitQuiz(ctx, "ada", "q1", t0.Add(time.Minute), score)
			if err != nil || a.Level != 5 || *a.Score != 80 {
				t.Fatalf("%+v, %v", a, err)
			}
			_, _, err = s.SubmitQuiz(ctx, "ada", "q1", t0.Add(2*time.Minute), score)
			wantErr(t, err, progress.ErrQuizSubmitted)
			as, err := s.Assessments(ctx, "ada", "Go")
			if err != nil || len(as) != 1 || as[0].Source != progress.QuizMeasured {
				t.Fatalf("%+v, %v", as, err)
			}
		})
		t.Run("expired", func(t *testing.T) {
			if _, err := start("q3", "ada", t0.Add(time.Hour)); err != nil {
				t.Fatal(err)
			}
			_, _, err := s.SubmitQuiz(ctx, "ada", "q3", t0.Add(time.Hour+progress.QuizTTL), score)
			wantErr(t, err, progress.ErrQuizExpired)
		})
		t.Run("daily limit", func(t *testing.T) {
			// q1 and q3 exist; q4 is the third and last of the day (q3 expired first).
			if _, err := start("q4", "ada", t0.Add(2*time.Hour)); err != nil {
				t.Fatal(err)
			}
			_, err := start("q5", "ada", t0.Add(3*time.Hour))
			wantErr(t, err, progress.ErrTooManyQuizzes)
			if _, err := start("q6", "ada", t0.Add(25*time.Hour)); err != nil {
				t.Fatalf("next day: %v", err)
			}
		})
	}, store.Migrations()...)
}

func TestEventConsumers(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		s := store.New(d)
		t.Run("course.catalogued upserts", func(t *testing.T) {
			deliver(t, d, "c1", bus.CourseCatalogued, "", progress.CourseCatalogued{CourseID: "c", Title: "Old", DurationHours: 1})
			deliver(t, d, "c2", bus.CourseCatalogued, "", progress.CourseCatalogued{CourseID: "c", Title: "New", Skills: []string{"SQL"}, DurationHours: 2})
			cs, err := s.CoursesByIDs(ctx, []string{"c"})
			if err != nil || cs["c"].Title != "New" || cs["c"].DurationHours != 2 || len(cs["c"].Skills) != 1 {
				t.Fatalf("%+v, %v", cs, err)
			}
		})
		t.Run("cv.analyzed is recorded once despite redelivery", func(t *testing.T) {
			for range 3 {
				deliver(t, d, "cv1", bus.CVAnalyzed, "ada", map[string]any{"userId": "ada", "cvId": "cv-1", "score": 72, "skills": []any{}})
			}
			items, err := s.Activity(ctx, "ada", 10)
			if err != nil || len(items) != 1 || items[0].Kind != progress.CVAnalyzed || items[0].Title != "CV analysed (score 72)" {
				t.Fatalf("%+v, %v", items, err)
			}
		})
		t.Run("malformed payload is dropped: recorded as processed, nothing applied", func(t *testing.T) {
			err := store.New(d).Handler(logging.Discard())(ctx, bus.Event{ID: "bad", Type: bus.GoalChanged, Payload: json.RawMessage(`{"goalId":"g"}`)})
			if err != nil {
				t.Fatalf("a malformed event would be retried forever: %v", err)
			}
			if n := count(t, d, `SELECT COUNT(*) FROM bus_processed_events WHERE event_id = 'bad'`); n != 1 {
				t.Fatal("the malformed event was not recorded as processed")
			}
			if n := count(t, d, `SELECT COUNT(*) FROM goals WHERE id = 'g'`); n != 0 {
				t.Fatal("the malformed event was applied")
			}
		})
		t.Run("user.deleted purges only that user", func(t *testing.T) {
			deliver(t, d, "g1", bus.GoalChanged, "ada", progress.GoalChanged{UserID: "ada", GoalID: "ga", Change: "created"})
			deliver(t, d, "g2", bus.GoalChanged, "bob", progress.GoalChanged{UserID: "bob", GoalID: "gb", Change: "created"})
			for _, u := range []string{"ada", "bob"} {
				if _, err := s.Enroll(ctx, u, "c", t0); err != nil {
					t.Fatal(err)
				}
				if err := s.AddAssessment(ctx, &progress.Assessment{UserID: u, Skill: "SQL", Level: 2, Source: progress.SelfAssessed, TakenAt: t0}); err != nil {
					t.Fatal(err)
				}
				if _, err := s.CreateMilestone(ctx, u, progress.MilestoneInput{GoalID: map[string]string{"ada": "ga", "bob": "gb"}[u], Title: "m"}, t0); err != nil {
					t.Fatal(err)
				}
			}
			deliver(t, d, "u1", bus.UserDeleted, "ada", map[string]string{"userId": "ada"})
			deliver(t, d, "u1", bus.UserDeleted, "ada", map[string]string{"userId": "ada"})
			for _, table := range []string{"enrollments", "milestones", "goals", "assessments", "activity"} {
				if n := count(t, d, `SELECT COUNT(*) FROM `+table+` WHERE user_id = $1`, "ada"); n != 0 {
					t.Errorf("%s: %d rows of ada left", table, n)
				}
				if n := count(t, d, `SELECT COUNT(*) FROM `+table+` WHERE user_id = $1`, "bob"); n == 0 {
					t.Errorf("%s: bob's rows were purged too", table)
				}
			}
		})
		t.Run("unrelated event types are ignored", func(t *testing.T) {
			deliver(t, d, "x1", "something.else", "", map[string]string{})
		})
	}, store.Migrations()...)
}

// TestConcurrentWrites races requests that must have one effect: a quiz is
// scored once, a course completes (and emits enrollment.completed) once.
func TestConcurrentWrites(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		s := store.New(d)
		deliver(t, d, "c1", bus.CourseCatalogued, "", progress.CourseCatalogued{CourseID: "c", Title: "C", DurationHours: 3})
		const n = 8
		race := func(f func() error) (ok int) {
			t.Helper()
			errs := make(chan error, n)
			for range n {
				go func() { errs <- f() }()
			}
			for range n {
				if err := <-errs; err == nil {
					ok++
				} else {
					t.Log(err)
				}
			}
			return ok
		}
		t.Run("start in two tabs", func(t *testing.T) {
			// Each tab offers its own attempt: one is stored and every tab
			// gets it. Several rounds, since one race may happen to serialise.
			for round := range 10 {
				skill := fmt.Sprintf("skill-%d", round)
				ids := make(chan string, n)
				var tab atomic.Int32
				if ok := race(func() error {
					a, err := s.StartQuiz(ctx, &progress.QuizAttempt{ID: fmt.Sprintf("%s-tab%d", skill, tab.Add(1)), UserID: "ada", Skill: skill,
						QuestionIDs: []string{"q-1"}, StartedAt: t0, ExpiresAt: t0.Add(time.Hour)}, 3)
					if err == nil {
						ids <- a.ID
					}
					return err
				}); ok != n {
					t.Fatalf("%d of %d starts succeeded", ok, n)
				}
				close(ids)
				first := <-ids
				for id := range ids {
					if id != first {
						t.Fatalf("tabs got attempts %s and %s", first, id)
					}
				}
				if c := count(t, d, `SELECT COUNT(*) FROM quiz_attempts WHERE user_id = 'ada' AND skill = $1`, skill); c != 1 {
					t.Fatalf("%d open attempts stored", c)
				}
			}
		})
		t.Run("quiz", func(t *testing.T) {
			if _, err := s.StartQuiz(ctx, &progress.QuizAttempt{ID: "q", UserID: "ada", Skill: "Go", QuestionIDs: []string{"go-1"},
				StartedAt: t0, ExpiresAt: t0.Add(time.Hour)}, 10); err != nil {
				t.Fatal(err)
			}
			ok := race(func() error {
				_, _, err := s.SubmitQuiz(ctx, "ada", "q", t0, func(a *progress.QuizAttempt) (*progress.Assessment, error) {
					return &progress.Assessment{UserID: "ada", Skill: "Go", Level: 5, Source: progress.QuizMeasured, TakenAt: t0}, nil
				})
				return err
			})
			if ok != 1 || count(t, d, `SELECT COUNT(*) FROM assessments WHERE user_id = 'ada'`) != 1 {
				t.Fatalf("%d submissions succeeded", ok)
			}
		})
		t.Run("achieve", func(t *testing.T) {
			deliver(t, d, "g1", bus.GoalChanged, "ada", progress.GoalChanged{UserID: "ada", GoalID: "g", Change: "created"})
			m, err := s.CreateMilestone(ctx, "ada", progress.MilestoneInput{GoalID: "g", Title: "m"}, t0)
			if err != nil {
				t.Fatal(err)
			}
			if ok := race(func() error { _, err := s.SetMilestoneAchieved(ctx, "ada", m.ID, true, t0); return err }); ok != n {
				t.Fatalf("%d of %d succeeded", ok, n)
			}
			if c := count(t, d, `SELECT COUNT(*) FROM activity WHERE kind = 'MILESTONE_ACHIEVED'`); c != 1 {
				t.Fatalf("%d activities", c)
			}
		})
		t.Run("complete", func(t *testing.T) {
			if _, err := s.Enroll(ctx, "ada", "c", t0); err != nil {
				t.Fatal(err)
			}
			if ok := race(func() error { _, err := s.CompleteCourse(ctx, "ada", "c", 3, t0); return err }); ok != n {
				t.Fatalf("%d of %d completions succeeded; completing is idempotent", ok, n)
			}
			if n := count(t, d, `SELECT COUNT(*) FROM bus_outbox WHERE type = $1`, bus.EnrollmentCompleted); n != 1 {
				t.Fatalf("%d enrollment.completed events", n)
			}
			if tot, _ := s.Totals(ctx, "ada"); tot.HoursLearned != 3 {
				t.Fatalf("hours %v", tot.HoursLearned)
			}
			if st, _ := s.DayStats(ctx, "ada", t0.AddDate(0, 0, -1)); len(st) != 1 || st[0].Hours != 3 {
				t.Fatalf("logged hours %+v", st)
			}
		})
	}, store.Migrations()...)
}
