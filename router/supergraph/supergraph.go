// Package supergraph reads an Apollo Federation v2 join-spec supergraph SDL
// into the model the query planner needs, and derives the API schema that
// clients see.
package supergraph

import (
	"fmt"
	"sort"

	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/parser"
)

// Supergraph is the query-planning view of a composed supergraph.
type Supergraph struct {
	// Graphs lists the subgraphs in declaration order.
	Graphs []*Graph
	// Types holds every composite type of the supergraph, including
	// inaccessible ones (they may still be used in keys and requires).
	Types map[string]*Type
	// API is the client-facing schema: federation machinery and
	// @inaccessible elements removed.
	API *ast.Schema
	// APISDL is API printed as SDL.
	APISDL string

	graphByEnum map[string]*Graph
	graphByName map[string]*Graph
}

// Graph is one subgraph.
type Graph struct {
	Name string // the subgraph name as composed (join__graph name)
	URL  string
	Enum string // its join__Graph enum value
}

// Type is a composite type with its per-subgraph federation metadata.
type Type struct {
	Name string
	Kind ast.DefinitionKind
	// Graphs holds the subgraphs that define the type (join__type).
	Graphs map[string]*TypeInGraph
	Fields map[string]*Field
	// Implements maps a graph to the interfaces the type implements there.
	Implements map[string][]string
	// Members maps a graph to a union's members there.
	Members      map[string][]string
	Inaccessible bool
}

// TypeInGraph is the join__type metadata of a type in one subgraph.
type TypeInGraph struct {
	Keys            []*Key
	InterfaceObject bool
	Extension       bool
}

// Key is one @key of a type in a subgraph.
type Key struct {
	Raw        string
	Fields     FieldSet
	Resolvable bool
}

// Field is a field of a composite type.
type Field struct {
	Name string
	Type *ast.Type
	// Graphs holds explicit join__field entries. When nil, the field is
	// resolvable in every graph that defines the parent type.
	Graphs       map[string]*FieldInGraph
	Inaccessible bool
}

// FieldInGraph is the join__field metadata of a field in one subgraph.
type FieldInGraph struct {
	External       bool
	UsedOverridden bool
	Requires       FieldSet
	RequiresRaw    string
	Provides       FieldSet
	ProvidesRaw    string
	Override       string // graph the field was taken from
	OverrideLabel  string // progressive override label
	Type           string // the field's type in that subgraph, when it differs
}

// Parse reads a supergraph SDL.
func Parse(sdl string) (*Supergraph, error) {
	doc, err := parser.ParseSchema(&ast.Source{Name: "supergraph.graphql", Input: sdl})
	if err != nil {
		return nil, fmt.Errorf("parse supergraph: %w", err)
	}
	sg := &Supergraph{
		Types:       map[string]*Type{},
		graphByEnum: map[string]*Graph{},
		graphByName: map[string]*Graph{},
	}
	defs := append(append(ast.DefinitionList{}, doc.Definitions...), doc.Extensions...)
	for _, d := range defs {
		if d.Name == "join__Graph" && d.Kind == ast.Enum {
			if err := sg.readGraphs(d); err != nil {
				return nil, err
			}
		}
	}
	if len(sg.Graphs) == 0 {
		return nil, fmt.Errorf("parse supergraph: no join__Graph enum: not a join-spec supergraph")
	}
	for _, d := range defs {
		if !d.IsCompositeType() || isFederationType(d.Name) {
			continue
		}
		if err := sg.readType(d); err != nil {
			return nil, fmt.Errorf("parse supergraph: type %s: %w", d.Name, err)
		}
	}
	api, apiSDL, err := buildAPISchema(doc)
	if err != nil {
		return nil, err
	}
	sg.API, sg.APISDL = api, apiSDL
	return sg, nil
}

func (sg *Supergraph) readGraphs(d *ast.Definition) error {
	for _, v := range d.EnumValues {
		dir := v.Directives.ForName("join__graph")
		if dir == nil {
			return fmt.Errorf("parse supergraph: join__Graph.%s has no @join__graph", v.Name)
		}
		g := &Graph{Name: argString(dir, "name"), URL: argString(dir, "url"), Enum: v.Name}
		if g.Name == "" {
			g.Name = v.Name
		}
		sg.Graphs = append(sg.Graphs, g)
		sg.graphByEnum[g.Enum] = g
		sg.graphByName[g.Name] = g
	}
	return nil
}

