package server

import (
	"context"
	"fmt"
	"net/http"
	"sort"
	"sync"
	"sync/atomic"
	"time"

	"github.com/careercoach/coach/router/execute"
)

// durationBuckets are the histogram bounds in seconds.
var durationBuckets = []float64{0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10}

// metrics keeps the counters /metrics exposes in Prometheus text format.
type metrics struct {
	mu       sync.Mutex
	requests map[string]uint64
	buckets  []uint64
	sum      float64
	count    uint64
	fetches  map[string]uint64
	failures map[string]uint64
	planHits uint64
	planMiss uint64
	// sharedAnswers counts requests answered by an identical query's
	// execution (DeduplicateQueries).
	sharedAnswers atomic.Uint64
	// sharedFetches counts subgraph requests answered by an identical one
	// in flight (DeduplicateSubgraphRequests).
	sharedFetches atomic.Uint64
	// subscriptions is the number of open subgraph subscriptions.
	subscriptions atomic.Int64
}

func newMetrics() *metrics {
	return &metrics{requests: map[string]uint64{}, buckets: make([]uint64, len(durationBuckets)),
		fetches: map[string]uint64{}, failures: map[string]uint64{}}
}

func (m *metrics) request(outcome string, d time.Duration) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.requests[outcome]++
	sec := d.Seconds()
	for i, b := range durationBuckets {
		if sec <= b {
			m.buckets[i]++
		}
	}
	m.sum += sec
	m.count++
}

func (m *metrics) planCache(hit bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if hit {
		m.planHits++
	} else {
		m.planMiss++
	}
}

func (m *metrics) shared() { m.sharedAnswers.Add(1) }

func (m *metrics) sharedFetch() { m.sharedFetches.Add(1) }

// fetcher counts subgraph requests and failures.
func (m *metrics) fetcher(next execute.Fetcher) execute.Fetcher {
	return execute.FetcherFunc(func(ctx context.Context, service string, req *execute.Request) (*execute.Response, error) {
		resp, err := next.Fetch(ctx, service, req)
		m.mu.Lock()
		m.fetches[service]++
		if err != nil {
			m.failures[service]++
		}
		m.mu.Unlock()
		return resp, err
	})
}

func sortedKeys(m map[string]uint64) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

func (m *metrics) serve(w http.ResponseWriter, _ *http.Request) {
	m.mu.Lock()
	defer m.mu.Unlock()
	w.Header().Set("Content-Type", "text/plain; version=0.0.4")
	fmt.Fprintln(w, "# HELP router_requests_total GraphQL requests by outcome.")
	fmt.Fprintln(w, "# TYPE router_requests_total counter")
	for _, k := range sortedKeys(m.requests) {
		fmt.Fprintf(w, "router_requests_total{outcome=%q} %d\n", k, m.requests[k])
	}
	fmt.Fprintln(w, "# HELP router_request_duration_seconds GraphQL request duration.")
	fmt.Fprintln(w, "# TYPE router_request_duration_seconds histogram")
	for i, b := range durationBuckets {
		fmt.Fprintf(w, "router_request_duration_seconds_bucket{le=\"%g\"} %d\n", b, m.buckets[i])
	}
	fmt.Fprintf(w, "router_request_duration_seconds_bucket{le=\"+Inf\"} %d\n", m.count)
	fmt.Fprintf(w, "router_request_duration_seconds_sum %g\n", m.sum)
	fmt.Fprintf(w, "router_request_duration_seconds_count %d\n", m.count)
	fmt.Fprintln(w, "# HELP router_subgraph_requests_total Requests sent to subgraphs.")
	fmt.Fprintln(w, "# TYPE router_subgraph_requests_total counter")
	for _, k := range sortedKeys(m.fetches) {
		fmt.Fprintf(w, "router_subgraph_requests_total{subgraph=%q} %d\n", k, m.fetches[k])
	}
	fmt.Fprintln(w, "# HELP router_subgraph_failures_total Subgraph requests that failed (transport or HTTP).")
	fmt.Fprintln(w, "# TYPE router_subgraph_failures_total counter")
	for _, k := range sortedKeys(m.failures) {
		fmt.Fprintf(w, "router_subgraph_failures_total{subgraph=%q} %d\n", k, m.failures[k])
	}
	fmt.Fprintln(w, "# HELP router_plan_cache_total Plan cache lookups.")
	fmt.Fprintln(w, "# TYPE router_plan_cache_total counter")
	fmt.Fprintf(w, "router_plan_cache_total{result=\"hit\"} %d\n", m.planHits)
	fmt.Fprintf(w, "router_plan_cache_total{result=\"miss\"} %d\n", m.planMiss)
	fmt.Fprintln(w, "# HELP router_shared_answers_total Queries answered by an identical query's execution that was already running.")
	fmt.Fprintln(w, "# TYPE router_shared_answers_total counter")
	fmt.Fprintf(w, "router_shared_answers_total %d\n", m.sharedAnswers.Load())
	fmt.Fprintln(w, "# HELP router_shared_subgraph_requests_total Subgraph requests answered by an identical one in flight.")
	fmt.Fprintln(w, "# TYPE router_shared_subgraph_requests_total counter")
	fmt.Fprintf(w, "router_shared_subgraph_requests_total %d\n", m.sharedFetches.Load())
	fmt.Fprintln(w, "# HELP router_subscriptions_active Subscriptions open on subgraphs.")
	fmt.Fprintln(w, "# TYPE router_subscriptions_active gauge")
	fmt.Fprintf(w, "router_subscriptions_active %d\n", m.subscriptions.Load())
}
