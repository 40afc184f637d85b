package server

import (
	"errors"
	"fmt"
	"github.com/careercoach/coach/router/wire"

	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/parser"
	"github.com/vektah/gqlparser/v2/validator"
)

// CheckOperation puts one operation of query through the checks the router
// makes before planning it (tokens, shape, validation against schema,
// variables, cost) with the router's own walks, and returns its estimated
// cost. Tests use it to keep every operation our clients send within the
// default limits, so that a limit never refuses our own web app.
func CheckOperation(schema *ast.Schema, query, operationName string, vars map[string]any, lim Limits) (int, error) {
	refused := func(r *reqError) error {
		errs := make([]error, len(r.errs))
		for i, e := range r.errs {
			errs[i] = fmt.Errorf("%v: %s", e.Code(), e.Message)
		}
		return errors.Join(errs...)
	}
	if n, _ := countTokens(query, lim.MaxTokens); lim.MaxTokens > 0 && n > lim.MaxTokens {
		return 0, fmt.Errorf("%s: query has more than %d tokens", wire.CodeMaxTokens, lim.MaxTokens)
	}
	doc, err := parser.ParseQuery(&ast.Source{Input: query})
	if err != nil {
		return 0, fmt.Errorf("parsing the query: %w", err)
	}
	op, err := selectOperation(doc, operationName)
	if err != nil {
		return 0, err
	}
	if r := lim.checkShape(measure(doc, op)); r != nil {
		return 0, refused(r)
	}
	if errs := validator.ValidateWithRules(schema, doc, validationRules(true)); len(errs) > 0 {
		return 0, fmt.Errorf("validating the query: %w", errs)
	}
	coerced, r := coerceVariables(schema, op, vars)
	if r != nil {
		return 0, refused(r)
	}
	cost := newCoster(coerced, lim.ListSize).cost(op)
	if r := lim.checkCost(cost, "of the query"); r != nil {
		return cost, refused(r)
	}
	return cost, nil
}
