package plan

import (
	"sort"

	"github.com/vektah/gqlparser/v2/ast"
)

// reroute plans a field that the current subgraph cannot resolve and
// cannot reach through a key (its parent is a value type, or an entity
// without a usable key there). The field is asked for again one level up,
// through the parent field, from another subgraph that resolves that parent
// field: a second root fetch for a shareable root field, or an entity fetch
// when the grandparent is an entity. Responses merge by path, so the client
// sees one object. cause is returned when no reroute exists.
func (p *planner) reroute(at pos, f *ast.Field, cause error) error {
	// Prefer subgraphs that resolve the field itself: any other choice
	// would only reroute again, leaving a fetch that selects nothing.
	prefer := map[string]bool{}
	for _, g := range p.sg.FieldGraphs(at.typ, f.Name, p.opts.Labels) {
		prefer[g] = true
	}
	return p.rerouteVia(at, f, cause, prefer)
}

// rerouteVia asks for f again through the field that led to at, climbing
// further up while no subgraph can take it at that level.
func (p *planner) rerouteVia(at pos, f *ast.Field, cause error, prefer map[string]bool) error {
	if at.parent == nil || at.via == nil {
		return cause
	}
	var inner ast.Selection = f
	if ft := p.sg.FieldType(at.parent.typ, at.via.Name); ft == nil || ft.Name() != at.typ {
		// The position was narrowed to one object type of an abstract field.
		inner = &ast.InlineFragment{TypeCondition: at.typ, SelectionSet: ast.SelectionSet{f}}
	}
	again := &ast.Field{Alias: at.via.Alias, Name: at.via.Name, Arguments: at.via.Arguments,
		Directives: nil, Definition: at.via.Definition, SelectionSet: ast.SelectionSet{inner}}
	graph := at.f.graph
	p.avoid[graph]++
	defer func() {
		if p.avoid[graph]--; p.avoid[graph] == 0 {
			delete(p.avoid, graph)
		}
	}()
	parent := *at.parent
	for parent.origin != nil {
		parent = *parent.origin // where the parent object's keys are known
	}
	if parent.parent == nil && !parent.f.entity {
		if p.op.Operation != ast.Query || p.keyReachable(at.typ, f.Name) {
			// A root field is asked again only for value types: a field
			// that some subgraph resolves behind a key is reached through
			// that key or not at all, since another subgraph's root field
			// is not known to return the same entity. Mutations never run
			// twice.
			return cause
		}
		return p.rerouteRoot(parent, again, cause, prefer)
	}
	hop, entity, err := p.hop(parent, again.Name, prefer)
	if err != nil {
		return p.rerouteVia(parent, again, cause, prefer)
	}
	in := pos{f: hop, sel: hop.sel.fragment(entity), typ: entity, path: parent.path, allowRequires: true,
		parent: parent.parent, via: parent.via, origin: &parent}
	return p.planField(in, again)
}

// rerouteRoot asks another subgraph for a root field of a query.
func (p *planner) rerouteRoot(root pos, f *ast.Field, cause error, prefer map[string]bool) error {
	graphs := p.sg.FieldGraphs(root.typ, f.Name, p.opts.Labels)
	sort.SliceStable(graphs, func(i, j int) bool { return prefer[graphs[i]] && !prefer[graphs[j]] })
	for _, g := range graphs {
		if p.avoid[g] > 0 {
			continue
		}
		fe := p.roots[g]
		if fe == nil {
			fe = p.newFetch(g, nil, false)
			p.roots[g] = fe
		}
		return p.planField(pos{f: fe, sel: fe.sel, typ: root.typ}, f)
	}
	return cause
}

// keyReachable reports whether some subgraph resolving typ.field has a
// resolvable key for typ.
func (p *planner) keyReachable(typ, field string) bool {
	for _, g := range p.sg.FieldGraphs(typ, field, p.opts.Labels) {
		if len(resolvableKeys(p.sg.Keys(g, typ))) > 0 {
			return true
		}
	}
	return false
}
