package execute

import "encoding/json"

// unselected reports whether path, a client path of a subgraph's error,
// runs through a field the client selected on the object's parent
// selection only for other runtime types: `media { id ... on Book {
// rating } }` and an error at media.6.rating where item 6 is a Movie (an
// @interfaceObject subgraph resolves rating for every Media it is sent).
// Such an error is about nothing in the response and is dropped, as a
// single server would never have resolved the field there. Fields absent
// from the client's selection altogether (keys, @requires fields the
// planner asked for) keep their errors: they explain nulls further on.
// The caller holds r.mu.
func (r *run) unselected(path []any) bool {
	n, v, typ := r.c.root, any(r.data), r.rootType
	for _, step := range path {
		if n == nil {
			return false
		}
		key, isKey := step.(string)
		if !isKey {
			list, ok := v.([]any)
			i, isIndex := index(step)
			if !ok || !isIndex || i < 0 || i >= len(list) {
				return false
			}
			v = list[i]
			continue
		}
		obj, ok := v.(*Object)
		if !ok || obj == nil {
			return false
		}
		if t, ok := obj.value("__typename").(string); ok && t != "" {
			if t == typ && r.nulledEntities[obj] {
				// An entity still named by its interface, nulled by the
				// subgraph that knows its type: its error explains the null
				// it becomes (see complete).
				return false
			}
			typ = t
		}
		g := n.layoutFor(typ).group(key)
		if g == nil {
			return n.selects(key)
		}
		v, n = obj.value(key), g.child
		if g.f.Type != nil {
			typ = g.f.Type.Name()
		}
	}
	return false
}

// index is a list index of an error path (decoded as json.Number, float64
// or int).
func index(step any) (int, bool) {
	switch x := step.(type) {
	case int:
		return x, true
	case float64:
		return int(x), x == float64(int(x))
	case json.Number:
		i, err := x.Int64()
		return int(i), err == nil
	}
	return 0, false
}

// group finds the field group of a response key.
func (l *layout) group(key string) *group {
	for i := range l.groups {
		if l.groups[i].key == key {
			return &l.groups[i]
		}
	}
	return nil
}

// selects reports whether the selection has key for any runtime type.
func (n *shapeNode) selects(key string) bool {
	for _, f := range n.fields {
		if f.Key == key {
			return true
		}
	}
	return false
}
