package graph_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"time"

	"github.com/careercoach/coach/internal/auth"
	"github.com/careercoach/coach/internal/auth/authtest"
	"github.com/careercoach/coach/internal/bus"
	"github.com/careercoach/coach/internal/db"
	"github.com/careercoach/coach/internal/dbtest"
	"github.com/careercoach/coach/internal/gqlsrv"
	"github.com/careercoach/coach/internal/logging"
	"github.com/careercoach/coach/subgraphs/progress"
	"github.com/careercoach/coach/subgraphs/progress/graph"
	"github.com/careercoach/coach/subgraphs/progress/store"
)

// countingStore counts the store's read calls; every one is a fixed number
// of SQL statements (one, except Totals' single round trip), so a constant
// call count means a constant query count.
type countingStore struct {
	progress.Store
	mu    sync.Mutex
	calls int
}

func (c *countingStore) inc() { c.mu.Lock(); c.calls++; c.mu.Unlock() }
func (c *countingStore) n() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.calls
}

func (c *countingStore) GoalOwners(ctx context.Context, ids []string) (map[string]string, error) {
	c.inc()
	return c.Store.GoalOwners(ctx, ids)
}
func (c *countingStore) MilestonesForGoals(ctx context.Context, u string, ids []string) (map[string][]*progress.Milestone, error) {
	c.inc()
	return c.Store.MilestonesForGoals(ctx, u, ids)
}
func (c *countingStore) EnrollmentsForCourses(ctx context.Context, u string, ids []string) (map[string]*progress.Enrollment, error) {
	c.inc()
	return c.Store.EnrollmentsForCourses(ctx, u, ids)
}
func (c *countingStore) Enrollments(ctx context.Context, u string, s *progress.EnrollmentStatus) ([]*progress.Enrollment, error) {
	c.inc()
	return c.Store.Enrollments(ctx, u, s)
}
func (c *countingStore) Assessments(ctx context.Context, u, s string) ([]*progress.Assessment, error) {
	c.inc()
	return c.Store.Assessments(ctx, u, s)
}
func (c *countingStore) Activity(ctx context.Context, u string, n int) ([]*progress.Activity, error) {
	c.inc()
	return c.Store.Activity(ctx, u, n)
}
func (c *countingStore) ActiveDays(ctx context.Context, u string) ([]time.Time, error) {
	c.inc()
	return c.Store.ActiveDays(ctx, u)
}
func (c *countingStore) DayStats(ctx context.Context, u string, since time.Time) ([]progress.DayStat, error) {
	c.inc()
	return c.Store.DayStats(ctx, u, since)
}
func (c *countingStore) Totals(ctx context.Context, u string) (progress.Totals, error) {
	c.inc()
	return c.Store.Totals(ctx, u)
}

// seedHeavy gives user n courses (enrolled), n goals with 3 milestones
// each, assessments in 5 skills and a year of daily activity.
func seedHeavy(tb testing.TB, d *db.DB, user string, n int) {
	tb.Helper()
	ctx := context.Background()
	st := store.New(d)
	h := store.New(d).Handler(logging.Discard())
	now := time.Now()
	for i := range n {
		for _, ev := range []bus.Event{
			{ID: fmt.Sprintf("c%d", i), Type: bus.CourseCatalogued, Payload: []byte(fmt.Sprintf(`{"courseId":"course-%d","title":"Course %d","skills":["SQL"],"durationHours":5}`, i, i))},
			{ID: fmt.Sprintf("g%d", i), Type: bus.GoalChanged, Subject: user, Payload: []byte(fmt.Sprintf(`{"userId":%q,"goalId":"goal-%d","change":"created"}`, user, i))},
		} {
			if err := h(ctx, ev); err != nil {
				tb.Fatal(err)
			}
		}
		if _, err := st.Enroll(ctx, user, fmt.Sprintf("course-%d", i), now); err != nil {
			tb.Fatal(err)
		}
		if _, err := st.UpdateCourseProgress(ctx, user, fmt.Sprintf("course-%d", i), 50, 2.5, now); err != nil {
			tb.Fatal(err)
		}
		for j := range 3 {
			m, err := st.CreateMilestone(ctx, user, progress.MilestoneInput{GoalID: fmt.Sprintf("goal-%d", i), Title: fmt.Sprintf("m%d", j)}, now)
			if err != nil {
				tb.Fatal(err)
			}
			if j == 0 {
				if _, err := st.SetMilestoneAchieved(ctx, user, m.ID, true, now); err != nil {
					tb.Fatal(err)
				}
			}
		}
	}
	for i := range 365 {
		skill := []string{"SQL", "Python", "Go", "Docker", "Git"}[i%5]
		a := &progress.Assessment{UserID: user, Skill: skill, Level: 1 + i%5, Source: progress.SelfAssessed, TakenAt: now.AddDate(0, 0, -i)}
		if err := st.AddAssessment(ctx, a); err != nil {
			tb.Fatal(err)
		}
	}
}

