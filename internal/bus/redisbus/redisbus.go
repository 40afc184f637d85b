// Package redisbus is the Redis implementation of bus.Bus: topics are Redis
// pub/sub channels, durable events one Redis Stream read by consumer groups.
package redisbus

import (
	"context"
	"fmt"
	"log/slog"
	"net/url"
	"os"
	"strconv"
	"sync"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/careercoach/coach/internal/bus"
)

// Options tune a Bus; zero values take the defaults.
type Options struct {
	// Prefix starts every channel and key name; default "coach:". The
	// stream is <Prefix>events, topic t is channel <Prefix>t.
	Prefix string
	// MaxLen caps the stream, approximately (XADD MAXLEN ~); default 100000.
	MaxLen int64
	// Block is how long one XREADGROUP waits for news; it bounds how long
	// Consume takes to return after its context ends. Default 2s.
	Block time.Duration
	// ClaimAfter is how long an unacknowledged event waits before another
	// consumer of the group takes it over (XAUTOCLAIM): the redelivery delay
	// after a failed handler or a crashed consumer. It must exceed the
	// longest handler run, or slow events are handled twice. Default 30s.
	ClaimAfter time.Duration
	// BatchSize is how many events one read fetches; default 16.
	BatchSize int64
	// SubscriberBuffer is the messages buffered per subscriber; default 64.
	SubscriberBuffer int
}

func (o *Options) setDefaults() {
	if o.Prefix == "" {
		o.Prefix = "coach:"
	}
	if o.MaxLen <= 0 {
		o.MaxLen = 100_000
	}
	if o.Block <= 0 {
		o.Block = 2 * time.Second
	}
	if o.ClaimAfter <= 0 {
		o.ClaimAfter = 30 * time.Second
	}
	if o.BatchSize <= 0 {
		o.BatchSize = 16
	}
	if o.SubscriberBuffer <= 0 {
		o.SubscriberBuffer = 64
	}
}

// Bus is the Redis implementation of bus.Bus.
type Bus struct {
	rdb      *redis.Client
	log      *slog.Logger
	opts     Options
	stream   string
	consumer string // prefix of consumer names: host and pid, for XINFO readers

	mu     sync.Mutex
	closed bool
	done   chan struct{} // closed by Close
	subs   sync.WaitGroup
}

var _ bus.Bus = (*Bus)(nil)

// Open connects to the Redis at redisURL (redis:// or rediss://) and checks
// that it answers.
func Open(ctx context.Context, redisURL string, log *slog.Logger, opts Options) (*Bus, error) {
	ropts, err := redis.ParseURL(redisURL)
	if err != nil {
		return nil, fmt.Errorf("parse redis URL %s: %w", redact(redisURL), err)
	}
	b := New(redis.NewClient(ropts), log, opts)
	if err := b.rdb.Ping(ctx).Err(); err != nil {
		_ = b.rdb.Close()
		return nil, fmt.Errorf("connect to redis at %s: %w", redact(redisURL), err)
	}
	return b, nil
}

// New returns a Bus on rdb; Close closes rdb.
func New(rdb *redis.Client, log *slog.Logger, opts Options) *Bus {
	opts.setDefaults()
	host, _ := os.Hostname()
	return &Bus{
		rdb:      rdb,
		log:      log,
		opts:     opts,
		stream:   opts.Prefix + "events",
		consumer: host + "-" + strconv.Itoa(os.Getpid()),
		done:     make(chan struct{}),
	}
}

// Ping checks Redis answers.
func (b *Bus) Ping(ctx context.Context) error {
	if b.isClosed() {
		return bus.ErrClosed
	}
	if err := b.rdb.Ping(ctx).Err(); err != nil {
		return fmt.Errorf("ping redis: %w", err)
	}
	return nil
}

// Close ends subscriptions and consumers and closes the Redis client.
func (b *Bus) Close() error {
	b.mu.Lock()
	if b.closed {
		b.mu.Unlock()
		return nil
	}
	b.closed = true
	close(b.done)
	b.mu.Unlock()
	b.subs.Wait()
	if err := b.rdb.Close(); err != nil {
		return fmt.Errorf("close redis client: %w", err)
	}
	return nil
}

func (b *Bus) isClosed() bool {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.closed
}

// redact drops the password from a URL for messages.
func redact(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return "(unparsable URL)"
	}
	return u.Redacted()
}

// untilClosed returns a context that also ends when the bus closes.
func (b *Bus) untilClosed(ctx context.Context) (context.Context, context.CancelFunc) {
	ctx, cancel := context.WithCancel(ctx)
	go func() {
		select {
		case <-b.done:
			cancel()
		case <-ctx.Done():
		}
	}()
	return ctx, cancel
}
