package redisbus_test

import (
	"context"
	"log/slog"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/careercoach/coach/internal/bus/bustest"
	"github.com/careercoach/coach/internal/bus/redisbus"
)

func TestConformance(t *testing.T) {
	if os.Getenv(bustest.EnvRedisURL) == "" {
		t.Skipf("%s not set", bustest.EnvRedisURL)
	}
	bustest.Run(t, bustest.RedisBus)
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
			if msg := err.Error(); strings.Contains(msg, "secret") {
				t.Errorf("error %q must not show the password", msg)
			}
		})
	}
}
