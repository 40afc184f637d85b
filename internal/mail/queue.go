package mail

import (
	"context"
	"errors"
	"log/slog"
	"time"
)

// ErrQueueFull is returned when more mail waits than the queue holds.
var ErrQueueFull = errors.New("too much mail is waiting to be sent; try again in a minute")

// Queue hands messages to a Sender in the background, so a request's answer
// and its timing do not depend on the mail server (a forgot-password answer
// must not be slower for registered addresses: OWASP Forgot Password cheat
// sheet). Run must be running for messages to leave.
type Queue struct {
	sender   Sender
	log      *slog.Logger
	timeout  time.Duration
	pending  chan Message
	attempts int
	backoff  time.Duration
}

// NewQueue returns a queue of at most size messages.
func NewQueue(s Sender, size int, timeout time.Duration, log *slog.Logger) *Queue {
	return &Queue{sender: s, log: log, timeout: timeout, pending: make(chan Message, size), attempts: 3, backoff: 2 * time.Second}
}

// Send enqueues m; it does not wait for delivery.
func (q *Queue) Send(_ context.Context, m Message) error {
	select {
	case q.pending <- m:
		return nil
	default:
		return ErrQueueFull
	}
}

// Run sends queued messages until ctx ends, trying each a few times.
func (q *Queue) Run(ctx context.Context) error {
	for {
		select {
		case <-ctx.Done():
			if n := len(q.pending); n > 0 {
				q.log.WarnContext(ctx, "stopping with unsent mail", "messages", n)
			}
			return nil
		case m := <-q.pending:
			q.deliver(ctx, m)
		}
	}
}

func (q *Queue) deliver(ctx context.Context, m Message) {
	for attempt := 1; ; attempt++ {
		sctx, cancel := context.WithTimeout(ctx, q.timeout)
		err := q.sender.Send(sctx, m)
		cancel()
		if err == nil {
			return
		}
		if attempt == q.attempts || ctx.Err() != nil {
			q.log.ErrorContext(ctx, "mail not sent", "subject", m.Subject, "attempts", attempt, "err", err)
			return
		}
		q.log.WarnContext(ctx, "sending mail failed; retrying", "subject", m.Subject, "attempt", attempt, "err", err)
		select {
		case <-ctx.Done():
		case <-time.After(q.backoff * time.Duration(attempt)):
		}
	}
}
