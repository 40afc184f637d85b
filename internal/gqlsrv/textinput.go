package gqlsrv

import (
	"context"
	"fmt"
	"unicode"
	"unicode/utf8"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/careercoach/coach/internal/apperr"
)

// refuseControlText answers BAD_USER_INPUT, before any resolver runs, to an
// operation whose text input holds a control character or invalid UTF-8:
// PostgreSQL refuses NUL in text (an INTERNAL_SERVER_ERROR before), SQLite
// stores it, and neither belongs in what a user types. Tab, line feed and
// carriage return are allowed in free-text fields only (OWASP ASVS 4.0
// V5.1.3/V5.1.4: allow-list validation of structured and free-form input).
// The walk covers the variables and the literals of the document once
// each (fragments are walked where defined, not where spread), so it is
// linear in the request, which the body limit bounds.
func refuseControlText(schema *ast.Schema) graphql.OperationMiddleware {
	return func(ctx context.Context, next graphql.OperationHandler) graphql.ResponseHandler {
		if err := checkOperationText(schema, graphql.GetOperationContext(ctx)); err != nil {
			return graphql.OneShot(&graphql.Response{Errors: gqlerror.List{err}})
		}
		return next(ctx)
	}
}

// freeText reports whether an argument or input field of type String takes
// several lines of prose: these names do in every subgraph's schema.
func freeText(name string) bool {
	switch name {
	case "description", "answer", "note", "text", "comment", "message", "summary", "body":
		return true
	}
	return false
}

// textWalker checks text values against the schema's types. A variable is
// checked where it is used, as the argument or input field it fills (its
// name says whether it is free text), and once per kind of use, so a large
// variable used many times is still walked a bounded number of times.
type textWalker struct {
	schema *ast.Schema
	vars   map[string]any
	seen   map[string]bool // variable + type + name of a use already checked
}

func checkOperationText(schema *ast.Schema, oc *graphql.OperationContext) *gqlerror.Error {
	if oc == nil || oc.Operation == nil || oc.Doc == nil {
		return nil
	}
	w := textWalker{schema: schema, vars: oc.Variables, seen: map[string]bool{}}
	if err := w.selections(oc.Operation.SelectionSet); err != nil {
		return err
	}
	for _, f := range oc.Doc.Fragments {
		if err := w.selections(f.SelectionSet); err != nil {
			return err
		}
	}
	return nil
}

// variable checks a coerced variable value (JSON-shaped) of type t.
func (w textWalker) variable(v any, t *ast.Type, name string) *gqlerror.Error {
	if t == nil || v == nil {
		return nil
	}
	if t.Elem != nil {
		list, _ := v.([]any)
		for _, e := range list {
			if err := w.variable(e, t.Elem, name); err != nil {
				return err
			}
		}
		return nil
	}
	switch v := v.(type) {
	case string:
		return checkText(v, t.NamedType, name)
	case map[string]any:
		def := w.def(t.NamedType)
		if def == nil || def.Kind != ast.InputObject {
			return nil // _Any representations: the router's, not a user's typing
		}
		for k, fv := range v {
			if fd := def.Fields.ForName(k); fd != nil {
				if err := w.variable(fv, fd.Type, k); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

func (w textWalker) def(name string) *ast.Definition {
	if w.schema == nil {
		return nil
	}
	return w.schema.Types[name]
}

func (w textWalker) selections(set ast.SelectionSet) *gqlerror.Error {
	for _, sel := range set {
		switch s := sel.(type) {
		case *ast.Field:
			for _, a := range s.Arguments {
				if err := w.literal(a.Value, a.Name); err != nil {
					return err
				}
			}
			if err := w.directives(s.Directives); err != nil {
				return err
			}
			if err := w.selections(s.SelectionSet); err != nil {
				return err
			}
		case *ast.InlineFragment:
			if err := w.selections(s.SelectionSet); err != nil {
				return err
			}
		}
	}
	return nil
}

func (w textWalker) directives(ds ast.DirectiveList) *gqlerror.Error {
	for _, d := range ds {
		for _, a := range d.Arguments {
			if err := w.literal(a.Value, a.Name); err != nil {
				return err
			}
		}
	}
	return nil
}

// literal checks a value written in the document, or the variable's value
// where it names one; the validator gave each its expected type.
func (w textWalker) literal(v *ast.Value, name string) *gqlerror.Error {
	if v == nil {
		return nil
	}
	switch v.Kind {
	case ast.Variable:
		if v.ExpectedType == nil {
			return nil
		}
		use := v.Raw + "\x00" + v.ExpectedType.String() + "\x00" + fmt.Sprint(freeText(name))
		if w.seen[use] {
			return nil
		}
		w.seen[use] = true
		return w.variable(w.vars[v.Raw], v.ExpectedType, name)
	case ast.StringValue, ast.BlockValue:
		typ := "String"
		if v.ExpectedType != nil {
			typ = v.ExpectedType.Name()
		}
		return checkText(v.Raw, typ, name)
	case ast.ListValue, ast.ObjectValue:
		if t := v.ExpectedType; t != nil && t.Elem == nil && w.def(t.NamedType) != nil && w.def(t.NamedType).Kind == ast.Scalar {
			return nil // an _Any literal: the router's, not a user's typing
		}
		for _, c := range v.Children {
			child := name
			if v.Kind == ast.ObjectValue {
				child = c.Name
			}
			if err := w.literal(c.Value, child); err != nil {
				return err
			}
		}
	}
	return nil
}

// checkText refuses invalid UTF-8 and control characters in a value of the
// named type; a String named as free text may hold tabs and line breaks.
func checkText(s, typ, name string) *gqlerror.Error {
	if typ == "_Any" || typ == "_FieldSet" || typ == "FieldSet" {
		return nil
	}
	if !utf8.ValidString(s) {
		return textError("%s is not valid UTF-8", name)
	}
	lines := typ == "String" && freeText(name)
	for _, r := range s {
		if !unicode.IsControl(r) || (lines && (r == '\t' || r == '\n' || r == '\r')) {
			continue
		}
		if lines {
			return textError("%s must not contain control characters (U+%04X); only tabs and line breaks are allowed", name, r)
		}
		return textError("%s must not contain control characters (U+%04X) or line breaks", name, r)
	}
	return nil
}

func textError(format string, args ...any) *gqlerror.Error {
	return &gqlerror.Error{Message: fmt.Sprintf(format, args...), Extensions: map[string]any{"code": apperr.Invalid}}
}
