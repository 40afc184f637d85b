package plan

import (
	"strings"

	"github.com/vektah/gqlparser/v2/ast"
)

// Selection is a selection set sent to a subgraph (or a representation
// shape). Items keep insertion order so printed plans are stable.
type Selection struct {
	Items []*Item
}

// Item is a field (Name set) or an inline fragment (TypeCondition set).
type Item struct {
	Alias         string
	Name          string
	Arguments     ast.ArgumentList
	TypeCondition string
	Sel           *Selection
	// DataKey, in a representation shape, is the key of the field's value
	// in the merged data when it differs from the field's name.
	DataKey string
	// MergeKey, when set, is the key the executor stores the field's
	// value under: the subgraph is asked with an alias because fields of
	// one response key have different types in sibling fragments there.
	MergeKey string
}

// DataKeyOrResponseKey is where the value of a representation field is
// found in the merged data.
func (it *Item) DataKeyOrResponseKey() string {
	if it.DataKey != "" {
		return it.DataKey
	}
	return it.ResponseKey()
}

// MergeKeyOrResponseKey is the key the field's value is stored under in
// the merged data.
func (it *Item) MergeKeyOrResponseKey() string {
	if it.MergeKey != "" {
		return it.MergeKey
	}
	return it.ResponseKey()
}

// ResponseKey is the key of the field in the response.
func (it *Item) ResponseKey() string {
	if it.Alias != "" {
		return it.Alias
	}
	return it.Name
}

func argsString(args ast.ArgumentList) string {
	if len(args) == 0 {
		return ""
	}
	parts := make([]string, len(args))
	for i, a := range args {
		parts[i] = a.Name + ": " + a.Value.String()
	}
	return "(" + strings.Join(parts, ", ") + ")"
}

// field returns the field with this response key, adding it when absent.
func (s *Selection) field(alias, name string, args ast.ArgumentList, composite bool) *Item {
	if alias == name {
		alias = ""
	}
	key := alias
	if key == "" {
		key = name
	}
	for _, it := range s.Items {
		if it.Name != "" && it.ResponseKey() == key {
			if composite && it.Sel == nil {
				it.Sel = &Selection{}
			}
			return it
		}
	}
	it := &Item{Alias: alias, Name: name, Arguments: args}
	if composite {
		it.Sel = &Selection{}
	}
	s.Items = append(s.Items, it)
	return it
}

// fragment returns the inline fragment on typeName, adding it when absent.
func (s *Selection) fragment(typeName string) *Selection {
	for _, it := range s.Items {
		if it.Name == "" && it.TypeCondition == typeName {
			return it.Sel
		}
	}
	it := &Item{TypeCondition: typeName, Sel: &Selection{}}
	s.Items = append(s.Items, it)
	return it.Sel
}

// typename makes sure __typename is selected, first, as routers do.
func (s *Selection) typename() {
	for _, it := range s.Items {
		if it.Name == "__typename" && it.Alias == "" {
			return
		}
	}
	s.Items = append([]*Item{{Name: "__typename"}}, s.Items...)
}

// Compact prints the selection on one line, as sent to subgraphs.
func (s *Selection) Compact() string {
	var b strings.Builder
	s.write(&b, -1)
	return b.String()
}

// write prints the selection; indent < 0 means compact.
func (s *Selection) write(b *strings.Builder, indent int) {
	b.WriteString("{")
	for i, it := range s.Items {
		if indent >= 0 {
			b.WriteString("\n")
			b.WriteString(strings.Repeat("  ", indent+1))
		} else if i == 0 {
			b.WriteString(" ")
		} else {
			b.WriteString(" ")
		}
		if it.Name == "" {
			b.WriteString("... on " + it.TypeCondition + " ")
		} else {
			if it.Alias != "" {
				b.WriteString(it.Alias + ": ")
			}
			b.WriteString(it.Name + argsString(it.Arguments))
			if it.DataKey != "" && indent >= 0 {
				b.WriteString(" <- " + it.DataKey) // plan text only: where the value is read
			}
			if it.Sel != nil {
				b.WriteString(" ")
			}
		}
		if it.Sel != nil {
			next := indent
			if indent >= 0 {
				next = indent + 1
			}
			it.Sel.write(b, next)
		}
	}
	if indent >= 0 {
		b.WriteString("\n" + strings.Repeat("  ", indent) + "}")
	} else {
		b.WriteString(" }")
	}
}

// variables appends the names of variables the selection uses.
func (s *Selection) variables(seen map[string]bool, out []string) []string {
	for _, it := range s.Items {
		for _, a := range it.Arguments {
			out = valueVariables(a.Value, seen, out)
		}
		if it.Sel != nil {
			out = it.Sel.variables(seen, out)
		}
	}
	return out
}

func valueVariables(v *ast.Value, seen map[string]bool, out []string) []string {
	if v == nil {
		return out
	}
	if v.Kind == ast.Variable && !seen[v.Raw] {
		seen[v.Raw] = true
		out = append(out, v.Raw)
	}
	for _, c := range v.Children {
		out = valueVariables(c.Value, seen, out)
	}
	return out
}

// prune drops inline fragments and composite fields that ended up empty (a
// type condition the planner explored but selected nothing under, a field
// whose every sub-field was rerouted elsewhere): an empty selection set is
// invalid GraphQL.
func (s *Selection) prune() {
	out := s.Items[:0]
	for _, it := range s.Items {
		if it.Sel != nil {
			it.Sel.prune()
			if len(it.Sel.Items) == 0 {
				continue
			}
		}
		out = append(out, it)
	}
	s.Items = out
}
