package compose

import (
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/parser"
)

// parseFieldSet parses a FieldSet string (@key/@requires/@provides "fields").
// It returns nil for an invalid one; parseFieldSetErr says why.
func parseFieldSet(s string) ast.SelectionSet {
	sel, _ := parseFieldSetErr(s)
	return sel
}

func parseFieldSetErr(s string) (ast.SelectionSet, error) {
	doc, err := parser.ParseQuery(&ast.Source{Input: "{" + s + "}"})
	if err != nil {
		return nil, err
	}
	if len(doc.Operations) != 1 || len(doc.Fragments) > 0 {
		return nil, errFieldSet
	}
	return doc.Operations[0].SelectionSet, nil
}

type fieldSetError string

func (e fieldSetError) Error() string { return string(e) }

const errFieldSet = fieldSetError("a field set must be a single selection set without named fragments")

// fsVisit is called for each field a field set selects, with the type it is
// selected on (nil when unknown) and its definition (nil when unknown).
// externalParent says whether an enclosing field is @external.
type fsVisit func(parent *sType, def *sField, sel *ast.Field, externalParent bool)

// walkFieldSet walks sel against the subgraph's types starting at typeName.
func (sg *subgraph) walkFieldSet(typeName string, sel ast.SelectionSet, externalParent bool, visit fsVisit) {
	t := sg.types[typeName]
	for _, s := range sel {
		switch s := s.(type) {
		case *ast.Field:
			def := t.field(s.Name)
			if t == nil || (def == nil && s.Name != "__typename") {
				visit(t, nil, s, externalParent)
				continue
			}
			if def == nil {
				continue
			}
			visit(t, def, s, externalParent)
			if len(s.SelectionSet) > 0 {
				sg.walkFieldSet(def.typ.Name(), s.SelectionSet, externalParent || def.external, visit)
			}
		case *ast.InlineFragment:
			next := typeName
			if s.TypeCondition != "" {
				next = s.TypeCondition
			}
			sg.walkFieldSet(next, s.SelectionSet, externalParent, visit)
		}
	}
}

// fieldSetUsage returns the fields ("Type.field") that some key, @requires or
// @provides of the subgraph selects, and the fields that implement an
// interface field: such @external fields are not unused.
func (sg *subgraph) fieldSetUsage() map[string]bool {
	if sg.usageCache != nil {
		return sg.usageCache
	}
	used := map[string]bool{}
	sg.usageCache = used
	mark := func(parent *sType, def *sField, _ *ast.Field, _ bool) {
		if parent != nil && def != nil {
			used[parent.name+"."+def.name] = true
		}
	}
	for _, name := range sg.order {
		t := sg.types[name]
		for _, k := range t.keys {
			sg.walkFieldSet(name, parseFieldSet(k.fields), false, mark)
		}
		for _, f := range t.fields {
			if f.requires != "" {
				sg.walkFieldSet(name, parseFieldSet(f.requires), false, mark)
			}
			if f.provides != "" {
				sg.walkFieldSet(f.typ.Name(), parseFieldSet(f.provides), false, mark)
			}
			for _, itf := range t.interfaces {
				if sg.types[itf].field(f.name) != nil {
					used[name+"."+f.name] = true
				}
			}
		}
	}
	return used
}

// providedFields returns the fields ("Type.field") some @provides of the
// subgraph selects.
func (sg *subgraph) providedFields() map[string]bool {
	if sg.providedCache != nil {
		return sg.providedCache
	}
	used := map[string]bool{}
	sg.providedCache = used
	for _, name := range sg.order {
		for _, f := range sg.types[name].fields {
			if f.provides == "" {
				continue
			}
			sg.walkFieldSet(f.typ.Name(), parseFieldSet(f.provides), false, func(p *sType, d *sField, _ *ast.Field, _ bool) {
				if p != nil && d != nil {
					used[p.name+"."+d.name] = true
				}
			})
		}
	}
	return used
}
