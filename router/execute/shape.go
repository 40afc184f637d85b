package execute

import (
	"fmt"

	"github.com/careercoach/coach/router/plan"
	"github.com/vektah/gqlparser/v2/ast"
)

// shapeObject projects merged data through the client's shape. It returns
// false when a non-null field is null, so the caller nulls this object
// (GraphQL null bubbling).
func (r *run) shapeObject(sh *plan.Shape, obj map[string]any, typename string, path []any) (*Object, bool) {
	if t, ok := obj["__typename"].(string); ok && t != "" {
		typename = t
	}
	var order []string
	byKey := map[string][]*plan.ShapeField{}
	for _, f := range sh.Fields {
		if f.Types != nil && !f.Types[typename] {
			continue
		}
		if _, ok := byKey[f.Key]; !ok {
			order = append(order, f.Key)
		}
		byKey[f.Key] = append(byKey[f.Key], f)
	}
	out := newObject(len(order))
	for _, key := range order {
		fs := byKey[key]
		f := fs[0]
		fp := appendPath(path, key)
		if f.Name == "__typename" {
			out.Set(key, typename)
			continue
		}
		var subs []*plan.ShapeField
		for _, g := range fs {
			if g.Sub != nil {
				subs = append(subs, g.Sub.Fields...)
			}
		}
		v, ok := r.complete(f, f.Type, obj[key], subs, fp)
		if !ok {
			return nil, false
		}
		out.Set(key, v)
	}
	return out, true
}

// complete turns one merged value into its response value for type t.
func (r *run) complete(f *plan.ShapeField, t *ast.Type, v any, subs []*plan.ShapeField, path []any) (any, bool) {
	if t == nil {
		return v, true
	}
	if v == nil {
		if t.NonNull {
			r.nonNull(f, path)
			return nil, false
		}
		return nil, true
	}
	if t.Elem != nil {
		list, ok := v.([]any)
		if !ok {
			return r.invalid(f, t, path)
		}
		out := make([]any, len(list))
		for i, e := range list {
			cv, ok := r.complete(f, t.Elem, e, subs, appendPath(path, i))
			if !ok {
				return r.nullify(t)
			}
			out[i] = cv
		}
		return out, true
	}
	if subs == nil {
		if f.EnumValues != nil {
			if s, ok := v.(string); !ok || !f.EnumValues[s] {
				// Not a value of the API schema: the client never sees it.
				return r.complete(f, t, nil, nil, path)
			}
		}
		return v, true // scalar or enum
	}
	m, ok := v.(map[string]any)
	if !ok {
		return r.invalid(f, t, path)
	}
	if tn, _ := m["__typename"].(string); f.HiddenTypes[tn] {
		// An object of a type the API schema hides (@inaccessible).
		return r.complete(f, t, nil, nil, path)
	}
	obj, ok := r.shapeObject(&plan.Shape{Fields: subs}, m, t.NamedType, path)
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
