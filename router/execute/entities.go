package execute

import (
	"context"
	"encoding/binary"
	"github.com/careercoach/coach/router/wire"
	"slices"

	"github.com/careercoach/coach/router/plan"
)

// target is an object in the merged data that an entity fetch extends.
type target struct {
	obj    *Object
	rep    int // its representation in entityBatch.reps
	sentAs any // the __typename in the representation
}

// pathNode is one segment of a response path, linked to its parent: every
// collected object keeps its path for error reporting, and sharing the
// parents costs one small node per object instead of a slice copy.
type pathNode struct {
	parent *pathNode
	key    any // string or int
}

// slice materialises the path, root first.
func (n *pathNode) slice() []any {
	var out []any
	for p := n; p != nil; p = p.parent {
		out = append(out, p.key)
	}
	slices.Reverse(out)
	return out
}

// pathArena allocates path nodes in chunks: a response has thousands of
// objects and lists, and a node each cost as many allocations. Chunks are
// never grown in place, so nodes keep their addresses.
type pathArena struct{ buf []pathNode }

func (a *pathArena) node(parent *pathNode, key any) *pathNode {
	if len(a.buf) == cap(a.buf) {
		a.buf = make([]pathNode, 0, 256)
	}
	a.buf = append(a.buf, pathNode{parent: parent, key: key})
	return &a.buf[len(a.buf)-1]
}

