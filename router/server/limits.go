package server

import (
	"fmt"
	"github.com/careercoach/coach/router/wire"
	"strings"

	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/lexer"
	"github.com/vektah/gqlparser/v2/validator/core"
	"github.com/vektah/gqlparser/v2/validator/rules"
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

// checkShape applies the fragment, repeat, field, depth, alias and
// root-field limits.
func (l Limits) checkShape(st shapeStats) *reqError {
	switch {
	case l.MaxFragments > 0 && st.fragments > l.MaxFragments:
		return newReqError(wire.CodeMaxFragments, fmt.Sprintf("the document defines %d fragments, more than the limit of %d", st.fragments, l.MaxFragments))
	case l.MaxRepeats > 0 && st.repeats > l.MaxRepeats:
		return newReqError(wire.CodeMaxRepeats, fmt.Sprintf("a selection set selects %q %s times, more than the limit of %d; select it once", st.repeatKey, countText(st.repeats), l.MaxRepeats))
	case l.MaxFields > 0 && st.fields > l.MaxFields:
		return newReqError(wire.CodeMaxFields, fmt.Sprintf("query selects %s fields once its fragments are expanded, more than the limit of %d", countText(st.fields), l.MaxFields))
	case l.MaxDepth > 0 && st.depth > l.MaxDepth:
		return newReqError(wire.CodeMaxDepth, fmt.Sprintf("query depth %d exceeds the limit of %d", st.depth, l.MaxDepth))
	case l.MaxAliases > 0 && st.aliases > l.MaxAliases:
		return newReqError(wire.CodeMaxAliases, fmt.Sprintf("query uses %d aliases, more than the limit of %d", st.aliases, l.MaxAliases))
	case l.MaxRootFields > 0 && st.rootFields > l.MaxRootFields:
		return newReqError(wire.CodeMaxRootFields, fmt.Sprintf("query selects %d root fields, more than the limit of %d", st.rootFields, l.MaxRootFields))
	}
	return nil
}

// countText is a count for a message; saturated counts are "over" it.
func countText(n int) string {
	if n >= saturated {
		return fmt.Sprintf("over %d", saturated)
	}
	return fmt.Sprint(n)
}

// checkCost applies the cost limit to a request's estimated cost (a
// batch's operations summed); of says whose cost it is, if not the query's.
func (l Limits) checkCost(cost int, of string) *reqError {
	if l.MaxCost > 0 && cost > l.MaxCost {
		return newReqError(wire.CodeMaxCost, fmt.Sprintf("estimated cost %s %s exceeds the limit of %d; ask for fewer items (first/last) or fewer fields",
			countText(cost), of, l.MaxCost))
	}
	return nil
}

// validationRules are the GraphQL validation rules. Without introspection
// they make no "Did you mean …" suggestions, which would otherwise name
// the fields, arguments, types and enum values introspection hides (the
// OWASP GraphQL cheat sheet: disable field suggestions with introspection).
func validationRules(introspection bool) *rules.Rules {
	r := rules.NewDefaultRules()
	r.AddRule("IntRange", intRangeRule)
	r.AddRule("DeferLabel", deferLabelRule)
	if introspection {
		return r
	}
	for _, quiet := range []core.Rule{rules.FieldsOnCorrectTypeRuleWithoutSuggestions, rules.KnownArgumentNamesRuleWithoutSuggestions,
		rules.KnownTypeNamesRuleWithoutSuggestions, rules.ScalarLeafsRuleWithoutSuggestions, rules.ValuesOfCorrectTypeRuleWithoutSuggestions} {
		r.ReplaceRule(strings.TrimSuffix(quiet.Name, "WithoutSuggestions"), quiet.RuleFunc)
	}
	return r
}
