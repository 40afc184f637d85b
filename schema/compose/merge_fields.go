package compose

import (
	"fmt"
	"strings"

	"github.com/vektah/gqlparser/v2/ast"
)

type fieldMerge struct {
	parent *outType
	name   string
	coord  string
	fs     []*sField // per subgraph
	state  []overrideState
	// overrideFrom is the effective @override source per subgraph.
	overrideFrom []string
	// label is the progressive override label per subgraph, on both sides.
	label []string
	// invalidOverride is set when an @override was rejected, so the field
	// is not reported again as shared.
	invalidOverride bool
}

func (m *merger) mergeFields(t *outType, src []*sType) {
	var names []string
	for _, s := range src {
		if s == nil {
			continue
		}
		for _, f := range s.fields {
			names = appendUnique(names, f.name)
		}
	}
	for _, name := range names {
		fm := &fieldMerge{
			parent: t, name: name, coord: t.name + "." + name,
			fs:           make([]*sField, len(m.sgs)),
			state:        make([]overrideState, len(m.sgs)),
			overrideFrom: make([]string, len(m.sgs)),
			label:        make([]string, len(m.sgs)),
		}
		onlyItfObject := true
		for i, s := range src {
			fm.fs[i] = s.field(name)
			if fm.fs[i] != nil && !s.interfaceObject {
				onlyItfObject = false
			}
		}
		if t.kind == ast.Interface && onlyItfObject {
			m.fromItfObject[fm.coord] = true
		}
		m.applyOverrides(fm)
		m.overrides[fm.coord] = fm.state
		if f := m.mergeField(fm, src); f != nil {
			t.fields = append(t.fields, f)
		}
	}
}

func (m *merger) mergeField(fm *fieldMerge, src []*sType) *outField {
	var all, resolving []*ast.Type
	var descs []string
	out := &outField{name: fm.name}
	var tags []string
	var other []*ast.Directive
	var deprecated *string
	allExternal := true
	var defining []string
	for i, f := range fm.fs {
		if f == nil {
			continue
		}
		defining = append(defining, m.sgs[i].name)
		all = append(all, f.typ)
		if !f.external {
			allExternal = false
			resolving = append(resolving, f.typ)
		}
		descs = append(descs, f.desc)
		out.inaccessible = out.inaccessible || f.inaccessible
		tags = appendUnique(tags, f.tags...)
		other = append(other, f.other...)
		if deprecated == nil && f.deprecated != nil {
			deprecated = f.deprecated
		}
	}
	if allExternal && fm.parent.kind == ast.Object {
		m.e.add("EXTERNAL_MISSING_ON_BASE", fm.coord, defining, "Field %q is marked @external on all the subgraphs in which it is listed (%s).", fm.coord, subgraphList(defining))
		return nil
	}
	if len(resolving) == 0 {
		resolving = all
	}
	out.typ = m.sub.mergeOutput(resolving)
	if out.typ == nil {
		m.e.add("FIELD_TYPE_MISMATCH", fm.coord, defining, "Type of field %q is incompatible across subgraphs: %s", fm.coord, describeTypes(m, fm.fs))
		return nil
	}
	for i, f := range fm.fs {
		if f != nil && f.external && !m.sub.isSubtype(out.typ, f.typ, false) {
			m.e.add("EXTERNAL_TYPE_MISMATCH", fm.coord, []string{m.sgs[i].name}, "Type of field %q is incompatible across subgraphs (where marked @external): it has type %q in %s but type %q in subgraph %q", fm.coord, out.typ.String(), subgraphList(m.resolvers(fm)), f.typ.String(), m.sgs[i].name)
		}
	}
	out.desc = pickDescription(descs)
	if fm.parent.kind == ast.Object && !fm.invalidOverride {
		m.validateSharing(fm, src)
	}
	out.args = m.mergeArgs(fm)
	sameTypes := allEqual(all)
	out.dirs = inaccessibleFirst(out.inaccessible)
	if m.needsJoinField(fm, src, sameTypes) {
		out.dirs = append(out.dirs, m.joinFields(fm, sameTypes)...)
	}
	out.dirs = append(out.dirs, m.metaDirectives(deprecated, false, tags, other)...)
	return out
}

// resolvers names the subgraphs defining the field without @external.
func (m *merger) resolvers(fm *fieldMerge) []string {
	var out []string
	for i, f := range fm.fs {
		if f != nil && !f.external {
			out = append(out, m.sgs[i].name)
		}
	}
	return out
}

