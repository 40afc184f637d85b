package bus_test

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/careercoach/coach/internal/bus"
	"github.com/careercoach/coach/internal/bus/bustest"
	"github.com/careercoach/coach/internal/db"
	"github.com/careercoach/coach/internal/dbtest"
)

// flakyBus fails the first failures Appends, like a Redis that is down.
type flakyBus struct {
	bus.Bus
	failures atomic.Int32
}

func (f *flakyBus) Append(ctx context.Context, ev bus.Event) error {
	if f.failures.Add(-1) >= 0 {
		return errors.New("connection refused")
	}
	return f.Bus.Append(ctx, ev)
}

// runRelay runs r until stop is called or the test ends; stop waits for
// Run to return.
func runRelay(t *testing.T, r *bus.Relay) (stop func()) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- r.Run(ctx) }()
	var once sync.Once
	stop = func() {
		once.Do(func() {
			cancel()
			if err := <-done; err != nil {
				t.Errorf("Relay.Run returned %v", err)
			}
		})
	}
	t.Cleanup(stop)
	return stop
}

func enqueue(t *testing.T, d *db.DB, evs ...bus.Event) {
	t.Helper()
	err := d.WithTx(t.Context(), func(tx *sql.Tx) error {
		for _, ev := range evs {
			if err := bus.Enqueue(t.Context(), tx, ev); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatalf("enqueue: %v", err)
	}
}

func TestRelayRetriesWhileBusFails(t *testing.T) {
	each(t, func(t *testing.T, d *db.DB, b bus.Bus) {
		flaky := &flakyBus{Bus: b}
		flaky.failures.Store(3)
		rec := bustest.NewRecorder(10)
		bustest.Consume(t, b, "g", rec.Handle)
		evs := []bus.Event{bustest.NewEvent(bus.CVAnalyzed, "a"), bustest.NewEvent(bus.CVAnalyzed, "b")}
		evs[1].OccurredAt = evs[0].OccurredAt.Add(time.Millisecond)
		enqueue(t, d, evs...)

		runRelay(t, bus.NewRelay(d, flaky, dbtest.Logger(), bus.RelayOptions{PollInterval: 5 * time.Millisecond, MaxBackoff: 20 * time.Millisecond}))
		for i, want := range evs { // oldest first, despite the failures
			if got := rec.Next(t); got.ID != want.ID {
				t.Errorf("event %d = %s, want %s", i, got.Subject, want.Subject)
			}
		}
		if flaky.failures.Load() >= 0 {
			t.Error("the bus never failed")
		}
	})
}

func TestRelayNotifySkipsThePollWait(t *testing.T) {
	each(t, func(t *testing.T, d *db.DB, b bus.Bus) {
		rec := bustest.NewRecorder(10)
		bustest.Consume(t, b, "g", rec.Handle)
		relay := bus.NewRelay(d, b, dbtest.Logger(), bus.RelayOptions{PollInterval: time.Hour})
		runRelay(t, relay)
		for i := range 3 {
			ev := bustest.NewEvent(bus.GoalChanged, fmt.Sprint(i))
			enqueue(t, d, ev)
			relay.Notify()
			if got := rec.Next(t); got.ID != ev.ID {
				t.Fatalf("got %s, want %s", got.Subject, ev.Subject)
			}
		}
	})
}

// TestConcurrentRelays runs two relays on one database, as two replicas of
// a service would: every event arrives, none is lost.
func TestConcurrentRelays(t *testing.T) {
	each(t, func(t *testing.T, d *db.DB, b bus.Bus) {
		const n = 60
		rec := bustest.NewRecorder(4 * n)
		bustest.Consume(t, b, "g", rec.Handle)
		opts := bus.RelayOptions{PollInterval: 5 * time.Millisecond, BatchSize: 7}
		r1 := bus.NewRelay(d, b, dbtest.Logger(), opts)
		r2 := bus.NewRelay(d, b, dbtest.Logger(), opts)
		stop1 := runRelay(t, r1)
		stop2 := runRelay(t, r2)
		want := map[string]bool{}
		for i := range n {
			ev := bustest.NewEvent(bus.EnrollmentCompleted, fmt.Sprint(i))
			want[ev.ID] = true
			enqueue(t, d, ev)
			r1.Notify()
			r2.Notify()
		}
		for len(want) > 0 {
			delete(want, rec.Next(t).ID)
		}
		stop1() // a relay deletes rows after appending them: let both finish
		stop2()
		if m := outboxLen(t, d); m != 0 {
			t.Errorf("%d rows left in the outbox", m)
		}
	})
}
