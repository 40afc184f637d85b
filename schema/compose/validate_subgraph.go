package compose

import (
	"fmt"

	"github.com/vektah/gqlparser/v2/ast"
)

// validateSubgraph checks the per-subgraph federation rules: what @key,
// @requires and @provides select, and that @external fields are used.
func (sg *subgraph) validateSubgraph(e *errs) {
	for _, name := range sg.order {
		t := sg.types[name]
		for i := range t.keys {
			sg.validateKey(t, &t.keys[i], e)
		}
		if t.kind == ast.Interface && len(t.keys) > 0 {
			sg.validateInterfaceKeys(t, e)
		}
		for _, f := range t.fields {
			coord := t.name + "." + f.name
			if t.kind == ast.Interface && sg.fed2 && !sg.validateInterfaceField(t, f, e) {
				continue
			}
			if f.requires != "" {
				sg.validateDependent(t.name, coord, "requires", f.requires, e)
			}
			if f.provides != "" {
				if rt := sg.types[f.typ.Name()]; rt == nil || !rt.isComposite() {
					e.add("PROVIDES_ON_NON_OBJECT_FIELD", coord, one(sg.name),
						"invalid @provides directive on field %q: field has type %q which is not a Composite Type", coord, f.typ.String())
					continue
				}
				sg.validateDependent(f.typ.Name(), coord, "provides", f.provides, e)
			}
			if f.hasOverride && t.kind == ast.Interface {
				e.add("OVERRIDE_ON_INTERFACE", coord, one(sg.name),
					"@override cannot be used on field %q on subgraph %q: @override is not supported on interface type fields", coord, sg.name)
			}
			if f.hasOverride && f.external {
				e.add("OVERRIDE_COLLISION_WITH_ANOTHER_DIRECTIVE", coord, one(sg.name),
					"@override cannot be used on field %q on subgraph %q since %q is marked with directive \"@external\"", coord, sg.name, coord)
			}
		}
	}
	if sg.fed2 {
		sg.validateExternalsUsed(e)
	}
}

// validateInterfaceField reports the federation directives interface fields
// cannot have; it returns false when the field's @provides is not to be
// checked further (Apollo stops there, but goes on with @requires).
func (sg *subgraph) validateInterfaceField(t *sType, f *sField, e *errs) bool {
	coord := t.name + "." + f.name
	if f.external {
		e.add("EXTERNAL_ON_INTERFACE", coord, one(sg.name), "Interface type field %q is marked @external but @external is not allowed on interface fields (it is nonsensical).", coord)
	}
	if f.shareable {
		e.add("INVALID_SHAREABLE_USAGE", coord, one(sg.name), "Invalid use of @shareable on field %q: only object type fields can be marked with @shareable", coord)
	}
	ok := true
	if f.requires != "" {
		e.add("REQUIRES_UNSUPPORTED_ON_INTERFACE", coord, one(sg.name), "Cannot use @requires on field %q of parent type %q: @requires is not yet supported within interfaces", coord, t.name)
	}
	if f.provides != "" {
		e.add("PROVIDES_UNSUPPORTED_ON_INTERFACE", coord, one(sg.name), "Cannot use @provides on field %q of parent type %q: @provides is not yet supported within interfaces", coord, t.name)
		ok = false
	}
	return ok
}

func (sg *subgraph) validateKey(t *sType, k *sKey, e *errs) {
	sel, err := parseFieldSetErr(k.fields)
	where := fmt.Sprintf("On type %q, for @key(fields: %q)", t.name, k.fields)
	if err != nil {
		e.add("KEY_INVALID_FIELDS", t.name, one(sg.name), "%s: %v", where, err)
		return
	}
	k.sel = sel
	if t.kind != ast.Object && t.kind != ast.Interface {
		e.add("KEY_UNSUPPORTED_ON_INTERFACE", t.name, one(sg.name), "%s: @key is not supported on %s types", where, t.kind)
		return
	}
	sg.walkFieldSet(t.name, sel, false, func(parent *sType, def *sField, f *ast.Field, _ bool) {
		switch {
		case len(f.Directives) > 0:
			e.add("KEY_DIRECTIVE_IN_FIELDS_ARG", t.name, one(sg.name), "%s: cannot have directive applications in the @key(fields:) argument but found @%s.", where, f.Directives[0].Name)
		case parent == nil || def == nil:
			e.add("KEY_INVALID_FIELDS", t.name, one(sg.name), "%s: Cannot query field %q on type %q (the field should either be added to this subgraph or, if it should not be resolved by this subgraph, you need to add it to this subgraph with @external).", where, f.Name, typeNameOf(parent))
		case len(def.args) > 0:
			e.add("KEY_FIELDS_HAS_ARGS", t.name, one(sg.name), "%s: field %q cannot be included because it has arguments (fields with argument are not allowed in @key)", where, parent.name+"."+def.name)
		default:
			ft := sg.types[def.typ.Name()]
			switch {
			case ft != nil && (ft.kind == ast.Interface || ft.kind == ast.Union):
				e.add("KEY_FIELDS_SELECT_INVALID_TYPE", t.name, one(sg.name), "%s: field %q is a %s which is not allowed in @key", where, parent.name+"."+def.name, kindName(ft.kind))
			default:
				sg.checkSelectionShape(def, f, where, "KEY_INVALID_FIELDS", t.name, e)
			}
		}
	})
}

