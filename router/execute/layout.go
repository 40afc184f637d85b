package execute

import (
	"sync"
	"sync/atomic"

	"github.com/careercoach/coach/router/plan"
)

// shapeNode is a selection of the client's shape (plan.ShapeField lists
// merged per response key) compiled once per plan: shaping a response
// would otherwise regroup the same fields by key, and allocate for it, in
// every object of every response.
type shapeNode struct {
	fields []*plan.ShapeField
	typed  bool    // some field has a type condition
	any    *layout // the layout when !typed
	mu     sync.RWMutex
	byType map[string]*layout // when typed, per runtime type
}

// layout is a shapeNode's fields for one runtime type, grouped by
// response key in the order of the client's selection.
type layout struct {
	groups []group
	// defers are the @defer fragments on objects of this type (only in
	// the initial payload's shape, plan.Plan.Incremental).
	defers []*deferHook
}

// deferHook is a @defer fragment and the shape of its fields.
type deferHook struct {
	label string
	node  *shapeNode
}

type group struct {
	key    string
	keyAny any              // key boxed once, for paths
	f      *plan.ShapeField // the first field with this key
	child  *shapeNode       // merged sub-selections; nil for leaves
	// at is where the key was in the last object shaped here (indexAt),
	// shared by concurrent requests: a hint, so races only cost a scan.
	at atomic.Int32
}

func newShapeNode(fields []*plan.ShapeField) *shapeNode {
	n := &shapeNode{fields: fields, typed: typed(fields)}
	if n.typed {
		n.byType = map[string]*layout{}
	} else {
		n.any = n.build("")
	}
	return n
}

// typed reports whether some field has a type condition, also inside the
// @defer fragments on these objects: the initial payload then treats an
// object as the whole answer would.
func typed(fields []*plan.ShapeField) bool {
	for _, f := range fields {
		if f.Types != nil || (f.Defer != nil && typed(f.Defer.Shape.Fields)) {
			return true
		}
	}
	return false
}

// layoutFor returns the layout for objects of type typename.
func (n *shapeNode) layoutFor(typename string) *layout {
	if !n.typed {
		return n.any
	}
	n.mu.RLock()
	l := n.byType[typename]
	n.mu.RUnlock()
	if l != nil {
		return l
	}
	l = n.build(typename)
	n.mu.Lock()
	if len(n.byType) < 256 { // runtime types come from subgraphs: bound them
		n.byType[typename] = l
	}
	n.mu.Unlock()
	return l
}

func (n *shapeNode) build(typename string) *layout {
	l := &layout{}
	at := map[string]int{}
	var subs [][]*plan.ShapeField
	for _, f := range n.fields {
		if f.Types != nil && !f.Types[typename] {
			continue
		}
		if f.Defer != nil {
			l.defers = append(l.defers, &deferHook{label: f.Defer.Label, node: newShapeNode(f.Defer.Shape.Fields)})
			continue
		}
		i, ok := at[f.Key]
		if !ok {
			i = len(l.groups)
			at[f.Key] = i
			l.groups = append(l.groups, group{key: f.Key, keyAny: f.Key, f: f})
			subs = append(subs, nil)
		}
		if f.Sub != nil {
			// Not nil even when @skip/@include emptied the selection: the
			// field is still an object, completed as {}.
			subs[i] = append(subs[i], f.Sub.Fields...)
			if subs[i] == nil {
				subs[i] = []*plan.ShapeField{}
			}
		}
	}
	for i := range l.groups {
		if subs[i] != nil {
			l.groups[i].child = newShapeNode(subs[i])
		}
	}
	return l
}
