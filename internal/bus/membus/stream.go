package membus

import (
	"bytes"
	"context"
	"errors"
	"time"

	"github.com/careercoach/coach/internal/bus"
)

// stream is the durable part: a bounded log of events with, per consumer
// group, a cursor and the deliveries that failed or are in flight. All
// fields are guarded by Bus.mu.
type stream struct {
	events  []bus.Event
	base    int64 // offset of events[0]; grows as old events are trimmed
	groups  map[string]*group
	changed chan struct{} // closed (and replaced) when consumers may have work
}

type group struct {
	next    int64 // offset of the first event never handed out
	pending map[int64]*delivery
}

// delivery is an event handed out and not yet handled successfully.
type delivery struct {
	ev       bus.Event
	attempts int
	due      time.Time // when it may be handed out again
	inFlight bool
}

// Append adds ev to the log and wakes consumers.
func (b *Bus) Append(_ context.Context, ev bus.Event) error {
	if ev.ID == "" || ev.Type == "" {
		return errors.New("append event: id and type are required")
	}
	ev.Payload = bytes.Clone(ev.Payload)
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.closed {
		return bus.ErrClosed
	}
	b.events = append(b.events, ev)
	// Trim in chunks (like Redis's MAXLEN ~) so that Append stays O(1) amortised.
	if slack := max(1, b.opts.MaxLen/4); len(b.events) > b.opts.MaxLen+slack {
		over := len(b.events) - b.opts.MaxLen
		b.events = append([]bus.Event(nil), b.events[over:]...)
		b.base += int64(over)
		for name, g := range b.groups {
			if g.next < b.base {
				b.log.Warn("consumer group fell behind the retained stream; events skipped", "group", name, "skipped", b.base-g.next)
				g.next = b.base
			}
		}
	}
	b.notifyLocked()
	return nil
}

func (b *Bus) notifyLocked() {
	close(b.changed)
	b.changed = make(chan struct{})
}

// Consume hands events to h until ctx ends or the bus closes.
func (b *Bus) Consume(ctx context.Context, groupName string, h bus.Handler) error {
	if groupName == "" {
		return errors.New("consume: group is empty")
	}
	b.mu.Lock()
	if b.closed {
		b.mu.Unlock()
		return bus.ErrClosed
	}
	g := b.groups[groupName]
	if g == nil {
		// A new group starts at the oldest retained event, like redisbus.
		g = &group{next: b.base, pending: map[int64]*delivery{}}
		b.groups[groupName] = g
	}
	b.mu.Unlock()

	for {
		off, d, wake, wait := b.take(g)
		if d != nil {
			err := h(ctx, d.ev)
			b.finish(ctx, groupName, g, off, d, err)
			continue
		}
		if !b.wait(ctx, wake, wait) {
			return nil
		}
	}
}

// wait blocks until wake closes or, if d > 0, d passes. It reports false
// when the consumer must stop.
func (b *Bus) wait(ctx context.Context, wake <-chan struct{}, d time.Duration) bool {
	var timeout <-chan time.Time
	if d > 0 {
		t := time.NewTimer(d)
		defer t.Stop()
		timeout = t.C
	}
	select {
	case <-ctx.Done():
		return false
	case <-b.done:
		return false
	case <-wake:
	case <-timeout:
	}
	return true
}

// take hands out a due redelivery, else the next new event. With nothing to
// do it returns a channel that closes on news and, if a redelivery is
// waiting, how long until it is due.
func (b *Bus) take(g *group) (int64, *delivery, <-chan struct{}, time.Duration) {
	b.mu.Lock()
	defer b.mu.Unlock()
	now := time.Now()
	var wait time.Duration
	for off, d := range g.pending {
		if d.inFlight {
			continue
		}
		if !d.due.After(now) {
			d.inFlight = true
			d.attempts++
			return off, d, nil, 0
		}
		if until := d.due.Sub(now); wait == 0 || until < wait {
			wait = until
		}
	}
	if g.next < b.base+int64(len(b.events)) {
		off := g.next
		g.next++
		d := &delivery{ev: b.events[off-b.base], attempts: 1, inFlight: true}
		g.pending[off] = d
		return off, d, nil, 0
	}
	return 0, nil, b.changed, wait
}

// finish forgets a handled event or schedules its redelivery.
func (b *Bus) finish(ctx context.Context, groupName string, g *group, off int64, d *delivery, err error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if err == nil {
		delete(g.pending, off)
		return
	}
	delay := min(b.opts.RetryDelay<<min(d.attempts-1, 16), b.opts.MaxRetryDelay)
	d.inFlight = false
	d.due = time.Now().Add(delay)
	b.log.WarnContext(ctx, "event handler failed; will redeliver", "group", groupName,
		"event_type", d.ev.Type, "event_id", d.ev.ID, "attempt", d.attempts, "retry_in", delay, "err", err)
	b.notifyLocked() // another consumer of the group may be waiting for this one
}
