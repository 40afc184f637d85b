package execute

import (
	"slices"

	"github.com/careercoach/coach/router/plan"
)

// deferredSteps moves an entity fetch of one parallel step of seq to a
// later step that fetches the same objects from the same subgraph, when
// nothing in between (or beside it there) reads what it adds: the batch
// then sends both in one request. The gateway benchmark's inventory
// fetches are such a pair (inStock, then shippingEstimate once products
// answered price and weight): 8 requests per query become 7. It returns
// the nodes each changed step runs.
func deferredSteps(seq *plan.Sequence) map[*plan.Parallel][]plan.Node {
	steps := make([]*plan.Parallel, len(seq.Nodes))
	nodes := make([][]plan.Node, len(seq.Nodes))
	for i, n := range seq.Nodes {
		if par, ok := n.(*plan.Parallel); ok {
			steps[i], nodes[i] = par, slices.Clone(par.Nodes)
		}
	}
	moved := false
	for i := range steps {
		if steps[i] == nil {
			continue
		}
		keep := nodes[i][:0:0]
		for _, n := range nodes[i] {
			if j := laterStep(steps, nodes, i, n); j > 0 {
				nodes[j] = append(nodes[j], n)
				moved = true
				continue
			}
			keep = append(keep, n)
		}
		nodes[i] = keep
	}
	if !moved {
		return nil
	}
	out := map[*plan.Parallel][]plan.Node{}
	for i, par := range steps {
		if par != nil && !slices.Equal(nodes[i], par.Nodes) {
			out[par] = nodes[i]
		}
	}
	return out
}

// laterStep is the step after i that n can join, or 0.
func laterStep(steps []*plan.Parallel, nodes [][]plan.Node, i int, n plan.Node) int {
	fl, f := entityFlatten(n)
	if f == nil {
		return 0
	}
	keys := mergedKeys(f.Selection, map[string]bool{})
	for j := i + 1; j < len(steps); j++ {
		if steps[j] == nil {
			return 0 // a step of another kind: keep the order as planned
		}
		partner := false
		for _, m := range nodes[j] {
			gl, g := entityFlatten(m)
			if g == nil || reads(gl.Path, g, fl.Path, keys) {
				return 0
			}
			partner = partner || (g.Service == f.Service && slices.Equal(gl.Path, fl.Path))
		}
		if partner {
			return j
		}
	}
	return 0
}

func entityFlatten(n plan.Node) (*plan.Flatten, *plan.Fetch) {
	fl, ok := n.(*plan.Flatten)
	if !ok {
		return nil, nil
	}
	f, ok := fl.Node.(*plan.Fetch)
	if !ok || f.Requires == nil {
		return nil, nil
	}
	return fl, f
}

// reads reports whether fetch g, for the objects at path q, and a fetch
// that adds keys to the objects at p depend on each other: g walks into
// one of those keys or its representation has one; or g, above p, merges
// into the key p goes through, or has nested requirements that could
// reach down.
func reads(q []string, g *plan.Fetch, p []string, keys map[string]bool) bool {
	switch {
	case len(q) > len(p) && slices.Equal(q[:len(p)], p):
		k, ok := nextKey(q[len(p):])
		return !ok || keys[k]
	case slices.Equal(q, p):
		return requiresAny(g.Requires, keys)
	case len(q) < len(p) && slices.Equal(p[:len(q)], q):
		k, ok := nextKey(p[len(q):])
		return !ok || mergedKeys(g.Selection, map[string]bool{})[k] || nested(g.Requires)
	}
	return false
}

// nextKey is the first key of a path's rest, past list levels; false when
// the rest is list levels only (the same objects: taken as dependent).
func nextKey(rest []string) (string, bool) {
	for _, k := range rest {
		if k != "@" {
			return k, true
		}
	}
	return "", false
}

// nested reports whether a representation shape selects below its own
// fields (an @requires on a nested field).
func nested(sel *plan.Selection) bool {
	for _, it := range sel.Items {
		if it.Name == "" {
			if nested(it.Sel) {
				return true
			}
		} else if it.Sel != nil {
			return true
		}
	}
	return false
}

// requiresAny reports whether a representation shape selects one of keys.
func requiresAny(sel *plan.Selection, keys map[string]bool) bool {
	for _, it := range sel.Items {
		if it.Name == "" {
			if requiresAny(it.Sel, keys) {
				return true
			}
		} else if keys[it.DataKeyOrResponseKey()] || keys[it.ResponseKey()] {
			return true
		}
	}
	return false
}
