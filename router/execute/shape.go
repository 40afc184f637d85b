package execute

import (
	"fmt"
	"github.com/careercoach/coach/router/wire"

	"github.com/careercoach/coach/router/plan"
	"github.com/vektah/gqlparser/v2/ast"
)

// shapeObject writes merged data, projected through the client's shape, as
// JSON onto b: the response is written once, with no tree in between. It
// returns false when a non-null field is null, so the caller nulls this
// object (GraphQL null bubbling) by cutting b back to where the object
// began.
func (r *run) shapeObject(b []byte, n *shapeNode, obj *Object, typename string, path *pathNode) ([]byte, bool) {
	if t, ok := obj.value("__typename").(string); ok && t != "" {
		typename = t
	}
	l := n.layoutFor(typename)
	for _, h := range l.defers {
		r.pending = append(r.pending, pendingDefer{hook: h, obj: obj, typename: typename, path: path})
	}
	b = append(b, '{')
	for i := range l.groups {
		g := &l.groups[i]
		if i > 0 {
			b = append(b, ',')
		}
		b = appendString(b, g.key)
		b = append(b, ':')
		if g.f.Name == "__typename" {
			b = appendString(b, typename)
			continue
		}
		var v any
		at := int(g.at.Load())
		if j := obj.indexAt(g.key, at); j >= 0 {
			v = obj.members[j].val
			if j != at {
				g.at.Store(int32(j))
			}
		}
		if v == nil && g.f.Type != nil && g.f.Type.NonNull && (r.nulled[obj][g.key] || r.nulledEntities[obj]) {
			return b, false // the subgraph's own error says why
		}
		var ok bool
		if b, ok = r.complete(b, g.f, g.f.Type, v, g.child, path, g.keyAny); !ok {
			return b, false
		}
	}
	return append(b, '}'), true
}

// complete writes one merged value as its response value for type t. The
// value's path is parent plus key; its node is allocated only where a child
// needs it (objects, lists), and turned into a slice only for an error:
// most values are leaves and cost nothing. On false, what it wrote is to be
// cut off by the caller.
func (r *run) complete(b []byte, f *plan.ShapeField, t *ast.Type, v any, sub *shapeNode, parent *pathNode, key any) ([]byte, bool) {
	if t == nil {
		return r.leaf(b, f, t, v, parent, key)
	}
	if v == nil {
		if t.NonNull {
			r.nonNull(f, (&pathNode{parent: parent, key: key}).slice())
			return b, false
		}
		return append(b, "null"...), true
	}
	start, pending := len(b), len(r.pending)
	if t.Elem != nil {
		list, ok := v.([]any)
		if !ok {
			return r.invalid(b, f, t, (&pathNode{parent: parent, key: key}).slice())
		}
		node := r.paths.node(parent, key)
		b = append(b, '[')
		for i, e := range list {
			if i > 0 {
				b = append(b, ',')
			}
			if b, ok = r.complete(b, f, t.Elem, e, sub, node, i); !ok {
				r.pending = r.pending[:pending] // what was nulled is not delivered later either
				return nullify(b[:start], t)
			}
		}
		return append(b, ']'), true
	}
	if sub == nil {
		if f.EnumValues != nil {
			if s, ok := v.(string); !ok || !f.EnumValues[s] {
				// Not a value of the API schema: the client never sees it.
				return r.complete(b, f, t, nil, nil, parent, key)
			}
		}
		return r.leaf(b, f, t, v, parent, key) // scalar or enum
	}
	m, ok := v.(*Object)
	if !ok || m == nil {
		return r.invalid(b, f, t, (&pathNode{parent: parent, key: key}).slice())
	}
	tn, _ := m.value("__typename").(string)
	if f.HiddenTypes[tn] {
		// An object of a type the API schema hides (@inaccessible).
		return r.complete(b, f, t, nil, nil, parent, key)
	}
	if sub.typed && tn == t.NamedType && r.nulledEntities[m] {
		// Still named by its interface (it came from an @interfaceObject
		// subgraph) and nulled, with an error, by the one subgraph that
		// knows its concrete type: null, as a single server's error
		// would have made it.
		return r.complete(b, f, t, nil, nil, parent, key)
	}
	if b, ok = r.shapeObject(b, sub, m, t.NamedType, r.paths.node(parent, key)); !ok {
		r.pending = r.pending[:pending]
		return nullify(b[:start], t)
	}
	return b, true
}

// leaf writes a scalar; one that cannot be written as JSON (a number
// literal a subgraph got wrong) is an invalid value, not a broken response.
func (r *run) leaf(b []byte, f *plan.ShapeField, t *ast.Type, v any, parent *pathNode, key any) ([]byte, bool) {
	out, err := AppendJSON(b, v)
	if err != nil {
		return r.invalid(out[:len(b)], f, t, (&pathNode{parent: parent, key: key}).slice())
	}
	return out, true
}

// nullify writes the null that replaces a value, or fails again when the
// position is non-null (the null bubbles further up).
func nullify(b []byte, t *ast.Type) ([]byte, bool) {
	if t != nil && t.NonNull {
		return b, false
	}
	return append(b, "null"...), true
}

func (r *run) invalid(b []byte, f *plan.ShapeField, t *ast.Type, path []any) ([]byte, bool) {
	e := wire.Errorf(wire.CodeInvalidResponse, "invalid value for field %q", f.Name)
	e.Path = path
	r.errs = append(r.errs, e)
	return nullify(b, t)
}

// nonNull records a null in a non-null position unless an error at or
// below this path (or a whole failed fetch) already explains it.
func (r *run) nonNull(f *plan.ShapeField, path []any) {
	for _, e := range r.errs {
		if e.Path == nil || prefix(path, e.Path) {
			return
		}
	}
	e := wire.Errorf(wire.CodeNonNull, "Cannot return null for non-nullable field %s.", f.Name)
	e.Path = path
	r.errs = append(r.errs, e)
}

// prefix reports whether p is a prefix of q (comparing list indexes
// numerically, whatever their JSON type).
func prefix(p, q []any) bool {
	if len(p) > len(q) {
		return false
	}
	for i := range p {
		if fmt.Sprint(p[i]) != fmt.Sprint(q[i]) {
			return false
		}
	}
	return true
}
