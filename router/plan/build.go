package plan

import (
	"errors"
	"fmt"
	"strings"

	"github.com/careercoach/coach/router/supergraph"
	"github.com/vektah/gqlparser/v2/ast"
)

// Options tune planning.
type Options struct {
	// Labels are the progressive-override labels enabled for the request.
	Labels supergraph.Labels
}

// ErrUnsupported is returned for operations the planner cannot plan yet.
var ErrUnsupported = errors.New("unsupported operation")

// maxHopDepth bounds entity hops nested through keys and requires, so a
// malformed supergraph cannot make planning loop.
const maxHopDepth = 32

// Build plans the named operation of doc, which must already be validated
// against sg.API. vars (coerced) are read only to evaluate @skip and
// @include, so a cache key must include those variables' values.
func Build(sg *supergraph.Supergraph, doc *ast.QueryDocument, opName string, vars map[string]any, opts Options) (*Plan, error) {
	op, err := pickOperation(doc, opName)
	if err != nil {
		return nil, err
	}
	p := newPlanner(sg, opts, vars, op)
	out := &Plan{Kind: string(op.Operation), Shape: &Shape{}}
	var root *ast.Definition
	switch op.Operation {
	case ast.Query:
		root = sg.API.Query
	case ast.Mutation:
		root = sg.API.Mutation
	default:
		return nil, fmt.Errorf("%w: %s operations", ErrUnsupported, op.Operation)
	}
	if root == nil {
		return nil, fmt.Errorf("schema has no %s type", op.Operation)
	}
	out.RootType = root.Name
	p.rootType = root.Name
	buildShape(sg.API, op.SelectionSet, root, nil, vars, out.Shape)
	markHidden(sg, out.Shape)
	if op.Operation == ast.Query {
		inc := &Shape{}
		shaper{schema: sg.API, vars: vars, split: true}.build(op.SelectionSet, root, nil, inc)
		if hasDefer(inc) {
			markHidden(sg, inc)
			out.Incremental = inc
		}
	}
	if err := p.planRoot(root.Name); err != nil {
		return nil, err
	}
	out.Root, out.Deferred = p.tree()
	out.Root, out.Deferred = optimize(out.Root), optimize(out.Deferred)
	return out, nil
}

func pickOperation(doc *ast.QueryDocument, name string) (*ast.OperationDefinition, error) {
	if name != "" {
		if op := doc.Operations.ForName(name); op != nil {
			return op, nil
		}
		return nil, fmt.Errorf("unknown operation named %q", name)
	}
	if len(doc.Operations) != 1 {
		return nil, fmt.Errorf("operation name is required when the document has %d operations", len(doc.Operations))
	}
	return doc.Operations[0], nil
}

type planner struct {
	sg       *supergraph.Supergraph
	opts     Options
	vars     map[string]any
	op       *ast.OperationDefinition
	fetches  []*fetch
	hops     map[string]*fetch
	building map[string]bool // hops whose representation is being planned
	touched  map[int]bool
	group    int
	depth    int
	rootType string
	// roots holds the query's root fetch per subgraph; last is a
	// mutation's latest root fetch.
	roots map[string]*fetch
	last  *fetch
	// avoid counts subgraphs a reroute is moving away from: they cannot
	// reach the field being planned, so nothing under the reroute may pick
	// them again (which also bounds rerouting).
	avoid map[string]int
	// deferring counts the @defer fragments planning is inside: fetches
	// made there, and used by nothing outside them, run after the
	// initial payload (Plan.Deferred).
	deferring int
}

func newPlanner(sg *supergraph.Supergraph, opts Options, vars map[string]any, op *ast.OperationDefinition) *planner {
	return &planner{sg: sg, opts: opts, vars: vars, op: op, hops: map[string]*fetch{}, building: map[string]bool{},
		touched: map[int]bool{}, roots: map[string]*fetch{}, avoid: map[string]int{}}
}

// fetch is a plan fetch under construction.
type fetch struct {
	id, group int
	graph     string
	path      []string
	entity    bool
	reps      *Selection
	repTypes  map[string]*supergraph.Key
	aliases   map[string]string
	sel       *Selection
	deps      map[int]bool
	// primary: the initial payload needs this fetch (it was made or used
	// outside every @defer fragment, or a primary fetch depends on it).
	primary bool
}

