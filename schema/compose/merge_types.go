package compose

import "github.com/vektah/gqlparser/v2/ast"

// mergeUnion takes the union of members, recording which subgraph has which.
func (m *merger) mergeUnion(t *outType, src []*sType) {
	for _, s := range src {
		if s != nil {
			t.members = appendUnique(t.members, s.members...)
		}
	}
	for _, mem := range t.members {
		for i, s := range src {
			if s != nil && contains(s.members, mem) {
				t.dirs = append(t.dirs, applied{name: "join__unionMember", args: []kv{
					{"graph", m.sgs[i].graph}, {"member", quote(mem)},
				}})
			}
		}
	}
}

// mergeInputObject keeps the fields every subgraph declares (an input the
// supergraph accepts must be accepted by every subgraph).
func (m *merger) mergeInputObject(t *outType, src []*sType) {
	var names []string
	var defining []int
	for i, s := range src {
		if s == nil {
			continue
		}
		defining = append(defining, i)
		for _, f := range s.fields {
			names = appendUnique(names, f.name)
		}
	}
	for _, name := range names {
		var vals []*sField
		var has, missing []string
		var hasIdx []int
		required, inaccessible := false, false
		for _, i := range defining {
			f := src[i].field(name)
			if f == nil {
				missing = append(missing, m.sgs[i].name)
				continue
			}
			vals = append(vals, f)
			has = append(has, m.sgs[i].name)
			hasIdx = append(hasIdx, i)
			required = required || f.typ.NonNull && f.def == nil
			inaccessible = inaccessible || f.inaccessible
		}
		coord := t.name + "." + name
		if len(missing) > 0 && required {
			m.e.add("REQUIRED_INPUT_FIELD_MISSING_IN_SOME_SUBGRAPH", coord, missing, "Input object field %q is required in some subgraphs but does not appear in all subgraphs: it is required in %s but does not appear in %s", coord, subgraphList(has), subgraphList(missing))
			continue
		}
		// Fields not in every subgraph are dropped, unless @inaccessible:
		// clients never send those, so Apollo keeps them.
		if len(missing) > 0 && !inaccessible {
			continue
		}
		f := m.mergeInputValue(coord, vals, has, "INPUT_FIELD")
		if f == nil {
			continue
		}
		sameTypes := allEqual(typesOf(vals))
		if !sameTypes || len(missing) > 0 {
			var joins []applied
			for j, i := range hasIdx {
				a := applied{name: "join__field", args: []kv{{"graph", m.sgs[i].graph}}}
				if !sameTypes {
					a.args = append(a.args, kv{"type", quote(vals[j].typ.String())})
				}
				joins = append(joins, a)
			}
			rest := f.dirs[len(inaccessibleFirst(f.inaccessible)):]
			f.dirs = append(append(inaccessibleFirst(f.inaccessible), joins...), rest...)
		}
		t.fields = append(t.fields, f)
	}
	if len(t.fields) == 0 {
		m.e.add("EMPTY_MERGED_INPUT_TYPE", t.name, nil, "None of the fields of input object type %q are consistently defined in all the subgraphs defining that type. As only fields common to all subgraphs are merged, this would result in an empty type.", t.name)
	}
}

func typesOf(vals []*sField) []*ast.Type {
	out := make([]*ast.Type, len(vals))
	for i, v := range vals {
		out[i] = v.typ
	}
	return out
}

