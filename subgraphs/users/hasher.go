package users

import (
	"context"
	"fmt"
	"time"

	"github.com/careercoach/coach/internal/apperr"
)

// ArgonMemoryBytes is what one password hash or check allocates (argon2id
// m=19 MiB); Hasher's concurrency times this bounds their memory.
const ArgonMemoryBytes = argonMemory * 1024

// Default concurrency limit of password hashing and how long a request
// waits for a turn. One hash at a time keeps 100 parallel checks within
// ~70 MiB of idle (measured by BenchmarkParallelWrongPasswords: with the
// garbage collector's lag, each concurrent 19 MiB hash costs ~50 MiB of
// resident memory); it allows ~20 sign-ins per second per process.
const (
	DefaultHashConcurrency = 1
	DefaultHashWait        = 5 * time.Second
)

// Hasher runs password hashing and checks with bounded concurrency: each
// argon2id call takes 19 MiB, so unbounded parallel logins would take memory
// without bound (100 parallel wrong passwords once took the process from
// 57 MiB to 1.9 GiB). Callers beyond the limit wait up to a deadline, then
// get a 503 with Retry-After (OWASP Password Storage Cheat Sheet: size
// argon2id's cost to what the server can afford; bound concurrent work).
type Hasher struct {
	slots chan struct{}
	wait  time.Duration
}

// NewHasher allows concurrency hashes at once; a caller waits at most wait
// for a slot (and never longer than its context).
func NewHasher(concurrency int, wait time.Duration) *Hasher {
	return &Hasher{slots: make(chan struct{}, max(concurrency, 1)), wait: wait}
}

// hasherRetryAfter is what a caller who found every slot busy is told to wait.
const hasherRetryAfter = 2 * time.Second

// errHasherBusy is answered when no slot freed up in time.
var errHasherBusy = &RetryError{Code: apperr.Unavailable, After: hasherRetryAfter,
	Message: "the sign-in service is busy; try again in a few seconds"}

func (h *Hasher) acquire(ctx context.Context) (func(), error) {
	t := time.NewTimer(h.wait)
	defer t.Stop()
	select {
	case h.slots <- struct{}{}:
		return func() { <-h.slots }, nil
	case <-t.C:
		return nil, errHasherBusy
	case <-ctx.Done():
		return nil, fmt.Errorf("waiting to check a password: %w", ctx.Err())
	}
}

// Hash is HashPassword within the concurrency limit.
func (h *Hasher) Hash(ctx context.Context, password string) (string, error) {
	release, err := h.acquire(ctx)
	if err != nil {
		return "", err
	}
	defer release()
	return HashPassword(password)
}

// Verify is VerifyPassword within the concurrency limit.
func (h *Hasher) Verify(ctx context.Context, encoded, password string) (bool, error) {
	release, err := h.acquire(ctx)
	if err != nil {
		return false, err
	}
	defer release()
	return VerifyPassword(encoded, password), nil
}

// RetryError is an error a client may retry after a while: adapters answer
// it with its code's status and a Retry-After header.
type RetryError struct {
	Code    string
	Message string
	After   time.Duration
}

func (e *RetryError) Error() string { return e.Message }

// Unwrap lets apperr.Code and apperr.Message see the code and message.
func (e *RetryError) Unwrap() error { return &apperr.Error{Code: e.Code, Message: e.Message} }

// RetryAfterSeconds is the Retry-After value (whole seconds, at least 1).
func (e *RetryError) RetryAfterSeconds() int {
	return max(1, int((e.After+time.Second-1)/time.Second))
}
