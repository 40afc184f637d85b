package server

import (
	"github.com/careercoach/coach/router/wire"
	"strings"
	"testing"

	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/parser"
)

func TestNotExecutable(t *testing.T) {
	tests := []struct{ name, doc, want string }{
		{"type", `type Foo { a: Int } { __typename }`, `The "Foo" definition is not executable.`},
		{"after an operation", `{ __typename } scalar Date`, `The "Date" definition is not executable.`},
		{"with a description", `"about" input In { a: Int }`, `The "In" definition is not executable.`},
		{"extension", `extend type Query { b: Int }`, `The "Query" definition is not executable.`},
		{"directive", `directive @d on FIELD`, `The "@d" definition is not executable.`},
		{"schema", `schema { query: Query }`, `The schema definition is not executable.`},
		{"a plain syntax error is not one", `{ __typename `, ``},
		{"an operation named like a keyword is not one", `query type { a b`, ``},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			rerr := notExecutable(tc.doc)
			var got string
			if rerr != nil {
				got = rerr.errs[0].Message
				if rerr.errs[0].Extensions["code"] != wire.CodeValidationFailed || len(rerr.errs[0].Locations) != 1 {
					t.Errorf("error %+v lacks the validation code or a location", rerr.errs[0])
				}
			}
			if got != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

func TestOperationRules(t *testing.T) {
	tests := []struct{ name, doc, want string }{
		{"fragments only", `fragment A on Query { __typename } fragment B on Query { __typename }`,
			`Fragment "A" is never used.|Fragment "B" is never used.`},
		{"duplicate names", `query A { __typename } query B { __typename } query A { __typename }`, `There can be only one operation named "A".`},
		{"anonymous beside another", `query A { __typename } { __typename }`, `This anonymous operation must be the only defined operation.`},
		{"one anonymous operation", `{ __typename }`, ``},
		{"named operations", `query A { __typename } query B { __typename }`, ``},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			doc := mustParse(t, tc.doc)
			var msgs []string
			if rerr := operationRules(doc); rerr != nil {
				for _, e := range rerr.errs {
					msgs = append(msgs, e.Message)
				}
			}
			if got := strings.Join(msgs, "|"); got != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

func mustParse(t *testing.T, doc string) *ast.QueryDocument {
	t.Helper()
	d, err := parser.ParseQuery(&ast.Source{Input: doc})
	if err != nil {
		t.Fatal(err)
	}
	return d
}
