// Package load is the library of the load harness (deploy/loadtest): a
// GraphQL client that talks to the router as the web app does, the seeded
// users and the mix of operations they run, the closed-loop driver, latency
// statistics, process memory from /proc and the report tables.
package load

import (
	"math"
	"slices"
	"sort"
	"sync"
	"time"
)

// Recorder collects the outcome of every request of one level; safe for
// concurrent use.
type Recorder struct {
	mu  sync.Mutex
	ops map[string]*series
}

type series struct {
	latencies []time.Duration
	errors    int
	lastError string
}

// NewRecorder returns an empty Recorder.
func NewRecorder() *Recorder { return &Recorder{ops: map[string]*series{}} }

// Add records one request of operation op that took d; err is its failure
// (transport, HTTP status or GraphQL errors), nil on success.
func (r *Recorder) Add(op string, d time.Duration, err error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	s := r.ops[op]
	if s == nil {
		s = &series{}
		r.ops[op] = s
	}
	s.latencies = append(s.latencies, d)
	if err != nil {
		s.errors++
		s.lastError = err.Error()
	}
}

// Summary describes the requests of one operation (or of all of them).
type Summary struct {
	Op            string
	Requests      int
	Errors        int
	LastError     string
	Throughput    float64 // requests per second over the measured time
	P50, P95, P99 time.Duration
	Max           time.Duration
}

// ErrorRate is the fraction of failed requests, 0 when there were none.
func (s Summary) ErrorRate() float64 {
	if s.Requests == 0 {
		return 0
	}
	return float64(s.Errors) / float64(s.Requests)
}

// Summaries returns one Summary per operation (sorted by name) and the total
// over all operations; elapsed is the measured wall time.
func (r *Recorder) Summaries(elapsed time.Duration) (perOp []Summary, total Summary) {
	r.mu.Lock()
	defer r.mu.Unlock()
	var all []time.Duration
	total.Op = "all"
	for op, s := range r.ops {
		perOp = append(perOp, summarize(op, s.latencies, s.errors, s.lastError, elapsed))
		all = append(all, s.latencies...)
		total.Errors += s.errors
		if s.lastError != "" {
			total.LastError = s.lastError
		}
	}
	sort.Slice(perOp, func(i, j int) bool { return perOp[i].Op < perOp[j].Op })
	t := summarize("all", all, total.Errors, total.LastError, elapsed)
	return perOp, t
}

func summarize(op string, lat []time.Duration, errs int, lastErr string, elapsed time.Duration) Summary {
	sorted := slices.Clone(lat)
	slices.Sort(sorted)
	s := Summary{Op: op, Requests: len(sorted), Errors: errs, LastError: lastErr,
		P50: Percentile(sorted, 50), P95: Percentile(sorted, 95), P99: Percentile(sorted, 99)}
	if len(sorted) > 0 {
		s.Max = sorted[len(sorted)-1]
	}
	if elapsed > 0 {
		s.Throughput = float64(len(sorted)) / elapsed.Seconds()
	}
	return s
}

// Percentile returns the p-th percentile (0 < p <= 100) of sorted latencies
// by the nearest-rank method: the smallest value such that at least p% of
// the values are less than or equal to it. It is 0 for no values.
func Percentile(sorted []time.Duration, p float64) time.Duration {
	if len(sorted) == 0 {
		return 0
	}
	rank := int(math.Ceil(p * float64(len(sorted)) / 100))
	rank = min(max(rank, 1), len(sorted))
	return sorted[rank-1]
}
