package server_test

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/google/uuid"

	"github.com/careercoach/coach/internal/auth"
	"github.com/careercoach/coach/internal/auth/authtest"
	"github.com/careercoach/coach/internal/bus"
	"github.com/careercoach/coach/internal/bus/bustest"
	"github.com/careercoach/coach/internal/db"
	"github.com/careercoach/coach/internal/dbtest"
	"github.com/careercoach/coach/internal/logging"
	"github.com/careercoach/coach/internal/waitfor"
	"github.com/careercoach/coach/subgraphs/progress"
	"github.com/careercoach/coach/subgraphs/progress/server"
	"github.com/careercoach/coach/subgraphs/progress/store"
)

const secret = "router-secret-0123456789"

type harness struct {
	t   *testing.T
	svc *server.Service
	bus bus.Bus
	iss *authtest.Issuer
}

func start(t *testing.T, d *db.DB, b bus.Bus) *harness {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	iss := authtest.New(t)
	svc, err := server.New(ctx, server.Config{DataDir: t.TempDir(), ServiceSecret: secret}, d, b, iss.Verifier, logging.Discard())
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- svc.RunBackground(ctx) }()
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("background work ended with %v", err)
		}
	})
	return &harness{t: t, svc: svc, bus: b, iss: iss}
}

func (h *harness) gql(userID, query string) map[string]json.RawMessage {
	h.t.Helper()
	body, _ := json.Marshal(map[string]any{"query": query})
	r := httptest.NewRequest("POST", "/graphql", bytes.NewReader(body))
	r.Header.Set("Content-Type", "application/json")
	r.Header.Set("Authorization", "Bearer "+h.iss.Token(h.t, userID))
	r.Header.Set(auth.ServiceTokenHeader, secret)
	rec := httptest.NewRecorder()
	h.svc.Handler().ServeHTTP(rec, r)
	var resp struct {
		Data   map[string]json.RawMessage
		Errors []any
	}
	if err := json.Unmarshal(rec.Body.Bytes(), &resp); err != nil || len(resp.Errors) > 0 {
		h.t.Fatalf("%s: status %d, body %s", query, rec.Code, rec.Body)
	}
	return resp.Data
}

func (h *harness) appendEvent(id, typ, subject string, payload any) {
	h.t.Helper()
	raw, _ := json.Marshal(payload)
	if err := h.bus.Append(context.Background(), bus.Event{ID: id, Type: typ, Subject: subject, Payload: raw, OccurredAt: time.Now().UTC()}); err != nil {
		h.t.Fatal(err)
	}
}

// TestEvents runs the service's consumers and relay against every bus
// (membus, and real Redis when TEST_REDIS_URL is set) on every database.
func TestEvents(t *testing.T) {
	for _, f := range bustest.Factories() {
		t.Run(f.Name, func(t *testing.T) {
			dbtest.Each(t, func(t *testing.T, d *db.DB) {
				b := f.New(t)
				h := start(t, d, b)
				ctx := context.Background()
				user := uuid.NewString()
				completed := bustest.NewRecorder(10)
				bustest.Consume(t, b, "test-observer", func(ctx context.Context, ev bus.Event) error {
					if ev.Type == bus.EnrollmentCompleted {
						return completed.Handle(ctx, ev)
					}
					return nil
				})

				courseEv := uuid.NewString()
				h.appendEvent(courseEv, bus.CourseCatalogued, "", progress.CourseCatalogued{CourseID: "course-9", Title: "Go in Practice", Skills: []string{"Go"}, DurationHours: 6})
				h.appendEvent(courseEv, bus.CourseCatalogued, "", progress.CourseCatalogued{CourseID: "course-9", Title: "Go in Practice", Skills: []string{"Go"}, DurationHours: 6}) // redelivered
				h.appendEvent(uuid.NewString(), bus.GoalChanged, user, progress.GoalChanged{UserID: user, GoalID: "goal-9", Change: "created"})
				cvEv := uuid.NewString()
				h.appendEvent(cvEv, bus.CVAnalyzed, user, map[string]any{"userId": user, "cvId": "cv-9", "score": 80})
				h.appendEvent(cvEv, bus.CVAnalyzed, user, map[string]any{"userId": user, "cvId": "cv-9", "score": 80})

				waitfor.True(t, "the consumed read models", func() bool {
					cs, _ := h.svc.Store.CoursesByIDs(ctx, []string{"course-9"})
					owners, _ := h.svc.Store.GoalOwners(ctx, []string{"goal-9"})
					items, _ := h.svc.Store.Activity(ctx, user, 10)
					return len(cs) == 1 && owners["goal-9"] == user && len(items) == 1
				})

				t.Run("completing a course relays enrollment.completed", func(t *testing.T) {
					h.gql(user, `mutation { enroll(courseId: "course-9") { id } }`)
					h.gql(user, `mutation { completeCourse(courseId: "course-9") { id } }`)
					ev := completed.Next(t)
					var p progress.EnrollmentCompletedEvent
					if err := json.Unmarshal(ev.Payload, &p); err != nil || p.UserID != user || p.CourseID != "course-9" || len(p.Skills) != 1 || p.Skills[0] != "Go" {
						t.Fatalf("event %+v: %v", ev, err)
					}
				})
				t.Run("redelivered events had one effect", func(t *testing.T) {
					items, err := h.svc.Store.Activity(ctx, user, 50)
					if err != nil {
						t.Fatal(err)
					}
					n := 0
					for _, it := range items {
						if it.Kind == progress.CVAnalyzed {
							n++
						}
					}
					if n != 1 {
						t.Fatalf("%d CV activities", n)
					}
				})
				t.Run("user.deleted purges", func(t *testing.T) {
					h.appendEvent(uuid.NewString(), bus.UserDeleted, user, map[string]string{"userId": user})
					waitfor.True(t, "the purge", func() bool {
						es, _ := h.svc.Store.Enrollments(ctx, user, nil)
						items, _ := h.svc.Store.Activity(ctx, user, 10)
						return len(es) == 0 && len(items) == 0
					})
				})
			}, store.Migrations()...)
		})
	}
}

func TestHealth(t *testing.T) {
	d := dbtest.Open(t, db.SQLite, store.Migrations()...)
	h := start(t, d, bustest.MemBus(t))
	for _, path := range []string{"/healthz", "/readyz"} {
		rec := httptest.NewRecorder()
		h.svc.Handler().ServeHTTP(rec, httptest.NewRequest("GET", path, nil))
		if rec.Code != http.StatusOK {
			t.Fatalf("%s: %d %s", path, rec.Code, rec.Body)
		}
	}
}

func TestConfigValidate(t *testing.T) {
	tests := []struct {
		name string
		cfg  server.Config
		ok   bool
	}{
		{"sqlite", server.Config{DataDir: "x", ServiceSecret: secret}, true},
		{"postgres", server.Config{DatabaseURL: "postgres://x", ServiceSecret: secret}, true},
		{"no storage", server.Config{ServiceSecret: secret}, false},
		{"short secret", server.Config{DataDir: "x", ServiceSecret: "short"}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if err := tt.cfg.Validate(); (err == nil) != tt.ok {
				t.Fatalf("Validate() = %v", err)
			}
		})
	}
}
