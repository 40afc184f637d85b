package compose

import (
	"sort"

	"github.com/vektah/gqlparser/v2/ast"
)

// Definitions of the link and join specs, as Apollo prints them.
const (
	defLink             = `directive @link(url: String, as: String, for: link__Purpose, import: [link__Import]) repeatable on SCHEMA`
	defJoinEnumValue    = `directive @join__enumValue(graph: join__Graph!) repeatable on ENUM_VALUE`
	defJoinGraph        = `directive @join__graph(name: String!, url: String!) on ENUM_VALUE`
	defJoinImplements   = `directive @join__implements(graph: join__Graph!, interface: String!) repeatable on OBJECT | INTERFACE`
	defJoinType         = `directive @join__type(graph: join__Graph!, key: join__FieldSet, extension: Boolean! = false, resolvable: Boolean! = true, isInterfaceObject: Boolean! = false) repeatable on OBJECT | INTERFACE | UNION | ENUM | INPUT_OBJECT | SCALAR`
	defJoinUnionMember  = `directive @join__unionMember(graph: join__Graph!, member: String!) repeatable on UNION`
	defJoinDirective    = `directive @join__directive(graphs: [join__Graph!], name: String!, args: join__DirectiveArguments) repeatable on SCHEMA | OBJECT | INTERFACE | FIELD_DEFINITION`
	defJoinFieldV03     = `directive @join__field(graph: join__Graph, requires: join__FieldSet, provides: join__FieldSet, type: String, external: Boolean, override: String, usedOverridden: Boolean) repeatable on FIELD_DEFINITION | INPUT_FIELD_DEFINITION`
	defJoinFieldV04     = `directive @join__field(graph: join__Graph, requires: join__FieldSet, provides: join__FieldSet, type: String, external: Boolean, override: String, usedOverridden: Boolean, overrideLabel: String) repeatable on FIELD_DEFINITION | INPUT_FIELD_DEFINITION`
	defJoinFieldV05     = `directive @join__field(graph: join__Graph, requires: join__FieldSet, provides: join__FieldSet, type: String, external: Boolean, override: String, usedOverridden: Boolean, overrideLabel: String, contextArguments: [join__ContextArgument!]) repeatable on FIELD_DEFINITION | INPUT_FIELD_DEFINITION`
	defInaccessible     = `directive @inaccessible on FIELD_DEFINITION | OBJECT | INTERFACE | UNION | ARGUMENT_DEFINITION | SCALAR | ENUM | ENUM_VALUE | INPUT_OBJECT | INPUT_FIELD_DEFINITION`
	defTag              = `directive @tag(name: String!) repeatable on FIELD_DEFINITION | OBJECT | INTERFACE | UNION | ARGUMENT_DEFINITION | SCALAR | ENUM | ENUM_VALUE | INPUT_OBJECT | INPUT_FIELD_DEFINITION | SCHEMA`
	linkPurposeSecurity = "`SECURITY` features provide metadata necessary to securely resolve fields."
	linkPurposeExec     = "`EXECUTION` features provide metadata necessary for operation execution."
)

// joinVersion picks the join spec version Apollo uses for the subgraphs'
// federation versions: v0.4 came with Fed 2.7 (progressive override), v0.5
// with Fed 2.8.
func joinVersion(sgs []*subgraph) string {
	max := 0
	for _, sg := range sgs {
		if sg.fedMinor > max {
			max = sg.fedMinor
		}
	}
	switch {
	case max >= 8:
		return "v0.5"
	case max == 7:
		return "v0.4"
	}
	return "v0.3"
}

