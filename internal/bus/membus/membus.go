// Package membus is an in-process bus.Bus, for single-process runs (where
// every service shares one instance) and tests. Nothing survives a restart:
// durable events are durable in the outbox until relayed, then in memory.
package membus

import (
	"bytes"
	"context"
	"errors"
	"log/slog"
	"sync"
	"time"

	"github.com/careercoach/coach/internal/bus"
)

// Options tune a Bus; zero values take the defaults.
type Options struct {
	SubscriberBuffer int           // messages buffered per subscriber; default 64
	RetryDelay       time.Duration // first redelivery delay after a handler error; default 1s, doubling
	MaxRetryDelay    time.Duration // default 30s
	MaxLen           int           // events retained in the stream, approximately; default 100000
}

// Bus is the in-process implementation of bus.Bus.
type Bus struct {
	log  *slog.Logger
	opts Options

	mu     sync.Mutex
	closed bool
	done   chan struct{} // closed by Close
	topics map[string]map[*subscriber]struct{}
	stream
}

var _ bus.Bus = (*Bus)(nil)

// New returns an empty bus.
func New(log *slog.Logger, opts Options) *Bus {
	if opts.SubscriberBuffer <= 0 {
		opts.SubscriberBuffer = 64
	}
	if opts.RetryDelay <= 0 {
		opts.RetryDelay = time.Second
	}
	if opts.MaxRetryDelay <= 0 {
		opts.MaxRetryDelay = 30 * time.Second
	}
	if opts.MaxLen <= 0 {
		opts.MaxLen = 100_000
	}
	return &Bus{
		log:    log,
		opts:   opts,
		done:   make(chan struct{}),
		topics: map[string]map[*subscriber]struct{}{},
		stream: stream{groups: map[string]*group{}, changed: make(chan struct{})},
	}
}

// Ping reports whether the bus is open.
func (b *Bus) Ping(context.Context) error {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.closed {
		return bus.ErrClosed
	}
	return nil
}

// Close closes every subscription and makes Consume calls return.
func (b *Bus) Close() error {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.closed {
		return nil
	}
	b.closed = true
	close(b.done)
	for _, subs := range b.topics {
		for s := range subs {
			s.stop()
			close(s.ch)
		}
	}
	b.topics = nil
	return nil
}

type subscriber struct {
	topic   string
	ch      chan []byte
	stop    func() bool // unregisters the context.AfterFunc
	dropped int
}

// Publish hands data to every subscriber of topic without waiting for any.
func (b *Bus) Publish(_ context.Context, topic string, data []byte) error {
	if topic == "" {
		return errors.New("publish: topic is empty")
	}
	msg := bytes.Clone(data) // the caller may reuse data; subscribers share msg read-only
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.closed {
		return bus.ErrClosed
	}
	for s := range b.topics[topic] {
		// Only publishers send, and they hold mu: after taking one message
		// out, the send below cannot block.
		select {
		case s.ch <- msg:
		default:
			select {
			case <-s.ch:
			default:
			}
			s.ch <- msg
			s.dropped++
			if s.dropped == 1 {
				b.log.Warn("slow subscriber: dropping its oldest messages", "topic", topic)
			}
		}
	}
	return nil
}

// Subscribe registers a subscriber of topic until ctx ends or the bus closes.
func (b *Bus) Subscribe(ctx context.Context, topic string) (<-chan []byte, error) {
	if topic == "" {
		return nil, errors.New("subscribe: topic is empty")
	}
	s := &subscriber{topic: topic, ch: make(chan []byte, b.opts.SubscriberBuffer)}
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.closed {
		return nil, bus.ErrClosed
	}
	if b.topics[topic] == nil {
		b.topics[topic] = map[*subscriber]struct{}{}
	}
	b.topics[topic][s] = struct{}{}
	s.stop = context.AfterFunc(ctx, func() { b.unsubscribe(s) })
	return s.ch, nil
}

func (b *Bus) unsubscribe(s *subscriber) {
	b.mu.Lock()
	defer b.mu.Unlock()
	subs := b.topics[s.topic]
	if _, ok := subs[s]; !ok {
		return // already closed by Close
	}
	delete(subs, s)
	if len(subs) == 0 {
		delete(b.topics, s.topic)
	}
	close(s.ch)
	if s.dropped > 0 {
		b.log.Warn("slow subscriber left", "topic", s.topic, "dropped", s.dropped)
	}
}
