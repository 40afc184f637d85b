package plan

import "github.com/vektah/gqlparser/v2/ast"

// A union may have different members in different subgraphs (a "partial
// union"). When a union field could be resolved through several subgraphs
// equally — a shareable field, reachable from the current subgraph or,
// through an entity key, from another — the response must not depend on
// which one the planner happens to pick: only the members every candidate
// subgraph knows are selected, as Hive Router plans it. A union field
// reached through one subgraph only keeps all of that subgraph's members.

// alternatives lists the subgraphs other than the current one that could
// equally resolve field name of the object at at: those that could resolve
// the object itself (at.alts, every subgraph at the root, and subgraphs the
// object's keys lead to) and also resolve the field there, without @requires.
func (p *planner) alternatives(at pos, name string) []string {
	var base []string
	seen := map[string]bool{at.f.graph: true}
	add := func(g string) {
		if !seen[g] {
			seen[g] = true
			base = append(base, g)
		}
	}
	if at.parent == nil && !at.f.entity {
		for _, g := range p.sg.Graphs {
			add(g.Name)
		}
	}
	for _, g := range at.alts {
		add(g)
	}
	for _, g := range p.sg.Graphs {
		for _, k := range resolvableKeys(p.sg.Keys(g.Name, at.typ)) {
			if p.localFieldSet(at.f.graph, at.typ, k.Fields, at.provided) {
				add(g.Name)
				break
			}
		}
	}
	var out []string
	for _, g := range base {
		if fg, ok := p.sg.FieldIn(g, at.typ, name, p.opts.Labels); ok && (fg == nil || fg.Requires == nil) {
			out = append(out, g)
		}
	}
	return out
}

// unionMembers restricts a union position to the members that its
// subgraph and every alternative know; nil means no restriction.
func (p *planner) unionMembers(at pos) map[string]bool {
	t := p.sg.Types[at.typ]
	if t == nil || len(at.alts) == 0 || t.Kind != ast.Union {
		return nil
	}
	out := map[string]bool{}
	for _, m := range t.Members[at.f.graph] {
		out[m] = true
	}
	for _, g := range at.alts {
		in := map[string]bool{}
		for _, m := range t.Members[g] {
			in[m] = true
		}
		for m := range out {
			if !in[m] {
				delete(out, m)
			}
		}
	}
	return out
}

// possibleTypes lists the object types the current subgraph may return at
// a position, restricted to its union members when partial.
func (p *planner) possibleTypes(at pos) []string {
	types := p.sg.PossibleTypesIn(at.f.graph, at.typ)
	if at.members == nil {
		return types
	}
	var out []string
	for _, t := range types {
		if at.members[t] {
			out = append(out, t)
		}
	}
	return out
}
