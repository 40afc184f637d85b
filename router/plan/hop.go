package plan

import (
	"fmt"
	"sort"
	"strings"

	"github.com/careercoach/coach/router/supergraph"
)

// hopTarget is where an entity fetch goes: a subgraph and the entity type
// named in representations (an interface for @interfaceObject hops).
type hopTarget struct {
	graph, entity string
}

// hop returns the entity fetch that resolves field name of the current
// object from another subgraph (or from the same one, for @requires), and
// the entity type to select it on. prefer, when set, names the subgraphs
// a reroute is after (see chooseHop).
func (p *planner) hop(at pos, name string, prefer map[string]bool) (*fetch, string, error) {
	if p.depth > maxHopDepth {
		return nil, "", fmt.Errorf("cannot plan %s.%s: entity hops nest too deep", at.typ, name)
	}
	p.depth++
	defer func() { p.depth-- }()
	t, err := p.chooseHop(at, name, prefer)
	if err != nil {
		return nil, "", err
	}
	fg, _ := p.sg.FieldIn(t.graph, t.entity, name, p.opts.Labels)
	h, err := p.hopTo(at, t, fg)
	return h, t.entity, err
}

func (p *planner) hopTo(at pos, t hopTarget, fg *supergraph.FieldInGraph) (*fetch, error) {
	hk := p.hopKey(at, t, fg)
	h := p.hops[hk]
	if h == nil {
		h = p.newFetch(t.graph, at.path, true)
		h.deps[at.f.id] = true
		p.hops[hk] = h
	}
	p.building[hk] = true
	err := p.addRepresentation(h, at, t.entity, fg)
	delete(p.building, hk)
	if err != nil {
		return nil, err
	}
	p.touch(h)
	return h, nil
}

// hopKey identifies an entity fetch: same parent fetch, subgraph, path and
// entity type. A field whose @requires needs other fetches first gets its
// own fetch; when the parent already supplies the required fields it
// shares the plain one (subgraphs may have side effects per call).
func (p *planner) hopKey(at pos, t hopTarget, fg *supergraph.FieldInGraph) string {
	req := ""
	if fg != nil && fg.Requires != nil && (hasArguments(fg.Requires) || !p.localFieldSet(at.f.graph, at.typ, fg.Requires, at.provided)) {
		// A representation holds a field once, under its name: required
		// fields with arguments (which differ per @requires) need a fetch
		// of their own.
		req = fg.RequiresRaw
	}
	ent := "" // concrete types at one path share a fetch
	if t.entity != at.typ || p.sg.IsAbstract(t.entity) {
		ent = t.entity
	}
	return fmt.Sprintf("%d|%s|%s|%s|%s", at.f.id, t.graph, strings.Join(at.path, "."), ent, req)
}

// isInterfaceObject reports whether the position is an interface that the
// current subgraph only knows as an @interfaceObject.
func (p *planner) isInterfaceObject(at pos) bool {
	return p.sg.IsAbstract(at.typ) && p.sg.InterfaceObject(at.f.graph, at.typ)
}

// ownerHop is the entity fetch to a subgraph that defines the interface
// for real (with a key), which can resolve the concrete type.
func (p *planner) ownerHop(at pos) (*fetch, error) {
	t := p.sg.Types[at.typ]
	for _, g := range p.sg.Graphs {
		tg := t.Graphs[g.Name]
		if tg == nil || tg.InterfaceObject || len(resolvableKeys(tg.Keys)) == 0 {
			continue
		}
		return p.hopTo(at, hopTarget{graph: g.Name, entity: at.typ}, nil)
	}
	return nil, fmt.Errorf("cannot resolve the concrete type of %s: no subgraph owns it with a key", at.typ)
}

