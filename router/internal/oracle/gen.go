package oracle

import (
	"fmt"
	"maps"
	"math/rand/v2"
	"slices"
	"strings"

	"github.com/vektah/gqlparser/v2/ast"
)

// Case is one operation the oracle runs through the router and the
// reference.
type Case struct {
	Query     string         `json:"query"`
	Variables map[string]any `json:"variables,omitempty"`
	// Invalid says the generator broke the operation on purpose: both
	// sides must refuse it with the same error codes.
	Invalid string `json:"invalid,omitempty"`
}

// Bounds of a generated operation: deep enough for entity hops both ways
// (review → book → author → reviews → book), small enough to stay fast.
const (
	maxDepth  = 5
	maxFields = 40
)

// Generator writes random operations against an API schema. It is
// deterministic for a seed.
type Generator struct {
	schema *ast.Schema
	rnd    *rand.Rand
}

// NewGenerator returns a generator over schema seeded with seed.
func NewGenerator(schema *ast.Schema, seed uint64) *Generator {
	return &Generator{schema: schema, rnd: rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))}
}

// op is the state of one operation being written.
type op struct {
	g       *Generator
	names   int
	fields  int
	varDefs []string
	vars    map[string]any
	frags   []string
}

// Next returns the next operation; about one in twelve is invalid.
func (g *Generator) Next() Case {
	o := &op{g: g, vars: map[string]any{}}
	body := o.selection(g.schema.Query, 0)
	var b strings.Builder
	b.WriteString("query Q")
	if len(o.varDefs) > 0 {
		b.WriteString("(" + strings.Join(o.varDefs, ", ") + ")")
	}
	b.WriteString(" " + body)
	for _, f := range o.frags {
		b.WriteString("\n" + f)
	}
	c := Case{Query: b.String()}
	if len(o.vars) > 0 {
		c.Variables = o.vars
	}
	if g.rnd.IntN(12) == 0 {
		return g.breakCase(c)
	}
	return c
}

// NextMutation returns a mutation of one to four root fields (both
// subgraphs' mutations, in any order, aliased, some failing) with
// generated selections on what they return: the router must run them in
// order, each after the last one's entity fetches, as one server does.
func (g *Generator) NextMutation() Case {
	o := &op{g: g, vars: map[string]any{}}
	var fields []*ast.FieldDefinition
	for _, f := range g.schema.Mutation.Fields {
		if !strings.HasPrefix(f.Name, "__") {
			fields = append(fields, f)
		}
	}
	var items []string
	for n := 1 + g.rnd.IntN(4); n > 0; n-- {
		f := fields[g.rnd.IntN(len(fields))]
		items = append(items, o.name("m")+": "+f.Name+o.args(f)+o.directive()+" "+o.selection(g.schema.Types[f.Type.Name()], 1))
	}
	var b strings.Builder
	b.WriteString("mutation M")
	if len(o.varDefs) > 0 {
		b.WriteString("(" + strings.Join(o.varDefs, ", ") + ")")
	}
	b.WriteString(" { " + strings.Join(items, " ") + " }")
	for _, f := range o.frags {
		b.WriteString("\n" + f)
	}
	c := Case{Query: b.String()}
	if len(o.vars) > 0 {
		c.Variables = o.vars
	}
	return c
}

// NextSubscription returns a subscription of one root field with a
// generated selection on what its event holds.
func (g *Generator) NextSubscription() Case {
	o := &op{g: g, vars: map[string]any{}}
	f := g.schema.Subscription.Fields.ForName("reviewNow")
	body := "{ " + o.name("s") + ": " + f.Name + o.args(f) + " " + o.selection(g.schema.Types[f.Type.Name()], 1) + " }"
	var b strings.Builder
	b.WriteString("subscription S")
	if len(o.varDefs) > 0 {
		b.WriteString("(" + strings.Join(o.varDefs, ", ") + ")")
	}
	b.WriteString(" " + body)
	for _, fr := range o.frags {
		b.WriteString("\n" + fr)
	}
	c := Case{Query: b.String()}
	if len(o.vars) > 0 {
		c.Variables = o.vars
	}
	return c
}

