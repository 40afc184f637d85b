package membus_test

import (
	"fmt"
	"log/slog"
	"testing"

	"github.com/careercoach/coach/internal/bus"
	"github.com/careercoach/coach/internal/bus/bustest"
	"github.com/careercoach/coach/internal/bus/membus"
)

// TestStreamIsTrimmed checks that old events are dropped beyond MaxLen (with
// some slack) and that a new group starts at the oldest one retained.
func TestStreamIsTrimmed(t *testing.T) {
	const maxLen, n = 8, 30
	b := membus.New(slog.New(slog.DiscardHandler), membus.Options{MaxLen: maxLen})
	t.Cleanup(func() { _ = b.Close() })
	for i := range n {
		if err := b.Append(t.Context(), bustest.NewEvent(bus.GoalChanged, fmt.Sprint(i))); err != nil {
			t.Fatal(err)
		}
	}
	rec := bustest.NewRecorder(n)
	bustest.Consume(t, b, "late", rec.Handle)
	first := rec.Next(t)
	received := 1
	for ev := first; ev.Subject != fmt.Sprint(n-1); received++ {
		ev = rec.Next(t)
	}
	if received < maxLen || received > maxLen+maxLen/4 {
		t.Errorf("new group received %d events (from %s), want about %d", received, first.Subject, maxLen)
	}
}
