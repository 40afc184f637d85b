package execute

import (
	"context"
	"encoding/json"
	"github.com/careercoach/coach/router/wire"

	"github.com/careercoach/coach/router/plan"
)

// pendingDefer is a @defer fragment to deliver on one object.
type pendingDefer struct {
	hook     *deferHook
	obj      *Object
	typename string
	path     *pathNode
}

// ExecuteIncremental runs a query with @defer fragments as incremental
// delivery: the first payload holds what the fragments leave out and is
// emitted as soon as the plan's primary fetches are done; the deferred
// fetches run after it, and a second payload carries every fragment, each
// with its path, label and its own errors. A plan without @defer gives
// one payload, as Execute. emit failing (the client left) stops the run.
func (e *Executor) ExecuteIncremental(ctx context.Context, p *plan.Plan, vars map[string]any, pre Prefilled, emit func(*Result) error) {
	if p.Incremental == nil {
		res := e.Execute(ctx, p, vars, pre)
		_ = emit(res)
		res.Release()
		return
	}
	r := e.newRun(p, vars, pre)
	if p.Root != nil {
		r.branch(ctx, p.Root)
	}
	data, ok := r.shapeObject(nil, r.c.initial, r.data, p.RootType, nil)
	more := ok && len(r.pending) > 0
	first := &Result{Errors: r.errs, HasNext: &more}
	if ok {
		first.Data = json.RawMessage(data)
	} else {
		r.pending = nil // the data is null: nothing to deliver into
	}
	if emit(first) != nil || !more {
		return
	}
	primaryErrs := len(r.errs)
	if p.Deferred != nil {
		r.branch(ctx, p.Deferred)
	}
	fetchErrs := r.errs[primaryErrs:len(r.errs):len(r.errs)]
	items := make([]*Incremental, 0, len(r.pending))
	// Fragments inside a deferred fragment join r.pending as it is shaped,
	// and are delivered in this payload too.
	for i := 0; i < len(r.pending); i++ {
		pd := r.pending[i]
		before := len(r.errs)
		it := &Incremental{Path: pd.path.slice(), Label: pd.hook.label}
		if it.Path == nil {
			it.Path = []any{}
		}
		mark := len(r.pending)
		if b, ok := r.shapeObject(nil, pd.hook.node, pd.obj, pd.typename, pd.path); ok {
			it.Data = b
		} else {
			it.Data = json.RawMessage("null")
			r.pending = r.pending[:mark]
		}
		it.Errors = append(it.Errors, r.errs[before:]...)
		items = append(items, it)
	}
	assignErrors(items, fetchErrs)
	done := false
	_ = emit(&Result{Incremental: items, HasNext: &done})
}

// assignErrors gives each deferred fetch's error to the fragment whose
// path is the longest prefix of the error's; an error with no such
// fragment (a failed request has no path) goes to the first.
func assignErrors(items []*Incremental, errs []*wire.Error) {
	if len(items) == 0 {
		return
	}
	for _, e := range errs {
		best := -1
		for i, it := range items {
			if e.Path != nil && prefix(it.Path, e.Path) && (best < 0 || len(it.Path) > len(items[best].Path)) {
				best = i
			}
		}
		if best < 0 {
			best = 0
		}
		items[best].Errors = append(items[best].Errors, e)
	}
}