// addSpecs adds the schema links, directive definitions and spec types
// (join__Graph, link__Purpose, ...) to the supergraph.
func (m *merger) addSpecs() {
	jv := joinVersion(m.sgs)
	for _, sg := range m.sgs {
		for _, t := range sg.types {
			for _, f := range t.fields {
				if f.overrideLabel != "" && jv == "v0.3" {
					jv = "v0.4"
				}
			}
		}
	}
	s := m.out
	s.links = []applied{
		{name: "link", args: []kv{{"url", quote("https://specs.apollo.dev/link/v1.0")}}},
		{name: "link", args: []kv{{"url", quote("https://specs.apollo.dev/join/" + jv)}, {"for", "EXECUTION"}}},
	}
	defs := []string{defLink, defJoinEnumValue, defJoinGraph, defJoinImplements, defJoinType, defJoinUnionMember}
	switch jv {
	case "v0.3":
		defs = append(defs, defJoinFieldV03)
	case "v0.4":
		defs = append(defs, defJoinFieldV04, defJoinDirective)
	default:
		defs = append(defs, defJoinFieldV05, defJoinDirective)
	}
	var usesTag, usesInac bool
	for _, sg := range m.sgs {
		usesTag = usesTag || sg.usesTag
		usesInac = usesInac || sg.usesInac
	}
	if usesTag {
		s.links = append(s.links, applied{name: "link", args: []kv{{"url", quote("https://specs.apollo.dev/tag/v0.3")}}})
		defs = append(defs, defTag)
	}
	if usesInac {
		s.links = append(s.links, applied{name: "link", args: []kv{{"url", quote("https://specs.apollo.dev/inaccessible/v0.2")}, {"for", "SECURITY"}}})
		defs = append(defs, defInaccessible)
	}
	defs = append(defs, m.addCarriedSpecs()...)
	s.links = append(s.links, m.composedLinks...)
	defs = append(defs, m.composedDefs...)
	sort.Slice(defs, func(i, j int) bool { return localeLess(directiveName(defs[i]), directiveName(defs[j])) })
	s.directives = defs

	graphs := &outType{kind: ast.Enum, name: "join__Graph"}
	for _, sg := range m.sgs {
		graphs.values = append(graphs.values, &outValue{name: sg.graph, dirs: []applied{{name: "join__graph", args: []kv{
			{"name", quote(sg.name)}, {"url", quote(sg.url)},
		}}}})
	}
	s.types["join__Graph"] = graphs
	s.types["join__FieldSet"] = &outType{kind: ast.Scalar, name: "join__FieldSet"}
	s.types["link__Import"] = &outType{kind: ast.Scalar, name: "link__Import"}
	s.types["link__Purpose"] = &outType{kind: ast.Enum, name: "link__Purpose", values: []*outValue{
		{name: "SECURITY", desc: linkPurposeSecurity},
		{name: "EXECUTION", desc: linkPurposeExec},
	}}
	if jv != "v0.3" {
		s.types["join__DirectiveArguments"] = &outType{kind: ast.Scalar, name: "join__DirectiveArguments"}
	}
	if jv == "v0.5" {
		s.types["join__FieldValue"] = &outType{kind: ast.Scalar, name: "join__FieldValue"}
		s.types["join__ContextArgument"] = &outType{kind: ast.InputObject, name: "join__ContextArgument", fields: []*outField{
			{name: "name", typ: ast.NonNullNamedType("String", nil)},
			{name: "type", typ: ast.NonNullNamedType("String", nil)},
			{name: "context", typ: ast.NonNullNamedType("String", nil)},
			{name: "selection", typ: ast.NonNullNamedType("join__FieldValue", nil)},
		}}
	}
	for _, op := range []ast.Operation{ast.Query, ast.Mutation, ast.Subscription} {
		if s.types[defaultRoots[op]] != nil {
			s.roots = append(s.roots, outRoot{string(op), defaultRoots[op]})
		}
	}
}

func directiveName(def string) string {
	// "directive @name(..." or "directive @name on ..."
	n := def[len("directive @"):]
	for i, c := range n {
		if c == '(' || c == ' ' {
			return n[:i]
		}
	}
	return n
}
