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

// EnvURL names the Redis the tests use; without it they are skipped.
const EnvURL = "TEST_REDIS_URL"

// open returns a Redis bus with a prefix of its own (so parallel test
// processes never share a stream or channel) and fast redelivery; its
// stream is deleted at cleanup.
func open(t *testing.T) bus.Bus {
	t.Helper()
	url := os.Getenv(EnvURL)
	if url == "" {
		t.Skipf("%s not set", EnvURL)
	}
	opts := redisbus.Options{
		Prefix:     "test:" + uuid.NewString()[:13] + ":",
		Block:      200 * time.Millisecond,
		ClaimAfter: 300 * time.Millisecond,
	}
	b, err := redisbus.Open(t.Context(), url, slog.New(slog.DiscardHandler), opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		_ = b.Close()
		ropts, err := redis.ParseURL(url)
		if err != nil {
			t.Fatal(err)
		}
		rdb := redis.NewClient(ropts)
		defer rdb.Close()
		if err := rdb.Del(ctx, opts.Prefix+"events").Err(); err != nil {
			t.Errorf("delete test stream: %v", err)
		}
	})
	return b
}

func TestConformance(t *testing.T) {
	if os.Getenv(EnvURL) == "" {
		t.Skipf("%s not set", EnvURL)
	}
	bustest.Run(t, open)
}

func TestOpenFailsClearly(t *testing.T) {
	tests := []struct{ name, url string }{
		{name: "not a redis URL", url: "http://127.0.0.1:6379"},
		{name: "nobody listening", url: "redis://:secret@127.0.0.1:1/0"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ctx, cancel := context.WithTimeout(t.Context(), 5*time.Second)
			defer cancel()
			b, err := redisbus.Open(ctx, tt.url, slog.New(slog.DiscardHandler), redisbus.Options{})
			if err == nil {
				_ = b.Close()
				t.Fatal("Open succeeded")
			}
			if msg := err.Error(); len(msg) == 0 || strings.Contains(msg, "secret") {
				t.Errorf("error %q must explain without the password", msg)
			}
		})
	}
}
