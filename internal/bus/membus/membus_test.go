package membus_test

import (
	"log/slog"
	"testing"
	"time"

	"github.com/careercoach/coach/internal/bus"
	"github.com/careercoach/coach/internal/bus/bustest"
	"github.com/careercoach/coach/internal/bus/membus"
)

func TestConformance(t *testing.T) {
	bustest.Run(t, func(t *testing.T) bus.Bus {
		b := membus.New(slog.New(slog.DiscardHandler), membus.Options{RetryDelay: 20 * time.Millisecond})
		t.Cleanup(func() { _ = b.Close() })
		return b
	})
}
