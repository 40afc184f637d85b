package execute

import (
	"context"
	"sync/atomic"

	"github.com/careercoach/coach/router/plan"
)

// compiled is what the executor derives once per plan (plan.Plan.Memo).
type compiled struct {
	root *shapeNode
	// initial is the initial payload's shape of a query with @defer
	// fragments (plan.Plan.Incremental); nil otherwise.
	initial *shapeNode
	// fetches holds what is derived once per fetch (and combined batch).
	fetches map[*plan.Fetch]*fetchState
	// sizeHint is the length of the plan's last response, the capacity the
	// next one starts with instead of growing from nothing.
	sizeHint atomic.Int64
}

// fetchState is what a compiled plan knows of one of its fetches.
type fetchState struct {
	// room sizes the fetch's decoded objects for what later fetches merge
	// into them (Request.Room).
	room *Room
	// query is the operation as a JSON string (Request.QueryJSON), encoded
	// once instead of per request.
	query []byte
	// plain: the selection has no planner alias, so results need no
	// unalias pass.
	plain bool
	// targets is how many objects the entity fetch extended last time:
	// the next collection starts at that capacity.
	targets atomic.Int32
}

// state returns f's compiled state; a fetch the plan does not hold gets
// the defaults (no room, encoded per request, unaliased).
func (c *compiled) state(f *plan.Fetch) *fetchState {
	if st := c.fetches[f]; st != nil {
		return st
	}
	return &fetchState{}
}

func newFetchState(f *plan.Fetch, room *Room) *fetchState {
	return &fetchState{room: room, query: quoted(f.Operation), plain: !hasAlias(f.Selection)}
}

func compile(p *plan.Plan) *compiled {
	c := &compiled{root: newShapeNode(p.Shape.Fields), fetches: map[*plan.Fetch]*fetchState{}}
	g := planGains(p.Root)
	var walk func(n plan.Node)
	walk = func(n plan.Node) {
		switch x := n.(type) {
		case *plan.Sequence:
			for _, m := range x.Nodes {
				walk(m)
			}
		case *plan.Parallel:
			for _, m := range x.Nodes {
				walk(m)
			}
		case *plan.Batch:
			for _, fl := range x.Parts {
				walk(fl) // a part is sent alone when the batch's answer is nulled
			}
			c.fetches[x.Fetch] = newFetchState(x.Fetch, batchRoom(x, g))
		case *plan.Fetch:
			c.fetches[x] = newFetchState(x, documentRoom(selectionRoom(x.Selection, g, true)))
		case *plan.Flatten:
			if f, ok := x.Node.(*plan.Fetch); ok {
				c.fetches[f] = newFetchState(f, documentRoom(entityRoom(g, x.Path, f, "_entities")))
			}
		}
	}
	if p.Root != nil {
		walk(p.Root)
	}
	if p.Deferred != nil {
		walk(p.Deferred)
	}
	if p.Incremental != nil {
		c.initial = newShapeNode(p.Incremental.Fields)
	}
	return c
}

// hasAlias reports whether sel asks a field under a planner alias
// (Item.MergeKey), anywhere below.
func hasAlias(sel *plan.Selection) bool {
	if sel == nil {
		return false
	}
	for _, it := range sel.Items {
		if it.MergeKeyOrResponseKey() != it.ResponseKey() || hasAlias(it.Sel) {
			return true
		}
	}
	return false
}

// quoted is s as a JSON string.
func quoted(s string) []byte { return appendString(nil, s) }

func compiledFor(p *plan.Plan) *compiled {
	return p.Memo(func() any { return compile(p) }).(*compiled)
}

// batchRoom is the combined operation's: each alias's entities for its
// path.
func batchRoom(b *plan.Batch, g *gains) *Room {
	data := &Room{}
	for i, fl := range b.Parts {
		if r := entityRoom(g, fl.Path, fl.Node.(*plan.Fetch), b.Aliases[i]); r != nil {
			data.kids = append(data.kids, r.kids...)
		}
	}
	if len(data.kids) == 0 {
		return nil
	}
	return documentRoom(data)
}

// runBatch sends the batch's fetches as one request. When the subgraph
// nulls the whole response (an error in one non-null _entities field),
// each fetch is retried alone so the others keep their data, as they
// would have unbatched.
func (r *run) runBatch(ctx context.Context, b *plan.Batch) {
	eb := make([]entityBatch, len(b.Parts))
	extra := map[string]any{}
	some := false
	for i, fl := range b.Parts {
		eb[i] = r.collectBatch(fl.Path, fl.Node.(*plan.Fetch))
		extra[b.RepsVars[i]] = eb[i].reps
		if eb[i].reps == nil {
			extra[b.RepsVars[i]] = []any{}
		}
		some = some || len(eb[i].reps) > 0
	}
	if !some {
		return
	}
	resp, err := r.send(ctx, b.Fetch, extra)
	if err != nil {
		for _, fl := range b.Parts {
			r.fetchFailed(ctx, fl.Node.(*plan.Fetch), err)
		}
		return
	}
	data := resp.object()
	if data == nil && len(resp.Errors) > 0 {
		for _, fl := range b.Parts {
			r.entityFetch(ctx, fl.Path, fl.Node.(*plan.Fetch))
		}
		return
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	for i, fl := range b.Parts {
		r.mergeEntities(fl.Node.(*plan.Fetch), eb[i], data, b.Aliases[i], resp.Errors)
	}
	for _, e := range resp.Errors {
		var paths [][]any
		for i, alias := range b.Aliases {
			if len(e.Path) > 0 && e.Path[0] == alias {
				p := append([]any{"_entities"}, e.Path[1:]...)
				paths = r.entityErrorPaths(p, eb[i], b.Parts[i].Node.(*plan.Fetch).Selection)
			}
		}
		r.addEntityError(e, b.Fetch.Service, paths)
	}
}