// newGQL returns the bare GraphQL handler (no auth middleware) on st.
func newGQL(tb testing.TB, st progress.Store, v *auth.Verifier) http.Handler {
	tb.Helper()
	bank, err := progress.LoadBank()
	if err != nil {
		tb.Fatal(err)
	}
	return gqlsrv.New(graph.NewExecutableSchema(graph.Config{Resolvers: &graph.Resolver{Store: st, Quizzes: &progress.Quizzes{Store: st, Bank: bank, Rubrics: mustRubrics(tb), Now: time.Now}, Skill: lookup(tb), Now: time.Now}}),
		gqlsrv.Options{Log: slog.New(slog.DiscardHandler), Verifier: v, ServiceSecret: secret})
}

func setupCounting(t *testing.T, iss *authtest.Issuer, d *db.DB) (*countingStore, http.Handler) {
	t.Helper()
	cs := &countingStore{Store: store.New(d)}
	mw := &auth.Middleware{Verifier: iss.Verifier, ServiceSecret: secret, Log: slog.New(slog.DiscardHandler)}
	return cs, mw.Wrap(newGQL(t, cs, iss.Verifier))
}

const batchQuery = `query($r: [_Any!]!) { _entities(representations: $r) {
	... on User { progress { coursesInProgress hoursThisWeek currentStreak weeklyActivity { hours } skillLevels { skill points { level } } }
		enrollments { id course { id } } activity { id } assessments { id } }
	... on CareerGoal { id progressPercent milestones { id title overdue } }
	... on Course { id myEnrollment { percent hoursLearned } } } }`

// TestNoNPlusOne checks that the store is called a constant number of times
// whatever the batch size: the entity resolvers load a batch at once and
// nested milestones and enrollments ride on their entities.
func TestNoNPlusOne(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		seedHeavy(t, d, "ada", 30)
		e := setup(t, d)
		cs, h := setupCounting(t, e.iss, d)
		e.h = h
		// User: 4 for the summary, 1 each for enrollments, activity and
		// assessments; CareerGoal: owners + milestones; Course: enrollments.
		const want = 10
		for _, n := range []int{1, 30} {
			t.Run(fmt.Sprint(n), func(t *testing.T) {
				reps := []any{rep("User", "ada")}
				for i := range n {
					reps = append(reps, rep("Course", fmt.Sprintf("course-%d", i)), rep("CareerGoal", fmt.Sprintf("goal-%d", i)))
				}
				before := cs.n()
				var got []map[string]any
				e.ok("ada", true, batchQuery, map[string]any{"r": reps}, "_entities", &got)
				if len(got) != 1+2*n {
					t.Fatalf("%d entities", len(got))
				}
				if calls := cs.n() - before; calls != want {
					t.Fatalf("%d store calls for a batch of %d, want %d", calls, n, want)
				}
			})
		}
	}, store.Migrations()...)
}

// BenchmarkDashboard measures the dashboard query (resolvers and SQL, on
// SQLite) for a user with 30 courses, 90 milestones and a year of
// assessments. Token verification is left out: the identity is put in the
// context as the auth middleware would.
func BenchmarkDashboard(b *testing.B) {
	d := dbtest.Open(b, db.SQLite, store.Migrations()...)
	seedHeavy(b, d, "ada", 30)
	h := newGQL(b, store.New(d), nil)
	body, _ := json.Marshal(map[string]any{"query": dashboardQuery, "variables": map[string]any{"r": []any{rep("User", "ada")}}})
	ctx := auth.WithService(auth.WithIdentity(context.Background(), auth.Identity{UserID: "ada"}))
	b.ReportAllocs()
	for b.Loop() {
		r := httptest.NewRequest("POST", "/graphql", bytes.NewReader(body)).WithContext(ctx)
		r.Header.Set("Content-Type", "application/json")
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, r)
		if rec.Code != http.StatusOK || bytes.Contains(rec.Body.Bytes(), []byte(`"errors"`)) {
			b.Fatalf("%d %s", rec.Code, rec.Body)
		}
	}
}
