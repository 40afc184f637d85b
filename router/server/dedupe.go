package server

import (
	"context"
	"encoding/json"
	"github.com/careercoach/coach/router/wire"
	"net/http"
	"strings"
	"sync"

	"github.com/careercoach/coach/router/execute"
	"github.com/careercoach/coach/router/subscribe"
	"github.com/careercoach/coach/router/transport"
)

// hubBuffer is how many events a subscriber of a shared subscription may
// fall behind before it is dropped (rather than slowing the others).
const hubBuffer = 256

// fanout shares one subgraph subscription, and the per-event execution,
// among identical client subscriptions: same operation, variables and
// forwarded headers (so only clients with the same credentials share).
type fanout struct {
	mu   sync.Mutex
	hubs map[string]*hub
}

type hub struct {
	key    string
	subs   map[*hubSub]struct{}
	cancel context.CancelFunc
	ended  bool
	// Set before the subscribers' channels close: why it could not start,
	// or why it ended early; a late joiner sees them too.
	startErrs, endErrs []*wire.Error
}

type hubSub struct {
	ch      chan json.RawMessage
	dropped bool
}

// dedupeKey identifies identical operations: same text, operation,
// variables and forwarded headers but correlation ones
// (transport.CorrelationHeaders).
func dedupeKey(query, opName string, vars map[string]any, h http.Header) string {
	var b strings.Builder
	b.WriteString(query)
	b.WriteString("\x00" + opName + "\x00")
	vb, _ := json.Marshal(vars) // map keys are sorted
	b.Write(vb)
	b.WriteByte(0)
	transport.WriteHeaderKey(&b, h)
	return b.String()
}

// join subscribes through the hub for key, starting it with run when it
// is the first, and delivers events to emit until ctx ends or the hub does.
func (f *fanout) join(ctx context.Context, key string, run func(ctx context.Context, emit subscribe.Emit) ([]*wire.Error, []*wire.Error), emit subscribe.Emit) []*wire.Error {
	sub := &hubSub{ch: make(chan json.RawMessage, hubBuffer)}
	f.mu.Lock()
	if f.hubs == nil {
		f.hubs = map[string]*hub{}
	}
	h := f.hubs[key]
	if h == nil {
		// The hub outlives the client that started it; it keeps the
		// context's values (forwarded headers), which all sharers have.
		hctx, cancel := context.WithCancel(context.WithoutCancel(ctx))
		h = &hub{key: key, subs: map[*hubSub]struct{}{}, cancel: cancel}
		f.hubs[key] = h
		go f.run(hctx, h, run)
	}
	h.subs[sub] = struct{}{}
	f.mu.Unlock()
	defer f.leave(h, sub)
	for {
		select {
		case <-ctx.Done():
			return nil
		case p, ok := <-sub.ch:
			if !ok {
				return f.ending(h, sub, emit)
			}
			if emit(p) != nil {
				return nil
			}
		}
	}
}

// ending is what a subscriber gets when its channel closed.
func (f *fanout) ending(h *hub, sub *hubSub, emit subscribe.Emit) []*wire.Error {
	f.mu.Lock()
	dropped, startErrs, endErrs := sub.dropped, h.startErrs, h.endErrs
	f.mu.Unlock()
	switch {
	case dropped:
		endErrs = []*wire.Error{wire.Errorf(wire.CodeSlowSubscriber, "subscription ended: the client fell too far behind")}
	case startErrs != nil:
		return startErrs
	}
	if endErrs != nil {
		_ = emit(encode(&execute.Result{Errors: endErrs}))
	}
	return nil
}

func (f *fanout) run(ctx context.Context, h *hub, run func(ctx context.Context, emit subscribe.Emit) ([]*wire.Error, []*wire.Error)) {
	startErrs, endErrs := run(ctx, func(p json.RawMessage) error {
		f.mu.Lock()
		defer f.mu.Unlock()
		for sub := range h.subs {
			select {
			case sub.ch <- p:
			default:
				sub.dropped = true
				delete(h.subs, sub)
				close(sub.ch)
			}
		}
		return nil
	})
	f.mu.Lock()
	defer f.mu.Unlock()
	h.startErrs, h.endErrs = startErrs, endErrs
	f.end(h)
}

// end closes the hub; f.mu is held.
func (f *fanout) end(h *hub) {
	if f.hubs[h.key] == h {
		delete(f.hubs, h.key)
	}
	if !h.ended {
		h.ended = true
		h.cancel()
	}
	for sub := range h.subs {
		delete(h.subs, sub)
		close(sub.ch)
	}
}

// leave removes a subscriber; the last one out closes the subgraph side.
func (f *fanout) leave(h *hub, sub *hubSub) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if _, ok := h.subs[sub]; !ok {
		return
	}
	delete(h.subs, sub)
	if len(h.subs) == 0 {
		f.end(h)
	}
}