// validateDependent checks @requires (on parentType) or @provides (on the
// field's type): the selected fields exist and are @external in Fed 2.
func (sg *subgraph) validateDependent(parentType, coord, directive, fields string, e *errs) {
	code := map[string]string{"requires": "REQUIRES", "provides": "PROVIDES"}[directive]
	where := fmt.Sprintf("On field %q, for @%s(fields: %q)", coord, directive, fields)
	sel, err := parseFieldSetErr(fields)
	if err != nil {
		e.add(code+"_INVALID_FIELDS", coord, one(sg.name), "%s: %v", where, err)
		return
	}
	sg.walkFieldSet(parentType, sel, false, func(parent *sType, def *sField, f *ast.Field, externalParent bool) {
		switch {
		case len(f.Directives) > 0:
			e.add(code+"_DIRECTIVE_IN_FIELDS_ARG", coord, one(sg.name), "%s: cannot have directive applications in the @%s(fields:) argument but found @%s.", where, directive, f.Directives[0].Name)
		case parent == nil || def == nil:
			e.add(code+"_INVALID_FIELDS", coord, one(sg.name), "%s: Cannot query field %q on type %q (if the field is defined in another subgraph, you need to add it to this subgraph with @external).", where, f.Name, typeNameOf(parent))
		default:
			sg.checkSelectionShape(def, f, where, code+"_INVALID_FIELDS", coord, e)
			leaf := len(f.SelectionSet) == 0
			if sg.fed2 && leaf && !def.external && !externalParent && !sg.externalInImplementations(parent, def.name) {
				e.add(code+"_FIELDS_MISSING_EXTERNAL", coord, one(sg.name), "%s: field %q should not be part of a @%s since it is already provided by this subgraph (it is not marked @external)", where, parent.name+"."+def.name, directive)
			}
		}
	})
}

// externalInImplementations: interface fields cannot be @external, so an
// interface field counts as external when every implementation in the
// subgraph has it @external.
func (sg *subgraph) externalInImplementations(itf *sType, field string) bool {
	if itf.kind != ast.Interface {
		return false
	}
	found := false
	for _, name := range sg.order {
		t := sg.types[name]
		if t.kind != ast.Object || !contains(t.interfaces, itf.name) {
			continue
		}
		if f := t.field(field); f == nil || !f.external {
			return false
		}
		found = true
	}
	return found
}

// checkSelectionShape reports a leaf field with a sub-selection or a
// composite field without one.
func (sg *subgraph) checkSelectionShape(def *sField, f *ast.Field, where, code, coord string, e *errs) {
	ft := sg.types[def.typ.Name()]
	composite := ft != nil && ft.isComposite()
	switch {
	case composite && len(f.SelectionSet) == 0:
		e.add(code, coord, one(sg.name), "%s: Field %q of type %q must have a selection of subfields.", where, f.Name, def.typ.String())
	case !composite && len(f.SelectionSet) > 0:
		e.add(code, coord, one(sg.name), "%s: Field %q must not have a selection since type %q has no subfields.", where, f.Name, def.typ.String())
	}
}

// validateInterfaceKeys: an entity interface's keys must be keys of every
// implementation in the subgraph, so the router can resolve them.
func (sg *subgraph) validateInterfaceKeys(itf *sType, e *errs) {
	for _, name := range sg.order {
		t := sg.types[name]
		if t.kind != ast.Object || !contains(t.interfaces, itf.name) {
			continue
		}
		for _, k := range itf.keys {
			if !t.hasKey(k.fields) {
				e.add("INTERFACE_KEY_NOT_ON_IMPLEMENTATION", itf.name, one(sg.name),
					"Key @key(fields: %q) on interface type %q is missing on implementation type %q.", k.fields, itf.name, t.name)
			}
		}
	}
}

func (t *sType) hasKey(fields string) bool {
	want := normalizeFieldSet(fields)
	for _, k := range t.keys {
		if normalizeFieldSet(k.fields) == want {
			return true
		}
	}
	return false
}

func (sg *subgraph) validateExternalsUsed(e *errs) {
	used := sg.fieldSetUsage()
	for _, name := range sg.order {
		t := sg.types[name]
		for _, f := range t.fields {
			if f.external && !used[t.name+"."+f.name] && (t.kind == ast.Object || t.kind == ast.Interface) {
				e.add("EXTERNAL_UNUSED", t.name+"."+f.name, one(sg.name),
					"Field %q is marked @external but is not used in any federation directive (@key, @provides, @requires) or to satisfy an interface; the field declaration has no use and should be removed (or the field should not be @external).", t.name+"."+f.name)
			}
		}
	}
}

func typeNameOf(t *sType) string {
	if t == nil {
		return "<unknown>"
	}
	return t.name
}

// kindName names a kind the way Apollo's messages do.
func kindName(k ast.DefinitionKind) string {
	return map[ast.DefinitionKind]string{
		ast.Object: "Object Type", ast.Interface: "Interface Type", ast.Union: "Union Type",
		ast.Enum: "Enum Type", ast.InputObject: "Input Object Type", ast.Scalar: "Scalar Type",
	}[k]
}

func contains(list []string, s string) bool {
	for _, l := range list {
		if l == s {
			return true
		}
	}
	return false
}
