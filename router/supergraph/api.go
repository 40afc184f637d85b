package supergraph

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/vektah/gqlparser/v2"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/formatter"
)

// keptDirectives are the directive applications that survive into the
// API schema; everything else is composition machinery.
var keptDirectives = map[string]bool{"deprecated": true, "specifiedBy": true, "oneOf": true}

var executableLocations = map[ast.DirectiveLocation]bool{
	ast.LocationQuery: true, ast.LocationMutation: true, ast.LocationSubscription: true,
	ast.LocationField: true, ast.LocationFragmentDefinition: true, ast.LocationFragmentSpread: true,
	ast.LocationInlineFragment: true, ast.LocationVariableDefinition: true,
}

func isFederationType(name string) bool {
	return strings.HasPrefix(name, "join__") || strings.HasPrefix(name, "link__") || strings.HasPrefix(name, "core__")
}

func inaccessible(dl ast.DirectiveList) bool { return dl.ForName("inaccessible") != nil }

func keep(dl ast.DirectiveList) ast.DirectiveList {
	var out ast.DirectiveList
	for _, d := range dl {
		if keptDirectives[d.Name] {
			out = append(out, d)
		}
	}
	return out
}

// buildAPISchema derives the client-facing schema: it drops join/link
// definitions, federation directive applications and @inaccessible
// elements, then loads the result so it is a validated gqlparser schema.
func buildAPISchema(doc *ast.SchemaDocument) (*ast.Schema, string, error) {
	out := &ast.SchemaDocument{}
	for _, s := range append(append(ast.SchemaDefinitionList{}, doc.Schema...), doc.SchemaExtension...) {
		c := *s
		c.Directives = nil
		if len(c.OperationTypes) > 0 {
			out.Schema = append(out.Schema, &c)
		}
	}
	for _, d := range doc.Directives {
		if d.Name == "link" || d.Name == "inaccessible" || strings.HasPrefix(d.Name, "join__") || d.Name == "core" {
			continue
		}
		exec := false
		for _, l := range d.Locations {
			exec = exec || executableLocations[l]
		}
		if exec {
			out.Directives = append(out.Directives, d)
		}
	}
	hidden := map[string]bool{}
	for _, d := range append(append(ast.DefinitionList{}, doc.Definitions...), doc.Extensions...) {
		if isFederationType(d.Name) || inaccessible(d.Directives) {
			hidden[d.Name] = true
		}
	}
	for _, d := range doc.Definitions {
		if !hidden[d.Name] {
			out.Definitions = append(out.Definitions, apiDefinition(d, hidden))
		}
	}
	for _, d := range doc.Extensions {
		if !hidden[d.Name] {
			out.Extensions = append(out.Extensions, apiDefinition(d, hidden))
		}
	}
	var buf bytes.Buffer
	formatter.NewFormatter(&buf, formatter.WithIndent("  ")).FormatSchemaDocument(out)
	sdl := buf.String()
	schema, err := gqlparser.LoadSchema(&ast.Source{Name: "api.graphql", Input: sdl})
	if err != nil {
		return nil, "", fmt.Errorf("build API schema: %w", err)
	}
	specDeprecated(schema)
	return schema, sdl, nil
}

// specDeprecated gives @deprecated the locations the GraphQL spec defines:
// gqlparser's prelude adds DIRECTIVE_DEFINITION, which introspection would
// otherwise report to clients.
func specDeprecated(schema *ast.Schema) {
	d := schema.Directives["deprecated"]
	if d == nil {
		return
	}
	c := *d
	c.Locations = nil
	for _, l := range d.Locations {
		if l != ast.LocationDirectiveDefinition {
			c.Locations = append(c.Locations, l)
		}
	}
	schema.Directives["deprecated"] = &c
}

func apiDefinition(d *ast.Definition, hidden map[string]bool) *ast.Definition {
	c := *d
	c.Directives = keep(d.Directives)
	c.Fields = nil
	for _, f := range d.Fields {
		if inaccessible(f.Directives) {
			continue
		}
		fc := *f
		fc.Directives = keep(f.Directives)
		fc.Arguments = nil
		for _, a := range f.Arguments {
			if inaccessible(a.Directives) {
				continue
			}
			ac := *a
			ac.Directives = keep(a.Directives)
			fc.Arguments = append(fc.Arguments, &ac)
		}
		c.Fields = append(c.Fields, &fc)
	}
	c.EnumValues = nil
	for _, v := range d.EnumValues {
		if inaccessible(v.Directives) {
			continue
		}
		vc := *v
		vc.Directives = keep(v.Directives)
		c.EnumValues = append(c.EnumValues, &vc)
	}
	c.Types, c.TypePositions = nil, nil
	for _, t := range d.Types {
		if !hidden[t] {
			c.Types = append(c.Types, t)
		}
	}
	c.Interfaces = nil
	for _, i := range d.Interfaces {
		if !hidden[i] {
			c.Interfaces = append(c.Interfaces, i)
		}
	}
	return &c
}
