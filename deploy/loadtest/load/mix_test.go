package load

import (
	"context"
	"errors"
	"math/rand/v2"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

func TestPickFollowsWeights(t *testing.T) {
	ops := []Op{{Name: "a", Weight: 1}, {Name: "b", Weight: 3}, {Name: "c", Weight: 0}, {Name: "d", Weight: 1}}
	// Total 5: [0, .2) a, [.2, .8) b, c never, [.8, 1) d.
	for _, c := range []struct {
		x    float64
		want string
	}{{0, "a"}, {0.199, "a"}, {0.2, "b"}, {0.799, "b"}, {0.8, "d"}, {0.9999, "d"}} {
		if got := Pick(ops, c.x).Name; got != c.want {
			t.Errorf("Pick(%v) = %s, want %s", c.x, got, c.want)
		}
	}
	rng := rand.New(rand.NewPCG(1, 2))
	n := map[string]int{}
	for range 10000 {
		n[Pick(ops, rng.Float64()).Name]++
	}
	if n["c"] != 0 || n["b"] < 5600 || n["b"] > 6400 || n["a"] < 1700 || n["a"] > 2300 {
		t.Errorf("10000 picks: %v, want about a 2000, b 6000, d 2000", n)
	}
}

func TestMixIsWellFormed(t *testing.T) {
	seen := map[string]bool{}
	for _, o := range Mix() {
		if o.Name == "" || o.Weight <= 0 || o.Run == nil || seen[o.Name] {
			t.Errorf("bad or duplicate op %+v", o)
		}
		if len(o.Sends) == 0 {
			t.Errorf("op %s lists no operations it sends (cmd/coach checks them against the router's limits)", o.Name)
		}
		for _, r := range o.Sends {
			if strings.TrimSpace(r.Query) == "" {
				t.Errorf("op %s sends an empty query", o.Name)
			}
		}
		seen[o.Name] = true
	}
	if !seen["dashboard"] || !seen["updateProgress"] {
		t.Errorf("the mix lacks the dashboard or progress updates: %v", seen)
	}
}

func TestRunIsBoundedAndRecordsEveryRequest(t *testing.T) {
	var calls, workers atomic.Int64
	seen := make([]atomic.Bool, 4)
	step := func(ctx context.Context, w int, _ *rand.Rand) (string, error) {
		if !seen[w].Swap(true) {
			workers.Add(1)
		}
		n := calls.Add(1)
		time.Sleep(5 * time.Millisecond)
		if n%10 == 0 {
			return "op", errors.New("every tenth fails")
		}
		return "op", nil
	}
	rec, elapsed := Run(context.Background(), 4, 200*time.Millisecond, 1, step)
	if elapsed < 200*time.Millisecond || elapsed > time.Second {
		t.Errorf("elapsed %v for a 200ms run", elapsed)
	}
	perOp, total := rec.Summaries(elapsed)
	if workers.Load() != 4 || int64(total.Requests) != calls.Load() || len(perOp) != 1 {
		t.Fatalf("%d workers ran, %d calls, %d recorded", workers.Load(), calls.Load(), total.Requests)
	}
	if total.Requests < 40 || total.Errors != total.Requests/10 || total.P50 < 5*time.Millisecond {
		t.Errorf("summary %+v", total)
	}

	// A cancelled context stops the clients at once.
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, elapsed := Run(ctx, 4, time.Minute, 1, step); elapsed > time.Second {
		t.Errorf("a cancelled run took %v", elapsed)
	}
}
