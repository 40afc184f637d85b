package execute

import (
	"context"
	"encoding/json"
	"github.com/careercoach/coach/router/wire"
	"log/slog"
	"runtime/debug"
	"sync"
	"time"

	"github.com/careercoach/coach/router/plan"
	"golang.org/x/sync/errgroup"
)

// Executor runs plans. It is safe for concurrent use.
type Executor struct {
	Fetcher Fetcher
	// MaxConcurrency bounds concurrent subgraph requests per operation
	// (default 8).
	MaxConcurrency int
	// Timeout bounds each subgraph request; Timeouts overrides it per
	// subgraph. Zero means no limit beyond the request context.
	Timeout  time.Duration
	Timeouts map[string]time.Duration
	Log      *slog.Logger
}

// Prefilled holds root data the router answers itself (introspection),
// keyed by response key.
type Prefilled map[string]any

// Execute runs p with the client's coerced variables and returns the
// client response. Subgraph failures become errors next to partial data.
func (e *Executor) Execute(ctx context.Context, p *plan.Plan, vars map[string]any, pre Prefilled) *Result {
	r := e.newRun(p, vars, pre)
	if p.Root != nil {
		r.branch(ctx, p.Root) // the root is a branch too: a panic becomes an error
	}
	if p.Deferred != nil {
		r.branch(ctx, p.Deferred) // all at once: the client reads no incremental delivery
	}
	bp := dataPool.Get().(*[]byte)
	buf := *bp
	if hint := int(r.c.sizeHint.Load()); cap(buf) < hint {
		buf = make([]byte, 0, hint+hint/8) // the plan's last response was this big
	}
	data, ok := r.shapeObject(buf[:0], r.c.root, r.data, p.RootType, nil)
	*bp = data[:0]
	res := &Result{Errors: r.errs}
	if ok {
		res.Data = json.RawMessage(data)
		res.buf = bp
		r.c.sizeHint.Store(int64(len(data)))
	} else {
		putData(bp)
	}
	return res
}

func (e *Executor) newRun(p *plan.Plan, vars map[string]any, pre Prefilled) *run {
	n := e.MaxConcurrency
	if n <= 0 {
		n = 8
	}
	r := &run{e: e, c: compiledFor(p), vars: vars, data: newObject(len(pre) + 4), sem: make(chan struct{}, n), rootType: p.RootType}
	for k, v := range pre {
		r.data.Set(k, valueOf(v))
	}
	return r
}

// dataPool holds response buffers: a response of tens of kilobytes each
// time would otherwise be a fresh allocation, zeroed, for the GC to sweep.
var dataPool = sync.Pool{New: func() any { return new([]byte) }}

// maxPooledData keeps rare huge responses from pinning memory in the pool.
const maxPooledData = 1 << 20

func putData(bp *[]byte) {
	if cap(*bp) <= maxPooledData {
		dataPool.Put(bp)
	}
}

// Release gives the result's JSON buffer back for reuse by a later
// Execute. Call it once the result has been written, and not at all if
// anything still refers to Data.
func (r *Result) Release() {
	if r.buf != nil {
		putData(r.buf)
		r.buf, r.Data = nil, nil
	}
}

// run is the state of one execution.
type run struct {
	rootType string
	e        *Executor
	c        *compiled
	vars     map[string]any
	sem      chan struct{}

	mu    sync.Mutex // guards data and errs while fetches run
	data  *Object
	errs  []*wire.Error
	paths pathArena // path nodes of shaping, which runs after the fetches
	// nulled holds, per object, the response keys a subgraph left null
	// because it nulled its whole answer (data: null, or _entities: null)
	// with errors of its own: those errors explain the nulls, so no
	// NON_NULLABLE_FIELD_NULL is added beside them.
	nulled map[*Object]map[string]bool
	// nulledEntities holds the objects a subgraph answered null for in
	// _entities with an error of its own: every field missing from them is
	// explained by that error.
	nulledEntities map[*Object]bool
	// pending lists the @defer fragments met while shaping the initial
	// payload (ExecuteIncremental), delivered after it.
	pending []pendingDefer
}

// markEntityNulled records that a subgraph nulled obj's entity and said
// why. The caller holds r.mu.
func (r *run) markEntityNulled(obj *Object) {
	if r.nulledEntities == nil {
		r.nulledEntities = map[*Object]bool{}
	}
	r.nulledEntities[obj] = true
}

// markNulled records that the fields of sel on obj were nulled by a
// subgraph that reported why. The caller holds r.mu.
func (r *run) markNulled(obj *Object, sel *plan.Selection) {
	if r.nulled == nil {
		r.nulled = map[*Object]map[string]bool{}
	}
	keys := r.nulled[obj]
	if keys == nil {
		keys = map[string]bool{}
		r.nulled[obj] = keys
	}
	var walk func(s *plan.Selection)
	walk = func(s *plan.Selection) {
		for _, it := range s.Items {
			if it.Name == "" {
				walk(it.Sel) // a type condition: its fields are the object's
				continue
			}
			keys[it.MergeKeyOrResponseKey()] = true
		}
	}
	walk(sel)
}

