package compose

import (
	"strings"

	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/parser"
)

// fedDirectives are the directives of the federation spec, by canonical name.
var fedDirectives = []string{
	"key", "requires", "provides", "external", "shareable", "extends", "override",
	"inaccessible", "tag", "composeDirective", "interfaceObject", "authenticated",
	"requiresScopes", "policy", "context", "fromContext", "cost", "listSize",
}

// parseSubgraph parses and normalises one subgraph; errors come back as
// *Error with the subgraph's name.
func parseSubgraph(in Subgraph, e *errs) *subgraph {
	doc, err := parser.ParseSchema(&ast.Source{Name: in.Name, Input: in.SDL})
	if err != nil {
		e.add("INVALID_GRAPHQL", "", one(in.Name), "%v", err)
		return nil
	}
	sg := &subgraph{
		name:    in.Name,
		url:     in.URL,
		types:   map[string]*sType{},
		roots:   map[ast.Operation]string{},
		dirDefs: map[string]*ast.DirectiveDefinition{},
	}
	schemaDefs := append(append(ast.SchemaDefinitionList{}, doc.Schema...), doc.SchemaExtension...)
	r := sg.readLinks(schemaDefs)
	if sg.fedMinor > maxFedMinor {
		e.add("UNKNOWN_FEDERATION_LINK_VERSION", "", one(sg.name), "Invalid version v2.%d for the federation feature in @link directive on schema", sg.fedMinor)
		return nil
	}
	for _, sd := range schemaDefs {
		for _, op := range sd.OperationTypes {
			sg.roots[op.Operation] = op.Type
		}
		for _, d := range sd.Directives {
			if r.is(d, "composeDirective") {
				sg.composed = append(sg.composed, strings.TrimPrefix(argString(d, "name"), "@"))
			}
		}
	}
	for _, d := range doc.Directives {
		if d.Name == "link" || r.isFed(d.Name) {
			continue
		}
		sg.dirDefs[d.Name] = d
	}
	sg.checkDirectivesKnown(doc, r, e)
	for _, def := range doc.Definitions {
		sg.addBlock(def, false, r, e)
	}
	for _, def := range doc.Extensions {
		sg.addBlock(def, true, r, e)
	}
	sg.removePlumbing(r)
	sg.normaliseRoots(e)
	sg.checkTypes(e)
	sg.removeFakeExternals()
	if !sg.fed2 {
		sg.upgradeFed1()
	}
	return sg
}

func (sg *subgraph) addBlock(def *ast.Definition, isExt bool, r resolver, e *errs) {
	t := sg.types[def.Name]
	if t == nil {
		t = &sType{name: def.Name, kind: def.Kind, fieldByName: map[string]*sField{}, pos: def.Position}
		sg.types[def.Name] = t
		sg.order = append(sg.order, def.Name)
	} else if t.kind != def.Kind {
		e.add("INVALID_GRAPHQL", def.Name, one(sg.name), "type %q is declared as both %s and %s", def.Name, t.kind, def.Kind)
		return
	}
	if !isExt {
		t.hasDef = true
		t.desc = def.Description
	}
	var blockShareable, blockExternal bool
	for _, d := range def.Directives {
		switch r.local[d.Name] {
		case "key":
			k := sKey{fields: argString(d, "fields"), resolvable: argBool(d, "resolvable", true), extension: isExt}
			t.keys = append(t.keys, k)
		case "shareable":
			blockShareable = true
		case "external":
			blockExternal = true
		case "extends":
			t.extends = true
		case "interfaceObject":
			t.interfaceObject = true
		case "inaccessible":
			t.inaccessible = true
			sg.usesInac = true
		case "tag":
			t.tags = appendUnique(t.tags, argString(d, "name"))
			sg.usesTag = true
		default:
			if k := sg.keep(d, r); k != nil {
				t.other = append(t.other, k)
			}
		}
	}
	t.interfaces = appendUnique(t.interfaces, def.Interfaces...)
	t.members = appendUnique(t.members, def.Types...)
	for _, f := range def.Fields {
		sf := sg.readField(f, r)
		sf.shareable = sf.shareable || blockShareable
		sf.external = sf.external || blockExternal
		if _, dup := t.fieldByName[f.Name]; !dup {
			t.fields = append(t.fields, sf)
		} else {
			for i, old := range t.fields {
				if old.name == f.Name {
					t.fields[i] = sf
				}
			}
		}
		t.fieldByName[f.Name] = sf
	}
	for _, v := range def.EnumValues {
		sv := &sValue{name: v.Name, desc: v.Description}
		for _, d := range v.Directives {
			switch {
			case r.is(d, "inaccessible"):
				sv.inaccessible = true
				sg.usesInac = true
			case r.is(d, "tag"):
				sv.tags = appendUnique(sv.tags, argString(d, "name"))
				sg.usesTag = true
			case d.Name == "deprecated":
				sv.deprecated = deprecation(d)
			default:
				if k := sg.keep(d, r); k != nil {
					sv.other = append(sv.other, k)
				}
			}
		}
		t.values = append(t.values, sv)
	}
}

