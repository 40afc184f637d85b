package server

import (
	"fmt"

	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/lexer"
)

// Error codes for rejected requests (extensions.code).
const (
	CodeParseFailed         = "GRAPHQL_PARSE_FAILED"
	CodeValidationFailed    = "GRAPHQL_VALIDATION_FAILED"
	CodeBadRequest          = "BAD_REQUEST"
	CodeUnauthenticated     = "UNAUTHENTICATED"
	CodeIntrospectionOff    = "INTROSPECTION_DISABLED"
	CodeMaxDepth            = "MAX_DEPTH_EXCEEDED"
	CodeMaxAliases          = "MAX_ALIASES_EXCEEDED"
	CodeMaxRootFields       = "MAX_ROOT_FIELDS_EXCEEDED"
	CodeMaxTokens           = "MAX_TOKENS_EXCEEDED"
	CodeMaxCost             = "MAX_COST_EXCEEDED"
	CodeBodyTooLarge        = "REQUEST_TOO_LARGE"
	CodePQNotFound          = "PERSISTED_QUERY_NOT_FOUND"
	CodePQHashMismatch      = "PERSISTED_QUERY_HASH_MISMATCH"
	CodeQueryPlanningFailed = "QUERY_PLANNING_FAILED"
	CodeTimeout             = "REQUEST_TIMEOUT"
	CodeInternal            = "INTERNAL_SERVER_ERROR"
)

// countTokens counts lexical tokens, stopping early past limit.
func countTokens(query string, limit int) (int, error) {
	lx := lexer.New(&ast.Source{Input: query})
	n := 0
	for {
		tok, err := lx.ReadToken()
		if err != nil {
			return n, err
		}
		if tok.Kind == lexer.EOF || n > limit {
			return n, nil
		}
		n++
	}
}

// shapeStats walks an operation (following fragment spreads by name, so it
// works before validation) and measures depth, aliases and root fields.
type shapeStats struct {
	depth, aliases, rootFields int
}

func measure(doc *ast.QueryDocument, op *ast.OperationDefinition) shapeStats {
	var st shapeStats
	var walk func(ss ast.SelectionSet, depth int, seen map[string]bool)
	walk = func(ss ast.SelectionSet, depth int, seen map[string]bool) {
		for _, s := range ss {
			switch x := s.(type) {
			case *ast.Field:
				if depth == 1 {
					st.rootFields++
				}
				if x.Alias != "" && x.Alias != x.Name {
					st.aliases++
				}
				st.depth = max(st.depth, depth)
				walk(x.SelectionSet, depth+1, seen)
			case *ast.InlineFragment:
				walk(x.SelectionSet, depth, seen)
			case *ast.FragmentSpread:
				if seen[x.Name] {
					continue // cycles are a validation error, reported later
				}
				if f := doc.Fragments.ForName(x.Name); f != nil {
					seen[x.Name] = true
					walk(f.SelectionSet, depth, seen)
					delete(seen, x.Name)
				}
			}
		}
	}
	walk(op.SelectionSet, 1, map[string]bool{})
	return st
}

// checkShape applies the depth, alias and root-field limits.
func (l Limits) checkShape(st shapeStats) *reqError {
	switch {
	case l.MaxDepth > 0 && st.depth > l.MaxDepth:
		return newReqError(CodeMaxDepth, fmt.Sprintf("query depth %d exceeds the limit of %d", st.depth, l.MaxDepth))
	case l.MaxAliases > 0 && st.aliases > l.MaxAliases:
		return newReqError(CodeMaxAliases, fmt.Sprintf("query uses %d aliases, more than the limit of %d", st.aliases, l.MaxAliases))
	case l.MaxRootFields > 0 && st.rootFields > l.MaxRootFields:
		return newReqError(CodeMaxRootFields, fmt.Sprintf("query selects %d root fields, more than the limit of %d", st.rootFields, l.MaxRootFields))
	}
	return nil
}

// cost estimates a validated operation's cost: 1 per field, times
// ListSize for every enclosing list field.
func cost(ss ast.SelectionSet, mult, listSize int) int {
	total := 0
	for _, s := range ss {
		switch x := s.(type) {
		case *ast.Field:
			total += mult
			m := mult
			if x.Definition != nil && x.Definition.Type.Elem != nil {
				m *= listSize
			}
			total += cost(x.SelectionSet, m, listSize)
		case *ast.InlineFragment:
			total += cost(x.SelectionSet, mult, listSize)
		case *ast.FragmentSpread:
			if x.Definition != nil {
				total += cost(x.Definition.SelectionSet, mult, listSize)
			}
		}
	}
	return total
}
