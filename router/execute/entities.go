package execute

import (
	"context"
	"encoding/json"

	"github.com/careercoach/coach/router/plan"
)

// target is an object in the merged data that an entity fetch extends.
type target struct {
	obj    map[string]any
	path   []any
	sentAs any // the __typename in the representation
}

// entityFetch collects the objects at path, sends one deduplicated batch
// of representations and merges each entity back into every object it
// stands for.
func (r *run) entityFetch(ctx context.Context, path []string, f *plan.Fetch) {
	r.mu.Lock()
	var reps []any
	var groups [][]target
	index := map[string]int{}
	collect(r.data, path, nil, func(obj map[string]any, p []any) {
		rep, ok := representation(obj, f.Requires, f.EntityAliases)
		if !ok {
			return
		}
		b, err := json.Marshal(rep) // map keys marshal sorted: a canonical dedupe key
		if err != nil {
			return
		}
		i, seen := index[string(b)]
		if !seen {
			i = len(reps)
			index[string(b)] = i
			reps = append(reps, rep)
			groups = append(groups, nil)
		}
		groups[i] = append(groups[i], target{obj: obj, path: p, sentAs: rep["__typename"]})
	})
	r.mu.Unlock()
	if len(reps) == 0 {
		return
	}
	resp, ok := r.call(ctx, f, map[string]any{"representations": reps})
	if !ok {
		return
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	ents, _ := resp.Data["_entities"].([]any)
	if resp.Data != nil && resp.Data["_entities"] != nil && len(ents) != len(reps) {
		r.errs = append(r.errs, &Error{
			Message:    "subgraph '" + f.Service + "' returned a wrong number of entities",
			Extensions: map[string]any{"code": CodeInvalidResponse, "serviceName": f.Service},
		})
		ents = nil
	}
	for i, ent := range ents {
		if m, ok := ent.(map[string]any); ok {
			unalias(m, f.Selection)
			for _, t := range groups[i] {
				before := t.obj["__typename"]
				mergeObject(t.obj, m)
				// An @interfaceObject subgraph answers with the interface
				// name: keep the concrete type already known.
				if before != nil && t.obj["__typename"] == t.sentAs {
					t.obj["__typename"] = before
				}
			}
		}
	}
	for _, e := range resp.Errors {
		r.errs = append(r.errs, subgraphError(e, f.Service, entityErrorPath(e.Path, groups, f.Selection)))
	}
}

// entityErrorPath maps ["_entities", i, rest...] to the client path of the
// i-th representation's first object.
func entityErrorPath(p []any, groups [][]target, sel *plan.Selection) []any {
	if len(p) < 2 || p[0] != "_entities" {
		return nil
	}
	var i int
	switch n := p[1].(type) {
	case json.Number:
		v, err := n.Int64()
		if err != nil {
			return nil
		}
		i = int(v)
	case float64:
		i = int(n)
	case int:
		i = n
	default:
		return nil
	}
	if i < 0 || i >= len(groups) || len(groups[i]) == 0 {
		return nil
	}
	return append(append([]any(nil), groups[i][0].path...), unaliasPath(p[2:], sel)...)
}

// unaliasPath rewrites the planner aliases in a subgraph error path (relative
// to sel) to the keys the client sees.
func unaliasPath(p []any, sel *plan.Selection) []any {
	out := append([]any(nil), p...)
	for i, seg := range out {
		k, ok := seg.(string)
		if !ok || sel == nil {
			continue // a list index
		}
		it := findItem(sel, k)
		if it == nil {
			return out
		}
		if it.MergeKey != "" {
			out[i] = it.MergeKey
		}
		sel = it.Sel
	}
	return out
}

// findItem finds the field with response key k, looking into fragments.
func findItem(sel *plan.Selection, k string) *plan.Item {
	for _, it := range sel.Items {
		if it.Name == "" {
			if found := findItem(it.Sel, k); found != nil {
				return found
			}
		} else if it.ResponseKey() == k {
			return it
		}
	}
	return nil
}

// collect walks path ("@" = every list element) calling fn for each object.
func collect(v any, path []string, at []any, fn func(map[string]any, []any)) {
	switch x := v.(type) {
	case map[string]any:
		if len(path) == 0 {
			fn(x, at)
			return
		}
		if path[0] == "@" {
			return
		}
		collect(x[path[0]], path[1:], appendPath(at, path[0]), fn)
	case []any:
		if len(path) > 0 && path[0] == "@" {
			path = path[1:]
		}
		for i, e := range x {
			collect(e, path, appendPath(at, i), fn)
		}
	}
}

func appendPath(p []any, e any) []any {
	return append(append(make([]any, 0, len(p)+1), p...), e)
}

// representation builds the _Any value for obj from the fragment of the
// representation shape that matches its __typename.
func representation(obj map[string]any, reps *plan.Selection, aliases map[string]string) (map[string]any, bool) {
	tn, _ := obj["__typename"].(string)
	for _, want := range []string{tn, aliases[tn]} {
		for _, it := range reps.Items {
			if want != "" && it.Name == "" && it.TypeCondition == want {
				rep, ok := project(obj, it.Sel, tn)
				if ok {
					rep["__typename"] = want
				}
				return rep, ok
			}
		}
	}
	return nil, false
}

// project copies the selected fields of obj; false when a field is absent
// (the fetch that should have supplied it failed).
func project(obj map[string]any, sel *plan.Selection, tn string) (map[string]any, bool) {
	out := map[string]any{}
	for _, it := range sel.Items {
		if it.Name == "" {
			if t, _ := obj["__typename"].(string); t == it.TypeCondition {
				sub, ok := project(obj, it.Sel, t)
				if !ok {
					return nil, false
				}
				for k, v := range sub {
					out[k] = v
				}
			}
			continue
		}
		v, ok := obj[it.DataKeyOrResponseKey()]
		if !ok {
			if it.Name == "__typename" {
				out["__typename"] = tn
				continue
			}
			return nil, false
		}
		if it.Sel != nil && v != nil {
			pv, ok := projectValue(v, it.Sel)
			if !ok {
				return nil, false
			}
			v = pv
		}
		out[it.ResponseKey()] = v
	}
	return out, true
}

func projectValue(v any, sel *plan.Selection) (any, bool) {
	switch x := v.(type) {
	case map[string]any:
		tn, _ := x["__typename"].(string)
		return project(x, sel, tn)
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			if e == nil {
				continue
			}
			pv, ok := projectValue(e, sel)
			if !ok {
				return nil, false
			}
			out[i] = pv
		}
		return out, true
	}
	return v, true
}

