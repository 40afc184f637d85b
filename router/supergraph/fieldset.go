package supergraph

import (
	"fmt"
	"hash/fnv"

	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/parser"
)

// FieldSet is a parsed federation field set (the argument of @key,
// @requires and @provides). Items are fields, or inline fragments when
// TypeCondition is set.
type FieldSet []*FieldSetItem

// FieldSetItem is one field (Name set) or inline fragment (TypeCondition set).
type FieldSetItem struct {
	Name          string
	TypeCondition string
	// Arguments of the field: @requires may select a field with
	// arguments, e.g. "price(currency: \"USD\")".
	Arguments ast.ArgumentList
	Sub       FieldSet
}

// ResponseKey is the key under which the router fetches the field. A field
// with arguments gets a key unique to its arguments, so it never collides
// with the client's selection of the same field with other arguments.
func (it *FieldSetItem) ResponseKey() string {
	if len(it.Arguments) == 0 {
		return it.Name
	}
	h := fnv.New32a()
	for _, a := range it.Arguments {
		h.Write([]byte(a.Name + ":" + a.Value.String() + ","))
	}
	return fmt.Sprintf("%s__fs_%08x", it.Name, h.Sum32())
}

// ParseFieldSet parses a field set such as "id org { id }".
func ParseFieldSet(s string) (FieldSet, error) {
	doc, err := parser.ParseQuery(&ast.Source{Input: "{" + s + "}"})
	if err != nil {
		return nil, fmt.Errorf("parse field set %q: %w", s, err)
	}
	if len(doc.Operations) != 1 {
		return nil, fmt.Errorf("parse field set %q: not a selection", s)
	}
	return convertFieldSet(doc.Operations[0].SelectionSet)
}

func convertFieldSet(ss ast.SelectionSet) (FieldSet, error) {
	out := make(FieldSet, 0, len(ss))
	for _, sel := range ss {
		switch s := sel.(type) {
		case *ast.Field:
			sub, err := convertFieldSet(s.SelectionSet)
			if err != nil {
				return nil, err
			}
			out = append(out, &FieldSetItem{Name: s.Name, Arguments: s.Arguments, Sub: sub})
		case *ast.InlineFragment:
			sub, err := convertFieldSet(s.SelectionSet)
			if err != nil {
				return nil, err
			}
			out = append(out, &FieldSetItem{TypeCondition: s.TypeCondition, Sub: sub})
		default:
			return nil, fmt.Errorf("field sets cannot contain fragment spreads")
		}
	}
	return out, nil
}

// Has reports whether the field set selects the named field at its top level.
func (fs FieldSet) Has(name string) (*FieldSetItem, bool) {
	for _, it := range fs {
		if it.Name == name {
			return it, true
		}
	}
	return nil, false
}
