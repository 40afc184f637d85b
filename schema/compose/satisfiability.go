package compose

import (
	"fmt"
	"sort"
	"strings"

	"github.com/vektah/gqlparser/v2/ast"
)

// Satisfiability, a simplified form of Apollo's check: walking the
// supergraph's types as a client query would, the router holds a set of
// options (the subgraphs it could be in, with what @provides made local).
// A field is satisfiable if some option resolves it there, or can move the
// entity through a resolvable @key whose fields it can provide to a
// subgraph that resolves it. Key and @requires fields may themselves be
// collected from other subgraphs first, as Apollo's query graph allows.

type satOption struct {
	sg       int
	provided string // @provides selection applying to the current type
}

type satisfier struct {
	m       *merger
	seen    map[string]bool // type + options already walked
	failed  map[string]bool // coordinates already reported
	provide map[string]bool // canProvide successes
	// inProgress holds the canProvide calls on the stack, to cut cycles.
	inProgress map[string]bool
}

func (m *merger) validateSatisfiability() {
	s := &satisfier{m: m, seen: map[string]bool{}, failed: map[string]bool{}, provide: map[string]bool{}, inProgress: map[string]bool{}}
	for _, r := range m.out.roots {
		var opts []satOption
		for i, sg := range m.sgs {
			if sg.types[r.typ] != nil {
				opts = append(opts, satOption{sg: i})
			}
		}
		s.walk(r.typ, opts, []string{r.op})
	}
}

func (s *satisfier) walk(typ string, opts []satOption, path []string) {
	key := typ + "|" + optionsKey(opts)
	if s.seen[key] || len(opts) == 0 {
		return
	}
	s.seen[key] = true
	t := s.m.out.types[typ]
	if t.kind == ast.Union || t.kind == ast.Interface {
		s.walkPossibleTypes(t, opts, path)
		if t.kind == ast.Union {
			return
		}
		// Where the interface has no implementation, its value is always
		// null: nothing below it needs resolving.
		var live []satOption
		for _, o := range opts {
			if s.m.sgs[o.sg].types[typ].interfaceObject || len(s.m.possibleTypes(o.sg, typ)) > 0 {
				live = append(live, o)
			}
		}
		if opts = live; len(opts) == 0 {
			return
		}
	}
	for _, f := range t.fields {
		if f.inaccessible || s.hidden(f.typ.Name()) {
			continue
		}
		fpath := append(clone(path), f.name)
		var next []satOption
		for _, o := range opts {
			next = append(next, s.fieldOptions(t, f.name, o)...)
		}
		if len(next) == 0 {
			s.report(t.name, f.name, opts, fpath)
			continue
		}
		if ft := s.m.out.types[f.typ.Name()]; ft != nil && ft.kind != ast.Scalar && ft.kind != ast.Enum {
			s.walk(ft.name, dedupe(next), fpath)
		}
	}
}

// walkPossibleTypes follows fragments on the possible types the option's
// subgraph can return; types no option can return are never seen there. An
// @interfaceObject knows no implementations: the router first moves to a
// subgraph that defines the interface.
func (s *satisfier) walkPossibleTypes(t *outType, opts []satOption, path []string) {
	byType := map[string][]satOption{}
	var names []string
	add := func(p string, sg int) {
		if byType[p] == nil {
			names = append(names, p)
		}
		byType[p] = append(byType[p], satOption{sg: sg})
	}
	for _, o := range opts {
		if s.m.sgs[o.sg].types[t.name].interfaceObject {
			for _, k := range s.jumpsVia(t.name, t.name, o.sg) {
				if !s.m.sgs[k].types[t.name].interfaceObject {
					for _, p := range s.m.possibleTypes(k, t.name) {
						add(p, k)
					}
				}
			}
			continue
		}
		for _, p := range s.m.possibleTypes(o.sg, t.name) {
			if s.m.sgs[o.sg].types[p] != nil {
				add(p, o.sg)
			}
		}
	}
	sort.Strings(names)
	for _, p := range names {
		if !s.hidden(p) {
			s.walk(p, dedupe(byType[p]), append(clone(path), "... on "+p))
		}
	}
}

