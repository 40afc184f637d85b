package bustest

import (
	"context"
	"errors"
	"sync"
	"testing"

	"github.com/careercoach/coach/internal/bus"
)

func runStream(t *testing.T, newBus Factory) {
	t.Run("consumer gets earlier events in order with fields intact", func(t *testing.T) {
		b := newBus(t)
		want := []bus.Event{NewEvent(bus.UserDeleted, "u1"), NewEvent(bus.CVAnalyzed, "cv1"), NewEvent(bus.GoalChanged, "g1")}
		want[2].Payload = nil // an event may carry no payload
		mustAppend(t, b, want...)
		rec := NewRecorder(10)
		Consume(t, b, "planning", rec.Handle)
		for i, w := range want {
			if err := sameEvent(rec.Next(t), w); err != nil {
				t.Errorf("event %d: %v", i, err)
			}
		}
		// Events appended while consuming arrive too.
		later := NewEvent(bus.EnrollmentCompleted, "e1")
		mustAppend(t, b, later)
		if err := sameEvent(rec.Next(t), later); err != nil {
			t.Error(err)
		}
	})

	t.Run("every group gets every event", func(t *testing.T) {
		b := newBus(t)
		evs := []bus.Event{NewEvent(bus.UserDeleted, "u1"), NewEvent(bus.UserDeleted, "u2")}
		mustAppend(t, b, evs...)
		for _, group := range []string{"cv", "planning", "progress"} {
			rec := NewRecorder(10)
			Consume(t, b, group, rec.Handle)
			for _, w := range evs {
				if got := rec.Next(t); got.ID != w.ID {
					t.Errorf("group %s got %s, want %s", group, got.ID, w.ID)
				}
			}
		}
	})

	t.Run("consumers of one group share the events", func(t *testing.T) {
		b := newBus(t)
		rec := NewRecorder(100)
		Consume(t, b, "g", rec.Handle)
		Consume(t, b, "g", rec.Handle)
		const n = 40
		ids := map[string]bool{}
		for range n {
			ev := NewEvent(bus.GoalChanged, "x")
			ids[ev.ID] = true
			mustAppend(t, b, ev)
		}
		for range n {
			delete(ids, rec.Next(t).ID)
		}
		if len(ids) != 0 {
			t.Fatalf("%d events never delivered, or some delivered twice", len(ids))
		}
	})

	t.Run("failed handler gets the event again", func(t *testing.T) {
		b := newBus(t)
		bad, good := NewEvent(bus.CVAnalyzed, "bad"), NewEvent(bus.CVAnalyzed, "good")
		rec := NewRecorder(10)
		var mu sync.Mutex
		failed := false
		Consume(t, b, "g", func(ctx context.Context, ev bus.Event) error {
			mu.Lock()
			fail := ev.ID == bad.ID && !failed
			failed = failed || fail
			mu.Unlock()
			if fail {
				return errors.New("transient failure")
			}
			return rec.Handle(ctx, ev)
		})
		mustAppend(t, b, bad, good)
		seen := map[string]bool{}
		for !seen[bad.ID] || !seen[good.ID] {
			seen[rec.Next(t).ID] = true
		}
		if rec.Count(bad.ID) != 1 || rec.Count(good.ID) != 1 {
			t.Errorf("successful handlings: bad %d, good %d; want 1 each", rec.Count(bad.ID), rec.Count(good.ID))
		}
	})

	t.Run("event abandoned by a stopped consumer goes to another member", func(t *testing.T) {
		b := newBus(t)
		started := make(chan struct{})
		stop := Consume(t, b, "g", func(ctx context.Context, ev bus.Event) error {
			close(started)
			<-ctx.Done() // stuck until its consumer stops
			return ctx.Err()
		})
		ev := NewEvent(bus.UserDeleted, "u1")
		mustAppend(t, b, ev)
		select {
		case <-started:
		case <-t.Context().Done():
		}
		stop()
		rec := NewRecorder(10)
		Consume(t, b, "g", rec.Handle)
		if got := rec.Next(t); got.ID != ev.ID {
			t.Errorf("got %s, want the abandoned %s", got.ID, ev.ID)
		}
	})

	t.Run("invalid input is rejected", func(t *testing.T) {
		b := newBus(t)
		if err := b.Append(t.Context(), bus.Event{Type: "x.y"}); err == nil {
			t.Error("Append without id succeeded")
		}
		if err := b.Consume(t.Context(), "", NewRecorder(1).Handle); err == nil {
			t.Error("Consume without group succeeded")
		}
	})
}
