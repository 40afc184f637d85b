package server

import (
	"encoding/json"
	"math"
	"strconv"

	"github.com/vektah/gqlparser/v2/ast"
)

// Every walk over a client's document here visits each fragment once and
// reuses its measures wherever it is spread (memoised per fragment): a
// chain of fragments that each spread the next twice is 2^n fields once
// expanded but n fragments to walk. Counts saturate instead of
// overflowing, so an exponential document reads as "too many fields".

// saturated is where counts stop growing; every limit is far below it.
const saturated = math.MaxInt32

func satAdd(a, b int) int { return min(a+b, saturated) }

func satMul(a, b int) int {
	if a == 0 || b == 0 {
		return 0
	}
	if a > saturated/b {
		return saturated
	}
	return a * b
}

// shapeStats are an operation's measures after its fragments are
// expanded: what the depth, alias, root-field and field limits compare.
type shapeStats struct {
	depth, aliases, rootFields int
	fields                     int // fields selected once fragments are expanded
	introspects                bool
	// repeats is the most selections of one response key (or spreads of
	// one fragment) in a selection set, repeatKey that key; fragments the
	// document's fragment definitions. Validation (the overlapping-fields
	// rule, its walk of each fragment) grows with their squares.
	repeats   int
	repeatKey string
	fragments int
}

// levelStats measure a selection set relative to its own level.
type levelStats struct {
	depth   int // deepest field level, 1 for the set's own fields
	top     int // fields at the set's own level
	aliases int
	fields  int
	intro   bool
	repeats int
	key     string // the response key or "...Fragment" repeated most
}

func (a *levelStats) merge(b levelStats) {
	if b.repeats > a.repeats {
		a.repeats, a.key = b.repeats, b.key
	}
	a.depth = max(a.depth, b.depth)
	a.top = satAdd(a.top, b.top)
	a.aliases = satAdd(a.aliases, b.aliases)
	a.fields = satAdd(a.fields, b.fields)
	a.intro = a.intro || b.intro
}

// measurer measures the operations of one document. It works before
// validation: spreads are followed by name, and a spread of a fragment
// being measured (a cycle, which validation reports) counts nothing.
type measurer struct {
	frags map[string]*ast.FragmentDefinition
	memo  map[string]*levelStats // nil while the fragment is being measured
	count int                    // fragment definitions
}

func newMeasurer(doc *ast.QueryDocument) *measurer {
	m := &measurer{frags: make(map[string]*ast.FragmentDefinition, len(doc.Fragments)), memo: map[string]*levelStats{}, count: len(doc.Fragments)}
	for _, f := range doc.Fragments {
		if _, dup := m.frags[f.Name]; !dup { // the first of duplicates, as ForName
			m.frags[f.Name] = f
		}
	}
	return m
}

func (m *measurer) measure(op *ast.OperationDefinition) shapeStats {
	st := m.level(op.SelectionSet)
	return shapeStats{depth: st.depth, aliases: st.aliases, rootFields: st.top, fields: st.fields, introspects: st.intro,
		repeats: st.repeats, repeatKey: st.key, fragments: m.count}
}

// measure measures one operation of doc (tests and one-off checks).
func measure(doc *ast.QueryDocument, op *ast.OperationDefinition) shapeStats {
	return newMeasurer(doc).measure(op)
}

func (m *measurer) level(ss ast.SelectionSet) levelStats {
	var st levelStats
	m.collect(ss, &st, map[string]int{})
	return st
}

// collect measures the selections of one level (inline fragments' too)
// into st; seen counts their response keys and spread fragments.
func (m *measurer) collect(ss ast.SelectionSet, st *levelStats, seen map[string]int) {
	repeat := func(key string) {
		if seen[key]++; seen[key] > st.repeats {
			st.repeats, st.key = seen[key], key
		}
	}
	for _, s := range ss {
		switch x := s.(type) {
		case *ast.Field:
			if x.Alias != "" {
				repeat(x.Alias)
			} else {
				repeat(x.Name)
			}
			sub := m.level(x.SelectionSet)
			f := levelStats{depth: 1 + sub.depth, top: 1, fields: satAdd(1, sub.fields), aliases: sub.aliases,
				intro: sub.intro || x.Name == "__schema" || x.Name == "__type", repeats: sub.repeats, key: sub.key}
			if x.Alias != "" && x.Alias != x.Name {
				f.aliases = satAdd(f.aliases, 1)
			}
			st.merge(f)
		case *ast.InlineFragment:
			m.collect(x.SelectionSet, st, seen)
		case *ast.FragmentSpread:
			repeat("..." + x.Name)
			if f := m.fragment(x.Name); f != nil {
				st.merge(*f)
			}
		}
	}
}

