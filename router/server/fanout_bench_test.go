package server_test

import (
	"context"
	"encoding/json"
	"fmt"
	"sort"
	"strconv"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/careercoach/coach/router/internal/eventgraph/graph/model"
	"github.com/careercoach/coach/router/server"
	"github.com/coder/websocket"
)

// BenchmarkSubscriptionFanout subscribes N WebSocket clients through the
// router to one topic of the gqlgen events subgraph and publishes b.N
// events, one at a time: each is delivered to every client (with the
// entity join to the people subgraph when join is set). It reports events
// delivered per second and publish-to-client latency percentiles.
//
//	go test -run '^$' -bench SubscriptionFanout -benchtime 20x ./router/server/
func BenchmarkSubscriptionFanout(b *testing.B) {
	for _, tc := range []struct {
		clients      int
		join, dedupe bool
	}{{1000, false, false}, {1000, true, false}, {1000, false, true}, {1000, true, true}} {
		b.Run(fmt.Sprintf("clients=%d/join=%v/dedupe=%v", tc.clients, tc.join, tc.dedupe), func(b *testing.B) {
			benchFanout(b, tc.clients, tc.join, tc.dedupe)
		})
	}
}

func benchFanout(b *testing.B, clients int, join, dedupe bool) {
	e := newEdgeEnvB(b, func(c *server.Config) {
		c.Subscriptions.MaxConnectionsPerIP = clients + 10
		c.Subscriptions.KeepAlive = time.Minute
		c.Subscriptions.Deduplicate = dedupe
	})
	wantUpstream := clients
	if dedupe {
		wantUpstream = 1
	}
	query := `subscription { messages(topic: "bench") { sentAtNanos } }`
	if join {
		query = `subscription { messages(topic: "bench") { sentAtNanos author { name } } }`
	}
	var (
		mu        sync.Mutex
		latencies []time.Duration
		received  atomic.Int64
		warm      atomic.Int64 // clients that got their first event
	)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var ready sync.WaitGroup
	sem := make(chan struct{}, 32)
	for i := 0; i < clients; i++ {
		ready.Add(1)
		sem <- struct{}{}
		c, _, err := websocket.Dial(ctx, e.wsURL(), &websocket.DialOptions{Subprotocols: []string{"graphql-transport-ws"}})
		if err != nil {
			b.Fatalf("client %d: %v", i, err)
		}
		c.SetReadLimit(1 << 20)
		go func() {
			defer c.CloseNow()
			_ = c.Write(ctx, websocket.MessageText, []byte(`{"type":"connection_init"}`))
			sub, _ := json.Marshal(map[string]any{"id": "1", "type": "subscribe", "payload": map[string]any{"query": query}})
			_ = c.Write(ctx, websocket.MessageText, sub)
			<-sem
			ready.Done()
			first := true
			for {
				_, raw, err := c.Read(ctx)
				if err != nil {
					return
				}
				now := time.Now()
				var m struct {
					Type    string `json:"type"`
					Payload struct {
						Data struct {
							Messages struct {
								SentAtNanos string `json:"sentAtNanos"`
							} `json:"messages"`
						} `json:"data"`
					} `json:"payload"`
				}
				if json.Unmarshal(raw, &m) != nil || m.Type != "next" {
					continue
				}
				sent, _ := strconv.ParseInt(m.Payload.Data.Messages.SentAtNanos, 10, 64)
				if sent == 0 { // a warm-up event
					if first {
						first = false
						warm.Add(1)
					}
					continue
				}
				mu.Lock()
				latencies = append(latencies, now.Sub(time.Unix(0, sent)))
				mu.Unlock()
				received.Add(1)
			}
		}()
	}
	ready.Wait()
	deadline := time.Now().Add(60 * time.Second)
	for e.broker.Active() < wantUpstream {
		if time.Now().After(deadline) {
			b.Fatalf("only %d of %d subscriptions reached the subgraph", e.broker.Active(), wantUpstream)
		}
		time.Sleep(20 * time.Millisecond)
	}
	// Warm up until every client is subscribed end to end: the subgraph
	// subscription may be shared, so its count says little.
	for warm.Load() < int64(clients) {
		if time.Now().After(deadline) {
			b.Fatalf("only %d of %d clients receive events", warm.Load(), clients)
		}
		e.broker.Publish(&model.Message{ID: "warm", Topic: "bench", Body: "x", SentAtNanos: "0", Author: &model.Author{ID: "a1"}})
		// One warm-up event at a time, so that no backlog of them delays
		// the measured events.
		for wait := time.Now().Add(3 * time.Second); warm.Load() < int64(clients) && time.Now().Before(wait); {
			time.Sleep(10 * time.Millisecond)
		}
	}
	time.Sleep(200 * time.Millisecond) // the last warm-up event's stragglers
	b.ResetTimer()
	start := time.Now()
	for i := 0; i < b.N; i++ {
		want := int64(clients * (i + 1))
		e.broker.Publish(&model.Message{ID: strconv.Itoa(i), Topic: "bench", Body: "x",
			SentAtNanos: strconv.FormatInt(time.Now().UnixNano(), 10), Author: &model.Author{ID: "a1"}})
		wait := time.Now().Add(30 * time.Second)
		for received.Load() < want {
			if time.Now().After(wait) {
				b.Fatalf("event %d: %d of %d deliveries", i, received.Load()-int64(clients*i), clients)
			}
			time.Sleep(200 * time.Microsecond)
		}
	}
	elapsed := time.Since(start)
	b.StopTimer()
	mu.Lock()
	defer mu.Unlock()
	sort.Slice(latencies, func(i, j int) bool { return latencies[i] < latencies[j] })
	pct := func(p float64) float64 {
		return float64(latencies[int(p*float64(len(latencies)-1))].Microseconds()) / 1000
	}
	b.ReportMetric(float64(len(latencies))/elapsed.Seconds(), "events/s")
	b.ReportMetric(pct(0.50), "p50-ms")
	b.ReportMetric(pct(0.95), "p95-ms")
	b.ReportMetric(pct(0.99), "p99-ms")
	b.ReportMetric(0, "ns/op")
}
