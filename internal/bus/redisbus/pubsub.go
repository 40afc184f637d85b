package redisbus

import (
	"context"
	"errors"
	"fmt"

	"github.com/redis/go-redis/v9"

	"github.com/careercoach/coach/internal/bus"
)

// Publish sends data on the topic's channel (PUBLISH).
func (b *Bus) Publish(ctx context.Context, topic string, data []byte) error {
	if topic == "" {
		return errors.New("publish: topic is empty")
	}
	if b.isClosed() {
		return fmt.Errorf("publish to %s: %w", topic, bus.ErrClosed)
	}
	if err := b.rdb.Publish(ctx, b.opts.Prefix+topic, data).Err(); err != nil {
		return fmt.Errorf("publish to %s: %w", topic, err)
	}
	return nil
}

// Subscribe subscribes to the topic's channel and returns once Redis has
// confirmed, so every later Publish reaches it. go-redis re-subscribes by
// itself after a reconnect; messages published meanwhile are lost.
func (b *Bus) Subscribe(ctx context.Context, topic string) (<-chan []byte, error) {
	if topic == "" {
		return nil, errors.New("subscribe: topic is empty")
	}
	if b.isClosed() {
		return nil, fmt.Errorf("subscribe to %s: %w", topic, bus.ErrClosed)
	}
	ps := b.rdb.Subscribe(ctx, b.opts.Prefix+topic)
	if _, err := ps.Receive(ctx); err != nil {
		_ = ps.Close()
		return nil, fmt.Errorf("subscribe to %s: %w", topic, err)
	}
	b.mu.Lock()
	if b.closed {
		b.mu.Unlock()
		_ = ps.Close()
		return nil, fmt.Errorf("subscribe to %s: %w", topic, bus.ErrClosed)
	}
	b.subs.Add(1)
	b.mu.Unlock()

	out := make(chan []byte, b.opts.SubscriberBuffer)
	go b.forward(ctx, topic, ps, out)
	return out, nil
}

// forward copies messages from ps to out until ctx ends or the bus closes.
// A full out loses its oldest message, so a slow reader never holds up the
// go-redis connection reader.
func (b *Bus) forward(ctx context.Context, topic string, ps *redis.PubSub, out chan []byte) {
	defer b.subs.Done()
	defer close(out)
	defer ps.Close()
	in := ps.Channel(redis.WithChannelSize(b.opts.SubscriberBuffer))
	dropped := 0
	for {
		select {
		case <-ctx.Done():
			return
		case <-b.done:
			return
		case m, ok := <-in:
			if !ok {
				return
			}
			msg := []byte(m.Payload)
			select {
			case out <- msg:
			default:
				select { // only this goroutine sends: after this there is room
				case <-out:
				default:
				}
				out <- msg
				if dropped++; dropped == 1 {
					b.log.Warn("slow subscriber: dropping its oldest messages", "topic", topic)
				}
			}
		}
	}
}