// pos is where planning stands: a selection inside a fetch, on a type.
type pos struct {
	f             *fetch
	sel           *Selection
	typ           string
	path          []string
	provided      supergraph.FieldSet
	allowRequires bool // at the root of an entity fetch made for @requires
	// parent is the position of the object holding the field via, whose
	// selection this position plans; nil at the root. A field that no
	// subgraph reachable from here resolves is rerouted through them.
	parent *pos
	via    *ast.Field
	// origin, in an entity fetch, is the position the hop was made from
	// (the same object in the parent fetch, where its keys are known).
	origin *pos
	// alts are the other subgraphs that could equally have resolved the
	// path to this position (shareable fields, entity keys); members, when
	// set, restricts a union to the members all of them know.
	alts    []string
	members map[string]bool
}

func (p *planner) newFetch(graph string, path []string, entity bool) *fetch {
	f := &fetch{id: len(p.fetches), group: p.group, graph: graph, path: path, entity: entity,
		sel: &Selection{}, deps: map[int]bool{}, primary: p.deferring == 0}
	if entity {
		f.reps, f.repTypes, f.aliases = &Selection{}, map[string]*supergraph.Key{}, map[string]string{}
	}
	p.fetches = append(p.fetches, f)
	return f
}

// rootField is a root field and whether it is inside a @defer fragment.
type rootField struct {
	f        *ast.Field
	deferred bool
}

// rootFields flattens fragments on the root type and applies skip/include.
func (p *planner) rootFields(ss ast.SelectionSet, deferred bool, out []rootField) []rootField {
	for _, s := range ss {
		switch x := s.(type) {
		case *ast.Field:
			if included(x.Directives, p.vars) {
				out = append(out, rootField{x, deferred})
			}
		case *ast.InlineFragment:
			if included(x.Directives, p.vars) {
				out = p.rootFields(x.SelectionSet, deferred || p.deferred(x.Directives), out)
			}
		case *ast.FragmentSpread:
			if included(x.Directives, p.vars) && x.Definition != nil {
				out = p.rootFields(x.Definition.SelectionSet, deferred || p.deferred(x.Directives), out)
			}
		}
	}
	return out
}

// deferred reports whether a fragment's @defer applies: only queries are
// delivered incrementally (a mutation's or subscription event's answer
// comes whole).
func (p *planner) deferred(dirs ast.DirectiveList) bool {
	return p.op.Operation == ast.Query && deferActive(dirs, p.vars)
}

func (p *planner) planRoot(rootType string) error {
	for _, rf := range p.rootFields(p.op.SelectionSet, false, nil) {
		if strings.HasPrefix(rf.f.Name, "__") {
			continue // __typename and introspection are answered by the router
		}
		if rf.deferred {
			p.deferring++
		}
		err := p.planRootField(rootType, rf.f)
		if rf.deferred {
			p.deferring--
		}
		if err != nil {
			return err
		}
	}
	return nil
}

func (p *planner) planRootField(rootType string, f *ast.Field) error {
	candidates := p.sg.FieldGraphs(rootType, f.Name, p.opts.Labels)
	if len(candidates) == 0 {
		return fmt.Errorf("no subgraph resolves %s.%s", rootType, f.Name)
	}
	var fe *fetch
	if p.op.Operation == ast.Mutation {
		// Mutation fields run strictly in order: consecutive fields of one
		// subgraph share a fetch, anything else starts a new group. So does
		// a field after one that needed entity fetches: those must see the
		// data before this field changes it.
		if p.last != nil && contains(candidates, p.last.graph) && !p.groupHops(p.last) {
			fe = p.last
		} else {
			p.group++
			fe = p.newFetch(candidates[0], nil, false)
		}
		p.last = fe
	} else {
		g := p.chooseRootGraph(rootType, f, candidates, p.roots)
		if fe = p.roots[g]; fe == nil {
			fe = p.newFetch(g, nil, false)
			p.roots[g] = fe
		}
	}
	return p.planField(pos{f: fe, sel: fe.sel, typ: rootType}, f)
}

// groupHops reports whether last's group has fetches besides last.
func (p *planner) groupHops(last *fetch) bool {
	for _, f := range p.fetches {
		if f.group == last.group && f != last {
			return true
		}
	}
	return false
}

