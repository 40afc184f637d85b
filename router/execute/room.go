package execute

import "github.com/careercoach/coach/router/plan"

// Room tells a decoder how many members later fetches will merge into the
// objects of a subgraph response, by response key (list levels are
// transparent), so each object is made once at its final size instead of
// growing at every merge. The executor derives it from the plan (one per
// fetch, with the plan's other derived state); a nil Room is no room.
type Room struct {
	// Extra is how many members merges may add to an object here.
	Extra int
	kids  []roomKid
}

type roomKid struct {
	key  string
	room *Room
}

// Child is the room of the value under key k.
func (r *Room) Child(k string) *Room {
	if r == nil {
		return nil
	}
	for i := range r.kids {
		if r.kids[i].key == k {
			return r.kids[i].room
		}
	}
	return nil
}

// gains counts, per path of merged data (merge keys, no list levels), the
// members the plan's entity fetches add to the objects there.
type gains struct {
	extra int
	kids  map[string]*gains
}

func (g *gains) at(path []string, create bool) *gains {
	for _, k := range path {
		if g == nil {
			return nil
		}
		if k == "@" {
			continue
		}
		next := g.kids[k]
		if next == nil && create {
			if g.kids == nil {
				g.kids = map[string]*gains{}
			}
			next = &gains{}
			g.kids[k] = next
		}
		g = next
	}
	return g
}

// planGains adds up what each entity fetch of the plan merges where.
func planGains(root plan.Node) *gains {
	g := &gains{}
	eachFlatten(root, func(fl *plan.Flatten) {
		if f, ok := fl.Node.(*plan.Fetch); ok && f.Requires != nil {
			g.at(fl.Path, true).extra += len(f.Selection.MergedKeys(map[string]bool{}))
		}
	})
	return g
}

// eachFlatten calls fn for each Flatten of a plan, in plan order.
func eachFlatten(n plan.Node, fn func(*plan.Flatten)) {
	switch x := n.(type) {
	case *plan.Sequence:
		for _, m := range x.Nodes {
			eachFlatten(m, fn)
		}
	case *plan.Parallel:
		for _, m := range x.Nodes {
			eachFlatten(m, fn)
		}
	case *plan.Batch:
		for _, fl := range x.Parts {
			fn(fl)
		}
	case *plan.Flatten:
		fn(x)
	}
}

// selectionRoom is the room of a fetch's result for sel, whose objects are
// at g in the merged data. self says whether those objects stay (a root
// fetch's) or are merged into others and dropped (an entity's).
func selectionRoom(sel *plan.Selection, g *gains, self bool) *Room {
	if g == nil || sel == nil {
		return nil
	}
	r := &Room{}
	if self {
		r.Extra = g.extra
	}
	addKids(r, sel, g)
	if r.Extra == 0 && len(r.kids) == 0 {
		return nil
	}
	return r
}

func addKids(r *Room, sel *plan.Selection, g *gains) {
	for _, it := range sel.Items {
		if it.Name == "" {
			addKids(r, it.Sel, g)
			continue
		}
		if it.Sel == nil || r.Child(it.ResponseKey()) != nil {
			continue
		}
		if sub := selectionRoom(it.Sel, g.kids[it.MergeKeyOrResponseKey()], true); sub != nil {
			r.kids = append(r.kids, roomKid{it.ResponseKey(), sub})
		}
	}
}

// documentRoom wraps the room of a response's data: {"data": {...}}.
func documentRoom(data *Room) *Room {
	if data == nil {
		return nil
	}
	return &Room{kids: []roomKid{{"data", data}}}
}

// entityRoom is the room of an entity fetch's data: entities under field
// (an alias in a batch) for the objects at path.
func entityRoom(g *gains, path []string, f *plan.Fetch, field string) *Room {
	ents := selectionRoom(f.Selection, g.at(path, false), false)
	if ents == nil {
		return nil
	}
	return &Room{kids: []roomKid{{field, ents}}}
}
