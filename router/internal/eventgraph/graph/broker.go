package graph

import (
	"sync"

	"github.com/careercoach/coach/router/internal/eventgraph/graph/model"
)

// Broker fans published messages out to subscribers of a topic.
type Broker struct {
	mu     sync.Mutex
	subs   map[string]map[chan *model.Message]struct{}
	active int
}

// NewBroker returns an empty broker.
func NewBroker() *Broker { return &Broker{subs: map[string]map[chan *model.Message]struct{}{}} }

// Subscribe registers a subscriber; cancel unregisters it.
func (b *Broker) Subscribe(topic string) (<-chan *model.Message, func()) {
	ch := make(chan *model.Message, 64)
	b.mu.Lock()
	if b.subs[topic] == nil {
		b.subs[topic] = map[chan *model.Message]struct{}{}
	}
	b.subs[topic][ch] = struct{}{}
	b.active++
	b.mu.Unlock()
	var once sync.Once
	return ch, func() {
		once.Do(func() {
			b.mu.Lock()
			delete(b.subs[topic], ch)
			b.active--
			b.mu.Unlock()
		})
	}
}

// Publish sends m to every subscriber of its topic; a full subscriber
// misses the message rather than blocking the publisher.
func (b *Broker) Publish(m *model.Message) int {
	b.mu.Lock()
	defer b.mu.Unlock()
	n := 0
	for ch := range b.subs[m.Topic] {
		select {
		case ch <- m:
			n++
		default:
		}
	}
	return n
}

// Active is the number of live subscriptions.
func (b *Broker) Active() int {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.active
}
