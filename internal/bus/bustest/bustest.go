// Package bustest is the conformance suite every bus.Bus implementation
// passes, plus helpers for tests that use a bus.
package bustest

import (
	"context"
	"encoding/json"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/google/uuid"

	"github.com/careercoach/coach/internal/bus"
)

// Timeout bounds every wait in the suite; nothing sleeps to assert.
const Timeout = 10 * time.Second

// Factory returns a fresh, empty bus closed at test cleanup. It must be
// configured to redeliver failed or abandoned events within a second or so.
type Factory func(t *testing.T) bus.Bus

// Run runs the conformance suite against the buses newBus makes.
func Run(t *testing.T, newBus Factory) {
	t.Run("pubsub", func(t *testing.T) { runPubSub(t, newBus) })
	t.Run("stream", func(t *testing.T) { runStream(t, newBus) })
	t.Run("lifecycle", func(t *testing.T) { runLifecycle(t, newBus) })
}

// Receive waits for the next message on ch.
func Receive(t *testing.T, ch <-chan []byte) []byte {
	t.Helper()
	select {
	case msg, ok := <-ch:
		if !ok {
			t.Fatal("subscription closed while waiting for a message")
		}
		return msg
	case <-time.After(Timeout):
		t.Fatal("no message within timeout")
		return nil
	}
}

// WaitClosed waits for ch to be closed, discarding messages.
func WaitClosed(t *testing.T, ch <-chan []byte) {
	t.Helper()
	deadline := time.After(Timeout)
	for {
		select {
		case _, ok := <-ch:
			if !ok {
				return
			}
		case <-deadline:
			t.Fatal("subscription not closed within timeout")
		}
	}
}

// Consume runs b.Consume in the background until the returned cancel is
// called (or the test ends); cancel waits for Consume to return and fails
// the test if it returned an error.
func Consume(t *testing.T, b bus.Bus, group string, h bus.Handler) (cancel func()) {
	t.Helper()
	ctx, stop := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- b.Consume(ctx, group, h) }()
	var once sync.Once
	cancel = func() {
		once.Do(func() {
			stop()
			select {
			case err := <-done:
				if err != nil {
					t.Errorf("Consume(%s) returned %v", group, err)
				}
			case <-time.After(Timeout):
				t.Errorf("Consume(%s) did not return after its context ended", group)
			}
		})
	}
	t.Cleanup(cancel)
	return cancel
}

// NewEvent returns an event with a fresh id and the given type and subject.
func NewEvent(typ, subject string) bus.Event {
	payload, _ := json.Marshal(map[string]string{"subject": subject})
	return bus.Event{
		ID:         uuid.NewString(),
		Type:       typ,
		Subject:    subject,
		Payload:    payload,
		OccurredAt: time.Now().UTC().Truncate(time.Microsecond),
	}
}

// Recorder is a Handler that records the events it sees and reports them on
// a channel; safe for concurrent use.
type Recorder struct {
	mu     sync.Mutex
	counts map[string]int
	Seen   chan bus.Event
}

// NewRecorder returns a Recorder whose channel buffers size events.
func NewRecorder(size int) *Recorder {
	return &Recorder{counts: map[string]int{}, Seen: make(chan bus.Event, size)}
}

// Handle records ev; use it as a bus.Handler.
func (r *Recorder) Handle(_ context.Context, ev bus.Event) error {
	r.mu.Lock()
	r.counts[ev.ID]++
	r.mu.Unlock()
	r.Seen <- ev
	return nil
}

// Count reports how often the event with id was handled.
func (r *Recorder) Count(id string) int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.counts[id]
}

// Next waits for the next recorded event.
func (r *Recorder) Next(t *testing.T) bus.Event {
	t.Helper()
	select {
	case ev := <-r.Seen:
		return ev
	case <-time.After(Timeout):
		t.Fatal("no event within timeout")
		return bus.Event{}
	}
}

func mustAppend(t *testing.T, b bus.Bus, evs ...bus.Event) {
	t.Helper()
	for _, ev := range evs {
		if err := b.Append(t.Context(), ev); err != nil {
			t.Fatalf("Append(%s): %v", ev.ID, err)
		}
	}
}

func mustPublish(t *testing.T, b bus.Bus, topic, msg string) {
	t.Helper()
	if err := b.Publish(t.Context(), topic, []byte(msg)); err != nil {
		t.Fatalf("Publish(%s, %s): %v", topic, msg, err)
	}
}

func mustSubscribe(ctx context.Context, t *testing.T, b bus.Bus, topic string) <-chan []byte {
	t.Helper()
	ch, err := b.Subscribe(ctx, topic)
	if err != nil {
		t.Fatalf("Subscribe(%s): %v", topic, err)
	}
	return ch
}

func sameEvent(got, want bus.Event) error {
	if got.ID != want.ID || got.Type != want.Type || got.Subject != want.Subject ||
		!got.OccurredAt.Equal(want.OccurredAt) || string(got.Payload) != string(want.Payload) {
		return fmt.Errorf("got event %+v (payload %s), want %+v (payload %s)", got, got.Payload, want, want.Payload)
	}
	return nil
}
