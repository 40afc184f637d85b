package compose

import (
	"regexp"
	"strconv"
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

// plumbingTypes are types a subgraph declares for the federation protocol;
// they never reach the supergraph.
var plumbingTypes = map[string]bool{
	"_Service": true, "_Any": true, "_Entity": true, "_FieldSet": true, "FieldSet": true,
}

// maxFedMinor is the newest federation spec version (2.x) we know, as of
// @apollo/composition 2.14.
const maxFedMinor = 14

var fedURL = regexp.MustCompile(`^https://specs\.apollo\.dev/federation/v2\.(\d+)$`)

// resolver maps the names a subgraph uses for federation directives to their
// canonical names: Fed 2 subgraphs may import them under other names or use
// them namespaced (@federation__key).
type resolver struct {
	local  map[string]string // local name -> canonical
	prefix string            // namespace of the federation link, usually "federation"
}

func (r resolver) is(d *ast.Directive, canonical string) bool {
	return r.local[d.Name] == canonical
}

func (r resolver) isFed(name string) bool {
	_, ok := r.local[name]
	return ok || strings.HasPrefix(name, r.prefix+"__")
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

// removeFakeExternals: on a type extension (extend type or @extends),
// @external on a key field only says another subgraph defines the field;
// this subgraph can still return it, as Apollo treats it.
func (sg *subgraph) removeFakeExternals() {
	for _, t := range sg.types {
		extension := t.extends || !t.hasDef
		keyFields := map[string]bool{}
		for _, k := range t.keys {
			if !extension && !k.extension {
				continue
			}
			for _, s := range parseFieldSet(k.fields) {
				if f, ok := s.(*ast.Field); ok {
					keyFields[f.Name] = true
				}
			}
		}
		for _, f := range t.fields {
			if keyFields[f.name] {
				f.external = false
			}
		}
	}
}

// readLinks finds the federation @link (Fed 2) and the other links, which
// @composeDirective needs.
func (sg *subgraph) readLinks(defs ast.SchemaDefinitionList) resolver {
	r := resolver{local: map[string]string{}, prefix: "federation"}
	for _, sd := range defs {
		for _, d := range sd.Directives {
			if d.Name != "link" {
				continue
			}
			l := sLink{url: argString(d, "url"), as: argString(d, "as"), imports: map[string]string{}}
			if a := d.Arguments.ForName("import"); a != nil && a.Value != nil {
				for _, c := range a.Value.Children {
					v := c.Value
					switch v.Kind {
					case ast.StringValue, ast.BlockValue:
						n := strings.TrimPrefix(v.Raw, "@")
						l.imports[n] = n
					case ast.ObjectValue:
						name, as := "", ""
						for _, f := range v.Children {
							switch f.Name {
							case "name":
								name = strings.TrimPrefix(f.Value.Raw, "@")
							case "as":
								as = strings.TrimPrefix(f.Value.Raw, "@")
							}
						}
						if as == "" {
							as = name
						}
						l.imports[as] = name
					}
				}
			}
			if m := fedURL.FindStringSubmatch(l.url); m != nil {
				sg.fed2 = true
				sg.fedMinor, _ = strconv.Atoi(m[1])
				if l.as != "" {
					r.prefix = l.as
				}
				for local, name := range l.imports {
					r.local[local] = name
				}
				continue
			}
			sg.links = append(sg.links, l)
		}
	}
	if !sg.fed2 {
		// Fed 1 knows its directives by their plain names only.
		for _, n := range fedDirectives {
			r.local[n] = n
		}
		return r
	}
	for _, n := range fedDirectives {
		r.local[r.prefix+"__"+n] = n
	}
	return r
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

// removePlumbing drops what subgraph libraries add for the federation
// protocol (_service, _entities, _Any, ...) and the link/federation types.
func (sg *subgraph) removePlumbing(r resolver) {
	keep := sg.order[:0]
	for _, n := range sg.order {
		if plumbingTypes[n] || strings.HasPrefix(n, "link__") || strings.HasPrefix(n, r.prefix+"__") {
			delete(sg.types, n)
			continue
		}
		keep = append(keep, n)
	}
	sg.order = keep
	q := sg.rootName(ast.Query)
	if t := sg.types[q]; t != nil {
		t.removeField("_service")
		t.removeField("_entities")
		return
	}
	// Every subgraph has a query root (it serves _entities and _service), so
	// Apollo gives Query a @join__type for every subgraph.
	sg.types[q] = &sType{name: q, kind: ast.Object, hasDef: true, fieldByName: map[string]*sField{}}
	sg.order = append(sg.order, q)
}

func (t *sType) removeField(name string) {
	if _, ok := t.fieldByName[name]; !ok {
		return
	}
	delete(t.fieldByName, name)
	for i, f := range t.fields {
		if f.name == name {
			t.fields = append(t.fields[:i], t.fields[i+1:]...)
			return
		}
	}
}

var defaultRoots = map[ast.Operation]string{ast.Query: "Query", ast.Mutation: "Mutation", ast.Subscription: "Subscription"}

func (sg *subgraph) rootName(op ast.Operation) string {
	if n, ok := sg.roots[op]; ok {
		return n
	}
	return defaultRoots[op]
}

// normaliseRoots renames root types to Query/Mutation/Subscription, as the
// supergraph always uses those names.
func (sg *subgraph) normaliseRoots(e *errs) {
	for _, op := range []ast.Operation{ast.Query, ast.Mutation, ast.Subscription} {
		name, ok := sg.roots[op]
		want := defaultRoots[op]
		if !ok || name == want || sg.types[name] == nil {
			continue
		}
		if sg.types[want] != nil {
			e.add("ROOT_"+strings.ToUpper(string(op))+"_USED", want, one(sg.name), "The schema has a type named %q but it is not set as the %s root type (%q is instead): this is not supported by federation. If a root type does not use its default name, there should be no other type with that default name.", want, op, name)
			continue
		}
		t := sg.types[name]
		delete(sg.types, name)
		t.name = want
		sg.types[want] = t
		for i, n := range sg.order {
			if n == name {
				sg.order[i] = want
			}
		}
		for _, ty := range sg.types {
			for _, f := range ty.fields {
				renameRef(f.typ, name, want)
			}
			for i, m := range ty.members {
				if m == name {
					ty.members[i] = want
				}
			}
		}
	}
}

func renameRef(t *ast.Type, from, to string) {
	for ; t != nil; t = t.Elem {
		if t.NamedType == from {
			t.NamedType = to
		}
	}
}

// upgradeFed1 gives a Fed 1 subgraph the meaning Apollo gives it when it
// upgrades it to Fed 2: every field may be shared, unused @external fields
// are dropped, and `extend type` becomes a plain definition (no
// `extension: true` in the output; @extends keeps it).
func (sg *subgraph) upgradeFed1() {
	used := sg.fieldSetUsage()
	for _, t := range sg.types {
		for i := range t.keys {
			t.keys[i].extension = false
		}
		var drop []string
		for _, f := range t.fields {
			f.shareable = true
			if f.external && !used[t.name+"."+f.name] {
				drop = append(drop, f.name)
			}
		}
		for _, n := range drop {
			t.removeField(n)
		}
	}
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
