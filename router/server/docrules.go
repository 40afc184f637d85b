package server

import (
	"fmt"
	"github.com/careercoach/coach/router/wire"
	"net/http"
	"strconv"

	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/lexer"
	"github.com/vektah/gqlparser/v2/validator/core"
)

// operationRules applies the validation rules that decide which operation
// a request runs, before one is chosen (spec 5.2: Operation Name
// Uniqueness, Lone Anonymous Operation; 5.5.1.4: Fragments Must Be Used,
// which is what a document of fragments alone fails). Messages are
// graphql-js's. Linear in the number of definitions.
func operationRules(doc *ast.QueryDocument) *reqError {
	var errs []*wire.Error
	add := func(msg string, pos *ast.Position) {
		e := wire.Errorf(wire.CodeValidationFailed, "%s", msg)
		if pos != nil {
			e.Locations = []wire.Location{{Line: pos.Line, Column: pos.Column}}
		}
		errs = append(errs, e)
	}
	if len(doc.Operations) == 0 {
		for _, f := range doc.Fragments {
			add(fmt.Sprintf("Fragment %q is never used.", f.Name), f.Position)
		}
	}
	seen := make(map[string]bool, len(doc.Operations))
	for _, op := range doc.Operations {
		switch {
		case op.Name == "" && len(doc.Operations) > 1:
			add("This anonymous operation must be the only defined operation.", op.Position)
		case op.Name != "" && seen[op.Name]:
			add(fmt.Sprintf("There can be only one operation named %q.", op.Name), op.Position)
		}
		seen[op.Name] = true
	}
	if len(errs) == 0 {
		return nil
	}
	return &reqError{status: http.StatusBadRequest, errs: errs}
}

// typeSystemKeywords start the definitions a query document may not hold.
var typeSystemKeywords = map[string]bool{"schema": true, "scalar": true, "type": true, "interface": true, "union": true,
	"enum": true, "input": true, "directive": true, "extend": true}

// notExecutable reports the type system definitions of a document that did
// not parse as a query: the spec makes them a validation error (5.1.1
// Executable Definitions), where gqlparser's query parser stops with a
// syntax error. It scans top-level tokens once; nil when it finds none
// (the syntax error stands).
func notExecutable(query string) *reqError {
	lx := lexer.New(&ast.Source{Input: query})
	depth := 0
	start := true // the next top-level token may begin a definition
	var errs []*wire.Error
	for {
		tok, err := lx.ReadToken()
		if err != nil || tok.Kind == lexer.EOF {
			break
		}
		switch tok.Kind {
		case lexer.BraceL:
			depth++
			start = false
			continue
		case lexer.BraceR:
			depth--
			start = depth == 0
			continue
		case lexer.String, lexer.BlockString:
			continue // a description: the definition follows
		}
		if depth == 0 && start && tok.Kind == lexer.Name && typeSystemKeywords[tok.Value] {
			msg := "The schema definition is not executable."
			if tok.Value != "schema" {
				msg = fmt.Sprintf("The %q definition is not executable.", definitionName(&lx, tok.Value))
			}
			e := wire.Errorf(wire.CodeValidationFailed, "%s", msg)
			e.Locations = []wire.Location{{Line: tok.Pos.Line, Column: tok.Pos.Column}}
			errs = append(errs, e)
		}
		start = false
	}
	if len(errs) == 0 {
		return nil
	}
	return &reqError{status: http.StatusBadRequest, errs: errs}
}

// definitionName reads the name of a type system definition that began
// with keyword: `type Foo`, `extend type Foo`, `directive @d`.
func definitionName(lx *lexer.Lexer, keyword string) string {
	prefix := ""
	for {
		tok, err := lx.ReadToken()
		switch {
		case err != nil || tok.Kind == lexer.EOF:
			return prefix + keyword
		case tok.Kind == lexer.At:
			prefix = "@"
		case tok.Kind == lexer.Name && keyword == "extend":
			keyword = tok.Value // the kind extended; its name follows
		case tok.Kind == lexer.Name:
			return prefix + tok.Value
		default:
			return prefix + keyword
		}
	}
}

// intRangeRule is the 32-bit range check of Int literals (spec 3.5.1),
// which gqlparser's ValuesOfCorrectType leaves out: courses(first:
// 2147483648) is a validation error, as it is for graphql-js.
func intRangeRule(observers *core.Events, addError core.AddErrFunc) {
	observers.OnValue(func(_ *core.Walker, v *ast.Value) {
		if v == nil || v.Kind != ast.IntValue || v.ExpectedType == nil || v.ExpectedType.Elem != nil || v.ExpectedType.NamedType != "Int" {
			return
		}
		if _, err := strconv.ParseInt(v.Raw, 10, 32); err != nil {
			addError(core.Message("Int cannot represent non 32-bit signed integer value: %s", v.Raw), core.At(v.Position))
		}
	})
}

// deferLabelRule is the incremental delivery RFC's rule for @defer labels
// (graphql-js's DeferStreamDirectiveLabelRule, its messages): a label is
// a literal string, so a cached plan (keyed by the text and Boolean
// variables) holds the right one, and it names one fragment of the
// document. gqlparser walks a fragment once per operation spreading it
// and once on its own: a directive met again is the same node, not a
// duplicate, and is reported once.
func deferLabelRule(observers *core.Events, addError core.AddErrFunc) {
	labels := map[string]*ast.Directive{}
	met := map[*ast.Directive]bool{}
	observers.OnDirective(func(_ *core.Walker, d *ast.Directive) {
		if d.Name != "defer" || met[d] {
			return
		}
		met[d] = true
		a := d.Arguments.ForName("label")
		switch {
		case a == nil:
		case a.Value == nil || a.Value.Kind != ast.StringValue && a.Value.Kind != ast.BlockValue:
			addError(core.Message("Defer directive label argument must be a static string."), core.At(d.Position))
		case labels[a.Value.Raw] == nil:
			labels[a.Value.Raw] = d
		default:
			addError(core.Message("Defer/Stream directive label argument must be unique."), core.At(d.Position))
		}
	})
}
