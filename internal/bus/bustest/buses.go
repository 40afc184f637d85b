package bustest

import (
	"context"
	"log/slog"
	"os"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/redis/go-redis/v9"

	"github.com/careercoach/coach/internal/bus"
	"github.com/careercoach/coach/internal/bus/membus"
	"github.com/careercoach/coach/internal/bus/redisbus"
)

// EnvRedisURL names the Redis the tests use, e.g. redis://127.0.0.1:6379/0.
const EnvRedisURL = "TEST_REDIS_URL"

// Named is a Factory with a subtest name.
type Named struct {
	Name string
	New  Factory
}

// Factories lists the buses to test with: membus always, Redis when
// TEST_REDIS_URL is set.
func Factories() []Named {
	fs := []Named{{Name: "membus", New: MemBus}}
	if os.Getenv(EnvRedisURL) != "" {
		fs = append(fs, Named{Name: "redis", New: RedisBus})
	}
	return fs
}

// MemBus returns an in-process bus with fast redelivery.
func MemBus(t *testing.T) bus.Bus {
	b := membus.New(slog.New(slog.DiscardHandler), membus.Options{RetryDelay: 20 * time.Millisecond})
	t.Cleanup(func() { _ = b.Close() })
	return b
}

// RedisBus returns a Redis bus with a prefix of its own, so parallel test
// processes never share a stream or channel, and fast redelivery. Its
// stream is deleted at cleanup. Without TEST_REDIS_URL the test is skipped.
func RedisBus(t *testing.T) bus.Bus {
	t.Helper()
	url := os.Getenv(EnvRedisURL)
	if url == "" {
		t.Skipf("%s not set", EnvRedisURL)
	}
	opts := redisbus.Options{
		Prefix:     "test:" + uuid.NewString() + ":",
		Block:      200 * time.Millisecond,
		ClaimAfter: 300 * time.Millisecond,
	}
	b, err := redisbus.Open(t.Context(), url, slog.New(slog.DiscardHandler), opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		_ = b.Close()
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		ropts, err := redis.ParseURL(url)
		if err != nil {
			t.Errorf("parse %s: %v", EnvRedisURL, err)
			return
		}
		rdb := redis.NewClient(ropts)
		defer rdb.Close()
		if err := rdb.Del(ctx, opts.Prefix+"events").Err(); err != nil {
			t.Errorf("delete test stream: %v", err)
		}
	})
	return b
}