// chooseRootGraph picks, for a shareable root field, the subgraph that
// needs the fewest fetches, preferring one already in the plan.
func (p *planner) chooseRootGraph(rootType string, f *ast.Field, candidates []string, used map[string]*fetch) string {
	if len(candidates) == 1 {
		return candidates[0]
	}
	best, bestCost := "", 0
	for _, g := range candidates {
		trial := newPlanner(p.sg, p.opts, p.vars, p.op)
		fe := trial.newFetch(g, nil, false)
		trial.roots[g] = fe
		cost := 1
		if err := trial.planField(pos{f: fe, sel: fe.sel, typ: rootType}, f); err != nil {
			cost = 1 << 20
		} else {
			cost = 2 * len(trial.fetches)
		}
		if used[g] != nil {
			cost-- // an existing fetch is free; break ties towards it
		}
		if best == "" || cost < bestCost {
			best, bestCost = g, cost
		}
	}
	return best
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func (p *planner) planSelectionSet(at pos, ss ast.SelectionSet) error {
	for _, s := range ss {
		var err error
		switch x := s.(type) {
		case *ast.Field:
			if included(x.Directives, p.vars) {
				err = p.planField(at, x)
			}
		case *ast.InlineFragment:
			if included(x.Directives, p.vars) {
				err = p.deferPlanning(x.Directives, func() error { return p.planFragment(at, x.TypeCondition, x.SelectionSet) })
			}
		case *ast.FragmentSpread:
			if included(x.Directives, p.vars) && x.Definition != nil {
				err = p.deferPlanning(x.Directives, func() error {
					return p.planFragment(at, x.Definition.TypeCondition, x.Definition.SelectionSet)
				})
			}
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// planFragment plans an inline fragment or spread. On an abstract parent
// it becomes one fragment per object type the current subgraph can return,
// which is always a valid type condition in that subgraph.
func (p *planner) planFragment(at pos, typeCond string, ss ast.SelectionSet) error {
	if typeCond == "" || typeCond == at.typ {
		return p.planSelectionSet(at, ss)
	}
	if !p.sg.IsAbstract(at.typ) {
		// On an object type a fragment applies only when the object can be
		// of the condition's type; anything else is an invalid spread in
		// the subgraph (its field may return a narrower type than the
		// supergraph's).
		if contains(p.sg.PossibleTypes(typeCond), at.typ) {
			return p.planSelectionSet(at, ss)
		}
		return nil
	}
	if p.isInterfaceObject(at) {
		// This subgraph cannot tell implementations apart: ask the owner.
		// Which objects a deferred fragment applies to is known only from
		// that answer, so the initial payload waits for it.
		saved := p.deferring
		p.deferring = 0
		h, err := p.ownerHop(at)
		p.deferring = saved
		if err != nil {
			return err
		}
		sel := h.sel.fragment(at.typ)
		sel.typename()
		return p.planFragment(pos{f: h, sel: sel, typ: at.typ, path: at.path, parent: at.parent, via: at.via}, typeCond, ss)
	}
	want := map[string]bool{}
	for _, t := range p.sg.PossibleTypes(typeCond) {
		want[t] = true
	}
	for _, t := range p.possibleTypes(at) {
		if want[t] {
			if err := p.planSelectionSet(at.on(t), ss); err != nil {
				return err
			}
		}
	}
	return nil
}

// on narrows an abstract position to one object type.
func (at pos) on(t string) pos {
	n := at
	n.sel = at.sel.fragment(t)
	n.typ = t
	n.provided = providedFor(at.provided, t)
	n.allowRequires = false
	return n
}

// providedFor keeps the provided fields that apply to type t.
func providedFor(fs supergraph.FieldSet, t string) supergraph.FieldSet {
	if fs == nil {
		return nil
	}
	out := supergraph.FieldSet{}
	for _, it := range fs {
		if it.TypeCondition == "" {
			out = append(out, it)
		} else if it.TypeCondition == t {
			out = append(out, it.Sub...)
		}
	}
	return out
}

// touch records that f selects something; outside @defer fragments that
// makes it part of the initial payload's plan.
func (p *planner) touch(f *fetch) {
	p.touched[f.id] = true
	if p.deferring == 0 {
		f.primary = true
	}
}

// deferPlanning runs plan inside a fragment, counted as deferred when its
// @defer applies.
func (p *planner) deferPlanning(dirs ast.DirectiveList, plan func() error) error {
	if !p.deferred(dirs) {
		return plan()
	}
	p.deferring++
	defer func() { p.deferring-- }()
	return plan()
}
