package plan

import (
	"fmt"
	"strings"

	"github.com/careercoach/coach/router/supergraph"
	"github.com/vektah/gqlparser/v2/ast"
)

// planField adds a field to the current fetch when its subgraph resolves
// it, and otherwise hops to another subgraph through _entities.
func (p *planner) planField(at pos, f *ast.Field) error {
	if f.Name == "__typename" {
		alias := f.Alias
		if alias == "" {
			alias = f.Name
		}
		at.sel.field(alias, f.Name, nil, false)
		p.touch(at.f)
		if p.isInterfaceObject(at) {
			// The subgraph answers the interface's name; the concrete type
			// comes from the subgraph that owns the interface.
			h, err := p.ownerHop(at)
			if err != nil {
				return err
			}
			h.sel.fragment(at.typ).typename()
		}
		return nil
	}
	if strings.HasPrefix(f.Name, "__") {
		return nil
	}
	if p.sg.IsAbstract(at.typ) && !p.isInterfaceObject(at) && !p.localOnAbstract(at, f.Name) {
		// With no implementation known to this subgraph the field can only
		// come through the abstract type itself (checked below), which
		// fails planning rather than silently selecting nothing.
		if types := p.possibleTypes(at); len(types) > 0 {
			for _, t := range types {
				if err := p.planField(at.on(t), f); err != nil {
					return err
				}
			}
			return nil
		}
	}
	fg, ok, provided := p.resolvable(at, f.Name)
	if ok && (fg.Requires == nil || at.allowRequires) {
		return p.addLocal(at, f, fg, provided)
	}
	if p.sg.IsAbstract(at.typ) && !p.isInterfaceObject(at) {
		return p.reroute(at, f, fmt.Errorf("cannot plan %s.%s: abstract type not resolvable in %s", at.typ, f.Name, at.f.graph))
	}
	hop, entity, err := p.hop(at, f.Name, nil)
	if err != nil {
		return p.reroute(at, f, err)
	}
	in := pos{f: hop, sel: hop.sel.fragment(entity), typ: entity, path: at.path, allowRequires: true, parent: at.parent, via: at.via, origin: &at}
	return p.planField(in, f)
}

func (p *planner) addLocal(at pos, f *ast.Field, fg *supergraph.FieldInGraph, provided supergraph.FieldSet) error {
	alias := f.Alias
	if alias == "" {
		alias = f.Name
	}
	composite := len(f.SelectionSet) > 0
	item := at.sel.field(alias, f.Name, f.Arguments, composite)
	p.touch(at.f)
	if !composite {
		return nil
	}
	ft := p.sg.FieldType(at.typ, f.Name)
	if ft == nil {
		return fmt.Errorf("unknown field %s.%s", at.typ, f.Name)
	}
	child := pos{f: at.f, sel: item.Sel, typ: p.localTypeName(ft, fg), path: appendPath(at.path, alias, ft), provided: provided,
		parent: &at, via: f}
	child.alts = p.alternatives(at, f.Name)
	child.members = p.unionMembers(child)
	if p.sg.IsAbstract(child.typ) || p.collectsNothing(child.typ, f.SelectionSet) {
		// A selection set that @skip/@include or inapplicable fragments
		// empty still resolves the field (CollectFields gives {} and the
		// resolver runs, errors and all); __typename is what routers send
		// so the subgraph's selection set is not empty.
		item.Sel.typename()
	}
	return p.planSelectionSet(child, f.SelectionSet)
}

// collectsNothing reports whether CollectFields on an object of type typ
// finds no field in ss once @skip/@include and fragments that cannot apply
// to typ are left out.
func (p *planner) collectsNothing(typ string, ss ast.SelectionSet) bool {
	for _, s := range ss {
		switch x := s.(type) {
		case *ast.Field:
			if included(x.Directives, p.vars) {
				return false
			}
		case *ast.InlineFragment:
			if included(x.Directives, p.vars) && p.fragmentApplies(typ, x.TypeCondition) && !p.collectsNothing(typ, x.SelectionSet) {
				return false
			}
		case *ast.FragmentSpread:
			if included(x.Directives, p.vars) && x.Definition != nil && p.fragmentApplies(typ, x.Definition.TypeCondition) &&
				!p.collectsNothing(typ, x.Definition.SelectionSet) {
				return false
			}
		}
	}
	return true
}

func (p *planner) fragmentApplies(typ, cond string) bool {
	return cond == "" || cond == typ || contains(p.sg.PossibleTypes(cond), typ)
}

func appendPath(path []string, key string, t *ast.Type) []string {
	out := append(append([]string(nil), path...), key)
	for ; t != nil && t.Elem != nil; t = t.Elem {
		out = append(out, "@")
	}
	return out
}

// resolvable reports whether the current subgraph resolves a field, either
// itself or because the parent field @provides it, and which fields the
// child selection has provided.
func (p *planner) resolvable(at pos, name string) (*supergraph.FieldInGraph, bool, supergraph.FieldSet) {
	fg, ok := p.sg.FieldIn(at.f.graph, at.typ, name, p.opts.Labels)
	if ok {
		if fg.Provides != nil {
			return fg, true, fg.Provides
		}
		if at.provided != nil {
			if it, has := at.provided.Has(name); has {
				return fg, true, it.Sub
			}
		}
		return fg, true, nil
	}
	if at.provided != nil && fg != nil {
		if it, has := at.provided.Has(name); has {
			return &supergraph.FieldInGraph{}, true, it.Sub
		}
	}
	return nil, false, nil
}