func describeTypes(m *merger, fs []*sField) string {
	var parts []string
	for i, f := range fs {
		if f != nil {
			parts = append(parts, fmt.Sprintf("type %q in subgraph %q", f.typ.String(), m.sgs[i].name))
		}
	}
	return strings.Join(parts, " but ")
}

func subgraphList(names []string) string {
	q := make([]string, len(names))
	for i, n := range names {
		q[i] = fmt.Sprintf("%q", n)
	}
	if len(q) == 1 {
		return "subgraph " + q[0]
	}
	return "subgraphs " + strings.Join(q[:len(q)-1], ", ") + " and " + q[len(q)-1]
}

// validateSharing: a field resolved by several subgraphs must be @shareable
// (or a key field) in all of them.
func (m *merger) validateSharing(fm *fieldMerge, src []*sType) {
	var resolvers, nonShareable []string
	for i, f := range fm.fs {
		if f == nil || fm.state[i] != notOverridden || src[i].interfaceObject {
			continue
		}
		// An @external field a @provides selects is resolved there too, and
		// counts as shareable on that side.
		provided := f.external && m.sgs[i].providedFields()[fm.coord]
		if f.external && !provided {
			continue
		}
		resolvers = append(resolvers, m.sgs[i].name)
		if !f.shareable && !provided && !m.keyFields(i)[fm.coord] {
			nonShareable = append(nonShareable, m.sgs[i].name)
		}
	}
	if len(resolvers) < 2 || len(nonShareable) == 0 {
		return
	}
	in := subgraphList(nonShareable)
	if len(nonShareable) == len(resolvers) {
		in = "all of them"
	}
	m.e.add("INVALID_FIELD_SHARING", fm.coord, nonShareable, "Non-shareable field %q is resolved from multiple subgraphs: it is resolved from %s and defined as non-shareable in %s", fm.coord, subgraphList(resolvers), in)
}

// keyFields returns the fields ("Type.field") some @key of subgraph i selects,
// at any depth: they are shareable without saying so.
func (m *merger) keyFields(i int) map[string]bool {
	sg := m.sgs[i]
	if sg.keyFieldCache != nil {
		return sg.keyFieldCache
	}
	used := map[string]bool{}
	for _, name := range sg.order {
		for _, k := range sg.types[name].keys {
			sg.walkFieldSet(name, parseFieldSet(k.fields), false, func(p *sType, d *sField, _ *ast.Field, _ bool) {
				if p != nil && d != nil {
					used[p.name+"."+d.name] = true
				}
			})
		}
	}
	sg.keyFieldCache = used
	return used
}

// needsJoinField mirrors Apollo: the field needs @join__field unless every
// subgraph with the parent type resolves it plainly with the same type.
func (m *merger) needsJoinField(fm *fieldMerge, src []*sType, sameTypes bool) bool {
	if !sameTypes {
		return true
	}
	for i, s := range src {
		if s == nil {
			continue
		}
		f := fm.fs[i]
		if f == nil || fm.state[i] != notOverridden || f.external || f.requires != "" || f.provides != "" {
			return true
		}
	}
	return false
}

func (m *merger) joinFields(fm *fieldMerge, sameTypes bool) []applied {
	var out []applied
	for i, f := range fm.fs {
		if f == nil || fm.state[i] == unusedOverridden {
			continue
		}
		a := applied{name: "join__field", args: []kv{{"graph", m.sgs[i].graph}}}
		if f.requires != "" {
			a.args = append(a.args, kv{"requires", quote(f.requires)})
		}
		if f.provides != "" {
			a.args = append(a.args, kv{"provides", quote(f.provides)})
		}
		if !sameTypes {
			a.args = append(a.args, kv{"type", quote(f.typ.String())})
		}
		if f.external {
			a.args = append(a.args, kv{"external", "true"})
		}
		if fm.overrideFrom[i] != "" {
			a.args = append(a.args, kv{"override", quote(fm.overrideFrom[i])})
		}
		if fm.state[i] == usedOverridden {
			a.args = append(a.args, kv{"usedOverridden", "true"})
		}
		if fm.label[i] != "" {
			a.args = append(a.args, kv{"overrideLabel", quote(fm.label[i])})
		}
		out = append(out, a)
	}
	return out
}
