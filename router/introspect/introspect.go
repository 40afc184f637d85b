// Package introspect answers __schema and __type from the API schema.
package introspect

import (
	"sort"
	"strings"

	"github.com/careercoach/coach/router/plan"
	"github.com/vektah/gqlparser/v2/ast"
)

// Resolve answers one root introspection field (__schema or __type),
// returning plain data keyed by the client's response keys.
func Resolve(s *ast.Schema, f *plan.ShapeField, vars map[string]any) any {
	var n node
	switch f.Name {
	case "__schema":
		n = schemaNode{s}
	case "__type":
		name, _ := args(f, vars)["name"].(string)
		def := s.Types[name]
		if def == nil {
			return nil
		}
		n = typeNode{s: s, def: def}
	default:
		return nil
	}
	return project(n, f.Sub, vars)
}

// node is an introspection object.
type node interface {
	get(name string, args map[string]any) any
}

func args(f *plan.ShapeField, vars map[string]any) map[string]any {
	if f.Field == nil {
		return nil
	}
	return f.Field.ArgumentMap(vars)
}

func project(v any, sh *plan.Shape, vars map[string]any) any {
	switch x := v.(type) {
	case node:
		if sh == nil {
			return nil
		}
		out := map[string]any{}
		for _, f := range sh.Fields {
			if f.Name == "__typename" {
				continue
			}
			out[f.Key] = project(x.get(f.Name, args(f, vars)), f.Sub, vars)
		}
		return out
	case []node:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = project(e, sh, vars)
		}
		return out
	}
	return v
}

type schemaNode struct{ s *ast.Schema }

func (n schemaNode) get(name string, _ map[string]any) any {
	switch name {
	case "description":
		return nilIfEmpty(n.s.Description)
	case "types":
		names := make([]string, 0, len(n.s.Types))
		for k := range n.s.Types {
			names = append(names, k)
		}
		sort.Strings(names)
		out := make([]node, len(names))
		for i, k := range names {
			out[i] = typeNode{s: n.s, def: n.s.Types[k]}
		}
		return out
	case "queryType":
		return defNode(n.s, n.s.Query)
	case "mutationType":
		return defNode(n.s, n.s.Mutation)
	case "subscriptionType":
		return defNode(n.s, n.s.Subscription)
	case "directives":
		names := make([]string, 0, len(n.s.Directives))
		for k := range n.s.Directives {
			names = append(names, k)
		}
		sort.Strings(names)
		out := make([]node, len(names))
		for i, k := range names {
			out[i] = directiveNode{s: n.s, d: n.s.Directives[k]}
		}
		return out
	}
	return nil
}

func defNode(s *ast.Schema, d *ast.Definition) any {
	if d == nil {
		return nil
	}
	return typeNode{s: s, def: d}
}

