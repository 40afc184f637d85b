package bus_test

import (
	"context"
	"database/sql"
	"errors"
	"log/slog"
	"sync"
	"testing"
	"time"

	"github.com/careercoach/coach/internal/bus"
	"github.com/careercoach/coach/internal/bus/bustest"
	"github.com/careercoach/coach/internal/db"
	"github.com/careercoach/coach/internal/dbtest"
)

// effect is a handler side effect: it counts, per consumer, how often the
// event's effect was committed.
func effect(ctx context.Context, tx *sql.Tx, consumer string, ev bus.Event) error {
	_, err := tx.ExecContext(ctx, `INSERT INTO effects (consumer, event_id, n) VALUES ($1, $2, 1)
		ON CONFLICT (consumer, event_id) DO UPDATE SET n = effects.n + 1`, consumer, ev.ID)
	return err
}

func effects(t *testing.T, d *db.DB, consumer, eventID string) int {
	t.Helper()
	var n int
	err := d.QueryRowContext(t.Context(), `SELECT n FROM effects WHERE consumer = $1 AND event_id = $2`, consumer, eventID).Scan(&n)
	if errors.Is(err, sql.ErrNoRows) {
		return 0
	}
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func TestIdempotentOncePerGroup(t *testing.T) {
	each(t, func(t *testing.T, d *db.DB, b bus.Bus) {
		dup := bustest.NewEvent(bus.UserDeleted, "u1")
		last := bustest.NewEvent(bus.UserDeleted, "u2")
		// The relay may append an event twice (at-least-once).
		for _, ev := range []bus.Event{dup, dup, last} {
			if err := b.Append(t.Context(), ev); err != nil {
				t.Fatal(err)
			}
		}
		for _, group := range []string{"cv", "planning"} {
			var (
				mu    sync.Mutex
				calls = map[string]int{}
			)
			done := make(chan struct{})
			h := bus.Idempotent(d, group, slog.New(slog.DiscardHandler), func(ctx context.Context, tx *sql.Tx, ev bus.Event) error {
				mu.Lock()
				calls[ev.ID]++
				mu.Unlock()
				return effect(ctx, tx, group, ev)
			})
			bustest.Consume(t, b, group, func(ctx context.Context, ev bus.Event) error {
				err := h(ctx, ev)
				if err == nil && ev.ID == last.ID {
					close(done) // one consumer per group: events arrive in order
				}
				return err
			})
			select {
			case <-done:
			case <-time.After(bustest.Timeout):
				t.Fatalf("group %s never got the last event", group)
			}
			mu.Lock()
			if calls[dup.ID] != 1 {
				t.Errorf("group %s: handler ran %d times for the duplicated event, want 1", group, calls[dup.ID])
			}
			mu.Unlock()
			if n := effects(t, d, group, dup.ID); n != 1 {
				t.Errorf("group %s: effect committed %d times, want 1", group, n)
			}
		}
	})
}

func TestIdempotentFailureRollsBackAndRetries(t *testing.T) {
	each(t, func(t *testing.T, d *db.DB, b bus.Bus) {
		ev := bustest.NewEvent(bus.CVAnalyzed, "cv1")
		attempts := make(chan int, 10)
		n := 0
		handled := make(chan struct{})
		h := bus.Idempotent(d, "g", slog.New(slog.DiscardHandler), func(ctx context.Context, tx *sql.Tx, got bus.Event) error {
			n++ // one consumer: handler calls do not overlap
			attempts <- n
			if err := effect(ctx, tx, "g", got); err != nil {
				return err
			}
			if n == 1 {
				return errors.New("failed after writing its effect")
			}
			return nil
		})
		bustest.Consume(t, b, "g", func(ctx context.Context, ev bus.Event) error {
			err := h(ctx, ev)
			if err == nil {
				close(handled) // committed
			}
			return err
		})
		if err := b.Append(t.Context(), ev); err != nil {
			t.Fatal(err)
		}
		select {
		case <-handled:
		case <-time.After(bustest.Timeout):
			t.Fatal("event was not redelivered after the handler failed")
		}
		// The failed attempt's effect and processed mark were rolled back.
		if got := effects(t, d, "g", ev.ID); got != 1 {
			t.Errorf("effect committed %d times, want 1", got)
		}
		if len(attempts) != 2 {
			t.Errorf("handler ran %d times, want 2", len(attempts))
		}
	})
}

func TestIdempotentRejectsEventWithoutID(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		h := bus.Idempotent(d, "g", slog.New(slog.DiscardHandler), func(context.Context, *sql.Tx, bus.Event) error { return nil })
		if err := h(t.Context(), bus.Event{Type: bus.UserDeleted}); err == nil {
			t.Error("handled an event without id")
		}
	}, bus.Migrations())
}

func TestPruneProcessed(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		h := bus.Idempotent(d, "g", slog.New(slog.DiscardHandler), func(context.Context, *sql.Tx, bus.Event) error { return nil })
		ev := bustest.NewEvent(bus.UserDeleted, "u1")
		if err := h(t.Context(), ev); err != nil {
			t.Fatal(err)
		}
		tests := []struct {
			name   string
			cutoff time.Time
			want   int64
		}{
			{name: "keeps recent", cutoff: time.Now().Add(-time.Hour), want: 0},
			{name: "prunes older", cutoff: time.Now().Add(time.Hour), want: 1},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				n, err := bus.PruneProcessed(t.Context(), d, tt.cutoff)
				if err != nil || n != tt.want {
					t.Errorf("PruneProcessed = %d, %v; want %d", n, err, tt.want)
				}
			})
		}
	}, bus.Migrations())
}
