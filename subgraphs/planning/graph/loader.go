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
//
// A list resolver that knows every key its children will ask for primes the
// loader with them first (one fetch, no timing involved); the batch window
// only catches keys nobody primed.
type loader[K comparable, V any] struct {
	fetch func(ctx context.Context, keys []K) (map[K]V, error)
	mu    sync.Mutex
	cur   *batch[K, V]
	cache map[K]V // fetched keys; absent from a fetch's result = zero value
}

type batch[K comparable, V any] struct {
	keys []K
	seen map[K]bool
	done chan struct{}
	vals map[K]V
	err  error
}

// prime fetches the keys not yet cached in one call.
func (l *loader[K, V]) prime(ctx context.Context, keys []K) error {
	l.mu.Lock()
	var todo []K
	seen := map[K]bool{}
	for _, k := range keys {
		if _, ok := l.cache[k]; !ok && !seen[k] {
			seen[k] = true
			todo = append(todo, k)
		}
	}
	l.mu.Unlock()
	if len(todo) == 0 {
		return nil
	}
	vals, err := l.fetch(ctx, todo)
	if err != nil {
		return err
	}
	l.store(todo, vals)
	return nil
}

func (l *loader[K, V]) store(keys []K, vals map[K]V) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.cache == nil {
		l.cache = map[K]V{}
	}
	for _, k := range keys {
		l.cache[k] = vals[k]
	}
}

func (l *loader[K, V]) load(ctx context.Context, key K) (V, error) {
	l.mu.Lock()
	if v, ok := l.cache[key]; ok {
		l.mu.Unlock()
		return v, nil
	}
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
	if b.err == nil {
		l.store(b.keys, b.vals)
	}
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

// primeLearningPaths loads, in one query each, the caller's skills and the
// courses for every skill the active goals' target roles require, so that
// the learningPath of each goal in a list costs no further query.
func (r *Resolver) primeLearningPaths(ctx context.Context, userID string, goals []*planning.Goal) error {
	var keys []string
	for _, g := range goals {
		if g.Status != planning.GoalActive {
			continue
		}
		if role, ok := r.Catalog.Role(g.TargetRoleID); ok {
			for _, s := range role.Skills {
				keys = append(keys, r.Catalog.Key(s.Name))
			}
		}
	}
	if len(keys) == 0 {
		return nil
	}
	l := r.loadersFrom(ctx)
	if err := l.userSkills.prime(ctx, []string{userID}); err != nil {
		return err
	}
	return l.courses.prime(ctx, keys)
}

func (r *Resolver) loadersFrom(ctx context.Context) *loaders {
	if l, ok := ctx.Value(loadersKey{}).(*loaders); ok {
		return l
	}
	// Not wired through NewHandler: a private set still works, unbatched.
	return r.WithLoaders(ctx).Value(loadersKey{}).(*loaders)
}
