package compose

import (
	"strings"

	"github.com/vektah/gqlparser/v2/ast"
)

// apiSchema derives the schema clients see: no join/link machinery, no
// @inaccessible elements. It reports the @inaccessible misuses that would
// make that schema invalid, with Apollo's codes.
func (m *merger) apiSchema() *outSchema {
	s := m.out
	hidden := func(name string) bool {
		t := s.types[name]
		return t == nil || t.inaccessible
	}
	api := &outSchema{types: map[string]*outType{}}
	for _, r := range s.roots {
		if hidden(r.typ) {
			if r.op == string(ast.Query) {
				m.e.add("QUERY_ROOT_TYPE_INACCESSIBLE", r.typ, nil, "Type %q is @inaccessible but is the query root type, which must be in the API schema.", r.typ)
			}
			continue
		}
		api.roots = append(api.roots, r)
	}
	for _, name := range sortedTypeNames(s) {
		t := s.types[name]
		if isSpecType(name) || t.inaccessible {
			continue
		}
		at := &outType{kind: t.kind, name: t.name, desc: t.desc, dirs: apiDirs(t.dirs)}
		for _, i := range t.interfaces {
			if !hidden(i) {
				at.interfaces = append(at.interfaces, i)
			}
		}
		for _, mem := range t.members {
			if !hidden(mem) {
				at.members = append(at.members, mem)
			}
		}
		for _, v := range t.values {
			if !v.inaccessible {
				at.values = append(at.values, &outValue{name: v.name, desc: v.desc, dirs: apiDirs(v.dirs)})
			}
		}
		for _, f := range t.fields {
			coord := t.name + "." + f.name
			if f.inaccessible {
				if t.kind == ast.InputObject && f.typ.NonNull && f.def == "" {
					m.e.add("REQUIRED_INACCESSIBLE", coord, nil, "Input field %q is @inaccessible but is a required input field of its type.", coord)
				}
				continue
			}
			if hidden(f.typ.Name()) && !isBuiltinScalar(f.typ.Name()) {
				m.e.add("REFERENCED_INACCESSIBLE", coord, nil, "Type %q is @inaccessible but is referenced by %q, which is in the API schema.", f.typ.Name(), coord)
			}
			m.checkDefault(coord, f)
			af := &outField{name: f.name, desc: f.desc, typ: f.typ, def: f.def, dirs: apiDirs(f.dirs)}
			for _, a := range f.args {
				acoord := coord + "(" + a.name + ":)"
				if a.inaccessible {
					if a.typ.NonNull && a.def == "" {
						m.e.add("REQUIRED_INACCESSIBLE", acoord, nil, "Argument %q is @inaccessible but is a required argument of its field.", acoord)
					}
					continue
				}
				if hidden(a.typ.Name()) && !isBuiltinScalar(a.typ.Name()) {
					m.e.add("REFERENCED_INACCESSIBLE", acoord, nil, "Type %q is @inaccessible but is referenced by %q, which is in the API schema.", a.typ.Name(), acoord)
				}
				m.checkDefault(acoord, a)
				af.args = append(af.args, &outField{name: a.name, desc: a.desc, typ: a.typ, def: a.def, dirs: apiDirs(a.dirs)})
			}
			at.fields = append(at.fields, af)
		}
		empty := (t.kind == ast.Object || t.kind == ast.Interface || t.kind == ast.InputObject) && len(at.fields) == 0 ||
			t.kind == ast.Enum && len(at.values) == 0 || t.kind == ast.Union && len(at.members) == 0
		if empty {
			m.e.add("ONLY_INACCESSIBLE_CHILDREN", t.name, nil, "Type %q is in the API schema but all of its members are @inaccessible.", t.name)
		}
		api.types[name] = at
	}
	m.checkImplementedByInaccessible()
	return api
}

// checkDefault: a default value in the API schema cannot use an
// @inaccessible enum value.
func (m *merger) checkDefault(coord string, f *outField) {
	enum := m.out.types[f.typ.Name()]
	if f.def == "" || enum == nil || enum.kind != ast.Enum {
		return
	}
	words := strings.FieldsFunc(f.def, func(r rune) bool {
		return !(r == '_' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9')
	})
	for _, w := range words {
		for _, v := range enum.values {
			if v.name == w && v.inaccessible {
				m.e.add("DEFAULT_VALUE_USES_INACCESSIBLE", coord, nil, "Enum value %q is @inaccessible but is used in the default value of %q, which is in the API schema.", enum.name+"."+v.name, coord)
			}
		}
	}
}

// checkImplementedByInaccessible: a visible interface field cannot be
// implemented by an @inaccessible field of a visible type.
func (m *merger) checkImplementedByInaccessible() {
	for _, name := range sortedTypeNames(m.out) {
		t := m.out.types[name]
		if t.inaccessible {
			continue
		}
		for _, i := range t.interfaces {
			itf := m.out.types[i]
			if itf == nil || itf.inaccessible {
				continue
			}
			for _, f := range t.fields {
				if itfField := itf.field(f.name); f.inaccessible && itfField != nil && !itfField.inaccessible {
					m.e.add("IMPLEMENTED_BY_INACCESSIBLE", t.name+"."+f.name, nil, "Field %q is @inaccessible but implements the interface field %q, which is in the API schema.", t.name+"."+f.name, i+"."+f.name)
				}
			}
		}
	}
}

// apiDirs keeps the directives that mean something to clients.
func apiDirs(dirs []applied) []applied {
	var out []applied
	for _, d := range dirs {
		if d.name == "deprecated" || d.name == "specifiedBy" {
			out = append(out, d)
		}
	}
	return out
}

// isSpecType reports types that belong to a linked spec, not to the API.
func isSpecType(name string) bool {
	prefix, _, ok := strings.Cut(name, "__")
	if !ok {
		return false
	}
	switch prefix {
	case "join", "link", "policy", "requiresScopes":
		return true
	}
	return false
}

func isBuiltinScalar(name string) bool {
	switch name {
	case "String", "Int", "Float", "Boolean", "ID":
		return true
	}
	return false
}
