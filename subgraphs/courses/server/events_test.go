package server_test

import (
	"context"
	"errors"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/careercoach/coach/internal/ai"
	"github.com/careercoach/coach/internal/ai/aitest"
	"github.com/careercoach/coach/internal/bus"
	"github.com/careercoach/coach/internal/bus/bustest"
	"github.com/careercoach/coach/internal/db"
	"github.com/careercoach/coach/internal/dbtest"
	"github.com/careercoach/coach/internal/waitfor"
	"github.com/careercoach/coach/subgraphs/courses"
	"github.com/careercoach/coach/subgraphs/courses/server"
	"github.com/careercoach/coach/subgraphs/courses/store"
)

// eachBus runs fn per database and per bus (membus, and Redis when
// TEST_REDIS_URL is set).
func eachBus(t *testing.T, fn func(t *testing.T, d *db.DB, b bus.Bus)) {
	for _, f := range bustest.Factories() {
		t.Run(f.Name, func(t *testing.T) {
			dbtest.Each(t, func(t *testing.T, d *db.DB) { fn(t, d, f.New(t)) }, store.Migrations()...)
		})
	}
}

func TestRecommendationsAfterEvents(t *testing.T) {
	eachBus(t, func(t *testing.T, d *db.DB, b bus.Bus) {
		h := start(t, d, b, server.Config{})
		shipped, err := courses.LoadCatalogue()
		if err != nil {
			t.Fatal(err)
		}
		cat := shipped.Courses
		ada, bob := "user-ada", "user-bob"

		t.Run("empty before any event", func(t *testing.T) {
			got, resp := h.recommended(ada, ada)
			if len(resp.Errors) > 0 || len(got) != 0 {
				t.Fatalf("%s %+v", resp.codes(), got)
			}
		})
		t.Run("cv.analyzed alone: weakest skills and suggested roles", func(t *testing.T) {
			publish(t, b, cvAnalyzed(ada, courses.SkillLevel{Name: "SQL", Level: 1}, courses.SkillLevel{Name: "Python", Level: 4}))
			got := h.waitRecommended(ada, func(r []rec) bool { return len(r) > 0 })
			if !slices.Contains(got[0].MatchedSkills, "SQL") && !strings.Contains(got[0].Reason, "Data Analyst") {
				t.Fatalf("top recommendation %+v is neither for SQL nor for the suggested role", got[0])
			}
			if !strings.Contains(got[0].Reason, "Set a career goal") {
				t.Fatalf("reason %q does not say the goal is missing", got[0].Reason)
			}
		})
		t.Run("goal.changed: the gap to the goal's required skills", func(t *testing.T) {
			publish(t, b, goalChanged(ada, courses.SkillLevel{Name: "Apache Spark", Level: 3}, courses.SkillLevel{Name: "Data Warehousing", Level: 3},
				courses.SkillLevel{Name: "Python", Level: 3}, courses.SkillLevel{Name: "ETL", Level: 3}))
			got := h.waitRecommended(ada, func(r []rec) bool { return len(r) > 0 && strings.Contains(r[0].Reason, "Data Engineer") })
			for _, r := range got {
				if slices.Contains(r.MatchedSkills, "Python") {
					t.Fatalf("%s matched Python, which the CV shows at level 4", r.Course.ID)
				}
				if len(r.MatchedSkills) == 0 || r.Score <= 0 || r.Score > 1 {
					t.Fatalf("bad recommendation %+v", r)
				}
			}
			// An English reader (the default) sees English courses first; a
			// course in another language only after them, saying so (issue 25).
			foreign := false
			for _, r := range got {
				isForeign := r.Course.Language != "en"
				if foreign && !isForeign {
					t.Fatalf("English course %s ranked after a foreign-language one", r.Course.ID)
				}
				foreign = foreign || isForeign
				if isForeign != strings.HasPrefix(r.Reason, "Taught in ") {
					t.Fatalf("%s (language %q) reason %q", r.Course.ID, r.Course.Language, r.Reason)
				}
			}
			// The top course covers as much of the gap as any course ada can
			// read does (relevance outweighs level fit and cost); a
			// foreign-language course covering more still ranks after it.
			gap := []string{"Apache Spark", "Data Warehousing", "ETL"}
			most := 0
			for _, c := range cat {
				if !(courses.Profile{}).Reads(c.Language) {
					continue
				}
				n := 0
				for _, g := range gap {
					if slices.Contains(c.Skills, g) {
						n++
					}
				}
				most = max(most, n)
			}
			if top := got[0].MatchedSkills; most == 0 || len(top) < most {
				t.Fatalf("the best course covers only %v; a course ada reads covers %d of %v", top, most, gap)
			}
		})
		t.Run("another user cannot read them", func(t *testing.T) {
			got, resp := h.recommended(bob, ada)
			if len(got) != 0 || resp.codes() != "NOT_FOUND" {
				t.Fatalf("bob read ada's recommendations: %s %+v", resp.codes(), got)
			}
			if _, resp := h.recommended("", ada); resp.codes() != "UNAUTHENTICATED" {
				t.Fatalf("anonymous: %s", resp.codes())
			}
			resp = h.do(ada, false, recommendedQuery, map[string]any{"id": ada}, nil)
			if resp.codes() != "FORBIDDEN" {
				t.Fatalf("_entities without the router credential: %s", resp.codes())
			}
		})
		t.Run("first bounds", func(t *testing.T) {
			resp := h.do(ada, true, `query($id: ID!) { _entities(representations: [{__typename: "User", id: $id}]) { ... on User { recommendedCourses(first: 51) { score } } } }`,
				map[string]any{"id": ada}, nil)
			if !strings.Contains(resp.codes(), "BAD_USER_INPUT") {
				t.Fatalf("codes %s", resp.codes())
			}
		})
		t.Run("skill aliases in events match canonical catalogue skills", func(t *testing.T) {
			publish(t, b, goalChanged(bob, courses.SkillLevel{Name: "k8s", Level: 3}))
			got := h.waitRecommended(bob, func(r []rec) bool { return len(r) > 0 })
			if !slices.Equal(got[0].MatchedSkills, []string{"Kubernetes"}) {
				t.Fatalf("matched %v", got[0].MatchedSkills)
			}
		})
		t.Run("user.deleted purges them and refuses the user's token", func(t *testing.T) {
			publish(t, b, newEvent(bus.UserDeleted, ada, map[string]string{"userId": ada}))
			waitfor.Check(t, 10*time.Second, "ada's token to be refused", func() (bool, string) {
				_, resp := h.recommended(ada, ada)
				return resp.codes() == "UNAUTHENTICATED", resp.codes()
			})
			for _, table := range []string{"recommendations", "recommendation_inputs", "user_goals", "user_profiles"} {
				var n int
				if err := d.QueryRowContext(t.Context(), `SELECT count(*) FROM `+table+` WHERE user_id = $1`, ada).Scan(&n); err != nil || n != 0 {
					t.Fatalf("%s: %d rows of the deleted user (%v)", table, n, err)
				}
			}
			if got, resp := h.recommended(bob, bob); len(resp.Errors) > 0 || len(got) == 0 {
				t.Fatalf("bob's recommendations after ada's deletion: %s %+v", resp.codes(), got)
			}
		})
	})
}