// localOnAbstract reports whether a field of an abstract type can be
// selected on the abstract type itself in the current subgraph: the
// subgraph resolves it for the interface and for every implementation.
func (p *planner) localOnAbstract(at pos, name string) bool {
	t := p.sg.Types[at.typ]
	if t == nil || t.Kind != ast.Interface {
		return false
	}
	fg, ok, _ := p.resolvable(at, name)
	if !ok || fg.Requires != nil {
		return false
	}
	for _, impl := range p.possibleTypes(at) {
		probe := at
		probe.typ, probe.provided = impl, providedFor(at.provided, impl)
		fg, ok, _ := p.resolvable(probe, name)
		if !ok || fg.Requires != nil {
			return false
		}
	}
	return true
}

func resolvableKeys(keys []*supergraph.Key) []*supergraph.Key {
	var out []*supergraph.Key
	for _, k := range keys {
		if k.Resolvable {
			out = append(out, k)
		}
	}
	return out
}

// localFieldSet reports whether graph resolves every field of fs on typ
// without further hops.
func (p *planner) localFieldSet(graph, typ string, fs, provided supergraph.FieldSet) bool {
	for _, it := range fs {
		if it.TypeCondition != "" {
			if !p.localFieldSet(graph, it.TypeCondition, it.Sub, providedFor(provided, it.TypeCondition)) {
				return false
			}
			continue
		}
		_, ok := p.sg.FieldIn(graph, typ, it.Name, p.opts.Labels)
		var sub supergraph.FieldSet
		if !ok && provided != nil {
			var pi *supergraph.FieldSetItem
			if pi, ok = provided.Has(it.Name); ok {
				sub = pi.Sub
			}
		}
		if !ok {
			return false
		}
		if len(it.Sub) > 0 {
			ft := p.sg.FieldType(typ, it.Name)
			if ft == nil || !p.localFieldSet(graph, ft.Name(), it.Sub, sub) {
				return false
			}
		}
	}
	return true
}

// ensure plans fields the planner itself needs at a position, returning
// the fetches that supply them.
func (p *planner) ensure(at pos, fs supergraph.FieldSet) (map[int]bool, error) {
	saved := p.touched
	p.touched = map[int]bool{}
	at.allowRequires = false
	err := p.planSelectionSet(at, fieldSetAST(fs))
	got := p.touched
	p.touched = saved
	for id := range got {
		saved[id] = true
	}
	return got, err
}

func fieldSetAST(fs supergraph.FieldSet) ast.SelectionSet {
	out := make(ast.SelectionSet, 0, len(fs))
	for _, it := range fs {
		if it.TypeCondition != "" {
			out = append(out, &ast.InlineFragment{TypeCondition: it.TypeCondition, SelectionSet: fieldSetAST(it.Sub)})
			continue
		}
		out = append(out, &ast.Field{Name: it.Name, Alias: it.ResponseKey(), Arguments: it.Arguments, SelectionSet: fieldSetAST(it.Sub)})
	}
	return out
}

// addFieldSet adds a field set on typ to a representation shape. The
// executor matches type conditions against __typename, so abstract ones
// are expanded to their object types, and abstract fields get __typename
// (which the subgraph needs to read the representation as well).
func (p *planner) addFieldSet(s *Selection, typ string, fs supergraph.FieldSet) {
	for _, it := range fs {
		if it.TypeCondition != "" {
			for _, t := range p.sg.PossibleTypes(it.TypeCondition) {
				switch {
				case t == typ: // already on that object type
					p.addFieldSet(s, t, it.Sub)
				case p.sg.IsAbstract(typ) && contains(p.sg.PossibleTypes(typ), t):
					p.addFieldSet(s.fragment(t), t, it.Sub)
				}
			}
			continue
		}
		item := s.field(it.Name, it.Name, nil, len(it.Sub) > 0)
		if k := it.ResponseKey(); k != it.Name {
			item.DataKey = k // fetched under its own key (see FieldSetItem.ResponseKey)
		}
		if len(it.Sub) > 0 {
			sub := typ
			if ft := p.sg.FieldType(typ, it.Name); ft != nil {
				sub = ft.Name()
			}
			if p.sg.IsAbstract(sub) {
				item.Sel.typename()
			}
			p.addFieldSet(item.Sel, sub, it.Sub)
		}
	}
}

// localTypeName is the named type a field returns in the current subgraph:
// join__field(type:) records it when it differs from the supergraph's
// (e.g. an object type in one subgraph, a union in the supergraph).
func (p *planner) localTypeName(ft *ast.Type, fg *supergraph.FieldInGraph) string {
	if fg != nil && fg.Type != "" {
		if name := strings.Trim(fg.Type, "[]!"); p.sg.Types[name] != nil {
			return name
		}
	}
	return ft.Name()
}