func (sg *Supergraph) readType(d *ast.Definition) error {
	t := sg.Types[d.Name]
	if t == nil {
		t = &Type{Name: d.Name, Kind: d.Kind, Graphs: map[string]*TypeInGraph{},
			Fields: map[string]*Field{}, Implements: map[string][]string{}, Members: map[string][]string{}}
		sg.Types[d.Name] = t
	}
	t.Inaccessible = t.Inaccessible || d.Directives.ForName("inaccessible") != nil
	for _, dir := range d.Directives {
		switch dir.Name {
		case "join__type":
			g, err := sg.graphArg(dir)
			if err != nil {
				return err
			}
			tg := t.Graphs[g]
			if tg == nil {
				tg = &TypeInGraph{}
				t.Graphs[g] = tg
			}
			tg.InterfaceObject = tg.InterfaceObject || argBool(dir, "isInterfaceObject", false)
			tg.Extension = tg.Extension || argBool(dir, "extension", false)
			if raw := argString(dir, "key"); raw != "" {
				fs, err := ParseFieldSet(raw)
				if err != nil {
					return err
				}
				tg.Keys = append(tg.Keys, &Key{Raw: raw, Fields: fs, Resolvable: argBool(dir, "resolvable", true)})
			}
		case "join__implements":
			g, err := sg.graphArg(dir)
			if err != nil {
				return err
			}
			t.Implements[g] = append(t.Implements[g], argString(dir, "interface"))
		case "join__unionMember":
			g, err := sg.graphArg(dir)
			if err != nil {
				return err
			}
			t.Members[g] = append(t.Members[g], argString(dir, "member"))
		}
	}
	if t.Kind == ast.Union && len(t.Members) == 0 {
		// Supergraphs without join__unionMember: every member in every graph.
		for g := range t.Graphs {
			t.Members[g] = append([]string(nil), d.Types...)
		}
	}
	for _, fd := range d.Fields {
		f := &Field{Name: fd.Name, Type: fd.Type, Inaccessible: fd.Directives.ForName("inaccessible") != nil}
		for _, dir := range fd.Directives.ForNames("join__field") {
			if f.Graphs == nil {
				f.Graphs = map[string]*FieldInGraph{}
			}
			if dir.Arguments.ForName("graph") == nil {
				continue // a join__field without graph only marks a field as not federated
			}
			g, err := sg.graphArg(dir)
			if err != nil {
				return err
			}
			fg := &FieldInGraph{
				External:       argBool(dir, "external", false),
				UsedOverridden: argBool(dir, "usedOverridden", false),
				RequiresRaw:    argString(dir, "requires"),
				ProvidesRaw:    argString(dir, "provides"),
				Override:       argString(dir, "override"),
				OverrideLabel:  argString(dir, "overrideLabel"),
				Type:           argString(dir, "type"),
			}
			if fg.RequiresRaw != "" {
				if fg.Requires, err = ParseFieldSet(fg.RequiresRaw); err != nil {
					return err
				}
			}
			if fg.ProvidesRaw != "" {
				if fg.Provides, err = ParseFieldSet(fg.ProvidesRaw); err != nil {
					return err
				}
			}
			f.Graphs[g] = fg
		}
		t.Fields[fd.Name] = f
	}
	return nil
}

func (sg *Supergraph) graphArg(dir *ast.Directive) (string, error) {
	a := dir.Arguments.ForName("graph")
	if a == nil || a.Value == nil {
		return "", fmt.Errorf("@%s without graph", dir.Name)
	}
	g := sg.graphByEnum[a.Value.Raw]
	if g == nil {
		return "", fmt.Errorf("@%s names unknown graph %s", dir.Name, a.Value.Raw)
	}
	return g.Name, nil
}

// Graph returns the subgraph with the given name.
func (sg *Supergraph) Graph(name string) *Graph { return sg.graphByName[name] }

// GraphIndex orders graphs by declaration, for deterministic choices.
func (sg *Supergraph) GraphIndex(name string) int {
	for i, g := range sg.Graphs {
		if g.Name == name {
			return i
		}
	}
	return len(sg.Graphs)
}

// SortGraphs sorts graph names by declaration order.
func (sg *Supergraph) SortGraphs(names []string) {
	sort.SliceStable(names, func(i, j int) bool { return sg.GraphIndex(names[i]) < sg.GraphIndex(names[j]) })
}

func argString(dir *ast.Directive, name string) string {
	a := dir.Arguments.ForName(name)
	if a == nil || a.Value == nil || a.Value.Kind == ast.NullValue {
		return ""
	}
	return a.Value.Raw
}

func argBool(dir *ast.Directive, name string, def bool) bool {
	a := dir.Arguments.ForName(name)
	if a == nil || a.Value == nil || a.Value.Kind != ast.BooleanValue {
		return def
	}
	return a.Value.Raw == "true"
}
