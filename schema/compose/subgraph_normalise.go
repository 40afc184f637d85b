package compose

import (
	"strings"

	"github.com/vektah/gqlparser/v2/ast"
)

// plumbingTypes are types a subgraph declares for the federation protocol;
// they never reach the supergraph.
var plumbingTypes = map[string]bool{
	"_Service": true, "_Any": true, "_Entity": true, "_FieldSet": true, "FieldSet": true,
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
