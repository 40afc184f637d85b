// Package plan turns an operation on the API schema into a query plan over
// the subgraphs of a supergraph. Planning is a pure function: no I/O.
package plan

import (
	"fmt"
	"strings"
	"sync"
)

// Plan is the result of planning one operation.
type Plan struct {
	Kind string // "query" or "mutation"
	// RootType is the API schema's root type for Kind.
	RootType string
	// Root is nil when the operation needs no subgraph (only __typename or
	// introspection).
	Root Node
	// Shape describes the response the client asked for; the executor
	// projects merged subgraph data through it.
	Shape *Shape
	// Incremental, for a query with @defer fragments that apply, is the
	// initial payload's shape: Shape with each such fragment a Defer
	// field. Deferred holds the fetches only deferred fields need, run
	// after Root (and after the initial payload is sent); nil when every
	// deferred field comes with Root's fetches.
	Incremental *Shape
	Deferred    Node

	memoOnce sync.Once
	memo     any
}

// Memo returns what build derives from this plan, built on the first call:
// the executor keeps its compiled form of Shape here, so it is cached and
// evicted together with the plan. Planning itself stays pure.
func (p *Plan) Memo(build func() any) any {
	p.memoOnce.Do(func() { p.memo = build() })
	return p.memo
}

// Node is a plan step: *Fetch, *Sequence, *Parallel, *Flatten or *Batch.
type Node interface {
	write(b *strings.Builder, indent int)
}

// Fetch sends one operation to one subgraph.
type Fetch struct {
	Service string
	// Requires is the representation shape (fragments per entity type) for
	// an _entities fetch; nil for a root fetch.
	Requires *Selection
	// EntityAliases maps an object's __typename to the Requires fragment
	// that applies to it when there is none for the type itself: objects
	// of an implementation are sent to an @interfaceObject subgraph as the
	// interface.
	EntityAliases map[string]string
	Selection     *Selection
	// Operation is the document sent to the subgraph.
	Operation     string
	OperationName string
	// Variables are the client variables the operation uses.
	Variables []string
	// VariableDecls declare Variables ("$id: ID!"), and EntitySelection is
	// the _entities selection of Operation: the executor combines entity
	// fetches of one parallel step to one subgraph into one request.
	VariableDecls   []string
	EntitySelection string
}

// Sequence runs its steps one after another.
type Sequence struct{ Nodes []Node }

// Parallel runs its steps concurrently.
type Parallel struct{ Nodes []Node }

// Flatten runs an entity fetch for the objects found at Path; "@" marks a
// list level.
type Flatten struct {
	Path []string
	Node Node
}

// Batch is several entity fetches of one step to one subgraph sent as one
// operation: part i's _entities under Aliases[i], its representations in
// the variable RepsVars[i]. Fetch is the combined operation (Service,
// Operation, OperationName, Variables); it has no Selection.
type Batch struct {
	Fetch    *Fetch
	Parts    []*Flatten
	Aliases  []string
	RepsVars []string
}

func (b *Batch) write(sb *strings.Builder, indent int) {
	fmt.Fprintf(sb, "Batch(service: %q) {\n", b.Fetch.Service)
	for i, fl := range b.Parts {
		sb.WriteString(pad(indent+1) + b.Aliases[i] + ": ")
		fl.write(sb, indent+1)
		sb.WriteString("\n")
	}
	sb.WriteString(pad(indent) + "},")
}

// String prints the plan as readable text (the golden-file format).
func (p *Plan) String() string {
	var b strings.Builder
	b.WriteString("QueryPlan {\n")
	if p.Root != nil {
		b.WriteString("  ")
		p.Root.write(&b, 1)
		b.WriteString("\n")
	}
	if p.Deferred != nil {
		b.WriteString("  Deferred {\n    ")
		p.Deferred.write(&b, 2)
		b.WriteString("\n  },\n")
	}
	b.WriteString("}\n")
	return b.String()
}

func pad(n int) string { return strings.Repeat("  ", n) }

func (f *Fetch) write(b *strings.Builder, indent int) {
	fmt.Fprintf(b, "Fetch(service: %q) {\n", f.Service)
	if f.Requires != nil {
		b.WriteString(pad(indent + 1))
		f.Requires.write(b, indent+1)
		b.WriteString(" =>\n")
	}
	b.WriteString(pad(indent + 1))
	f.Selection.write(b, indent+1)
	b.WriteString("\n" + pad(indent) + "},")
}

func writeChildren(b *strings.Builder, name string, nodes []Node, indent int) {
	b.WriteString(name + " {\n")
	for _, n := range nodes {
		b.WriteString(pad(indent + 1))
		n.write(b, indent+1)
		b.WriteString("\n")
	}
	b.WriteString(pad(indent) + "},")
}

func (s *Sequence) write(b *strings.Builder, indent int) {
	writeChildren(b, "Sequence", s.Nodes, indent)
}
func (p *Parallel) write(b *strings.Builder, indent int) {
	writeChildren(b, "Parallel", p.Nodes, indent)
}

func (f *Flatten) write(b *strings.Builder, indent int) {
	fmt.Fprintf(b, "Flatten(path: %q) {\n%s", strings.Join(f.Path, "."), pad(indent+1))
	f.Node.write(b, indent+1)
	b.WriteString("\n" + pad(indent) + "},")
}
