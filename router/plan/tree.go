package plan

import (
	"fmt"
	"sort"
	"strings"

	"github.com/vektah/gqlparser/v2/ast"
)

// tree arranges the fetches into plan nodes: mutation groups in sequence;
// inside a group, fetches in stages by dependency depth, each stage in
// parallel. Fetches only @defer fragments need form the second tree, run
// after the first.
func (p *planner) tree() (primary, deferred Node) {
	p.promote()
	var groups []Node
	var later []*fetch
	for g := 0; g <= p.group; g++ {
		var fs []*fetch
		for _, f := range p.fetches {
			if f.sel.prune(); f.group == g && len(f.sel.Items) > 0 {
				if f.primary {
					fs = append(fs, f)
				} else {
					later = append(later, f)
				}
			}
		}
		if len(fs) > 0 {
			groups = append(groups, p.stages(fs))
		}
	}
	primary = wrap(groups, func(n []Node) Node { return &Sequence{Nodes: n} })
	if len(later) > 0 {
		deferred = p.stages(later)
	}
	return primary, deferred
}

// promote makes every fetch a primary fetch depends on primary too.
func (p *planner) promote() {
	var mark func(f *fetch)
	mark = func(f *fetch) {
		for id := range f.deps {
			if d := p.fetches[id]; !d.primary {
				d.primary = true
				mark(d)
			}
		}
	}
	for _, f := range p.fetches {
		if f.primary {
			mark(f)
		}
	}
}

func wrap(nodes []Node, many func([]Node) Node) Node {
	switch len(nodes) {
	case 0:
		return nil
	case 1:
		return nodes[0]
	}
	return many(nodes)
}

func (p *planner) stages(fs []*fetch) Node {
	level := map[int]int{}
	var depth func(f *fetch) int
	depth = func(f *fetch) int {
		if l, ok := level[f.id]; ok {
			return l
		}
		level[f.id] = 0 // cycle guard
		l := 0
		for id := range f.deps {
			if d := p.fetches[id]; d.group == f.group && d.primary == f.primary {
				l = max(l, depth(d)+1)
			}
		}
		level[f.id] = l
		return l
	}
	var stages [][]*fetch
	for _, f := range fs {
		l := depth(f)
		for len(stages) <= l {
			stages = append(stages, nil)
		}
		stages[l] = append(stages[l], f)
	}
	var seq []Node
	for _, st := range stages {
		if len(st) == 0 {
			continue
		}
		sort.Slice(st, func(i, j int) bool { return st[i].id < st[j].id })
		nodes := make([]Node, len(st))
		for i, f := range st {
			nodes[i] = p.node(f)
		}
		seq = append(seq, wrap(nodes, func(n []Node) Node { return &Parallel{Nodes: n} }))
	}
	return wrap(seq, func(n []Node) Node { return &Sequence{Nodes: n} })
}

func (p *planner) node(f *fetch) Node {
	top := p.rootType
	if f.entity {
		top = "" // an _entities selection is made of type conditions
	}
	p.dealias(f.graph, []selAt{{f.sel, top}})
	fe := &Fetch{Service: f.graph, Selection: f.sel}
	fe.Variables = f.sel.variables(map[string]bool{}, nil)
	if p.op.Name != "" {
		fe.OperationName = fmt.Sprintf("%s__%s__%d", p.op.Name, f.graph, f.id)
	}
	var decls []string
	if f.entity {
		decls = append(decls, "$representations: [_Any!]!")
	}
	for _, v := range fe.Variables {
		if d := p.op.VariableDefinitions.ForName(v); d != nil {
			decls = append(decls, varDecl(d))
			fe.VariableDecls = append(fe.VariableDecls, varDecl(d))
		}
	}
	var b strings.Builder
	kind := "query"
	if !f.entity {
		kind = string(p.op.Operation)
	}
	b.WriteString(kind)
	if fe.OperationName != "" {
		b.WriteString(" " + fe.OperationName)
	}
	if len(decls) > 0 {
		b.WriteString("(" + strings.Join(decls, ", ") + ")")
	}
	b.WriteString(" ")
	if f.entity {
		fe.Requires = f.reps
		if len(f.aliases) > 0 {
			fe.EntityAliases = f.aliases
		}
		fe.EntitySelection = f.sel.Compact()
		b.WriteString("{ _entities(representations: $representations) " + fe.EntitySelection + " }")
		fe.Operation = b.String()
		return &Flatten{Path: f.path, Node: fe}
	}
	b.WriteString(f.sel.Compact())
	fe.Operation = b.String()
	return fe
}

func varDecl(d *ast.VariableDefinition) string {
	s := "$" + d.Variable + ": " + d.Type.String()
	if d.DefaultValue != nil {
		s += " = " + d.DefaultValue.String()
	}
	return s
}
