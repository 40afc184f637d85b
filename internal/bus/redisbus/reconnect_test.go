package redisbus_test

import (
	"context"
	"log/slog"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/redis/go-redis/v9"

	"github.com/careercoach/coach/internal/bus"
	"github.com/careercoach/coach/internal/bus/bustest"
	"github.com/careercoach/coach/internal/bus/redisbus"
)

// TestSurvivesRedisRestart kills the bus's connections and deletes its
// stream (what a restart without persistence does), then checks that
// consumers and subscribers carry on. Only this test's connections are
// touched: other test processes share the Redis.
func TestSurvivesRedisRestart(t *testing.T) {
	url := os.Getenv(bustest.EnvRedisURL)
	if url == "" {
		t.Skipf("%s not set", bustest.EnvRedisURL)
	}
	name := "coachtest-" + uuid.NewString()[:8]
	sep := "?"
	if strings.Contains(url, "?") {
		sep = "&"
	}
	opts := redisbus.Options{Prefix: "test:" + uuid.NewString() + ":", Block: 200 * time.Millisecond, ClaimAfter: 300 * time.Millisecond}
	b, err := redisbus.Open(t.Context(), url+sep+"client_name="+name, slog.New(slog.DiscardHandler), opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = b.Close() })
	ropts, err := redis.ParseURL(url)
	if err != nil {
		t.Fatal(err)
	}
	admin := redis.NewClient(ropts)
	t.Cleanup(func() {
		_ = admin.Del(context.Background(), opts.Prefix+"events").Err()
		_ = admin.Close()
	})

	rec := bustest.NewRecorder(10)
	bustest.Consume(t, b, "g", rec.Handle)
	sub, err := b.Subscribe(t.Context(), "t")
	if err != nil {
		t.Fatal(err)
	}
	before := bustest.NewEvent(bus.UserDeleted, "before")
	if err := b.Append(t.Context(), before); err != nil {
		t.Fatal(err)
	}
	if got := rec.Next(t); got.ID != before.ID {
		t.Fatalf("got %s before the restart", got.Subject)
	}

	killClients(t, admin, name)
	if err := admin.Del(t.Context(), opts.Prefix+"events").Err(); err != nil {
		t.Fatal(err)
	}

	after := bustest.NewEvent(bus.UserDeleted, "after")
	if err := b.Append(t.Context(), after); err != nil { // go-redis reconnects
		t.Fatalf("Append after restart: %v", err)
	}
	if got := rec.Next(t); got.ID != after.ID {
		t.Errorf("got %s after the restart, want after", got.Subject)
	}

	// The subscription comes back by itself; messages sent meanwhile are
	// lost, so keep publishing until one arrives.
	ticker := time.NewTicker(50 * time.Millisecond)
	defer ticker.Stop()
	deadline := time.After(bustest.Timeout)
	for {
		if err := b.Publish(t.Context(), "t", []byte("hello")); err != nil {
			t.Fatalf("Publish after restart: %v", err)
		}
		select {
		case msg, ok := <-sub:
			if !ok {
				t.Fatal("subscription closed by the restart")
			}
			if string(msg) == "hello" {
				return
			}
		case <-ticker.C:
		case <-deadline:
			t.Fatal("subscription did not recover")
		}
	}
}

// killClients closes every Redis connection named name.
func killClients(t *testing.T, admin *redis.Client, name string) {
	t.Helper()
	list, err := admin.ClientList(t.Context()).Result()
	if err != nil {
		t.Fatal(err)
	}
	killed := 0
	for _, line := range strings.Split(list, "\n") {
		var id string
		for _, field := range strings.Fields(line) {
			if v, ok := strings.CutPrefix(field, "id="); ok {
				id = v
			}
			if field == "name="+name && id != "" {
				if err := admin.Do(t.Context(), "CLIENT", "KILL", "ID", id).Err(); err != nil {
					t.Fatal(err)
				}
				killed++
			}
		}
	}
	if killed == 0 {
		t.Fatal("found no connection to kill")
	}
	t.Logf("killed %d connections", killed)
}