func (o *op) name(prefix string) string {
	o.names++
	return fmt.Sprintf("%s%d", prefix, o.names)
}

// selection writes a selection set on t. Every response key is used once
// per selection set (inline fragments and spreads included), so the
// operation never has fields that cannot merge.
func (o *op) selection(t *ast.Definition, depth int) string {
	used := map[string]bool{}
	var items []string
	n := 1 + o.g.rnd.IntN(4)
	for i := 0; i < n || len(items) == 0; i++ {
		items = append(items, o.item(t, depth, used))
	}
	return "{ " + strings.Join(items, " ") + " }"
}

// item is one selection on t: a field, __typename, an inline fragment or a
// named fragment's spread, sometimes under @skip or @include.
func (o *op) item(t *ast.Definition, depth int, used map[string]bool) string {
	r := o.g.rnd
	possible := o.g.schema.GetPossibleTypes(t)
	switch k := r.IntN(10); {
	case k == 0 || (t.Kind == ast.Union && k < 4):
		return o.key("__typename", used) + "__typename" + o.directive()
	case k < 3 && depth < maxDepth && o.fields < maxFields:
		o.fields++
		on := possible[r.IntN(len(possible))]
		if t.Kind != ast.Object && r.IntN(4) == 0 {
			on = t
		}
		return "... on " + on.Name + o.directive() + " " + o.scoped(on, depth, used)
	case k == 3 && depth < maxDepth && o.fields < maxFields:
		o.fields++
		name := o.name("F")
		on := possible[r.IntN(len(possible))]
		o.frags = append(o.frags, "fragment "+name+" on "+on.Name+" "+o.scoped(on, depth, used))
		return "..." + name + o.directive()
	}
	if t.Kind == ast.Union {
		return o.key("__typename", used) + "__typename"
	}
	var fields []*ast.FieldDefinition
	for _, f := range t.Fields {
		if strings.HasPrefix(f.Name, "__") {
			continue
		}
		composite := o.g.schema.Types[f.Type.Name()].Kind != ast.Scalar
		if composite && (depth >= maxDepth || o.fields >= maxFields) {
			continue
		}
		fields = append(fields, f)
	}
	if len(fields) == 0 {
		return o.key("__typename", used) + "__typename"
	}
	f := fields[r.IntN(len(fields))]
	o.fields++
	s := o.key(f.Name, used) + f.Name + o.args(f) + o.directive()
	if sub := o.g.schema.Types[f.Type.Name()]; sub.Kind != ast.Scalar {
		s += " " + o.selection(sub, depth+1)
	}
	return s
}

// scoped writes a fragment's selection set on on: its fields merge into
// the enclosing selection set, so it shares that set's response keys.
func (o *op) scoped(on *ast.Definition, depth int, used map[string]bool) string {
	var items []string
	n := 1 + o.g.rnd.IntN(3)
	for i := 0; i < n; i++ {
		items = append(items, o.item(on, depth, used))
	}
	return "{ " + strings.Join(items, " ") + " }"
}

// key returns an alias prefix ("a7: ") when the name is taken in this
// selection set, and sometimes anyway.
func (o *op) key(name string, used map[string]bool) string {
	if used[name] || o.g.rnd.IntN(4) == 0 {
		return o.name("a") + ": "
	}
	used[name] = true
	return ""
}

// directive returns nothing, or @skip/@include with a literal or a
// variable (with or without a default).
func (o *op) directive() string {
	r := o.g.rnd
	if r.IntN(6) != 0 {
		return ""
	}
	d := []string{"skip", "include"}[r.IntN(2)]
	b := r.IntN(2) == 0
	switch r.IntN(3) {
	case 0:
		return fmt.Sprintf(" @%s(if: %t)", d, b)
	case 1:
		v := o.name("v")
		o.varDefs = append(o.varDefs, "$"+v+": Boolean!")
		o.vars[v] = b
		return fmt.Sprintf(" @%s(if: $%s)", d, v)
	default:
		v := o.name("v")
		o.varDefs = append(o.varDefs, fmt.Sprintf("$%s: Boolean = %t", v, b))
		return fmt.Sprintf(" @%s(if: $%s)", d, v)
	}
}

