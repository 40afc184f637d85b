package supergraph

import "github.com/vektah/gqlparser/v2/ast"

// Labels holds the progressive-override labels enabled for one request.
type Labels map[string]bool

// active reports whether a join__field entry resolves the field, given the
// override labels. A progressive override (override + overrideLabel) is in
// force only while its label is enabled; the graph it overrides carries the
// same label and resolves the field while the label is off.
func (fg *FieldInGraph) active(labels Labels) bool {
	if fg.UsedOverridden {
		return false
	}
	if fg.OverrideLabel != "" {
		on := labels[fg.OverrideLabel]
		if fg.Override != "" {
			return on
		}
		return !on
	}
	return true
}

// HasType reports whether graph defines the type.
func (sg *Supergraph) HasType(graph, typeName string) bool {
	t := sg.Types[typeName]
	if t == nil {
		return false
	}
	_, ok := t.Graphs[graph]
	return ok || len(t.Graphs) == 0
}

// InterfaceObject reports whether graph defines the interface as an
// @interfaceObject (an object type standing for all implementations).
func (sg *Supergraph) InterfaceObject(graph, typeName string) bool {
	t := sg.Types[typeName]
	if t == nil {
		return false
	}
	tg := t.Graphs[graph]
	return tg != nil && tg.InterfaceObject
}

// FieldIn returns the join__field metadata of a field in graph, and
// whether graph can resolve it (external fields cannot, unless provided;
// the caller decides that).
func (sg *Supergraph) FieldIn(graph, typeName, field string, labels Labels) (*FieldInGraph, bool) {
	t := sg.Types[typeName]
	if t == nil {
		return nil, false
	}
	f := t.Fields[field]
	if f == nil {
		return nil, false
	}
	if f.Graphs == nil {
		return &FieldInGraph{}, sg.HasType(graph, typeName)
	}
	fg := f.Graphs[graph]
	if fg == nil {
		return nil, false
	}
	return fg, !fg.External && fg.active(labels)
}

// FieldGraphs lists, in declaration order, the graphs that resolve a field.
func (sg *Supergraph) FieldGraphs(typeName, field string, labels Labels) []string {
	var out []string
	for _, g := range sg.Graphs {
		if _, ok := sg.FieldIn(g.Name, typeName, field, labels); ok {
			out = append(out, g.Name)
		}
	}
	return out
}

// Keys returns the keys of a type in graph.
func (sg *Supergraph) Keys(graph, typeName string) []*Key {
	t := sg.Types[typeName]
	if t == nil || t.Graphs[graph] == nil {
		return nil
	}
	return t.Graphs[graph].Keys
}

// FieldType returns the supergraph type of a field (nil when unknown).
func (sg *Supergraph) FieldType(typeName, field string) *ast.Type {
	t := sg.Types[typeName]
	if t == nil || t.Fields[field] == nil {
		return nil
	}
	return t.Fields[field].Type
}

// IsAbstract reports whether a type is an interface or a union.
func (sg *Supergraph) IsAbstract(typeName string) bool {
	t := sg.Types[typeName]
	return t != nil && (t.Kind == ast.Interface || t.Kind == ast.Union)
}

// PossibleTypesIn lists the object types graph may return where typeName
// is expected, in name order. For an object type that is the type itself.
func (sg *Supergraph) PossibleTypesIn(graph, typeName string) []string {
	t := sg.Types[typeName]
	if t == nil {
		return nil
	}
	switch t.Kind {
	case ast.Object:
		return []string{typeName}
	case ast.Union:
		return sortedCopy(t.Members[graph])
	}
	var out []string
	for _, o := range sg.Types {
		if o.Kind != ast.Object || !sg.HasType(graph, o.Name) {
			continue
		}
		for _, i := range o.Implements[graph] {
			if i == typeName {
				out = append(out, o.Name)
				break
			}
		}
	}
	return sortedCopy(out)
}

// PossibleTypes lists every object type that may stand where typeName is
// expected, across all graphs, in name order.
func (sg *Supergraph) PossibleTypes(typeName string) []string {
	seen := map[string]bool{}
	var out []string
	for _, g := range sg.Graphs {
		for _, p := range sg.PossibleTypesIn(g.Name, typeName) {
			if !seen[p] {
				seen[p] = true
				out = append(out, p)
			}
		}
	}
	return sortedCopy(out)
}