func (r *run) addErr(err *wire.Error) {
	r.mu.Lock()
	r.errs = append(r.errs, err)
	r.mu.Unlock()
}

func (r *run) exec(ctx context.Context, n plan.Node) {
	switch x := n.(type) {
	case *plan.Sequence:
		for _, c := range x.Nodes {
			r.exec(ctx, c)
		}
	case *plan.Parallel:
		if len(x.Nodes) == 0 {
			return
		}
		// The last branch runs on this goroutine: its stack has already
		// grown to what decoding needs, and a fresh goroutine's would be
		// copied again on the way there.
		var g errgroup.Group
		for _, n := range x.Nodes[:len(x.Nodes)-1] {
			g.Go(func() error { r.branch(ctx, n); return nil })
		}
		r.branch(ctx, x.Nodes[len(x.Nodes)-1])
		_ = g.Wait() // branches report failures as GraphQL errors, never as Go errors
	case *plan.Batch:
		r.runBatch(ctx, x)
	case *plan.Fetch:
		r.rootFetch(ctx, x)
	case *plan.Flatten:
		if f, ok := x.Node.(*plan.Fetch); ok {
			r.entityFetch(ctx, x.Path, f)
		}
	}
}

func (r *run) branch(ctx context.Context, n plan.Node) {
	defer r.recoverBranch(ctx)
	r.exec(ctx, n)
}

// recoverBranch turns a panic in a branch into the operation's error: a
// branch may run on a goroutine of its own, where no recovery of the
// HTTP server's would catch it and the whole router would stop. Locks
// are released by their defers on the way.
func (r *run) recoverBranch(ctx context.Context) {
	p := recover()
	if p == nil {
		return
	}
	if r.e.Log != nil {
		r.e.Log.ErrorContext(ctx, "execution branch panicked", "panic", p, "stack", string(debug.Stack()))
	}
	r.addErr(wire.Errorf(wire.CodeInternal, "internal error"))
}

// call sends one fetch; a failure becomes the fetch's error.
func (r *run) call(ctx context.Context, f *plan.Fetch, extra map[string]any) (*Response, bool) {
	resp, err := r.send(ctx, f, extra)
	if err != nil {
		r.fetchFailed(ctx, f, err)
		return nil, false
	}
	return resp, true
}

// send sends one fetch, bounded by the semaphore and the subgraph timeout.
func (r *run) send(ctx context.Context, f *plan.Fetch, extra map[string]any) (*Response, error) {
	select {
	case r.sem <- struct{}{}:
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	defer func() { <-r.sem }()
	if d := r.timeout(f.Service); d > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, d)
		defer cancel()
	}
	vars := map[string]any{}
	for _, v := range f.Variables {
		if val, ok := r.vars[v]; ok {
			vars[v] = val
		}
	}
	for k, v := range extra {
		vars[k] = v
	}
	if len(vars) == 0 {
		vars = nil
	}
	st := r.c.state(f)
	start := time.Now()
	resp, err := r.e.Fetcher.Fetch(ctx, f.Service, &Request{Query: f.Operation, OperationName: f.OperationName, Variables: vars,
		QueryJSON: st.query, Room: st.room})
	if r.e.Log != nil {
		r.e.Log.DebugContext(ctx, "subgraph fetch", "service", f.Service, "duration", time.Since(start), "error", err)
	}
	if err != nil {
		return nil, err
	}
	return resp, nil
}

func (r *run) timeout(service string) time.Duration {
	if d, ok := r.e.Timeouts[service]; ok {
		return d
	}
	return r.e.Timeout
}

// fetchFailed reports a failed subgraph request. Its cause may name
// internal addresses ("dial tcp 10.0.0.7:4002: connection refused"), so
// it goes to the log and the client learns only which subgraph failed,
// by name and code (OWASP ASVS 7.4.1: generic messages to clients, the
// details logged).
func (r *run) fetchFailed(ctx context.Context, f *plan.Fetch, err error) {
	if r.e.Log != nil {
		r.e.Log.WarnContext(ctx, "subgraph request failed", "service", f.Service, "error", err)
	}
	r.addErr(wire.Errorf(wire.CodeSubrequestFailed, "HTTP fetch failed from '%s'", f.Service).With("serviceName", f.Service))
}

func (r *run) rootFetch(ctx context.Context, f *plan.Fetch) {
	resp, ok := r.call(ctx, f, nil)
	if !ok {
		return
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	if d := resp.object(); d != nil {
		if !r.c.state(f).plain {
			unalias(d, f.Selection)
		}
		mergeObject(r.data, d)
	} else if len(resp.Errors) > 0 {
		r.markNulled(r.data, f.Selection)
	}
	for _, e := range resp.Errors {
		r.errs = append(r.errs, wire.FromSubgraph(e, f.Service, unaliasPath(e.Path, f.Selection)))
	}
}