// entityFetch collects the objects at path, sends one deduplicated batch
// of representations and merges each entity back into every object it
// stands for.
func (r *run) entityFetch(ctx context.Context, path []string, f *plan.Fetch) {
	b := r.collectBatch(path, f)
	if len(b.reps) == 0 {
		return
	}
	resp, ok := r.call(ctx, f, map[string]any{"representations": b.reps})
	if !ok {
		return
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	r.mergeEntities(f, b, resp.object(), "_entities", resp.Errors)
	for _, e := range resp.Errors {
		r.addEntityError(e, f.Service, r.entityErrorPaths(e.Path, b, f.Selection))
	}
}

// entityBatch is one fetch's deduplicated representations and the objects
// they stand for, found at path.
type entityBatch struct {
	path    []string
	reps    []any
	targets []target
}

// maxTargetsHint bounds the capacity a collection starts at: one huge
// response must not make every later one allocate as much.
const maxTargetsHint = 4096

// collectBatch gathers the representations of the objects at path.
func (r *run) collectBatch(path []string, f *plan.Fetch) entityBatch {
	r.mu.Lock()
	defer r.mu.Unlock()
	b := entityBatch{path: path}
	st := r.c.state(f)
	b.targets = make([]target, 0, min(st.targets.Load(), maxTargetsHint))
	defer func() { st.targets.Store(int32(len(b.targets))) }()
	index := map[string]int{}
	var key []byte
	var sentAs []any // per representation, its __typename
	// No path nodes: a target's path is needed only for an error, and
	// entityErrorPath finds it again then.
	collect(r.data, path, nil, func(obj *Object, _ *pathNode) {
		var rep map[string]any
		var ok bool
		key, ok = leafKey(key[:0], obj, f.Requires, f.EntityAliases)
		if !ok {
			if rep, ok = representation(obj, f.Requires, f.EntityAliases); !ok {
				return
			}
			var err error
			// Map keys are written sorted: a canonical dedupe key.
			if key, err = AppendJSON(append(key[:0], 's'), rep); err != nil {
				return
			}
		}
		i, seen := index[string(key)] // no allocation for the lookup
		if !seen {
			if rep == nil {
				if rep, ok = representation(obj, f.Requires, f.EntityAliases); !ok {
					return
				}
			}
			i = len(b.reps)
			index[string(key)] = i
			b.reps = append(b.reps, rep)
			sentAs = append(sentAs, rep["__typename"])
		}
		b.targets = append(b.targets, target{obj: obj, rep: i, sentAs: sentAs[i]})
	})
	return b
}

// mergeEntities merges the entity list under field of data into the
// batch's objects. The caller holds r.mu.
func (r *run) mergeEntities(f *plan.Fetch, b entityBatch, data *Object, field string, errs []*wire.Error) {
	ents, _ := data.value(field).([]any)
	if data.value(field) != nil && len(ents) != len(b.reps) {
		r.errs = append(r.errs, wire.Errorf(wire.CodeInvalidResponse, "subgraph '%s' returned a wrong number of entities", f.Service).
			With("serviceName", f.Service))
		ents = nil
	}
	if ents == nil {
		if len(errs) > 0 {
			for _, t := range b.targets {
				r.markNulled(t.obj, f.Selection)
			}
		}
		return
	}
	if !r.c.state(f).plain {
		for _, ent := range ents {
			unalias(ent, f.Selection)
		}
	}
	for _, t := range b.targets {
		m, ok := ents[t.rep].(*Object)
		if !ok || m == nil {
			if entityErred(errs, field, t.rep) {
				// The subgraph nulled this entity and said why: its
				// fields, this fetch's and those of later fetches that
				// needed them (@requires), need no
				// NON_NULLABLE_FIELD_NULL of their own.
				r.markEntityNulled(t.obj)
			}
			continue
		}
		before := t.obj.value("__typename")
		mergeObject(t.obj, m)
		// An @interfaceObject subgraph answers with the interface name:
		// keep the concrete type already known.
		if before != nil && t.obj.value("__typename") == t.sentAs {
			t.obj.Set("__typename", before)
		}
	}
}

// entityErrorPaths maps ["_entities", i, rest...] to the client paths of
// the i-th representation: one entity reached at several paths (deduplicated
// into one representation) has the error at each of them, as a single
// server's execution would report it. nil when p is not an entity path.
// The caller holds r.mu.
func (r *run) entityErrorPaths(p []any, b entityBatch, sel *plan.Selection) [][]any {
	if len(p) < 2 || p[0] != "_entities" {
		return nil
	}
	i, ok := index(p[1])
	if !ok {
		return nil
	}
	want := map[*Object]bool{}
	for _, t := range b.targets {
		if t.rep == i {
			want[t.obj] = true
		}
	}
	if len(want) == 0 {
		return nil
	}
	rest := unaliasPath(p[2:], sel)
	var out [][]any
	collect(r.data, b.path, &pathArena{}, func(o *Object, at *pathNode) {
		// One object can sit at several paths (an entity merged into
		// several parents shares its children): the error is at each.
		if want[o] {
			out = append(out, append(at.slice(), rest...))
		}
	})
	return out
}

// addEntityError adds a subgraph's error once per client path it maps to.
// The caller holds r.mu.
func (r *run) addEntityError(e *wire.Error, service string, paths [][]any) {
	if len(paths) == 0 {
		r.errs = append(r.errs, wire.FromSubgraph(e, service, nil))
	}
	for _, p := range paths {
		if !r.unselected(p) {
			r.errs = append(r.errs, wire.FromSubgraph(e, service, p))
		}
	}
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

// collect walks path ("@" = every list element) calling fn for each object,
// with its path when paths is not nil.
func collect(v any, path []string, paths *pathArena, fn func(*Object, *pathNode)) {
	segs := make([]any, len(path)) // boxed once, not per object
	for i, p := range path {
		segs[i] = p
	}
	at := make([]int, len(path)) // per level, where its key was last (indexAt)
	walk(v, path, segs, at, paths, nil, nil, fn)
}

// walk visits v, found at key under parent (the root has neither). A path
// node is allocated only for the objects and lists on the way.
func walk(v any, path []string, segs []any, at []int, paths *pathArena, parent *pathNode, key any, fn func(*Object, *pathNode)) {
	var node *pathNode
	if key != nil {
		switch x := v.(type) {
		case *Object:
			if x == nil {
				return
			}
		case []any:
		default:
			return
		}
		if paths != nil {
			node = paths.node(parent, key)
		}
	}
	switch x := v.(type) {
	case *Object:
		if len(path) == 0 {
			fn(x, node)
			return
		}
		if path[0] == "@" {
			return
		}
		i := x.indexAt(path[0], at[0])
		if i < 0 {
			return
		}
		at[0] = i
		walk(x.members[i].val, path[1:], segs[1:], at[1:], paths, node, segs[0], fn)
	case []any:
		if len(path) > 0 && path[0] == "@" {
			path, segs, at = path[1:], segs[1:], at[1:]
		}
		for i, e := range x {
			walk(e, path, segs, at, paths, node, i, fn)
		}
	}
}

// fragmentFor finds the fragment of the representation shape for obj:
// the one for its __typename, else for its alias (an @interfaceObject).
func fragmentFor(obj *Object, reps *plan.Selection, aliases map[string]string) (*plan.Item, string, string) {
	tn, _ := obj.value("__typename").(string)
	if it := fragmentOn(reps, tn); it != nil {
		return it, tn, tn
	}
	if want := aliases[tn]; want != "" {
		if it := fragmentOn(reps, want); it != nil {
			return it, tn, want
		}
	}
	return nil, tn, ""
}

func fragmentOn(reps *plan.Selection, typename string) *plan.Item {
	if typename == "" {
		return nil
	}
	for _, it := range reps.Items {
		if it.Name == "" && it.TypeCondition == typename {
			return it
		}
	}
	return nil
}

// leafKey writes a dedupe key for obj without building its representation
// when the fragment selects only scalar fields (the usual @key): the type
// sent and each value, in the fragment's order. It returns false when the
// general path must decide (nested fields, a missing value). Keys start
// with 'q', general ones with 's', so the two never collide.
func leafKey(b []byte, obj *Object, reps *plan.Selection, aliases map[string]string) ([]byte, bool) {
	frag, _, want := fragmentFor(obj, reps, aliases)
	if frag == nil {
		return b, false
	}
	b = append(append(append(b, 'q'), want...), 0)
	for _, it := range frag.Sel.Items {
		if it.Name == "" || it.Sel != nil {
			return b, false
		}
		if it.Name == "__typename" {
			continue // the representation sends want
		}
		v, ok := obj.Get(it.DataKeyOrResponseKey())
		if !ok {
			return b, false
		}
		b = append(append(b, it.ResponseKey()...), 0)
		if str, ok := v.(string); ok {
			// The usual key value, as is: its length keeps keys apart.
			b = binary.AppendUvarint(append(b, '"'), uint64(len(str)))
			b = append(b, str...)
			continue
		}
		var err error
		if b, err = AppendJSON(append(b, 'j'), v); err != nil {
			return b, false
		}
		b = append(b, 0) // JSON never contains a raw NUL: keys stay unambiguous
	}
	return b, true
}

// representation builds the _Any value for obj from the fragment of the
// representation shape that matches its __typename.
func representation(obj *Object, reps *plan.Selection, aliases map[string]string) (map[string]any, bool) {
	it, tn, want := fragmentFor(obj, reps, aliases)
	if it == nil {
		return nil, false
	}
	rep, ok := project(obj, it.Sel, tn)
	if ok {
		rep["__typename"] = want
	}
	return rep, ok
}

// project copies the selected fields of obj; false when a field is absent
// (the fetch that should have supplied it failed).
func project(obj *Object, sel *plan.Selection, tn string) (map[string]any, bool) {
	out := map[string]any{}
	for _, it := range sel.Items {
		if it.Name == "" {
			if t, _ := obj.value("__typename").(string); t == it.TypeCondition {
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
		v, ok := obj.Get(it.DataKeyOrResponseKey())
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
	case *Object:
		tn, _ := x.value("__typename").(string)
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
func mergeObject(dst, src *Object) {
	grown := false
	for i, m := range src.members {
		if j := dst.index(m.key); j >= 0 {
			dst.members[j].val = mergeValue(dst.members[j].val, m.val)
			continue
		}
		if !grown && cap(dst.members) == len(dst.members) {
			// Grow once, by at most what is left of src: merged entities
			// gain several fields, and growing per key would copy each time.
			dst.members = slices.Grow(dst.members, len(src.members)-i)
			grown = true
		}
		dst.add(m.key, m.val)
	}
}

func mergeValue(dst, src any) any {
	switch s := src.(type) {
	case *Object:
		if d, ok := dst.(*Object); ok && d != nil && s != nil {
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
	case *Object:
		if x == nil {
			return
		}
		for _, it := range sel.Items {
			if it.Name == "" {
				unalias(x, it.Sel) // aliases are unique per key: no type check needed
				continue
			}
			k := it.ResponseKey()
			i := x.index(k)
			if i < 0 {
				continue
			}
			val := x.members[i].val
			unalias(val, it.Sel)
			if it.MergeKey == "" || it.MergeKey == k {
				continue
			}
			if j := x.index(it.MergeKey); j >= 0 {
				x.members[j].val = mergeValue(x.members[j].val, val)
				x.members = slices.Delete(x.members, i, i+1)
			} else {
				x.members[i].key = it.MergeKey // renamed in place: no copy
			}
		}
	}
}

// entityErred reports whether errs has an error at or below entity i of
// the list under field (["_entities", i, ...] or [alias, i, ...]).
func entityErred(errs []*wire.Error, field string, i int) bool {
	for _, e := range errs {
		if len(e.Path) >= 2 && e.Path[0] == field {
			if j, ok := index(e.Path[1]); ok && j == i {
				return true
			}
		}
	}
	return false
}