// interfacesOf lists the interfaces an object type implements in any graph.
func (p *planner) interfacesOf(typ string) []string {
	t := p.sg.Types[typ]
	if t == nil {
		return nil
	}
	seen := map[string]bool{}
	var out []string
	for _, is := range t.Implements {
		for _, i := range is {
			if !seen[i] {
				seen[i] = true
				out = append(out, i)
			}
		}
	}
	sort.Strings(out)
	return out
}

func (p *planner) chooseHop(at pos, name string, prefer map[string]bool) (hopTarget, error) {
	var candidates []hopTarget
	for _, g := range p.sg.FieldGraphs(at.typ, name, p.opts.Labels) {
		candidates = append(candidates, hopTarget{g, at.typ})
	}
	if !p.sg.IsAbstract(at.typ) {
		// Fields contributed by an @interfaceObject live on the interface.
		for _, i := range p.interfacesOf(at.typ) {
			for _, g := range p.sg.FieldGraphs(i, name, p.opts.Labels) {
				if p.sg.InterfaceObject(g, i) {
					candidates = append(candidates, hopTarget{g, i})
				}
			}
		}
	}
	best, bestScore := hopTarget{}, 0
	for _, c := range candidates {
		keys := resolvableKeys(p.sg.Keys(c.graph, c.entity))
		if len(keys) == 0 || p.avoid[c.graph] > 0 {
			continue
		}
		score := 2
		for _, k := range keys {
			if p.localFieldSet(at.f.graph, at.typ, k.Fields, at.provided) {
				score = 1
				break
			}
		}
		fg, _ := p.sg.FieldIn(c.graph, c.entity, name, p.opts.Labels)
		hk := p.hopKey(at, c, fg)
		if p.building[hk] {
			continue // its own representation is what we are resolving
		}
		if p.hops[hk] != nil {
			score = 0
		}
		if len(prefer) > 0 && !prefer[c.graph] {
			score += 5 // a reroute goes where the field it is after is resolved
		}
		if best.graph == "" || score < bestScore {
			best, bestScore = c, score
		}
	}
	if best.graph == "" {
		return best, fmt.Errorf("cannot plan %s.%s: no subgraph resolves it with a usable @key from %s", at.typ, name, at.f.graph)
	}
	return best, nil
}

// addRepresentation makes the parent select what the entity fetch needs
// (__typename, key fields, required fields) and records the fetches that
// supply them as dependencies.
func (p *planner) addRepresentation(h *fetch, at pos, entity string, fg *supergraph.FieldInGraph) error {
	rs := h.reps.fragment(entity)
	key := h.repTypes[entity]
	if key == nil {
		keys := resolvableKeys(p.sg.Keys(h.graph, entity))
		if len(keys) == 0 {
			return fmt.Errorf("cannot plan entity fetch: %s has no resolvable key in %s", entity, h.graph)
		}
		key = keys[0]
		for _, k := range keys {
			if p.localFieldSet(at.f.graph, at.typ, k.Fields, at.provided) {
				key = k
				break
			}
		}
		h.repTypes[entity] = key
		rs.typename()
		p.addFieldSet(rs, entity, key.Fields)
	}
	if p.sg.IsAbstract(entity) {
		// Objects of any implementation are sent as the interface.
		for _, c := range p.sg.PossibleTypes(entity) {
			h.aliases[c] = entity
		}
	}
	// Every parent selection reaching this fetch must carry the key, even
	// when another branch already added the representation fragment.
	need := append(supergraph.FieldSet{}, key.Fields...)
	at.sel.typename()
	p.touch(at.f)
	if fg != nil && fg.Requires != nil {
		p.addFieldSet(rs, entity, fg.Requires)
		need = append(need, fg.Requires...)
	}
	deps, err := p.ensure(at, need)
	if err != nil {
		return err
	}
	for id := range deps {
		if id != h.id {
			h.deps[id] = true
		}
	}
	return nil
}

func hasArguments(fs supergraph.FieldSet) bool {
	for _, it := range fs {
		if len(it.Arguments) > 0 || hasArguments(it.Sub) {
			return true
		}
	}
	return false
}