func (m *measurer) fragment(name string) *levelStats {
	if st, seen := m.memo[name]; seen {
		return st // nil on a cycle
	}
	def := m.frags[name]
	if def == nil {
		return nil // unknown: validation reports it
	}
	m.memo[name] = nil
	st := m.level(def.SelectionSet)
	m.memo[name] = &st
	return &st
}

// Slicing arguments: a field taking one of these returns (or, for a
// connection, pages) at most that many items. This is the IBM GraphQL
// cost specification's and Apollo demand control's @listSize
// slicingArguments, fixed to Relay's names.
var slicingArgs = [...]string{"first", "last"}

// coster estimates a validated operation's cost: every field (and @defer
// fragment, deferCost) costs 1, times the size of each enclosing list. A
// list's size is its slicing argument (or, for a connection's edges, the
// connection's), else the argument's default, else listSize.
// Introspection (__schema, __type) costs its field count: the router answers it from the schema, whose
// size bounds its lists, and the alias, batch and cost limits bound its
// repeats. Costs are memoised per fragment and context, at a multiplier
// of 1: cost is linear in it.
type coster struct {
	vars     map[string]any
	listSize int
	memo     map[costKey]int
	usedVars bool // a slicing argument was a variable: the cost varies per request
}

type costKey struct {
	frag   *ast.FragmentDefinition
	sliced int
	intro  bool
}

func newCoster(vars map[string]any, listSize int) *coster {
	return &coster{vars: vars, listSize: listSize, memo: map[costKey]int{}}
}

func (c *coster) cost(op *ast.OperationDefinition) int { return c.set(op.SelectionSet, -1, false) }

// set is the cost of a selection set; sliced is the enclosing
// connection's slice for list fields directly in it, -1 for none; intro
// says it is inside introspection.
func (c *coster) set(ss ast.SelectionSet, sliced int, intro bool) int {
	total := 0
	for _, s := range ss {
		switch x := s.(type) {
		case *ast.Field:
			total = satAdd(total, 1)
			size, has := c.slice(x)
			mult, inner := 1, -1
			in := intro || x.Name == "__schema" || x.Name == "__type"
			switch {
			case in:
			case x.Definition != nil && x.Definition.Type.Elem != nil: // a list
				switch {
				case has:
					mult = size
				case sliced >= 0:
					mult = sliced
				default:
					mult = c.listSize
				}
			case has: // a connection: its lists hold size items
				inner = size
			}
			total = satAdd(total, satMul(mult, c.set(x.SelectionSet, inner, in)))
		case *ast.InlineFragment:
			total = satAdd(total, satAdd(deferCost(x.Directives), c.set(x.SelectionSet, sliced, intro)))
		case *ast.FragmentSpread:
			if x.Definition == nil {
				continue
			}
			total = satAdd(total, deferCost(x.Directives))
			k := costKey{x.Definition, sliced, intro}
			v, ok := c.memo[k]
			if !ok {
				c.memo[k] = 0 // validation refused cycles; this only guards
				v = c.set(x.Definition.SelectionSet, sliced, intro)
				c.memo[k] = v
			}
			total = satAdd(total, v)
		}
	}
	return total
}

// deferCost is what a fragment's @defer adds: on every object it applies
// to, a payload entry of its own (its path and label), which, nested, a
// few tokens each would otherwise multiply for free. Its if argument is
// not read: the cost stays the same for every request.
func deferCost(dirs ast.DirectiveList) int {
	if dirs.ForName("defer") != nil {
		return 1
	}
	return 0
}

// slice is the value of a field's slicing argument, if it has one.
func (c *coster) slice(f *ast.Field) (int, bool) {
	for _, name := range slicingArgs {
		if a := f.Arguments.ForName(name); a != nil && a.Value != nil {
			if a.Value.Kind == ast.Variable {
				c.usedVars = true
				if n, ok := intOf(c.vars[a.Value.Raw]); ok {
					return n, true
				}
			} else if n, err := strconv.Atoi(a.Value.Raw); err == nil && a.Value.Kind == ast.IntValue {
				return max(n, 0), true
			}
		}
		if f.Definition == nil {
			continue
		}
		if d := f.Definition.Arguments.ForName(name); d != nil && d.DefaultValue != nil && d.DefaultValue.Kind == ast.IntValue {
			if n, err := strconv.Atoi(d.DefaultValue.Raw); err == nil {
				return max(n, 0), true
			}
		}
	}
	return 0, false
}

// intOf reads a coerced Int variable.
func intOf(v any) (int, bool) {
	var n float64
	switch x := v.(type) {
	case int:
		n = float64(x)
	case int32:
		n = float64(x)
	case int64:
		n = float64(x)
	case float64:
		n = x
	case json.Number:
		f, err := x.Float64()
		if err != nil {
			return 0, false
		}
		n = f
	default:
		return 0, false
	}
	return int(max(0, min(n, saturated))), true
}
