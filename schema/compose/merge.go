package compose

import (
	"fmt"
	"strings"

	"github.com/vektah/gqlparser/v2/ast"
)

// merger builds the supergraph from normalised subgraphs.
type merger struct {
	sgs   []*subgraph
	e     *errs
	out   *outSchema
	order []string // type names in first-seen order
	sub   subtypes
	// enumUse records, per enum, whether it is used as input and/or output.
	enumUse map[string][2]bool
	// overrides records, per field coordinate, what @override did to each
	// subgraph's definition.
	overrides map[string][]overrideState
	// fromItfObject marks interface fields only @interfaceObject types define.
	fromItfObject map[string]bool
	// composed holds the names of directives kept by @composeDirective,
	// with the links and definitions the supergraph needs for them.
	composed      map[string]bool
	composedLinks []applied
	composedDefs  []string
}

// assignGraphNames sets the join__Graph value of each subgraph: the name
// upper-cased with invalid characters replaced, made unique.
func assignGraphNames(sgs []*subgraph) {
	seen := map[string]int{}
	for _, sg := range sgs {
		n := strings.ToUpper(strings.Map(func(r rune) rune {
			if r == '_' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' {
				return r
			}
			return '_'
		}, sg.name))
		if n == "" || (n[0] >= '0' && n[0] <= '9') {
			n = "_" + n
		}
		base := n
		for seen[n] > 0 {
			n = fmt.Sprintf("%s_%d", base, seen[base])
			seen[base]++
		}
		seen[n]++
		sg.graph = n
	}
}

// sources returns, per subgraph, its definition of the type (or nil).
func (m *merger) sources(name string) []*sType {
	src := make([]*sType, len(m.sgs))
	for i, sg := range m.sgs {
		src[i] = sg.types[name]
	}
	return src
}

func (m *merger) merge() {
	m.collectTypes()
	for _, name := range m.order {
		src := m.sources(name)
		t := m.out.types[name]
		if t == nil {
			continue
		}
		if t.kind == ast.Object || t.kind == ast.Interface {
			m.mergeImplements(t, src)
		}
		m.addJoinType(t, src)
		switch t.kind {
		case ast.Object, ast.Interface:
			m.mergeFields(t, src)
		case ast.Union:
			m.mergeUnion(t, src)
		case ast.InputObject:
			m.mergeInputObject(t, src)
		case ast.Enum:
			m.mergeEnum(t, src)
		}
		m.mergeTypeMeta(t, src)
	}
	m.completeImplementations()
}

// collectTypes checks kinds agree and creates the supergraph types.
func (m *merger) collectTypes() {
	seen := map[string]bool{}
	m.sub = subtypes{}
	m.enumUse = map[string][2]bool{}
	for _, sg := range m.sgs {
		for _, name := range sg.order {
			t := sg.types[name]
			for _, itf := range t.interfaces {
				m.addSubtype(itf, name)
			}
			for _, mem := range t.members {
				m.addSubtype(name, mem)
			}
			m.recordEnumUse(sg, t)
			if !seen[name] {
				seen[name] = true
				m.order = append(m.order, name)
			}
		}
	}
	for _, name := range m.order {
		src := m.sources(name)
		kind, kinds := ast.DefinitionKind(""), map[ast.DefinitionKind][]string{}
		for i, t := range src {
			if t == nil {
				continue
			}
			k := t.kind
			if t.interfaceObject {
				k = ast.Interface
			}
			kinds[k] = append(kinds[k], m.sgs[i].name)
			if kind == "" {
				kind = k
			}
		}
		if len(kinds) > 1 {
			var parts, all []string
			for i, t := range src {
				if t != nil {
					parts = append(parts, fmt.Sprintf("%s in subgraph %q", kindName(t.kind), m.sgs[i].name))
					all = append(all, m.sgs[i].name)
				}
			}
			m.e.add("TYPE_KIND_MISMATCH", name, all, "Type %q has mismatched kind: it is defined as %s", name, strings.Join(parts, " but "))
			continue
		}
		m.out.types[name] = &outType{kind: kind, name: name}
	}
}

func (m *merger) addSubtype(abstract, possible string) {
	if m.sub[abstract] == nil {
		m.sub[abstract] = map[string]bool{}
	}
	m.sub[abstract][possible] = true
}

func (m *merger) recordEnumUse(sg *subgraph, t *sType) {
	mark := func(ty *ast.Type, input bool) {
		if et := sg.types[ty.Name()]; et != nil && et.kind == ast.Enum {
			u := m.enumUse[et.name]
			if input {
				u[0] = true
			} else {
				u[1] = true
			}
			m.enumUse[et.name] = u
		}
	}
	for _, f := range t.fields {
		mark(f.typ, t.kind == ast.InputObject)
		for _, a := range f.args {
			mark(a.typ, true)
		}
	}
}

