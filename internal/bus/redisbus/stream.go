package redisbus

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/google/uuid"
	"github.com/redis/go-redis/v9"

	"github.com/careercoach/coach/internal/bus"
)

// Backoff between failed rounds of Consume (Redis down, restarting, …).
const (
	minBackoff = 100 * time.Millisecond
	maxBackoff = 5 * time.Second
)

// Append adds ev to the stream (XADD with approximate MAXLEN trimming).
func (b *Bus) Append(ctx context.Context, ev bus.Event) error {
	if ev.ID == "" || ev.Type == "" {
		return errors.New("append event: id and type are required")
	}
	if b.isClosed() {
		return fmt.Errorf("append %s event: %w", ev.Type, bus.ErrClosed)
	}
	err := b.rdb.XAdd(ctx, &redis.XAddArgs{
		Stream: b.stream,
		MaxLen: b.opts.MaxLen,
		Approx: true,
		Values: encode(ev),
	}).Err()
	if err != nil {
		return fmt.Errorf("append %s event %s: %w", ev.Type, ev.ID, err)
	}
	return nil
}

// Consume reads the stream as a member of group until ctx ends or the bus
// closes. Each call is a distinct Redis consumer; it acknowledges an event
// when h succeeds and otherwise leaves it pending, to be claimed again
// (XAUTOCLAIM) by some member once ClaimAfter has passed.
func (b *Bus) Consume(ctx context.Context, group string, h bus.Handler) error {
	if group == "" {
		return errors.New("consume: group is empty")
	}
	if b.isClosed() {
		return fmt.Errorf("consume as %s: %w", group, bus.ErrClosed)
	}
	if err := b.ensureGroup(ctx, group); err != nil {
		return err
	}
	ctx, cancel := b.untilClosed(ctx)
	defer cancel()
	c := &consumer{b: b, group: group, name: b.consumer + "-" + uuid.NewString()[:8], handle: h}
	defer c.leave()

	failures := 0
	for ctx.Err() == nil {
		err := c.round(ctx)
		if err == nil {
			failures = 0
			continue
		}
		if ctx.Err() != nil {
			break
		}
		failures++
		wait := min(minBackoff<<min(failures-1, 16), maxBackoff)
		b.log.WarnContext(ctx, "reading event stream failed; will retry", "group", group, "retry_in", wait, "err", err)
		if isNoGroup(err) {
			// Redis lost the group (restart without persistence): recreate it.
			if err := b.ensureGroup(ctx, group); err != nil {
				b.log.WarnContext(ctx, "recreating consumer group failed", "group", group, "err", err)
			}
		}
		select {
		case <-ctx.Done():
		case <-time.After(wait):
		}
	}
	return nil
}

// ensureGroup creates group at the start of the stream (and the stream)
// unless it exists: a new group sees every retained event.
func (b *Bus) ensureGroup(ctx context.Context, group string) error {
	err := b.rdb.XGroupCreateMkStream(ctx, b.stream, group, "0").Err()
	if err != nil && !strings.HasPrefix(err.Error(), "BUSYGROUP") {
		return fmt.Errorf("create consumer group %s on %s: %w", group, b.stream, err)
	}
	return nil
}

func isNoGroup(err error) bool {
	return err != nil && strings.Contains(err.Error(), "NOGROUP")
}

type consumer struct {
	b         *Bus
	group     string
	name      string
	handle    bus.Handler
	lastClaim time.Time
}

// round claims abandoned events when it is time to, then reads new ones.
func (c *consumer) round(ctx context.Context) error {
	b := c.b
	if time.Since(c.lastClaim) >= b.opts.ClaimAfter/2 {
		msgs, _, err := b.rdb.XAutoClaim(ctx, &redis.XAutoClaimArgs{
			Stream:   b.stream,
			Group:    c.group,
			Consumer: c.name,
			MinIdle:  b.opts.ClaimAfter,
			Start:    "0-0",
			Count:    b.opts.BatchSize,
		}).Result()
		if err != nil {
			return fmt.Errorf("claim pending events: %w", err)
		}
		c.lastClaim = time.Now()
		if err := c.handleAll(ctx, msgs); err != nil {
			return err
		}
	}
	streams, err := b.rdb.XReadGroup(ctx, &redis.XReadGroupArgs{
		Group:    c.group,
		Consumer: c.name,
		Streams:  []string{b.stream, ">"},
		Count:    b.opts.BatchSize,
		Block:    b.opts.Block,
	}).Result()
	if errors.Is(err, redis.Nil) {
		return nil // nothing new within Block
	}
	if err != nil {
		return fmt.Errorf("read events: %w", err)
	}
	for _, s := range streams {
		if err := c.handleAll(ctx, s.Messages); err != nil {
			return err
		}
	}
	return nil
}

func (c *consumer) handleAll(ctx context.Context, msgs []redis.XMessage) error {
	for _, m := range msgs {
		ev, err := decode(m.Values)
		if err != nil {
			// It will never decode: acknowledge it rather than retry forever.
			c.b.log.ErrorContext(ctx, "dropping undecodable stream entry", "group", c.group, "entry", m.ID, "err", err)
		} else if err := c.handle(ctx, ev); err != nil {
			c.b.log.WarnContext(ctx, "event handler failed; will redeliver", "group", c.group,
				"event_type", ev.Type, "event_id", ev.ID, "retry_after", c.b.opts.ClaimAfter, "err", err)
			continue
		}
		if err := c.b.rdb.XAck(ctx, c.b.stream, c.group, m.ID).Err(); err != nil {
			return fmt.Errorf("acknowledge event entry %s: %w", m.ID, err)
		}
	}
	return nil
}

// leave deletes the consumer from its group when it holds no pending
// events, so that short-lived consumers do not pile up in XINFO.
func (c *consumer) leave() {
	if c.b.isClosed() {
		return
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	pending, err := c.b.rdb.XPendingExt(ctx, &redis.XPendingExtArgs{
		Stream: c.b.stream, Group: c.group, Start: "-", End: "+", Count: 1, Consumer: c.name,
	}).Result()
	if err != nil || len(pending) > 0 {
		return // its events stay pending until another member claims them
	}
	_ = c.b.rdb.XGroupDelConsumer(ctx, c.b.stream, c.group, c.name).Err()
}
