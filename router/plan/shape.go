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
	// Defer, in Plan.Incremental, marks not a field but a @defer fragment
	// on the objects this field list is for (Types still applies): its
	// fields are delivered after the initial payload.
	Defer *DeferredFragment
}

// DeferredFragment is a @defer fragment of the client's operation.
type DeferredFragment struct {
	Label string
	// Shape is the fragment's fields on the object it applies to; @defer
	// fragments inside it are Defer fields of their own.
	Shape *Shape
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

// deferActive reports whether @defer applies to a fragment (its if
// argument defaults to true).
func deferActive(dirs ast.DirectiveList, vars map[string]any) bool {
	d := dirs.ForName("defer")
	if d == nil {
		return false
	}
	if d.Arguments.ForName("if") == nil {
		return true
	}
	return boolArg(d, vars)
}

func deferLabel(dirs ast.DirectiveList, vars map[string]any) string {
	if a := dirs.ForName("defer").Arguments.ForName("label"); a != nil {
		if v, err := a.Value.Value(vars); err == nil {
			s, _ := v.(string)
			return s
		}
	}
	return ""
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

// shaper builds shapes. split makes @defer fragments Defer fields (the
// initial payload's shape) instead of flattening them in.
type shaper struct {
	schema *ast.Schema
	vars   map[string]any
	split  bool
}

// buildShape flattens a selection set on parent into s.
func buildShape(schema *ast.Schema, ss ast.SelectionSet, parent *ast.Definition, cond map[string]bool, vars map[string]any, s *Shape) {
	shaper{schema: schema, vars: vars}.build(ss, parent, cond, s)
}

func (sh shaper) build(ss ast.SelectionSet, parent *ast.Definition, cond map[string]bool, s *Shape) {
	schema, vars := sh.schema, sh.vars
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
					sh.build(x.SelectionSet, def, nil, sf.Sub)
				}
			}
			s.Fields = append(s.Fields, sf)
		case *ast.InlineFragment:
			if included(x.Directives, vars) {
				sh.fragment(x.Directives, x.SelectionSet, parent, narrow(schema, parent, x.TypeCondition, cond), s)
			}
		case *ast.FragmentSpread:
			if included(x.Directives, vars) && x.Definition != nil {
				sh.fragment(x.Directives, x.Definition.SelectionSet, parent, narrow(schema, parent, x.Definition.TypeCondition, cond), s)
			}
		}
	}
}

func (sh shaper) fragment(dirs ast.DirectiveList, ss ast.SelectionSet, parent *ast.Definition, cond map[string]bool, s *Shape) {
	if !sh.split || !deferActive(dirs, sh.vars) {
		sh.build(ss, parent, cond, s)
		return
	}
	d := &DeferredFragment{Label: deferLabel(dirs, sh.vars), Shape: &Shape{}}
	sh.build(ss, parent, cond, d.Shape)
	s.Fields = append(s.Fields, &ShapeField{Types: cond, Defer: d})
}

// hasDefer reports whether a shape holds a @defer fragment.
func hasDefer(s *Shape) bool {
	for _, f := range s.Fields {
		if f.Defer != nil || (f.Sub != nil && hasDefer(f.Sub)) {
			return true
		}
	}
	return false
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
		if f.Defer != nil {
			markHidden(sg, f.Defer.Shape)
		}
	}
}
