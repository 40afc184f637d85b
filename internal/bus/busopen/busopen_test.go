package busopen_test

import (
	"log/slog"
	"os"
	"testing"

	"github.com/careercoach/coach/internal/bus/busopen"
	"github.com/careercoach/coach/internal/bus/membus"
	"github.com/careercoach/coach/internal/bus/redisbus"
)

func TestOpen(t *testing.T) {
	log := slog.New(slog.DiscardHandler)
	t.Run("no URL gives the in-process bus", func(t *testing.T) {
		b, err := busopen.Open(t.Context(), "", log)
		if err != nil {
			t.Fatal(err)
		}
		defer b.Close()
		if _, ok := b.(*membus.Bus); !ok {
			t.Errorf("got %T, want *membus.Bus", b)
		}
	})
	t.Run("redis URL gives the Redis bus", func(t *testing.T) {
		url := os.Getenv("TEST_REDIS_URL")
		if url == "" {
			t.Skip("TEST_REDIS_URL not set")
		}
		b, err := busopen.Open(t.Context(), url, log)
		if err != nil {
			t.Fatal(err)
		}
		defer b.Close()
		if _, ok := b.(*redisbus.Bus); !ok {
			t.Errorf("got %T, want *redisbus.Bus", b)
		}
		if err := b.Ping(t.Context()); err != nil {
			t.Error(err)
		}
	})
	t.Run("bad URL is an error", func(t *testing.T) {
		if b, err := busopen.Open(t.Context(), "nonsense://x", log); err == nil {
			_ = b.Close()
			t.Fatal("Open succeeded")
		}
	})
}
