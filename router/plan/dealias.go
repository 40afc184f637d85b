package plan

import (
	"fmt"
	"strings"
)

// selAt is a selection set and the type it is selected on.
type selAt struct {
	sel *Selection
	typ string
}

// dealias makes a fetch's selection valid in its subgraph: fields of one
// response key that sibling fragments select on different object types
// must have the same response shape there (GraphQL's "fields can merge"
// rule), even when the supergraph merged them (e.g. ID! in one type, ID in
// another). A conflicting field is sent under an alias and the executor
// stores it under its own key again (Item.MergeKey). group holds the
// selection sets that validation merges (same-key fields' sub-selections).
func (p *planner) dealias(graph string, group []selAt) {
	seen := map[string]string{} // response key -> response shape
	children := map[string][]selAt{}
	var order []string
	var visit func(s *Selection, typ string)
	visit = func(s *Selection, typ string) {
		for _, it := range s.Items {
			if it.Name == "" {
				visit(it.Sel, it.TypeCondition)
				continue
			}
			if strings.HasPrefix(it.Name, "__") {
				continue
			}
			shape, named := p.responseShape(graph, typ, it.Name)
			key := it.ResponseKey()
			if prev, ok := seen[key]; ok && prev != shape {
				orig := key
				for n := 0; ; n++ {
					key = fmt.Sprintf("%s__alias_%d", orig, n)
					if prev, ok := seen[key]; !ok || prev == shape {
						break
					}
				}
				if it.MergeKey == "" {
					it.MergeKey = orig
				}
				it.Alias = key
			}
			if _, ok := seen[key]; !ok {
				seen[key] = shape
				order = append(order, key)
			}
			if it.Sel != nil {
				children[key] = append(children[key], selAt{it.Sel, named})
			}
		}
	}
	for _, g := range group {
		visit(g.sel, g.typ)
	}
	for _, k := range order {
		if len(children[k]) > 0 {
			p.dealias(graph, children[k])
		}
	}
}

// responseShape is a field's type in graph as validation compares it:
// list and non-null wrappers, and the named type for leaves (composite
// types may differ between fragments). It also returns the named type.
func (p *planner) responseShape(graph, typ, field string) (string, string) {
	t := p.sg.Types[typ]
	if t == nil || t.Fields[field] == nil {
		return "", ""
	}
	f := t.Fields[field]
	s := f.Type.String()
	if fg := f.Graphs[graph]; fg != nil && fg.Type != "" {
		s = fg.Type
	}
	named := strings.Trim(s, "[]!")
	if nt := p.sg.Types[named]; nt != nil {
		s = strings.Replace(s, named, "*", 1) // composite: only the wrappers count
	}
	return s, named
}
