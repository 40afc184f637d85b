package compose

import (
	"fmt"
	"sort"
	"strings"

	"github.com/vektah/gqlparser/v2/ast"
)

// Satisfiability: every field a client can select must be resolvable by some
// subgraph reachable from where the router is. This is a simplified form of
// Apollo's check: from a type in subgraph S, a field is reachable if S
// resolves it, or if some subgraph reachable through entity keys (whose key
// fields S can provide) resolves it. @provides makes external fields local
// along the path; @requires is assumed satisfiable.

type satState struct {
	typ      string
	sg       int
	provided string // normalised @provides selection on this type, if any
}

type satisfier struct {
	m       *merger
	seen    map[satState]bool
	failed  map[string]bool // coordinates already reported
	pending []satItem
}

type satItem struct {
	st   satState
	path []string // selections leading here, for the error message
}

func (m *merger) validateSatisfiability() {
	s := &satisfier{m: m, seen: map[satState]bool{}, failed: map[string]bool{}}
	// Root fields can be fetched from any subgraph that resolves them.
	for _, r := range m.out.roots {
		for _, f := range m.out.types[r.typ].fields {
			for i := range m.sgs {
				if s.local(r.typ, f.name, i, nil) {
					s.follow(f, i, "", []string{r.op, f.name})
				}
			}
		}
	}
	for len(s.pending) > 0 {
		it := s.pending[0]
		s.pending = s.pending[1:]
		s.visit(it)
	}
}

func (s *satisfier) push(st satState, path []string) {
	if s.seen[st] {
		return
	}
	s.seen[st] = true
	s.pending = append(s.pending, satItem{st, path})
}

func (s *satisfier) visit(it satItem) {
	m := s.m
	t := m.out.types[it.st.typ]
	sgType := m.sgs[it.st.sg].types[it.st.typ]
	if t == nil || sgType == nil {
		return
	}
	switch t.kind {
	case ast.Interface, ast.Union:
		// The router explodes abstract types into the possible types the
		// subgraph knows; their fields are checked there.
		for _, name := range m.possibleTypes(it.st.sg, it.st.typ) {
			s.push(satState{typ: name, sg: it.st.sg}, append(clone(it.path), "... on "+name))
		}
		if t.kind == ast.Union || sgType.interfaceObject {
			if !sgType.interfaceObject {
				return
			}
		} else {
			return
		}
	}
	provided := providedFields(it.st.provided)
	for _, f := range t.fields {
		if f.inaccessible || (m.out.types[f.typ.Name()] != nil && m.out.types[f.typ.Name()].inaccessible) {
			continue
		}
		path := append(clone(it.path), f.name)
		if s.local(it.st.typ, f.name, it.st.sg, provided) {
			s.follow(f, it.st.sg, provided[f.name], path)
			continue
		}
		found := false
		for _, k := range s.reachable(it.st.typ, it.st.sg) {
			if s.local(it.st.typ, f.name, k, nil) {
				s.follow(f, k, "", path)
				found = true
				break
			}
		}
		if !found {
			s.report(it.st, t.name+"."+f.name, path)
		}
	}
}

func (s *satisfier) follow(f *outField, sg int, provided string, path []string) {
	if ft := s.m.out.types[f.typ.Name()]; ft != nil && (ft.kind == ast.Object || ft.kind == ast.Interface || ft.kind == ast.Union) {
		s.push(satState{typ: ft.name, sg: sg, provided: provided}, path)
	}
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
		_, ok := provided[field]
		return ok
	}
	return true
}