// flaky fails the first delivery of each event, as a crashing consumer
// would, so that the bus must redeliver it.
type flaky struct {
	mu    sync.Mutex
	seen  map[string]int
	inner bus.Handler
}

func (f *flaky) handle(ctx context.Context, ev bus.Event) error {
	f.mu.Lock()
	f.seen[ev.ID]++
	n := f.seen[ev.ID]
	f.mu.Unlock()
	if n == 1 {
		return errors.New("injected failure")
	}
	return f.inner(ctx, ev)
}

func TestConsumerSurvivesRedelivery(t *testing.T) {
	eachBus(t, func(t *testing.T, d *db.DB, b bus.Bus) {
		ctx := t.Context()
		// No background work: this test drives the consumer itself.
		svc, err := server.New(ctx, server.Config{ServiceSecret: secret}, d, b, nil, discard())
		if err != nil {
			t.Fatal(err)
		}
		f := &flaky{seen: map[string]int{}, inner: svc.HandleEvent}
		rec := bustest.NewRecorder(16)
		bustest.Consume(t, b, courses.ConsumerGroup, func(ctx context.Context, ev bus.Event) error {
			if err := f.handle(ctx, ev); err != nil {
				return err
			}
			return rec.Handle(ctx, ev)
		})
		user := "user-redelivered"
		goal := goalChanged(user, courses.SkillLevel{Name: "Kubernetes", Level: 3}, courses.SkillLevel{Name: "Docker", Level: 3})
		publish(t, b, goal)
		if got := rec.Next(t); got.ID != goal.ID {
			t.Fatalf("handled %s", got.ID)
		}
		first, err := svc.Store.RecommendationsFor(ctx, user, 50)
		if err != nil || len(first) == 0 {
			t.Fatalf("%d recommendations, %v", len(first), err)
		}
		// The same event again (a redelivery after a lost ack) changes nothing.
		publish(t, b, goal)
		if got := rec.Next(t); got.ID != goal.ID {
			t.Fatalf("handled %s", got.ID)
		}
		again, err := svc.Store.RecommendationsFor(ctx, user, 50)
		if err != nil || len(again) != len(first) {
			t.Fatalf("%d then %d recommendations, %v", len(first), len(again), err)
		}
		for i := range first {
			if first[i].CourseID != again[i].CourseID || first[i].Score != again[i].Score || first[i].Reason != again[i].Reason {
				t.Fatalf("row %d changed: %+v vs %+v", i, first[i], again[i])
			}
		}
		var processed int
		if err := d.QueryRowContext(ctx, `SELECT COUNT(*) FROM bus_processed_events WHERE consumer = $1 AND event_id = $2`, courses.ConsumerGroup, goal.ID).Scan(&processed); err != nil || processed != 1 {
			t.Fatalf("processed %d, %v", processed, err)
		}
		t.Run("a malformed event is dropped, not retried forever", func(t *testing.T) {
			bad := bus.Event{ID: "bad-" + user, Type: bus.CVAnalyzed, Subject: user, Payload: []byte(`{"userId": 7}`), OccurredAt: time.Now().UTC()}
			publish(t, b, bad)
			if got := rec.Next(t); got.ID != bad.ID {
				t.Fatalf("handled %s", got.ID)
			}
		})
	})
}

