package load

import (
	"context"
	"math/rand/v2"
	"sync"
	"time"
)

// Step runs one request for client number worker and names its operation.
type Step func(ctx context.Context, worker int, rng *rand.Rand) (op string, err error)

// Run drives clients closed-loop clients (each sends its next request as
// soon as the previous one is answered, as a busy browser tab does) for
// duration, recording every request, and returns the recorder and the
// elapsed time from the start until the last request in flight at the end
// was answered. A cancelled ctx ends the run early.
func Run(ctx context.Context, clients int, duration time.Duration, seed uint64, step Step) (*Recorder, time.Duration) {
	rec := NewRecorder()
	start := time.Now()
	deadline := start.Add(duration)
	var wg sync.WaitGroup
	for w := range clients {
		rng := rand.New(rand.NewPCG(seed, uint64(w)))
		wg.Go(func() {
			for time.Now().Before(deadline) && ctx.Err() == nil {
				t0 := time.Now()
				op, err := step(ctx, w, rng)
				rec.Add(op, time.Since(t0), err)
			}
		})
	}
	wg.Wait()
	return rec, time.Since(start)
}

// MixStep is the Step that runs a random op of the mix as the worker's user
// (users are shared round-robin when there are more clients than users).
func MixStep(c *Client, users []*User, cat *Catalog, ops []Op) Step {
	return func(ctx context.Context, worker int, rng *rand.Rand) (string, error) {
		op := Pick(ops, rng.Float64())
		return op.Name, op.Run(ctx, c, users[worker%len(users)], cat, rng)
	}
}