// reachable returns the subgraphs the router can move typ to from subgraph
// from, through resolvable keys whose fields are available on the way.
func (s *satisfier) reachable(typ string, from int) []int {
	seen := map[int]bool{from: true}
	queue := []int{from}
	var out []int
	for len(queue) > 0 {
		c := queue[0]
		queue = queue[1:]
		for k, sg := range s.m.sgs {
			t := sg.types[typ]
			if seen[k] || t == nil {
				continue
			}
			for _, key := range t.keys {
				if key.resolvable && s.canProvide(c, typ, parseFieldSet(key.fields)) {
					seen[k] = true
					queue = append(queue, k)
					out = append(out, k)
					break
				}
			}
		}
	}
	sort.Ints(out)
	return out
}

// canProvide reports whether subgraph i can produce the selection on typ,
// as a key representation needs.
func (s *satisfier) canProvide(i int, typ string, sel ast.SelectionSet) bool {
	t := s.m.sgs[i].types[typ]
	if t == nil || sel == nil {
		return false
	}
	own := s.m.keyFields(i)
	for _, x := range sel {
		switch x := x.(type) {
		case *ast.Field:
			if x.Name == "__typename" {
				continue
			}
			f := t.field(x.Name)
			if f == nil || (f.external && !own[typ+"."+x.Name]) {
				return false
			}
			if len(x.SelectionSet) > 0 && !s.canProvide(i, f.typ.Name(), x.SelectionSet) {
				return false
			}
		case *ast.InlineFragment:
			return false
		}
	}
	return true
}

func (m *merger) possibleTypes(i int, abstract string) []string {
	sg := m.sgs[i]
	var out []string
	t := sg.types[abstract]
	if t.kind == ast.Union {
		return t.members
	}
	for _, name := range sg.order {
		if contains(sg.types[name].interfaces, abstract) && sg.types[name].kind == ast.Object {
			out = append(out, name)
		}
	}
	// An @interfaceObject stands for every implementation in the supergraph.
	if t.interfaceObject {
		for _, name := range m.order {
			if ot := m.out.types[name]; ot != nil && ot.kind == ast.Object && contains(ot.interfaces, abstract) {
				out = append(out, name)
			}
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

func (s *satisfier) report(st satState, coord string, path []string) {
	if s.failed[coord] {
		return
	}
	s.failed[coord] = true
	m := s.m
	var reasons []string
	for _, sg := range m.sgs {
		if sg.types[st.typ] == nil {
			continue
		}
		switch f := sg.types[st.typ].field(coord[strings.Index(coord, ".")+1:]); {
		case f == nil:
			reasons = append(reasons, fmt.Sprintf("- from subgraph %q: cannot find field %q.", sg.name, coord))
		case f.external:
			reasons = append(reasons, fmt.Sprintf("- from subgraph %q: field %q is not resolvable because marked @external.", sg.name, coord))
		default:
			reasons = append(reasons, fmt.Sprintf("- from subgraph %q: cannot move to subgraph %q, which has field %q, because type %q has no @key it can use (or the key fields cannot be provided by subgraph %q).", m.sgs[st.sg].name, sg.name, coord, st.typ, m.sgs[st.sg].name))
		}
	}
	m.e.add("SATISFIABILITY_ERROR", coord, one(m.sgs[st.sg].name),
		"The following supergraph API query:\n%s\ncannot be satisfied by the subgraphs because:\n%s", exampleQuery(path), strings.Join(reasons, "\n"))
}

// exampleQuery prints the path as the query Apollo shows in its message.
func exampleQuery(path []string) string {
	var b strings.Builder
	op := path[0]
	if op == string(ast.Query) {
		b.WriteString("{\n")
	} else {
		b.WriteString(op + " {\n")
	}
	rest := path[1:]
	for i, p := range rest {
		b.WriteString(strings.Repeat("  ", i+1) + p)
		if i < len(rest)-1 {
			b.WriteString(" {")
		}
		b.WriteString("\n")
	}
	for i := len(rest) - 1; i > 0; i-- {
		b.WriteString(strings.Repeat("  ", i) + "}\n")
	}
	b.WriteString("}")
	return b.String()
}

func clone(p []string) []string { return append([]string(nil), p...) }
