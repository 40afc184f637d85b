package compose

import (
	"fmt"

	"github.com/vektah/gqlparser/v2/ast"
)

// builtinDirectives are the directives every GraphQL schema knows.
var builtinDirectives = map[string]bool{
	"deprecated": true, "specifiedBy": true, "include": true, "skip": true, "oneOf": true, "link": true,
}

// checkDirectivesKnown reports directive applications the subgraph neither
// defines nor imports, with Apollo's hint for unimported federation ones.
func (sg *subgraph) checkDirectivesKnown(doc *ast.SchemaDocument, r resolver, e *errs) {
	check := func(dirs ast.DirectiveList) {
		for _, d := range dirs {
			if builtinDirectives[d.Name] || sg.dirDefs[d.Name] != nil || r.isFed(d.Name) {
				continue
			}
			msg := fmt.Sprintf("Unknown directive \"@%s\".", d.Name)
			if sg.fed2 && isFedName(d.Name) {
				msg = fmt.Sprintf("Unknown directive \"@%[1]s\". If you meant the \"@%[1]s\" federation directive, you should use fully-qualified name \"@%[2]s__%[1]s\" or add \"@%[1]s\" to the `import` argument of the @link to the federation specification.", d.Name, r.prefix)
			}
			e.add("INVALID_GRAPHQL", "@"+d.Name, one(sg.name), "%s", msg)
		}
	}
	for _, sd := range append(append(ast.SchemaDefinitionList{}, doc.Schema...), doc.SchemaExtension...) {
		check(sd.Directives)
	}
	for _, def := range append(append(ast.DefinitionList{}, doc.Definitions...), doc.Extensions...) {
		check(def.Directives)
		for _, f := range def.Fields {
			check(f.Directives)
			for _, a := range f.Arguments {
				check(a.Directives)
			}
		}
		for _, v := range def.EnumValues {
			check(v.Directives)
		}
	}
}

func isFedName(name string) bool {
	for _, n := range fedDirectives {
		if n == name {
			return true
		}
	}
	return false
}

var builtinScalars = map[string]bool{"String": true, "Int": true, "Float": true, "Boolean": true, "ID": true}

// checkTypes applies the GraphQL type-system rules composition relies on:
// referenced types exist and fit their position, unions hold objects,
// implementations have their interfaces' fields.
func (sg *subgraph) checkTypes(e *errs) {
	kindOf := func(name string) (ast.DefinitionKind, bool) {
		if builtinScalars[name] {
			return ast.Scalar, true
		}
		t := sg.types[name]
		if t == nil {
			return "", false
		}
		return t.kind, true
	}
	ref := func(coord string, ty *ast.Type, input bool) {
		k, ok := kindOf(ty.Name())
		switch {
		case !ok:
			e.add("INVALID_GRAPHQL", coord, one(sg.name), "Unknown type %s", ty.Name())
		case input && (k == ast.Object || k == ast.Interface || k == ast.Union):
			e.add("INVALID_GRAPHQL", coord, one(sg.name), "The type of %q must be Input Type but got %q, a %s.", coord, ty.String(), kindName(k))
		case !input && k == ast.InputObject:
			e.add("INVALID_GRAPHQL", coord, one(sg.name), "The type of %q must be Output Type but got %q, a %s.", coord, ty.String(), kindName(k))
		}
	}
	for _, name := range sg.order {
		t := sg.types[name]
		for _, f := range t.fields {
			coord := name + "." + f.name
			ref(coord, f.typ, t.kind == ast.InputObject)
			for _, a := range f.args {
				ref(coord+"("+a.name+":)", a.typ, true)
			}
		}
		for _, m := range t.members {
			if k, ok := kindOf(m); !ok || k != ast.Object {
				e.add("INVALID_GRAPHQL", name, one(sg.name), "Cannot add non-object type %s as member of union type %s", m, name)
			}
		}
		for _, i := range t.interfaces {
			itf := sg.types[i]
			if itf == nil || itf.kind != ast.Interface {
				e.add("INVALID_GRAPHQL", name, one(sg.name), "Type %s cannot implement non-interface type %s", name, i)
				continue
			}
			for _, f := range itf.fields {
				if t.field(f.name) == nil {
					e.add("INVALID_GRAPHQL", name+"."+f.name, one(sg.name), "Interface field %s.%s expected but %s does not provide it.", i, f.name, name)
				}
			}
		}
	}
}
