package load

import (
	"errors"
	"testing"
	"time"
)

func ms(n ...int) []time.Duration {
	out := make([]time.Duration, len(n))
	for i, v := range n {
		out[i] = time.Duration(v) * time.Millisecond
	}
	return out
}

func TestPercentileNearestRank(t *testing.T) {
	// 1..100 ms: the p-th percentile is p ms.
	var hundred []int
	for i := 1; i <= 100; i++ {
		hundred = append(hundred, i)
	}
	for _, c := range []struct {
		values []time.Duration
		p      float64
		want   time.Duration
	}{
		{nil, 50, 0},
		{ms(7), 50, 7 * time.Millisecond},
		{ms(7), 99, 7 * time.Millisecond},
		{ms(1, 2, 3, 4), 50, 2 * time.Millisecond},  // rank ceil(2) = 2
		{ms(1, 2, 3, 4), 51, 3 * time.Millisecond},  // rank ceil(2.04) = 3
		{ms(1, 2, 3, 4), 100, 4 * time.Millisecond}, // the maximum
		{ms(hundred...), 50, 50 * time.Millisecond},
		{ms(hundred...), 95, 95 * time.Millisecond},
		{ms(hundred...), 99, 99 * time.Millisecond},
		{ms(hundred...), 0.1, time.Millisecond}, // never below the minimum
		// 7/100*100 is 7.000000000000001 in floating point: rank 7, not 8.
		{ms(hundred...), 7, 7 * time.Millisecond},
	} {
		if got := Percentile(c.values, c.p); got != c.want {
			t.Errorf("Percentile(%v, %v) = %v, want %v", c.values, c.p, got, c.want)
		}
	}
}

func TestRecorderSummaries(t *testing.T) {
	r := NewRecorder()
	// Added out of order: summaries sort before taking percentiles.
	for _, d := range ms(30, 10, 20, 40) {
		r.Add("search", d, nil)
	}
	r.Add("enroll", 5*time.Millisecond, errors.New("CONFLICT: boom"))
	r.Add("enroll", 15*time.Millisecond, nil)

	perOp, total := r.Summaries(2 * time.Second)
	if len(perOp) != 2 || perOp[0].Op != "enroll" || perOp[1].Op != "search" {
		t.Fatalf("per op: %+v", perOp)
	}
	s := perOp[1]
	if s.Requests != 4 || s.Errors != 0 || s.P50 != 20*time.Millisecond || s.P95 != 40*time.Millisecond ||
		s.Max != 40*time.Millisecond || s.Throughput != 2 {
		t.Errorf("search: %+v", s)
	}
	e := perOp[0]
	if e.Requests != 2 || e.Errors != 1 || e.ErrorRate() != 0.5 || e.LastError != "CONFLICT: boom" {
		t.Errorf("enroll: %+v", e)
	}
	if total.Requests != 6 || total.Errors != 1 || total.Throughput != 3 || total.P50 != 15*time.Millisecond ||
		total.Max != 40*time.Millisecond || total.LastError != "CONFLICT: boom" {
		t.Errorf("total: %+v", total)
	}
}

func TestSummaryEmpty(t *testing.T) {
	perOp, total := NewRecorder().Summaries(0)
	if len(perOp) != 0 || total.Requests != 0 || total.ErrorRate() != 0 || total.Throughput != 0 {
		t.Fatalf("empty: %+v %+v", perOp, total)
	}
}
