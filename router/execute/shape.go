package execute

import (
	"fmt"

	"github.com/careercoach/coach/router/plan"
	"github.com/vektah/gqlparser/v2/ast"
)

// shapeObject projects merged data through the client's shape. It returns
// false when a non-null field is null, so the caller nulls this object
// (GraphQL null bubbling).
func (r *run) shapeObject(n *shapeNode, obj *Object, typename string, path *pathNode) (*Object, bool) {
	if t, ok := obj.value("__typename").(string); ok && t != "" {
		typename = t
	}
	l := n.layoutFor(typename)
	out := newObject(len(l.groups))
	for i := range l.groups {
		g := &l.groups[i]
		if g.f.Name == "__typename" {
			out.add(g.key, typename)
			continue
		}
		v, ok := r.complete(g.f, g.f.Type, obj.value(g.key), g.child, path, g.keyAny)
		if !ok {
			return nil, false
		}
		out.add(g.key, v)
	}
	return out, true
}

// complete turns one merged value into its response value for type t.
// The value's path is parent plus key; its node is allocated only where a
// child needs it (objects, lists), and turned into a slice only for an
// error: most values are leaves and cost nothing.
func (r *run) complete(f *plan.ShapeField, t *ast.Type, v any, sub *shapeNode, parent *pathNode, key any) (any, bool) {
	if t == nil {
		return v, true
	}
	if v == nil {
		if t.NonNull {
			r.nonNull(f, (&pathNode{parent: parent, key: key}).slice())
			return nil, false
		}
		return nil, true
	}
	if t.Elem != nil {
		list, ok := v.([]any)
		if !ok {
			return r.invalid(f, t, (&pathNode{parent: parent, key: key}).slice())
		}
		node := r.paths.node(parent, key)
		out := make([]any, len(list))
		for i, e := range list {
			cv, ok := r.complete(f, t.Elem, e, sub, node, i)
			if !ok {
				return r.nullify(t)
			}
			out[i] = cv
		}
		return out, true
	}
	if sub == nil {
		if f.EnumValues != nil {
			if s, ok := v.(string); !ok || !f.EnumValues[s] {
				// Not a value of the API schema: the client never sees it.
				return r.complete(f, t, nil, nil, parent, key)
			}
		}
		return v, true // scalar or enum
	}
	m, ok := v.(*Object)
	if !ok {
		return r.invalid(f, t, (&pathNode{parent: parent, key: key}).slice())
	}
	if tn, _ := m.value("__typename").(string); f.HiddenTypes[tn] {
		// An object of a type the API schema hides (@inaccessible).
		return r.complete(f, t, nil, nil, parent, key)
	}
	obj, ok := r.shapeObject(sub, m, t.NamedType, r.paths.node(parent, key))
	if !ok {
		return r.nullify(t)
	}
	return obj, true
}

func (r *run) nullify(t *ast.Type) (any, bool) {
	if t.NonNull {
		return nil, false
	}
	return nil, true
}

func (r *run) invalid(f *plan.ShapeField, t *ast.Type, path []any) (any, bool) {
	r.errs = append(r.errs, &Error{Message: fmt.Sprintf("invalid value for field %q", f.Name), Path: path,
		Extensions: map[string]any{"code": CodeInvalidResponse}})
	return r.nullify(t)
}

// nonNull records a null in a non-null position unless an error at or
// below this path (or a whole failed fetch) already explains it.
func (r *run) nonNull(f *plan.ShapeField, path []any) {
	for _, e := range r.errs {
		if e.Path == nil || prefix(path, e.Path) {
			return
		}
	}
	r.errs = append(r.errs, &Error{
		Message:    fmt.Sprintf("Cannot return null for non-nullable field %s.", f.Name),
		Path:       path,
		Extensions: map[string]any{"code": CodeNonNull},
	})
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
