package bustest

import (
	"context"
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/careercoach/coach/internal/bus"
)

func runPubSub(t *testing.T, newBus Factory) {
	t.Run("publish reaches every subscriber of its topic only", func(t *testing.T) {
		b := newBus(t)
		a1 := mustSubscribe(t.Context(), t, b, "cv:progress:a")
		a2 := mustSubscribe(t.Context(), t, b, "cv:progress:a")
		other := mustSubscribe(t.Context(), t, b, "cv:progress:b")
		mustPublish(t, b, "cv:progress:a", "m1")
		mustPublish(t, b, "cv:progress:b", "marker")
		for i, ch := range []<-chan []byte{a1, a2} {
			if got := string(Receive(t, ch)); got != "m1" {
				t.Errorf("subscriber %d got %q, want m1", i+1, got)
			}
		}
		// Had "m1" leaked to the other topic, it would arrive before the marker.
		if got := string(Receive(t, other)); got != "marker" {
			t.Errorf("other topic got %q, want only marker", got)
		}
	})

	t.Run("messages published before subscribing are not delivered", func(t *testing.T) {
		b := newBus(t)
		mustPublish(t, b, "t", "early")
		ch := mustSubscribe(t.Context(), t, b, "t")
		mustPublish(t, b, "t", "late")
		if got := string(Receive(t, ch)); got != "late" {
			t.Errorf("got %q, want late", got)
		}
	})

	t.Run("messages keep their order and bytes", func(t *testing.T) {
		b := newBus(t)
		ch := mustSubscribe(t.Context(), t, b, "t")
		buf := []byte("0")
		for i := range 10 {
			buf[0] = byte('0' + i) // Publish must not keep a reference to buf
			if err := b.Publish(t.Context(), "t", buf); err != nil {
				t.Fatal(err)
			}
		}
		for i := range 10 {
			if got, want := string(Receive(t, ch)), string(rune('0'+i)); got != want {
				t.Fatalf("message %d = %q, want %q", i, got, want)
			}
		}
	})

	t.Run("subscription closes when its context ends", func(t *testing.T) {
		b := newBus(t)
		ctx, cancel := context.WithCancel(t.Context())
		ch := mustSubscribe(ctx, t, b, "t")
		keep := mustSubscribe(t.Context(), t, b, "t")
		cancel()
		WaitClosed(t, ch)
		mustPublish(t, b, "t", "still here")
		if got := string(Receive(t, keep)); got != "still here" {
			t.Errorf("remaining subscriber got %q", got)
		}
	})

	t.Run("slow subscriber does not block publishers", func(t *testing.T) {
		b := newBus(t)
		slow := mustSubscribe(t.Context(), t, b, "t")
		const n = 2000
		ctx, cancel := context.WithTimeout(t.Context(), Timeout)
		defer cancel()
		for i := range n {
			if err := b.Publish(ctx, "t", fmt.Appendf(nil, "m%d", i)); err != nil {
				t.Fatalf("publish %d while nobody reads: %v", i, err)
			}
		}
		mustPublish(t, b, "t", "last")
		// The newest message is kept; older ones may have been dropped.
		deadline := time.After(Timeout)
		for got := 0; ; got++ {
			select {
			case msg, ok := <-slow:
				if !ok {
					t.Fatal("subscription closed")
				}
				if string(msg) == "last" {
					t.Logf("slow subscriber received %d of %d messages", got+1, n+1)
					return
				}
			case <-deadline:
				t.Fatal("the newest message never arrived")
			}
		}
	})

	t.Run("invalid topic is rejected", func(t *testing.T) {
		b := newBus(t)
		if err := b.Publish(t.Context(), "", []byte("x")); err == nil {
			t.Error("Publish to empty topic succeeded")
		}
		if _, err := b.Subscribe(t.Context(), ""); err == nil {
			t.Error("Subscribe to empty topic succeeded")
		}
	})
}

func runLifecycle(t *testing.T, newBus Factory) {
	t.Run("ping", func(t *testing.T) {
		if err := newBus(t).Ping(t.Context()); err != nil {
			t.Fatal(err)
		}
	})

	t.Run("close ends subscriptions and consumers", func(t *testing.T) {
		b := newBus(t)
		ch := mustSubscribe(t.Context(), t, b, "t")
		done := make(chan error, 1)
		go func() { done <- b.Consume(context.Background(), "g", NewRecorder(1).Handle) }()
		if err := b.Close(); err != nil {
			t.Fatalf("Close: %v", err)
		}
		WaitClosed(t, ch)
		select {
		case err := <-done:
			// Consume may have lost the race with Close and failed to start.
			if err != nil && !errors.Is(err, bus.ErrClosed) {
				t.Errorf("Consume returned %v after Close", err)
			}
		case <-time.After(Timeout):
			t.Fatal("Consume did not return after Close")
		}
	})

	t.Run("operations after close fail with ErrClosed", func(t *testing.T) {
		b := newBus(t)
		if err := b.Close(); err != nil {
			t.Fatal(err)
		}
		if err := b.Close(); err != nil {
			t.Errorf("second Close: %v", err)
		}
		checks := map[string]error{
			"Publish": b.Publish(t.Context(), "t", nil),
			"Append":  b.Append(t.Context(), NewEvent("x.y", "s")),
			"Ping":    b.Ping(t.Context()),
			"Consume": b.Consume(t.Context(), "g", NewRecorder(1).Handle),
		}
		_, checks["Subscribe"] = b.Subscribe(t.Context(), "t")
		for name, err := range checks {
			if !errors.Is(err, bus.ErrClosed) {
				t.Errorf("%s after Close = %v, want ErrClosed", name, err)
			}
		}
	})
}
