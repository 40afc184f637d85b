package server

import (
	"encoding/json"
	"github.com/careercoach/coach/router/wire"
	"testing"

	"github.com/vektah/gqlparser/v2"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/parser"
)

func TestCoerceVariables(t *testing.T) {
	schema := gqlparser.MustLoadSchema(&ast.Source{Input: `
		scalar Upload
		enum Kind { DATA HR }
		input Filter { kind: Kind!, first: Int = 10, tags: [String!] }
		type Query { f(n: Int, x: Float, s: String, b: Boolean, id: ID, k: Kind, in: Filter, l: [Int!], u: Upload): Int }`})
	tests := []struct {
		name, defs, vars string
		want             string // the coerced variables, or the first error's message
	}{
		{"ints", `$n: Int!`, `{"n": -2147483648}`, `{"n":-2147483648}`},
		{"numeric string for Int", `$n: Int!`, `{"n": "3"}`, `Variable "$n" got invalid value "3"; Int cannot represent non-integer value: "3"`},
		{"Int past 32 bits", `$n: Int`, `{"n": 2147483648}`, `Variable "$n" got invalid value 2147483648; Int cannot represent non 32-bit signed integer value: 2147483648`},
		{"fractional Int", `$n: Int`, `{"n": 1.5}`, `Variable "$n" got invalid value 1.5; Int cannot represent non-integer value: 1.5`},
		{"Float takes integers", `$x: Float`, `{"x": 2}`, `{"x":2}`},
		{"Float refuses strings", `$x: Float`, `{"x": "2"}`, `Variable "$x" got invalid value "2"; Float cannot represent non numeric value: "2"`},
		{"String refuses numbers", `$s: String`, `{"s": 1}`, `Variable "$s" got invalid value 1; String cannot represent a non string value: 1`},
		{"Boolean refuses strings", `$b: Boolean`, `{"b": "true"}`, `Variable "$b" got invalid value "true"; Boolean cannot represent a non boolean value: "true"`},
		{"ID takes strings and integers", `$id: ID, $s: ID`, `{"id": 7, "s": "x"}`, `{"id":7,"s":"x"}`},
		{"ID refuses fractions", `$id: ID`, `{"id": 7.5}`, `Variable "$id" got invalid value 7.5; ID cannot represent value: 7.5`},
		{"enum names are exact", `$k: Kind`, `{"k": "data"}`, `Variable "$k" got invalid value "data"; Value "data" does not exist in "Kind" enum.`},
		{"enum", `$k: Kind`, `{"k": "DATA"}`, `{"k":"DATA"}`},
		{"missing required", `$n: Int!`, `{}`, `Variable "$n" of required type "Int!" was not provided.`},
		{"null for non-null", `$n: Int!`, `{"n": null}`, `Variable "$n" of non-null type "Int!" must not be null.`},
		{"explicit null", `$n: Int`, `{"n": null}`, `{"n":null}`},
		{"absent nullable stays absent", `$n: Int`, `{}`, `{}`},
		{"default", `$n: Int = 5`, `{}`, `{"n":5}`},
		{"input object", `$in: Filter`, `{"in": {"kind": "HR", "tags": ["a"]}}`, `{"in":{"kind":"HR","tags":["a"]}}`},
		{"input object field missing", `$in: Filter`, `{"in": {"first": 1}}`, `Variable "$in" got invalid value {"first":1}; Field "kind" of required type "Kind!" was not provided.`},
		{"input object unknown field", `$in: Filter`, `{"in": {"kind": "HR", "other": 1}}`, `Variable "$in" got invalid value {"kind":"HR","other":1}; Field "other" is not defined by type "Filter".`},
		{"nested value named by its path", `$in: Filter`, `{"in": {"kind": "HR", "tags": ["a", 2]}}`, `Variable "$in" got invalid value {"kind":"HR","tags":["a",2]} at "in.tags[1]"; String cannot represent a non string value: 2`},
		{"a single value for a list", `$l: [Int!]`, `{"l": 3}`, `{"l":3}`},
		{"null in a non-null list", `$l: [Int!]`, `{"l": [1, null]}`, `Variable "$l" got invalid value [1,null] at "l[1]"; Expected non-nullable type "Int!" not to be null.`},
		{"custom scalars are the subgraph's", `$u: Upload`, `{"u": {"any": "thing"}}`, `{"u":{"any":"thing"}}`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			doc, err := parser.ParseQuery(&ast.Source{Input: `query(` + tc.defs + `) { f }`})
			if err != nil {
				t.Fatal(err)
			}
			var raw map[string]any
			if err := json.Unmarshal([]byte(tc.vars), &raw); err != nil {
				t.Fatal(err)
			}
			got, rerr := coerceVariables(schema, doc.Operations[0], raw)
			var s string
			if rerr != nil {
				s = rerr.errs[0].Message
				if rerr.errs[0].Extensions["code"] != wire.CodeInvalidVariable || rerr.errs[0].Extensions["name"] == nil || len(rerr.errs[0].Locations) != 1 {
					t.Errorf("error %+v lacks the code, the variable's name or its location", rerr.errs[0])
				}
			} else {
				b, _ := json.Marshal(got)
				s = string(b)
			}
			if s != tc.want {
				t.Errorf("got  %s\nwant %s", s, tc.want)
			}
		})
	}
}
