package server_test

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/google/uuid"

	"github.com/careercoach/coach/internal/auth/authtest"
	"github.com/careercoach/coach/internal/bus"
	"github.com/careercoach/coach/internal/bus/bustest"
	"github.com/careercoach/coach/internal/db"
	"github.com/careercoach/coach/internal/dbtest"
	"github.com/careercoach/coach/internal/logging"
	"github.com/careercoach/coach/subgraphs/planning"
	"github.com/careercoach/coach/subgraphs/planning/server"
	"github.com/careercoach/coach/subgraphs/planning/store"
)

func TestConfigValidate(t *testing.T) {
	tests := []struct {
		name string
		cfg  server.Config
		ok   bool
	}{
		{"sqlite", server.Config{DataDir: "d", ServiceSecret: "0123456789abcdef"}, true},
		{"postgres", server.Config{DatabaseURL: "postgres://x", ServiceSecret: "0123456789abcdef"}, true},
		{"no storage", server.Config{ServiceSecret: "0123456789abcdef"}, false},
		{"short secret", server.Config{DataDir: "d", ServiceSecret: "short"}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if err := tt.cfg.Validate(); (err == nil) != tt.ok {
				t.Fatalf("Validate() = %v, want ok=%v", err, tt.ok)
			}
		})
	}
}

// The running service relays goal.changed to the bus and consumes
// skillprofile.changed and course.catalogued from it, on every bus implementation.
func TestServiceEvents(t *testing.T) {
	for _, nb := range bustest.Factories() {
		t.Run(nb.Name, func(t *testing.T) {
			dbtest.Each(t, func(t *testing.T, d *db.DB) {
				b := nb.New(t)
				iss := authtest.New(t)
				ctx, cancel := context.WithCancel(context.Background())
				svc, err := server.New(ctx, server.Config{DataDir: t.TempDir(), ServiceSecret: "router-secret-0123456789"}, d, b, iss.Verifier, logging.Discard())
				if err != nil {
					t.Fatal(err)
				}
				done := make(chan error, 1)
				go func() { done <- svc.RunBackground(ctx) }()
				t.Cleanup(func() {
					cancel()
					if err := <-done; err != nil {
						t.Errorf("background: %v", err)
					}
				})
				srv := httptest.NewServer(svc.Handler())
				t.Cleanup(srv.Close)

				if resp, err := http.Get(srv.URL + "/readyz"); err != nil || resp.StatusCode != 200 {
					t.Fatalf("readyz: %v %v", resp, err)
				}

				// Another service's consumer group sees planning's goal.changed.
				got := make(chan bus.Event, 4)
				cctx, ccancel := context.WithCancel(ctx)
				t.Cleanup(ccancel)
				go func() {
					_ = b.Consume(cctx, "courses-test-"+uuid.NewString(), func(_ context.Context, ev bus.Event) error {
						if ev.Type == bus.GoalChanged {
							got <- ev
						}
						return nil
					})
				}()
				user := "user-" + uuid.NewString()
				body, _ := json.Marshal(map[string]any{"query": `mutation { createGoal(input: {title: "Cloud", targetRoleId: "cloud-engineer"}) { id } }`})
				req, _ := http.NewRequest("POST", srv.URL+"/graphql", bytes.NewReader(body))
				req.Header.Set("Content-Type", "application/json")
				req.Header.Set("Authorization", "Bearer "+iss.Token(t, user))
				resp, err := http.DefaultClient.Do(req)
				if err != nil || resp.StatusCode != 200 {
					t.Fatalf("createGoal: %v %v", resp, err)
				}
				resp.Body.Close()
				select {
				case ev := <-got:
					var p planning.GoalEvent
					if err := json.Unmarshal(ev.Payload, &p); err != nil || ev.Subject != user || p.Change != "created" || p.TargetRoleTitle != "Cloud Engineer" || len(p.RequiredSkills) == 0 {
						t.Fatalf("goal.changed %s %s (%v)", ev.Subject, ev.Payload, err)
					}
				case <-time.After(bustest.Timeout):
					t.Fatal("no goal.changed on the bus")
				}

				// skillprofile.changed from the bus reaches the read model.
				payload, _ := json.Marshal(map[string]any{"userId": user, "skills": []map[string]any{{"name": "AWS", "level": 4}}})
				if err := b.Append(ctx, bus.Event{ID: uuid.NewString(), Type: bus.SkillProfileChanged, Subject: user, Payload: payload, OccurredAt: time.Now()}); err != nil {
					t.Fatal(err)
				}
				st := store.New(d)
				deadline := time.Now().Add(bustest.Timeout)
				for {
					us, err := st.UserSkills(ctx, []string{user})
					if err != nil {
						t.Fatal(err)
					}
					if u := us[user]; u != nil && len(u.Skills) == 1 && strings.EqualFold(u.Skills[0].Name, "AWS") {
						break
					}
					if time.Now().After(deadline) {
						t.Fatal("skillprofile.changed not consumed")
					}
					time.Sleep(20 * time.Millisecond)
				}
			}, store.Migrations()...)
		})
	}
}