// mergeEnum: an enum only used as output takes the union of values, one only
// used as input the intersection, one used as both must agree everywhere.
func (m *merger) mergeEnum(t *outType, src []*sType) {
	use := m.enumUse[t.name]
	var names []string
	var defining []int
	for i, s := range src {
		if s == nil {
			continue
		}
		defining = append(defining, i)
		for _, v := range s.values {
			names = appendUnique(names, v.name)
		}
	}
	for _, name := range names {
		out := &outValue{name: name}
		var descs, has, missing, tags []string
		var other []*ast.Directive
		var deprecated *string
		for _, i := range defining {
			v := valueNamed(src[i].values, name)
			if v == nil {
				missing = append(missing, m.sgs[i].name)
				continue
			}
			has = append(has, m.sgs[i].name)
			out.dirs = append(out.dirs, applied{name: "join__enumValue", args: []kv{{"graph", m.sgs[i].graph}}})
			descs = append(descs, v.desc)
			tags = appendUnique(tags, v.tags...)
			other = append(other, v.other...)
			out.inaccessible = out.inaccessible || v.inaccessible
			if deprecated == nil {
				deprecated = v.deprecated
			}
		}
		// An @inaccessible value is not in the API schema, so it may be
		// missing from some subgraphs whatever the enum's use.
		if len(missing) > 0 && !out.inaccessible {
			switch {
			case use[0] && use[1]:
				m.e.add("ENUM_VALUE_MISMATCH", t.name, missing, "Enum type %q is used as both input type and output type, but value %q is not defined in all the subgraphs defining %q: %q is defined in %s but not in %s", t.name, name, t.name, name, subgraphList(has), subgraphList(missing))
				continue
			case use[0]:
				continue // intersection: the value is dropped
			}
		}
		out.desc = pickDescription(descs)
		out.dirs = append(inaccessibleFirst(out.inaccessible), out.dirs...)
		out.dirs = append(out.dirs, m.metaDirectives(deprecated, false, tags, other)...)
		t.values = append(t.values, out)
	}
	if len(t.values) == 0 {
		m.e.add("EMPTY_MERGED_ENUM_TYPE", t.name, nil, "None of the values of enum type %q are defined consistently in all the subgraphs defining that type. As only values common to all subgraphs are merged, this would result in an empty type.", t.name)
	}
}

func valueNamed(vals []*sValue, name string) *sValue {
	for _, v := range vals {
		if v.name == name {
			return v
		}
	}
	return nil
}

// completeImplementations checks every object has the fields of the
// interfaces it implements. Fields an @interfaceObject contributes are added
// to the implementations with a bare @join__field: the router resolves them
// through the interface's subgraph.
func (m *merger) completeImplementations() {
	for _, name := range m.order {
		t := m.out.types[name]
		if t == nil || (t.kind != ast.Object && t.kind != ast.Interface) {
			continue
		}
		for _, itfName := range t.interfaces {
			itf := m.out.types[itfName]
			if itf == nil {
				continue
			}
			for _, f := range itf.fields {
				if t.field(f.name) != nil {
					continue
				}
				coord := itf.name + "." + f.name
				if m.fromItfObject[coord] {
					t.fields = append(t.fields, &outField{name: f.name, desc: f.desc, typ: f.typ, args: f.args, dirs: []applied{{name: "join__field"}}})
					continue
				}
				m.e.add("INTERFACE_FIELD_NO_IMPLEM", coord, m.definers(itf.name, f.name), "Interface field %q is declared in %s but type %q, which implements %q in the supergraph, does not have field %q.", coord, subgraphList(m.definers(itf.name, f.name)), t.name, itf.name, f.name)
			}
		}
	}
}

func (m *merger) definers(typeName, field string) []string {
	var out []string
	for _, sg := range m.sgs {
		if sg.types[typeName].field(field) != nil {
			out = append(out, sg.name)
		}
	}
	return out
}

// validateInterfaceObjects: an @interfaceObject stands for an entity
// interface some other subgraph defines with a @key.
func (m *merger) validateInterfaceObjects() {
	for _, name := range m.order {
		var objs []string
		found := false
		for _, sg := range m.sgs {
			t := sg.types[name]
			switch {
			case t == nil:
			case t.interfaceObject:
				objs = append(objs, sg.name)
			case t.kind == ast.Interface && len(t.keys) > 0:
				found = true
			}
		}
		if len(objs) > 0 && !found {
			m.e.add("INTERFACE_OBJECT_USAGE_ERROR", name, objs, "Type %q is declared with @interfaceObject in %s but is not an interface with a @key in any subgraph.", name, subgraphList(objs))
		}
	}
}