// argValues are the values the generator gives each argument: ids that
// exist and one that does not, search terms that match several types,
// one type or nothing.
var argValues = map[string][]any{
	"id":       {"b1", "b2", "b3", "b4", "b9", "r1", "r2", "r3", "r4", "r9"},
	"term":     {"", "a", "Ada", "e", "r", "zz"},
	"minStars": {0, 3, 4, 6},
	"title":    {"Compilers", "Zeta", "Networks Two", ""},
	"reviewId": {"r1", "r2", "r3", "r4", "r9"},
	"by":       {-3, -1, 1, 2},
}

// args writes f's arguments as literals or variables; optional ones are
// sometimes left out.
func (o *op) args(f *ast.FieldDefinition) string {
	r := o.g.rnd
	var parts []string
	for _, a := range f.Arguments {
		if !a.Type.NonNull && r.IntN(3) == 0 {
			continue
		}
		vals := argValues[a.Name]
		v := vals[r.IntN(len(vals))]
		if f.Name == "review" || f.Name == "reviewNow" {
			v = []any{"r1", "r2", "r4", "r9"}[r.IntN(4)]
		}
		if r.IntN(2) == 0 {
			name := o.name("v")
			o.varDefs = append(o.varDefs, "$"+name+": "+a.Type.String())
			o.vars[name] = v
			parts = append(parts, a.Name+": $"+name)
			continue
		}
		if s, ok := v.(string); ok {
			parts = append(parts, fmt.Sprintf("%s: %q", a.Name, s))
		} else {
			parts = append(parts, fmt.Sprintf("%s: %v", a.Name, v))
		}
	}
	if len(parts) == 0 {
		return ""
	}
	return "(" + strings.Join(parts, ", ") + ")"
}

// breakCase makes c invalid in one of several ways a client gets wrong.
func (g *Generator) breakCase(c Case) Case {
	q := c.Query
	i := strings.Index(q, "{")
	if len(c.Variables) > 0 && g.rnd.IntN(3) == 0 {
		return g.breakVariables(c)
	}
	switch g.rnd.IntN(6) {
	case 0:
		c.Query, c.Invalid = q[:i+1]+" nope "+q[i+1:], "unknown field"
	case 1:
		c.Query, c.Invalid = q[:i+1]+" book { id } "+q[i+1:], "missing required argument"
	case 2:
		c.Query, c.Invalid = q[:i+1]+` search(term: 5) { __typename } `+q[i+1:], "wrong argument type"
	case 3:
		c.Query, c.Invalid = q[:i+1]+" book(id: $undeclared) { id } "+q[i+1:], "undeclared variable"
	case 4:
		c.Query, c.Invalid = q[:len(q)-1], "syntax error"
	default:
		c.Query, c.Invalid = q+"\nfragment Unused on Book { id }", "unused fragment"
	}
	return c
}

// breakVariables gives one variable a value of the wrong type, which
// always fails coercion.
func (g *Generator) breakVariables(c Case) Case {
	names := make([]string, 0, len(c.Variables))
	for k := range c.Variables {
		names = append(names, k)
	}
	slices.Sort(names) // map order is random; the seed must decide alone
	name := names[g.rnd.IntN(len(names))]
	vars := maps.Clone(c.Variables)
	switch v := vars[name].(type) {
	case bool:
		vars[name], c.Invalid = "yes", "string for a Boolean variable"
	case string:
		vars[name], c.Invalid = []any{v}, "list for an ID or String variable"
	default:
		vars[name], c.Invalid = "many", "string for an Int variable"
	}
	c.Variables = vars
	return c
}
