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
	shape       shapeStats
	cost        int // 0 when no cost limit is set
	introspects bool
}

// newCheckedDoc measures every operation of a validated document (whose
// fragment spreads validation has resolved).
func newCheckedDoc(doc *ast.QueryDocument, lim Limits) *checkedDoc {
	c := &checkedDoc{doc: doc, ops: make(map[*ast.OperationDefinition]opChecks, len(doc.Operations))}
	for _, op := range doc.Operations {
		ch := opChecks{shape: measure(doc, op), introspects: usesIntrospection(op)}
		if lim.MaxCost > 0 {
			ch.cost = cost(op.SelectionSet, 1, lim.ListSize)
		}
		c.ops[op] = ch
	}
	return c
}