func nilIfEmpty(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// typeNode is a named type (def set) or a LIST / NON_NULL wrapper.
type typeNode struct {
	s      *ast.Schema
	def    *ast.Definition
	kind   string
	ofType *ast.Type
}

func typeRef(s *ast.Schema, t *ast.Type) node {
	if t.NonNull {
		inner := *t
		inner.NonNull = false
		return typeNode{s: s, kind: "NON_NULL", ofType: &inner}
	}
	if t.Elem != nil {
		return typeNode{s: s, kind: "LIST", ofType: t.Elem}
	}
	return typeNode{s: s, def: s.Types[t.NamedType]}
}

func (n typeNode) get(name string, a map[string]any) any {
	if n.def == nil {
		switch name {
		case "kind":
			return n.kind
		case "ofType":
			return typeRef(n.s, n.ofType)
		}
		return nil
	}
	d := n.def
	includeDeprecated, _ := a["includeDeprecated"].(bool)
	switch name {
	case "kind":
		return string(d.Kind)
	case "name":
		return d.Name
	case "description":
		return nilIfEmpty(d.Description)
	case "specifiedByURL":
		if sb := d.Directives.ForName("specifiedBy"); sb != nil {
			if u := sb.Arguments.ForName("url"); u != nil {
				return u.Value.Raw
			}
		}
		return nil
	case "isOneOf":
		if d.Kind != ast.InputObject {
			return nil
		}
		return d.Directives.ForName("oneOf") != nil
	case "fields":
		if d.Kind != ast.Object && d.Kind != ast.Interface {
			return nil
		}
		var out []node
		for _, f := range d.Fields {
			if strings.HasPrefix(f.Name, "__") || (!includeDeprecated && deprecated(f.Directives)) {
				continue
			}
			out = append(out, fieldNode{s: n.s, f: f})
		}
		return orEmpty(out)
	case "inputFields":
		if d.Kind != ast.InputObject {
			return nil
		}
		var out []node
		for _, f := range d.Fields {
			if includeDeprecated || !deprecated(f.Directives) {
				out = append(out, inputNode{s: n.s, name: f.Name, desc: f.Description, t: f.Type, def: f.DefaultValue, dirs: f.Directives})
			}
		}
		return orEmpty(out)
	case "interfaces":
		if d.Kind != ast.Object && d.Kind != ast.Interface {
			return nil
		}
		out := []node{}
		for _, i := range d.Interfaces {
			out = append(out, typeNode{s: n.s, def: n.s.Types[i]})
		}
		return out
	case "possibleTypes":
		if !d.IsAbstractType() {
			return nil
		}
		out := []node{}
		for _, p := range n.s.GetPossibleTypes(d) {
			out = append(out, typeNode{s: n.s, def: p})
		}
		return out
	case "enumValues":
		if d.Kind != ast.Enum {
			return nil
		}
		var out []node
		for _, v := range d.EnumValues {
			if includeDeprecated || !deprecated(v.Directives) {
				out = append(out, enumNode{v})
			}
		}
		return orEmpty(out)
	}
	return nil
}

func orEmpty(n []node) []node {
	if n == nil {
		return []node{}
	}
	return n
}

func deprecated(dl ast.DirectiveList) bool { return dl.ForName("deprecated") != nil }

func deprecationReason(dl ast.DirectiveList) any {
	d := dl.ForName("deprecated")
	if d == nil {
		return nil
	}
	if r := d.Arguments.ForName("reason"); r != nil && r.Value != nil {
		return r.Value.Raw
	}
	return "No longer supported"
}

type fieldNode struct {
	s *ast.Schema
	f *ast.FieldDefinition
}

func (n fieldNode) get(name string, a map[string]any) any {
	switch name {
	case "name":
		return n.f.Name
	case "description":
		return nilIfEmpty(n.f.Description)
	case "args":
		return argNodes(n.s, n.f.Arguments, a)
	case "type":
		return typeRef(n.s, n.f.Type)
	case "isDeprecated":
		return deprecated(n.f.Directives)
	case "deprecationReason":
		return deprecationReason(n.f.Directives)
	}
	return nil
}

func argNodes(s *ast.Schema, defs ast.ArgumentDefinitionList, a map[string]any) []node {
	includeDeprecated, _ := a["includeDeprecated"].(bool)
	out := []node{}
	for _, d := range defs {
		if includeDeprecated || !deprecated(d.Directives) {
			out = append(out, inputNode{s: s, name: d.Name, desc: d.Description, t: d.Type, def: d.DefaultValue, dirs: d.Directives})
		}
	}
	return out
}

type inputNode struct {
	s    *ast.Schema
	name string
	desc string
	t    *ast.Type
	def  *ast.Value
	dirs ast.DirectiveList
}

func (n inputNode) get(name string, _ map[string]any) any {
	switch name {
	case "name":
		return n.name
	case "description":
		return nilIfEmpty(n.desc)
	case "type":
		return typeRef(n.s, n.t)
	case "defaultValue":
		if n.def == nil {
			return nil
		}
		return n.def.String()
	case "isDeprecated":
		return deprecated(n.dirs)
	case "deprecationReason":
		return deprecationReason(n.dirs)
	}
	return nil
}

type enumNode struct{ v *ast.EnumValueDefinition }

func (n enumNode) get(name string, _ map[string]any) any {
	switch name {
	case "name":
		return n.v.Name
	case "description":
		return nilIfEmpty(n.v.Description)
	case "isDeprecated":
		return deprecated(n.v.Directives)
	case "deprecationReason":
		return deprecationReason(n.v.Directives)
	}
	return nil
}

type directiveNode struct {
	s *ast.Schema
	d *ast.DirectiveDefinition
}

func (n directiveNode) get(name string, a map[string]any) any {
	switch name {
	case "name":
		return n.d.Name
	case "description":
		return nilIfEmpty(n.d.Description)
	case "locations":
		out := make([]any, len(n.d.Locations))
		for i, l := range n.d.Locations {
			out[i] = string(l)
		}
		return out
	case "args":
		return argNodes(n.s, n.d.Arguments, a)
	case "isRepeatable":
		return n.d.IsRepeatable
	}
	return nil
}
