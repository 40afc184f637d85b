package execute

import "slices"

// Object is a JSON object that keeps its keys in insertion order, so
// responses follow the order of the client's selection. Its members are a
// slice: response objects are small, and a map per object cost more in
// allocations, hashing and GC than linear lookups do. Decoded subgraph data
// and the client's response both use it.
type Object struct {
	members []member
}

type member struct {
	key string
	val any
}

func newObject(n int) *Object {
	return &Object{members: make([]member, 0, n)}
}

// NewObject returns an empty Object with room for n keys.
func NewObject(n int) *Object { return newObject(n) }

// Append adds a key the object does not have yet (decoders check that).
func (o *Object) Append(k string, v any) { o.add(k, v) }

// add appends a key the object does not have yet.
func (o *Object) add(k string, v any) { o.members = append(o.members, member{k, v}) }

// Set sets a key, keeping its first position.
func (o *Object) Set(k string, v any) {
	if i := o.index(k); i >= 0 {
		o.members[i].val = v
		return
	}
	o.add(k, v)
}

// Get returns a key's value.
func (o *Object) Get(k string) (any, bool) {
	if i := o.index(k); i >= 0 {
		return o.members[i].val, true
	}
	return nil, false
}

// value returns a key's value, nil when absent (like a map index).
func (o *Object) value(k string) any {
	if i := o.index(k); i >= 0 {
		return o.members[i].val
	}
	return nil
}

// Len is the number of keys.
func (o *Object) Len() int {
	if o == nil {
		return 0
	}
	return len(o.members)
}

// index finds k; reads of a nil Object find nothing, like a nil map's.
func (o *Object) index(k string) int {
	if o == nil {
		return -1
	}
	for i := range o.members {
		if o.members[i].key == k {
			return i
		}
	}
	return -1
}

// indexAt is index trying position hint first: objects of one list, or
// at one place of the shape, mostly hold their keys in the same order, so
// where the key was in the last one is where it is in the next.
func (o *Object) indexAt(k string, hint int) int {
	if o != nil && uint(hint) < uint(len(o.members)) && o.members[hint].key == k {
		return hint
	}
	return o.index(k)
}

// Keys returns the keys in order.
func (o *Object) Keys() []string {
	keys := make([]string, o.Len())
	for i, m := range o.members {
		keys[i] = m.key
	}
	return keys
}

// MarshalJSON writes the keys in order.
func (o *Object) MarshalJSON() ([]byte, error) { return AppendJSON(nil, o) }

// ObjectOf converts a decoded map tree (encoding/json's form) to Objects,
// keys sorted so that the result does not depend on map order.
func ObjectOf(m map[string]any) *Object {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	o := newObject(len(keys))
	for _, k := range keys {
		o.add(k, valueOf(m[k]))
	}
	return o
}

// valueOf converts maps in v to Objects; lists are copied.
func valueOf(v any) any {
	switch x := v.(type) {
	case map[string]any:
		return ObjectOf(x)
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = valueOf(e)
		}
		return out
	}
	return v
}
