package compose

import (
	"fmt"
	"strings"

	"github.com/vektah/gqlparser/v2/ast"
)

// mergeArgs keeps the arguments every resolving subgraph declares, with the
// most restrictive type; a required argument some subgraph lacks is an error.
func (m *merger) mergeArgs(fm *fieldMerge) []*outField {
	var names []string
	var defs []int
	for i, f := range fm.fs {
		if f == nil || f.external {
			continue
		}
		defs = append(defs, i)
		for _, a := range f.args {
			names = appendUnique(names, a.name)
		}
	}
	var out []*outField
	for _, name := range names {
		var args []*sField
		var missing, has []string
		required := false
		for _, i := range defs {
			a := argNamed(fm.fs[i].args, name)
			if a == nil {
				missing = append(missing, m.sgs[i].name)
				continue
			}
			has = append(has, m.sgs[i].name)
			args = append(args, a)
			if a.typ.NonNull && a.def == nil {
				required = true
			}
		}
		coord := fmt.Sprintf("%s(%s:)", fm.coord, name)
		if len(missing) > 0 {
			if required {
				m.e.add("REQUIRED_ARGUMENT_MISSING_IN_SOME_SUBGRAPH", coord, missing, "Argument %q is required in some subgraphs but does not appear in all subgraphs: it is required in %s but does not appear in %s", coord, subgraphList(has), subgraphList(missing))
			}
			continue
		}
		if a := m.mergeInputValue(coord, args, has, "FIELD_ARGUMENT"); a != nil {
			out = append(out, a)
		}
	}
	return out
}

func argNamed(args []*sField, name string) *sField {
	for _, a := range args {
		if a.name == name {
			return a
		}
	}
	return nil
}

// mergeInputValue merges an argument or input field defined in every
// subgraph listed: most restrictive type, equal defaults.
func (m *merger) mergeInputValue(coord string, vals []*sField, sgs []string, codePrefix string) *outField {
	types := make([]*ast.Type, len(vals))
	var descs []string
	var tags []string
	var other []*ast.Directive
	var deprecated *string
	out := &outField{name: vals[0].name}
	for i, v := range vals {
		types[i] = v.typ
		descs = append(descs, v.desc)
		tags = appendUnique(tags, v.tags...)
		other = append(other, v.other...)
		out.inaccessible = out.inaccessible || v.inaccessible
		if deprecated == nil {
			deprecated = v.deprecated
		}
	}
	out.typ = m.sub.mergeInput(types)
	if out.typ == nil {
		code := codePrefix + "_TYPE_MISMATCH"
		if codePrefix == "INPUT_FIELD" {
			code = "FIELD_TYPE_MISMATCH"
		}
		what := map[string]string{"FIELD_ARGUMENT": "argument", "INPUT_FIELD": "input field"}[codePrefix]
		m.e.add(code, coord, sgs, "Type of %s %q is incompatible across subgraphs: it has %s", what, coord, typesIn(vals, sgs))
		return nil
	}
	defs := map[string]bool{}
	var parts []string
	for i, v := range vals {
		d := printValue(v.def)
		defs[d] = true
		if d != "" {
			out.def = d
		} else {
			d = "no default value"
		}
		parts = append(parts, fmt.Sprintf("default value %s in subgraph %q", d, sgs[i]))
	}
	if len(defs) > 1 {
		what := map[string]string{"FIELD_ARGUMENT": "Argument", "INPUT_FIELD": "Input field"}[codePrefix]
		m.e.add(codePrefix+"_DEFAULT_MISMATCH", coord, sgs, "%s %q has incompatible default values across subgraphs: it has %s", what, coord, strings.Join(parts, " but "))
	}
	out.desc = pickDescription(descs)
	out.dirs = append(inaccessibleFirst(out.inaccessible), m.metaDirectives(deprecated, false, tags, other)...)
	return out
}

func typesIn(vals []*sField, sgs []string) string {
	var parts []string
	for i, v := range vals {
		parts = append(parts, fmt.Sprintf("type %q in subgraph %q", v.typ.String(), sgs[i]))
	}
	return strings.Join(parts, " but ")
}
