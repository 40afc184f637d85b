package graph

import (
	"context"
	"sync"
	"time"

	"github.com/careercoach/coach/subgraphs/planning"
)

// batchWait is how long a loader collects keys before it queries: long
// enough for gqlgen's concurrent field resolvers of one list to join.
const batchWait = 2 * time.Millisecond

// loader batches the keys that concurrent resolvers of one request ask for
// into one fetch (the dataloader pattern), so a list of goals costs one
// query, not one per goal.
type loader[K comparable, V any] struct {
	fetch func(ctx context.Context, keys []K) (map[K]V, error)
	mu    sync.Mutex
	cur   *batch[K, V]
}

type batch[K comparable, V any] struct {
	keys []K
	seen map[K]bool
	done chan struct{}
	vals map[K]V
	err  error
}

func (l *loader[K, V]) load(ctx context.Context, key K) (V, error) {
	l.mu.Lock()
	b := l.cur
	if b == nil {
		b = &batch[K, V]{seen: map[K]bool{}, done: make(chan struct{})}
		l.cur = b
		// The fetch runs detached from any one resolver's cancellation but
		// keeps the request's values (identity, deadline-free by design of
		// WithoutCancel); each waiter still honours its own ctx.
		fctx := context.WithoutCancel(ctx)
		time.AfterFunc(batchWait, func() { l.run(fctx, b) })
	}
	if !b.seen[key] {
		b.seen[key] = true
		b.keys = append(b.keys, key)
	}
	l.mu.Unlock()
	select {
	case <-b.done:
		return b.vals[key], b.err
	case <-ctx.Done():
		var zero V
		return zero, ctx.Err()
	}
}

func (l *loader[K, V]) run(ctx context.Context, b *batch[K, V]) {
	l.mu.Lock()
	if l.cur == b {
		l.cur = nil
	}
	l.mu.Unlock()
	b.vals, b.err = l.fetch(ctx, b.keys)
	close(b.done)
}

// loaders are the per-request loaders.
type loaders struct {
	courses    loader[string, []planning.CourseRef]
	userSkills loader[string, *planning.UserSkills]
}

type loadersKey struct{}

// WithLoaders returns ctx carrying fresh loaders for one operation.
func (r *Resolver) WithLoaders(ctx context.Context) context.Context {
	l := &loaders{}
	l.courses.fetch = func(ctx context.Context, keys []string) (map[string][]planning.CourseRef, error) {
		return r.Store.CoursesForSkills(ctx, keys, planning.MaxCoursesPerStep)
	}
	l.userSkills.fetch = func(ctx context.Context, ids []string) (map[string]*planning.UserSkills, error) {
		return r.Store.UserSkills(ctx, ids)
	}
	return context.WithValue(ctx, loadersKey{}, l)
}

func (r *Resolver) loadersFrom(ctx context.Context) *loaders {
	if l, ok := ctx.Value(loadersKey{}).(*loaders); ok {
		return l
	}
	// Not wired through NewHandler: a private set still works, unbatched.
	return r.WithLoaders(ctx).Value(loadersKey{}).(*loaders)
}