func TestCatalogueIsAnnounced(t *testing.T) {
	eachBus(t, func(t *testing.T, d *db.DB, b bus.Bus) {
		shipped, _ := courses.LoadCatalogue()
		cat := shipped.Courses
		seen := make(chan bus.Event, len(cat)+10)
		bustest.Consume(t, b, "progress-test", func(_ context.Context, ev bus.Event) error {
			if ev.Type == bus.CourseCatalogued {
				seen <- ev
			}
			return nil
		})
		h := start(t, d, b, server.Config{})
		if h.svc.Seeded != len(cat) {
			t.Fatalf("seeded %d", h.svc.Seeded)
		}
		ids := map[string]bool{}
		deadline := time.After(bustest.Timeout)
		for len(ids) < len(cat) {
			select {
			case ev := <-seen:
				ids[ev.Subject] = true
			case <-deadline:
				t.Fatalf("%d of %d course.catalogued events relayed", len(ids), len(cat))
			}
		}
	})
}

func TestModelWritesReasons(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		fake := aitest.New(t, aitest.Options{Azure: true})
		o := fake.Options()
		client, err := ai.New(ai.Config{AzureEndpoint: fake.BaseURL(), AzureAPIKey: o.APIKey, AzureDeployment: o.Deployment,
			AzureAPIVersion: o.APIVersion, MaxRetries: 1, RetryBaseDelay: time.Millisecond}, nil, discard())
		if err != nil {
			t.Fatal(err)
		}
		// The fake does not know which courses will rank first: answer for all.
		shipped, _ := courses.LoadCatalogue()
		cat := shipped.Courses
		var reasons []map[string]string
		for _, c := range cat {
			reasons = append(reasons, map[string]string{"courseId": c.ID, "reason": "Model: " + c.Title + " closes your Kubernetes gap."})
		}
		fake.Enqueue(aitest.JSON(map[string]any{"reasons": reasons}))
		b := bustest.MemBus(t)
		h := start(t, d, b, server.Config{Explainer: courses.ModelExplainer{Client: client}})
		user := "user-model"
		publish(t, b, goalChanged(user, courses.SkillLevel{Name: "Kubernetes", Level: 3}, courses.SkillLevel{Name: "Docker", Level: 2}))
		got := h.waitRecommended(user, func(r []rec) bool { return len(r) > 0 && strings.HasPrefix(r[0].Reason, "Model: ") })
		for i, r := range got {
			fromModel := strings.HasPrefix(r.Reason, "Model: ")
			if fromModel != (i < courses.ModelExplained) {
				t.Fatalf("recommendation %d reason %q: want the model's for the first %d only", i, r.Reason, courses.ModelExplained)
			}
		}
		if n := len(fake.Requests()); n != 1 {
			t.Fatalf("%d model calls", n)
		}
	}, store.Migrations()...)
}
