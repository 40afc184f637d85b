package users

import (
	"context"
	"errors"
	"net/http"
	"testing"
	"time"

	"github.com/careercoach/coach/internal/apperr"
)

// TestHasherBoundsConcurrency: with every slot taken, a caller waits at
// most the configured time and gets 503 with Retry-After, or stops at
// once when its context ends; a freed slot serves the next caller.
func TestHasherBoundsConcurrency(t *testing.T) {
	h := NewHasher(1, 50*time.Millisecond)
	hash, err := h.Hash(context.Background(), "violet-Harbour-42")
	if err != nil {
		t.Fatal(err)
	}
	h.slots <- struct{}{} // another request is hashing

	t.Run("busy: 503 with Retry-After", func(t *testing.T) {
		_, err := h.Verify(context.Background(), hash, "violet-Harbour-42")
		var re *RetryError
		if !errors.As(err, &re) || apperr.HTTPStatus(apperr.Code(err)) != http.StatusServiceUnavailable || re.RetryAfterSeconds() != 2 {
			t.Fatalf("err = %v, want 503 with Retry-After 2", err)
		}
	})
	t.Run("a cancelled caller stops waiting", func(t *testing.T) {
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		if _, err := h.Hash(ctx, "violet-Harbour-42"); !errors.Is(err, context.Canceled) {
			t.Fatalf("err = %v, want context.Canceled", err)
		}
	})
	t.Run("a freed slot serves the next caller", func(t *testing.T) {
		<-h.slots
		ok, err := h.Verify(context.Background(), hash, "violet-Harbour-42")
		if err != nil || !ok {
			t.Fatalf("Verify = %v, %v", ok, err)
		}
		if len(h.slots) != 0 {
			t.Fatal("the slot was not released")
		}
	})
}
