package execute

import (
	"context"
	"strconv"
	"strings"
	"sync/atomic"

	"github.com/careercoach/coach/router/plan"
)

// compiled is what the executor derives once per plan (plan.Plan.Memo).
type compiled struct {
	root *shapeNode
	// initial is the initial payload's shape of a query with @defer
	// fragments (plan.Plan.Incremental); nil otherwise.
	initial *shapeNode
	// steps lists, per Parallel node, its branches with entity fetches to
	// the same subgraph combined into one request.
	steps map[*plan.Parallel][]branch
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

// branch is a node run on its own, or a batch of entity fetches.
type branch struct {
	node  plan.Node
	batch *batch
}

// batch is several entity fetches of one parallel step to one subgraph,
// sent as one operation with an aliased _entities field per fetch: one
// round trip instead of one per fetch, as the issue's "one _entities
// request per subgraph per step" asks.
type batch struct {
	fetch    *plan.Fetch // the combined operation (service, text, variables)
	paths    [][]string
	fetches  []*plan.Fetch
	aliases  []string
	repsVars []string
}

func compile(p *plan.Plan) *compiled {
	c := &compiled{root: newShapeNode(p.Shape.Fields), steps: map[*plan.Parallel][]branch{},
		fetches: map[*plan.Fetch]*fetchState{}}
	g := planGains(p.Root)
	var walk func(n plan.Node)
	walk = func(n plan.Node) {
		switch x := n.(type) {
		case *plan.Sequence:
			for par, nodes := range deferredSteps(x) {
				c.steps[par] = branches(&plan.Parallel{Nodes: nodes})
			}
			for _, m := range x.Nodes {
				walk(m)
			}
		case *plan.Parallel:
			for _, m := range x.Nodes {
				walk(m)
			}
			if _, done := c.steps[x]; !done {
				c.steps[x] = branches(x)
			}
			for _, br := range c.steps[x] {
				if br.batch != nil {
					c.fetches[br.batch.fetch] = newFetchState(br.batch.fetch, br.batch.room(g))
				}
			}
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

// branches groups a Parallel's entity fetches by subgraph.
func branches(par *plan.Parallel) []branch {
	var out []branch
	at := map[string]int{} // service → index in out of its batch
	for _, n := range par.Nodes {
		fl, ok := n.(*plan.Flatten)
		var f *plan.Fetch
		if ok {
			f, ok = fl.Node.(*plan.Fetch)
		}
		if !ok || f.Requires == nil || f.EntitySelection == "" {
			out = append(out, branch{node: n})
			continue
		}
		i, seen := at[f.Service]
		if !seen {
			at[f.Service] = len(out)
			out = append(out, branch{batch: &batch{}})
			i = len(out) - 1
		}
		b := out[i].batch
		b.paths = append(b.paths, fl.Path)
		b.fetches = append(b.fetches, f)
	}
	for i, br := range out {
		if br.batch == nil {
			continue
		}
		if len(br.batch.fetches) == 1 { // nothing to combine
			out[i] = branch{node: &plan.Flatten{Path: br.batch.paths[0], Node: br.batch.fetches[0]}}
			continue
		}
		br.batch.build()
	}
	return out
}

// build writes the combined operation.
func (b *batch) build() {
	var decls, vars []string
	seen := map[string]bool{}
	var sel strings.Builder
	for i, f := range b.fetches {
		v := "representations"
		if i > 0 {
			v += "_" + strconv.Itoa(i)
		}
		alias := "_e" + strconv.Itoa(i)
		b.aliases = append(b.aliases, alias)
		b.repsVars = append(b.repsVars, v)
		decls = append(decls, "$"+v+": [_Any!]!")
		field := " " + alias + ": _entities(representations: $" + v + ") " + f.EntitySelection
		sel.WriteString(field)
		for j, name := range f.Variables {
			if !seen[name] && j < len(f.VariableDecls) {
				seen[name] = true
				vars = append(vars, name)
				decls = append(decls, f.VariableDecls[j])
			}
		}
	}
	first := b.fetches[0]
	op := "query"
	if first.OperationName != "" {
		op += " " + first.OperationName
	}
	op += "(" + strings.Join(decls, ", ") + ") {" + sel.String() + " }"
	b.fetch = &plan.Fetch{Service: first.Service, Operation: op, OperationName: first.OperationName, Variables: vars}
}

// room is the combined operation's: each alias's entities for its path.
func (b *batch) room(g *gains) *Room {
	data := &Room{}
	for i, f := range b.fetches {
		if r := entityRoom(g, b.paths[i], f, b.aliases[i]); r != nil {
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
func (r *run) runBatch(ctx context.Context, b *batch) {
	eb := make([]entityBatch, len(b.fetches))
	extra := map[string]any{}
	some := false
	for i, f := range b.fetches {
		eb[i] = r.collectBatch(b.paths[i], f)
		extra[b.repsVars[i]] = eb[i].reps
		if eb[i].reps == nil {
			extra[b.repsVars[i]] = []any{}
		}
		some = some || len(eb[i].reps) > 0
	}
	if !some {
		return
	}
	resp, err := r.send(ctx, b.fetch, extra)
	if err != nil {
		for _, f := range b.fetches {
			r.fetchFailed(ctx, f, err)
		}
		return
	}
	data := resp.object()
	if data == nil && len(resp.Errors) > 0 {
		for i, f := range b.fetches {
			r.entityFetch(ctx, b.paths[i], f)
		}
		return
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	for i, f := range b.fetches {
		r.mergeEntities(f, eb[i], data, b.aliases[i], resp.Errors)
	}
	for _, e := range resp.Errors {
		var paths [][]any
		for i, alias := range b.aliases {
			if len(e.Path) > 0 && e.Path[0] == alias {
				p := append([]any{"_entities"}, e.Path[1:]...)
				paths = r.entityErrorPaths(p, eb[i], b.fetches[i].Selection)
			}
		}
		r.addEntityError(e, b.fetch.Service, paths)
	}
}
