package server

import "github.com/vektah/gqlparser/v2/ast"

// checkedDoc is a parsed and validated document with what the request
// checks found of each of its operations: a repeated query text skips the
// walks as it skips parsing and validation. It is never modified.
type checkedDoc struct {
	doc *ast.QueryDocument
	ops map[*ast.OperationDefinition]opChecks
}

// opChecks are the measures the limits compare, of one operation.
type opChecks struct {
	shape shapeStats
	// cost is the estimated cost when it does not depend on variables;
	// costVaries says a slicing argument is a variable, so the cost is
	// estimated again with each request's values.
	cost       int
	costVaries bool
}

// newCheckedDoc measures every operation of a validated document (whose
// fragment spreads validation has resolved). Each walk is linear in the
// document's size (walk.go).
func newCheckedDoc(doc *ast.QueryDocument, lim Limits) *checkedDoc {
	c := &checkedDoc{doc: doc, ops: make(map[*ast.OperationDefinition]opChecks, len(doc.Operations))}
	m := newMeasurer(doc)
	for _, op := range doc.Operations {
		co := newCoster(nil, lim.ListSize)
		c.ops[op] = opChecks{shape: m.measure(op), cost: co.cost(op), costVaries: co.usedVars}
	}
	return c
}

// costOf is an operation's estimated cost with a request's variables.
func (c opChecks) costOf(op *ast.OperationDefinition, vars map[string]any, lim Limits) int {
	if !c.costVaries {
		return c.cost
	}
	return newCoster(vars, lim.ListSize).cost(op)
}