func (s *satisfier) hidden(name string) bool {
	t := s.m.out.types[name]
	return t != nil && t.inaccessible
}

// fieldOptions returns where the router can be after resolving t.field from
// option o: locally, after a key jump (the planner may prefer another
// subgraph even when this one has the field), or, for an interface the
// subgraph does not resolve the field on, through every implementation.
func (s *satisfier) fieldOptions(t *outType, field string, o satOption) []satOption {
	provided := providedFields(o.provided)
	var out []satOption
	if s.local(t.name, field, o.sg, provided) {
		out = append(out, satOption{sg: o.sg, provided: provided[field]})
	}
	for _, k := range s.reachable(t.name, o.sg) {
		if s.local(t.name, field, k, nil) {
			out = append(out, satOption{sg: k})
		}
	}
	// Fields an @interfaceObject adds are resolved through the interface.
	for _, itf := range t.interfaces {
		if s.m.fromItfObject[itf+"."+field] {
			for _, k := range s.jumpsVia(itf, t.name, o.sg) {
				if s.local(itf, field, k, nil) {
					out = append(out, satOption{sg: k})
				}
			}
		}
	}
	if len(out) > 0 || t.kind != ast.Interface {
		return out
	}
	impls := s.m.possibleTypes(o.sg, t.name)
	if len(impls) == 0 {
		return nil
	}
	for _, p := range impls {
		pt := s.m.out.types[p]
		if pt == nil {
			continue
		}
		opts := s.fieldOptions(pt, field, satOption{sg: o.sg})
		if len(opts) == 0 {
			return nil
		}
		out = append(out, opts...)
	}
	return out
}

// local reports whether subgraph i resolves typ.field itself.
func (s *satisfier) local(typ, field string, i int, provided map[string]string) bool {
	f := s.m.sgs[i].types[typ].field(field)
	if f == nil {
		return false
	}
	if st := s.m.overrides[typ+"."+field]; st != nil && (st[i] == unusedOverridden || st[i] == usedOverridden) {
		return false
	}
	if f.external {
		// A subgraph can always return the key fields of its entities.
		_, ok := provided[field]
		return ok || s.m.keyFields(i)[typ+"."+field]
	}
	// @requires fields must be collectable, from other subgraphs if need be.
	return f.requires == "" || s.canProvide(i, typ, parseFieldSet(f.requires))
}

// possibleTypes lists the object types subgraph i can return for an
// abstract type; an @interfaceObject stands for every implementation.
func (m *merger) possibleTypes(i int, abstract string) []string {
	sg := m.sgs[i]
	t := sg.types[abstract]
	if t == nil {
		return nil
	}
	if t.kind == ast.Union {
		return t.members
	}
	var out []string
	if t.interfaceObject {
		for _, name := range m.order {
			if ot := m.out.types[name]; ot != nil && ot.kind == ast.Object && contains(ot.interfaces, abstract) {
				out = append(out, name)
			}
		}
		return out
	}
	for _, name := range sg.order {
		if contains(sg.types[name].interfaces, abstract) && sg.types[name].kind == ast.Object {
			out = append(out, name)
		}
	}
	return out
}

// providedFields splits a @provides selection into its top-level fields and
// their sub-selections.
func providedFields(sel string) map[string]string {
	out := map[string]string{}
	for _, x := range parseFieldSet(sel) {
		if f, ok := x.(*ast.Field); ok {
			var b strings.Builder
			writeSelection(&b, f.SelectionSet)
			out[f.Name] = b.String()
		}
	}
	return out
}

func optionsKey(opts []satOption) string {
	parts := make([]string, len(opts))
	for i, o := range opts {
		parts[i] = fmt.Sprintf("%d:%s", o.sg, o.provided)
	}
	sort.Strings(parts)
	return strings.Join(parts, ",")
}

func dedupe(opts []satOption) []satOption {
	seen := map[satOption]bool{}
	var out []satOption
	for _, o := range opts {
		if !seen[o] {
			seen[o] = true
			out = append(out, o)
		}
	}
	return out
}