// mergeObject deep-merges src into dst.
func mergeObject(dst, src map[string]any) {
	for k, v := range src {
		dst[k] = mergeValue(dst[k], v)
	}
}

func mergeValue(dst, src any) any {
	switch s := src.(type) {
	case map[string]any:
		if d, ok := dst.(map[string]any); ok {
			mergeObject(d, s)
			return d
		}
	case []any:
		if d, ok := dst.([]any); ok && len(d) == len(s) {
			for i := range s {
				d[i] = mergeValue(d[i], s[i])
			}
			return d
		}
	}
	return src
}

// unalias moves values the subgraph returned under a planner alias back
// to the key the rest of the plan and the client expect (Item.MergeKey).
func unalias(v any, sel *plan.Selection) {
	if sel == nil {
		return
	}
	switch x := v.(type) {
	case []any:
		for _, e := range x {
			unalias(e, sel)
		}
	case map[string]any:
		for _, it := range sel.Items {
			if it.Name == "" {
				unalias(x, it.Sel) // aliases are unique per key: no type check needed
				continue
			}
			k := it.ResponseKey()
			val, ok := x[k]
			if !ok {
				continue
			}
			unalias(val, it.Sel)
			if it.MergeKey != "" && it.MergeKey != k {
				x[it.MergeKey] = mergeValue(x[it.MergeKey], val)
				delete(x, k)
			}
		}
	}
}
