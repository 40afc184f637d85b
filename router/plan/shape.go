package plan

import (
	"github.com/careercoach/coach/router/supergraph"
	"github.com/vektah/gqlparser/v2/ast"
)

// Shape is the client's selection set with fragments flattened into type
// conditions; the executor projects merged data through it.
type Shape struct {
	Fields []*ShapeField
}

// ShapeField is one requested field.
type ShapeField struct {
	Key  string    // response key
	Name string    // field name
	Type *ast.Type // API schema type, for null bubbling
	// Types restricts the field to objects of these runtime types; nil
	// means every object.
	Types map[string]bool
	Sub   *Shape
	// Field is the client's field, for introspection arguments.
	Field *ast.Field
	// EnumValues, for an enum field, holds the values of the API schema:
	// a subgraph value outside it (e.g. @inaccessible, or defined only in
	// that subgraph) must not reach the client.
	EnumValues map[string]bool
	// HiddenTypes, for an abstract field, holds its @inaccessible object
	// types: subgraphs may return such objects, the client gets null.
	HiddenTypes map[string]bool
}

var typenameType = ast.NonNullNamedType("String", nil)

// included evaluates @skip and @include.
func included(dirs ast.DirectiveList, vars map[string]any) bool {
	if d := dirs.ForName("skip"); d != nil && boolArg(d, vars) {
		return false
	}
	if d := dirs.ForName("include"); d != nil && !boolArg(d, vars) {
		return false
	}
	return true
}

func boolArg(d *ast.Directive, vars map[string]any) bool {
	a := d.Arguments.ForName("if")
	if a == nil {
		return false
	}
	v, err := a.Value.Value(vars)
	if err != nil {
		return false
	}
	b, _ := v.(bool)
	return b
}

func possibleSet(schema *ast.Schema, def *ast.Definition) map[string]bool {
	out := map[string]bool{}
	for _, d := range schema.GetPossibleTypes(def) {
		out[d.Name] = true
	}
	return out
}

// buildShape flattens a selection set on parent into s.
func buildShape(schema *ast.Schema, ss ast.SelectionSet, parent *ast.Definition, cond map[string]bool, vars map[string]any, s *Shape) {
	for _, sel := range ss {
		switch x := sel.(type) {
		case *ast.Field:
			if !included(x.Directives, vars) {
				continue
			}
			sf := &ShapeField{Key: x.Alias, Name: x.Name, Types: cond, Field: x}
			if sf.Key == "" {
				sf.Key = x.Name
			}
			if x.Name == "__typename" {
				sf.Type = typenameType
			} else if x.Definition != nil {
				sf.Type = x.Definition.Type
				if def := schema.Types[x.Definition.Type.Name()]; def != nil && def.Kind == ast.Enum {
					sf.EnumValues = map[string]bool{}
					for _, v := range def.EnumValues {
						sf.EnumValues[v.Name] = true
					}
				}
			}
			if len(x.SelectionSet) > 0 && x.Definition != nil {
				sf.Sub = &Shape{}
				if def := schema.Types[x.Definition.Type.Name()]; def != nil {
					buildShape(schema, x.SelectionSet, def, nil, vars, sf.Sub)
				}
			}
			s.Fields = append(s.Fields, sf)
		case *ast.InlineFragment:
			if included(x.Directives, vars) {
				buildShape(schema, x.SelectionSet, parent, narrow(schema, parent, x.TypeCondition, cond), vars, s)
			}
		case *ast.FragmentSpread:
			if included(x.Directives, vars) && x.Definition != nil {
				buildShape(schema, x.Definition.SelectionSet, parent, narrow(schema, parent, x.Definition.TypeCondition, cond), vars, s)
			}
		}
	}
}

// narrow intersects a field condition with a fragment's type condition.
func narrow(schema *ast.Schema, parent *ast.Definition, typeCond string, cond map[string]bool) map[string]bool {
	if typeCond == "" || typeCond == parent.Name {
		return cond
	}
	frag := schema.Types[typeCond]
	if frag == nil {
		return cond
	}
	fragTypes := possibleSet(schema, frag)
	all := true
	base := cond
	if base == nil {
		base = possibleSet(schema, parent)
	}
	out := map[string]bool{}
	for t := range base {
		if fragTypes[t] {
			out[t] = true
		} else {
			all = false
		}
	}
	if all {
		return cond
	}
	return out
}

// markHidden records the @inaccessible object types of abstract fields.
func markHidden(sg *supergraph.Supergraph, s *Shape) {
	for _, f := range s.Fields {
		if f.Type != nil && sg.IsAbstract(f.Type.Name()) {
			for _, t := range sg.PossibleTypes(f.Type.Name()) {
				if tt := sg.Types[t]; tt != nil && tt.Inaccessible {
					if f.HiddenTypes == nil {
						f.HiddenTypes = map[string]bool{}
					}
					f.HiddenTypes[t] = true
				}
			}
		}
		if f.Sub != nil {
			markHidden(sg, f.Sub)
		}
	}
}