// addJoinType adds @join__type for every subgraph defining the type, one per
// @key when it has keys.
func (m *merger) addJoinType(t *outType, src []*sType) {
	for i, s := range src {
		if s == nil {
			continue
		}
		graph := kv{"graph", m.sgs[i].graph}
		if len(s.keys) == 0 {
			a := applied{name: "join__type", args: []kv{graph}}
			if s.interfaceObject {
				a.args = append(a.args, kv{"isInterfaceObject", "true"})
			}
			t.dirs = append(t.dirs, a)
			continue
		}
		for _, k := range s.keys {
			a := applied{name: "join__type", args: []kv{graph, {"key", quote(k.fields)}}}
			if (m.sgs[i].fed2 && k.extension) || s.extends {
				a.args = append(a.args, kv{"extension", "true"})
			}
			if !k.resolvable {
				a.args = append(a.args, kv{"resolvable", "false"})
			}
			if s.interfaceObject {
				a.args = append(a.args, kv{"isInterfaceObject", "true"})
			}
			t.dirs = append(t.dirs, a)
		}
	}
}

func (m *merger) mergeImplements(t *outType, src []*sType) {
	for i, s := range src {
		if s == nil {
			continue
		}
		for _, itf := range s.interfaces {
			t.interfaces = appendUnique(t.interfaces, itf)
			t.dirs = append(t.dirs, applied{name: "join__implements", args: []kv{
				{"graph", m.sgs[i].graph}, {"interface", quote(itf)},
			}})
		}
	}
}

// mergeTypeMeta merges what every kind of type carries: description,
// @inaccessible, @tag and composed directives.
func (m *merger) mergeTypeMeta(t *outType, src []*sType) {
	var descs []string
	var tags []string
	var other []*ast.Directive
	for _, s := range src {
		if s == nil {
			continue
		}
		descs = append(descs, s.desc)
		t.inaccessible = t.inaccessible || s.inaccessible
		tags = appendUnique(tags, s.tags...)
		other = append(other, s.other...)
	}
	t.desc = pickDescription(descs)
	t.dirs = append(t.dirs, m.metaDirectives(nil, t.inaccessible, tags, other)...)
}

// inaccessibleFirst returns @inaccessible when set: on fields, arguments and
// enum values Apollo prints it before the join directives.
func inaccessibleFirst(inaccessible bool) []applied {
	if inaccessible {
		return []applied{{name: "inaccessible"}}
	}
	return nil
}

// metaDirectives returns the non-join directives of an element in the order
// they are printed.
func (m *merger) metaDirectives(deprecated *string, inaccessible bool, tags []string, other []*ast.Directive) []applied {
	var out []applied
	if deprecated != nil {
		a := applied{name: "deprecated"}
		if *deprecated != "No longer supported" {
			a.args = []kv{{"reason", quote(*deprecated)}}
		}
		out = append(out, a)
	}
	if inaccessible {
		out = append(out, applied{name: "inaccessible"})
	}
	for _, tag := range tags {
		out = append(out, applied{name: "tag", args: []kv{{"name", quote(tag)}}})
	}
	// Carried federation directives are not repeatable: one application
	// per name, merged. Composed directives keep each distinct application.
	carried := map[string][]*ast.Directive{}
	var carriedNames []string
	seen := map[string]bool{}
	for _, d := range other {
		if carriedSpecs[d.Name].url != "" {
			if carried[d.Name] == nil {
				carriedNames = append(carriedNames, d.Name)
			}
			carried[d.Name] = append(carried[d.Name], d)
			continue
		}
		if !m.composed[d.Name] && d.Name != "specifiedBy" {
			continue
		}
		if d.Name == "specifiedBy" && seen["@specifiedBy"] {
			continue // not repeatable: the first subgraph's URL wins
		}
		seen["@"+d.Name] = true
		a := toApplied(d)
		var b strings.Builder
		writeApplied(&b, a)
		if seen[b.String()] {
			continue
		}
		seen[b.String()] = true
		out = append(out, a)
	}
	for _, n := range carriedNames {
		out = append(out, mergeCarried(n, carried[n]))
	}
	return out
}

// pickDescription chooses the description most subgraphs use, the first one
// on a tie, as Apollo does.
func pickDescription(descs []string) string {
	count := map[string]int{}
	best := ""
	for _, d := range descs {
		if d == "" {
			continue
		}
		count[d]++
		if count[d] > count[best] || best == "" {
			best = d
		}
	}
	return best
}
