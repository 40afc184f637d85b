package gqlsrv

import (
	"fmt"
	"strings"
	"testing"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/validator"
)

const textSchema = `scalar _Any
input Note { title: String!, description: String, tags: [String!] }
type Query { _entities(representations: [_Any!]!): [String]!, find(id: ID!, text: String): String }
type Mutation { add(note: Note!): String, many(a: String, b: String, note: String): String }`

// operation parses, validates and coerces a request as gqlgen does.
func operation(t testing.TB, query string, vars map[string]any) (*ast.Schema, *graphql.OperationContext) {
	t.Helper()
	schema := gqlparser.MustLoadSchema(&ast.Source{Input: textSchema})
	doc, errs := gqlparser.LoadQueryWithRules(schema, query, nil)
	if errs != nil {
		t.Fatalf("%s: %v", query, errs)
	}
	op := doc.Operations[0]
	coerced, err := validator.VariableValues(schema, op, vars)
	if err != nil {
		t.Fatal(err)
	}
	return schema, &graphql.OperationContext{Doc: doc, Operation: op, Variables: coerced}
}

func TestCheckOperationText(t *testing.T) {
	tests := []struct {
		name    string
		query   string
		vars    map[string]any
		wantErr string
	}{
		{name: "plain text", query: `query($id: ID!) { find(id: $id, text: "a\tb\nc") }`, vars: map[string]any{"id": "x"}},
		{name: "router's representations are not checked", query: `query($r: [_Any!]!) { _entities(representations: $r) }`,
			vars: map[string]any{"r": []any{map[string]any{"__typename": "User", "bio": "a\x00b"}}}},
		{name: "NUL in an ID", query: `query($id: ID!) { find(id: $id) }`, vars: map[string]any{"id": "a\x00"}, wantErr: "id must not contain control characters (U+0000) or line breaks"},
		{name: "tab in an ID literal", query: `{ find(id: "a\tb") }`, wantErr: "id must not contain"},
		{name: "line break in a title", query: `mutation($n: Note!) { add(note: $n) }`, vars: map[string]any{"n": map[string]any{"title": "a\nb"}}, wantErr: "title must not contain"},
		{name: "line break in a description", query: `mutation($n: Note!) { add(note: $n) }`, vars: map[string]any{"n": map[string]any{"title": "a", "description": "a\r\nb"}}},
		{name: "NUL in a list item", query: `mutation($n: Note!) { add(note: $n) }`, vars: map[string]any{"n": map[string]any{"title": "a", "tags": []any{"ok", "b\x00"}}}, wantErr: "tags must not contain"},
		{name: "NUL in a list literal", query: `mutation { add(note: {title: "a", tags: ["ok", "\u0000"]}) }`, wantErr: "tags must not contain"},
		{name: "one variable in a free-text and a single-line use", query: `mutation($v: String) { many(note: $v, a: $v) }`, vars: map[string]any{"v": "x\ny"}, wantErr: "a must not contain"},
		{name: "bell in free text", query: `{ find(id: "x", text: "a\u0007") }`, wantErr: "text must not contain control characters (U+0007); only tabs and line breaks"},
		{name: "representation literal", query: `{ _entities(representations: [{__typename: "User", bio: "a\u0000"}]) }`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			schema, oc := operation(t, tt.query, tt.vars)
			err := checkOperationText(schema, oc)
			if tt.wantErr == "" {
				if err != nil {
					t.Fatalf("refused: %v", err)
				}
				return
			}
			if err == nil || !strings.Contains(err.Message, tt.wantErr) || err.Extensions["code"] != "BAD_USER_INPUT" {
				t.Fatalf("err = %v, want BAD_USER_INPUT containing %q", err, tt.wantErr)
			}
		})
	}
}

// BenchmarkCheckOperationText walks a 256 KiB variable used 200 times: it
// is checked once per kind of use, not once per use.
func BenchmarkCheckOperationText(b *testing.B) {
	var q strings.Builder
	q.WriteString(`mutation($v: String) {`)
	for i := range 200 {
		fmt.Fprintf(&q, " m%d: many(a: $v)", i)
	}
	q.WriteString(" }")
	schema, oc := operation(b, q.String(), map[string]any{"v": strings.Repeat("é", 128<<10)})
	b.ResetTimer()
	for b.Loop() {
		if err := checkOperationText(schema, oc); err != nil {
			b.Fatal(err)
		}
	}
}