func (sg *subgraph) readField(f *ast.FieldDefinition, r resolver) *sField {
	sf := &sField{name: f.Name, desc: f.Description, typ: f.Type, def: f.DefaultValue}
	for _, d := range f.Directives {
		switch r.local[d.Name] {
		case "external":
			sf.external = true
		case "shareable":
			sf.shareable = true
		case "inaccessible":
			sf.inaccessible = true
			sg.usesInac = true
		case "tag":
			sf.tags = appendUnique(sf.tags, argString(d, "name"))
			sg.usesTag = true
		case "requires":
			sf.requires = argString(d, "fields")
		case "provides":
			sf.provides = argString(d, "fields")
		case "override":
			sf.hasOverride = true
			sf.override = argString(d, "from")
			sf.overrideLabel = argString(d, "label")
		default:
			switch {
			case d.Name == "deprecated":
				sf.deprecated = deprecation(d)
			default:
				if k := sg.keep(d, r); k != nil {
					sf.other = append(sf.other, k)
				}
			}
		}
	}
	for _, a := range f.Arguments {
		sa := &sField{name: a.Name, desc: a.Description, typ: a.Type, def: a.DefaultValue}
		for _, d := range a.Directives {
			switch {
			case r.is(d, "inaccessible"):
				sa.inaccessible = true
				sg.usesInac = true
			case r.is(d, "tag"):
				sa.tags = appendUnique(sa.tags, argString(d, "name"))
				sg.usesTag = true
			case d.Name == "deprecated":
				sa.deprecated = deprecation(d)
			default:
				if k := sg.keep(d, r); k != nil {
					sa.other = append(sa.other, k)
				}
			}
		}
		sf.args = append(sf.args, sa)
	}
	return sf
}

// keep returns the directive to carry towards the supergraph: federation
// directives with a supergraph meaning (@authenticated, @cost, ...) under
// their canonical name, other directives as they are (merging keeps those
// @composeDirective names), federation plumbing not at all.
func (sg *subgraph) keep(d *ast.Directive, r resolver) *ast.Directive {
	if d.Name == "link" {
		return nil
	}
	canonical, fed := r.local[d.Name]
	if !fed && !strings.HasPrefix(d.Name, r.prefix+"__") {
		return d
	}
	switch {
	case carriedSpecs[canonical].url != "":
		if !contains(sg.carriedUsed, canonical) {
			sg.carriedUsed = append(sg.carriedUsed, canonical)
			sg.carriedLocal = append(sg.carriedLocal, d.Name)
		}
		return &ast.Directive{Name: canonical, Arguments: d.Arguments, Position: d.Position}
	case canonical == "context" || canonical == "fromContext":
		sg.unsupported = appendUnique(sg.unsupported, "@"+canonical)
	}
	return nil
}

// deprecation returns the reason of a @deprecated, with GraphQL's default.
func deprecation(d *ast.Directive) *string {
	reason := "No longer supported"
	if a := d.Arguments.ForName("reason"); a != nil && a.Value != nil {
		reason = a.Value.Raw
	}
	return &reason
}

func argString(d *ast.Directive, name string) string {
	a := d.Arguments.ForName(name)
	if a == nil || a.Value == nil {
		return ""
	}
	return a.Value.Raw
}

func argBool(d *ast.Directive, name string, def bool) bool {
	a := d.Arguments.ForName(name)
	if a == nil || a.Value == nil || a.Value.Kind != ast.BooleanValue {
		return def
	}
	return a.Value.Raw == "true"
}

func appendUnique(list []string, items ...string) []string {
	for _, it := range items {
		found := false
		for _, l := range list {
			if l == it {
				found = true
				break
			}
		}
		if !found {
			list = append(list, it)
		}
	}
	return list
}
