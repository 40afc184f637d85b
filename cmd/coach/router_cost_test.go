package main

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/careercoach/coach/deploy/loadtest/load"
	"github.com/careercoach/coach/router/server"
	"github.com/careercoach/coach/router/supergraph"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/parser"
)

// Every operation the web app and the load generator send is within the
// router's default limits, by the router's own checks and cost estimate
// (server.CheckOperation) against the committed supergraph: a limit that
// refuses our own clients is an outage. Each must also leave headroom,
// costMargin times its cost, so that a modest change to a page does not
// trip the limit in production.
func TestDefaultLimitsPassOurClients(t *testing.T) {
	const costMargin = 2
	api := apiSchema(t)
	lim := defaultLimits()
	check := func(t *testing.T, query, opName string, vars map[string]any) {
		t.Helper()
		cost, err := server.CheckOperation(api, query, opName, vars, lim)
		if err != nil {
			t.Fatalf("refused with the default limits (estimated cost %d, --max-cost %d): %v", cost, lim.MaxCost, err)
		}
		if cost*costMargin > lim.MaxCost {
			t.Errorf("estimated cost %d leaves less than %d× headroom under --max-cost %d", cost, costMargin, lim.MaxCost)
		}
		t.Logf("estimated cost %d", cost)
	}

	t.Run("load generator", func(t *testing.T) {
		rng := rand.New(rand.NewPCG(1, 2))
		u := &load.User{RoleID: "role-1"}
		cat := &load.Catalog{Roles: []string{"role-1", "role-2"}, Courses: []string{"course-1", "course-2"}}
		mix := load.Mix()
		if len(mix) == 0 {
			t.Fatal("the load generator's mix is empty")
		}
		for _, op := range mix {
			if len(op.Sends) == 0 {
				t.Errorf("op %s lists no operations it sends", op.Name)
			}
			for i, r := range op.Sends {
				t.Run(fmt.Sprintf("%s/%d", op.Name, i), func(t *testing.T) { check(t, r.Query, "", r.Variables(u, cat, rng)) })
			}
		}
	})

	t.Run("web app", func(t *testing.T) {
		for _, d := range webOperations(t) {
			t.Run(d.name, func(t *testing.T) { check(t, d.query, d.name, sampleVars(t, api, d.op)) })
		}
	})
}

// The limit still refuses issue 20 item 10's operation (20 aliased
// courses(first: 50)) once a batch (at most --max-batch) holds a few: the
// cost of the 300-operation batch the attacker sent came from the count of
// operations, which the batch limit and the summed cost now bound.
func TestDefaultCostRefusesBatchedAttack(t *testing.T) {
	var op strings.Builder
	op.WriteString("{")
	for i := range 20 {
		fmt.Fprintf(&op, " c%d: courses(first: 50) { edges { node { id title provider url level durationHours free rating skills } } }", i)
	}
	op.WriteString(" }")
	lim := defaultLimits()
	cost, err := server.CheckOperation(apiSchema(t), op.String(), "", nil, lim)
	if err != nil {
		t.Fatalf("one attack operation: %v", err)
	}
	if cost != 10040 {
		t.Errorf("one attack operation costs %d, want 10040", cost)
	}
	if fits := lim.MaxCost / cost; fits >= lim.MaxBatch {
		t.Errorf("a batch of %d attack operations (%d) fits under --max-cost %d", lim.MaxBatch, lim.MaxBatch*cost, lim.MaxCost)
	}
}

// apiSchema is the client-facing schema of the committed supergraph, as
// the router derives it.
func apiSchema(t *testing.T) *ast.Schema {
	t.Helper()
	sdl, err := os.ReadFile("../../schema/supergraph.graphql")
	if err != nil {
		t.Fatal(err)
	}
	sg, err := supergraph.Parse(string(sdl))
	if err != nil {
		t.Fatalf("parsing the supergraph: %v", err)
	}
	return sg.API
}

type webOperation struct {
	name  string
	query string // the operation and the fragments it spreads, as the web app sends it
	op    *ast.OperationDefinition
}

// webOperations are the web app's operations, read from the documents
// GraphQL Code Generator extracted from web/src (web/src/gql/gql.ts, kept
// fresh by `npm run codegen:check`). The client sends each with the
// fragments it spreads, as the generated documents in graphql.ts hold them.
func webOperations(t *testing.T) []webOperation {
	t.Helper()
	src, err := os.ReadFile("../../web/src/gql/gql.ts")
	if err != nil {
		t.Fatal(err)
	}
	text := string(src)
	start := strings.Index(text, "type Documents = {")
	end := strings.Index(text[max(start, 0):], "\n};")
	if start < 0 || end < 0 {
		t.Fatal("web/src/gql/gql.ts has no Documents map: has codegen's output changed shape?")
	}
	frags := map[string]string{}
	type parsed struct {
		text string
		doc  *ast.QueryDocument
	}
	var docs []parsed
	key := regexp.MustCompile(`(?m)^\s*("(?:[^"\\]|\\.)*"): typeof types\.\w+,?$`)
	for _, m := range key.FindAllStringSubmatch(text[start:start+end], -1) {
		var q string
		if err := json.Unmarshal([]byte(m[1]), &q); err != nil {
			t.Fatalf("decoding %.60s: %v", m[1], err)
		}
		doc, err := parser.ParseQuery(&ast.Source{Input: q})
		if err != nil {
			t.Fatalf("parsing %.60q: %v", q, err)
		}
		for _, f := range doc.Fragments {
			frags[f.Name] = q
		}
		docs = append(docs, parsed{q, doc})
	}
	var ops []webOperation
	for _, d := range docs {
		for _, op := range d.doc.Operations {
			own := map[string]bool{} // fragments the document defines itself
			for _, f := range d.doc.Fragments {
				own[f.Name] = true
			}
			more := spreadFragments(t, op.SelectionSet, frags, own)
			for _, f := range d.doc.Fragments {
				more += spreadFragments(t, f.SelectionSet, frags, own)
			}
			ops = append(ops, webOperation{name: op.Name, query: d.text + more, op: op})
		}
	}
	// Cross-check against the typed documents codegen generated: one per
	// operation, so the map above was read whole.
	generated, err := os.ReadFile("../../web/src/gql/graphql.ts")
	if err != nil {
		t.Fatal(err)
	}
	want := len(regexp.MustCompile(`(?m)^export const \w+Document = `).FindAll(generated, -1))
	if want == 0 || len(ops) != want {
		t.Fatalf("read %d operations from gql.ts; graphql.ts has %d documents", len(ops), want)
	}
	return ops
}

// spreadFragments is the text of the fragments ss spreads, transitively,
// each once: seen are those already in the document.
func spreadFragments(t *testing.T, ss ast.SelectionSet, frags map[string]string, seen map[string]bool) string {
	var out strings.Builder
	for _, s := range ss {
		switch x := s.(type) {
		case *ast.Field:
			out.WriteString(spreadFragments(t, x.SelectionSet, frags, seen))
		case *ast.InlineFragment:
			out.WriteString(spreadFragments(t, x.SelectionSet, frags, seen))
		case *ast.FragmentSpread:
			if seen[x.Name] {
				continue
			}
			seen[x.Name] = true
			text, ok := frags[x.Name]
			if !ok {
				t.Fatalf("fragment %s is in no web document", x.Name)
			}
			out.WriteString(text)
			doc, err := parser.ParseQuery(&ast.Source{Input: text})
			if err != nil {
				t.Fatal(err)
			}
			out.WriteString(spreadFragments(t, doc.Fragments.ForName(x.Name).SelectionSet, frags, seen))
		}
	}
	return out.String()
}

// sampleVars are values of op's required variables, built from their
// types. The cost depends on variables only through first/last: an
// operation passing them a variable needs the value the web app sends,
// which no type tells, so it fails here until this test learns it.
func sampleVars(t *testing.T, schema *ast.Schema, op *ast.OperationDefinition) map[string]any {
	t.Helper()
	sliced := map[string]bool{}
	var walk func(ast.SelectionSet)
	walk = func(ss ast.SelectionSet) {
		for _, s := range ss {
			if f, ok := s.(*ast.Field); ok {
				for _, a := range f.Arguments {
					if (a.Name == "first" || a.Name == "last") && a.Value.Kind == ast.Variable {
						sliced[a.Value.Raw] = true
					}
				}
				walk(f.SelectionSet)
			}
		}
	}
	walk(op.SelectionSet)
	vars := map[string]any{}
	for _, v := range op.VariableDefinitions {
		if sliced[v.Variable] {
			t.Fatalf("$%s is a first/last argument: give it the value the web app sends", v.Variable)
		}
		if v.Type.NonNull {
			vars[v.Variable] = sampleValue(t, schema, v.Type)
		}
	}
	return vars
}

func sampleValue(t *testing.T, schema *ast.Schema, typ *ast.Type) any {
	if typ.Elem != nil {
		return []any{sampleValue(t, schema, typ.Elem)}
	}
	def := schema.Types[typ.NamedType]
	if def == nil {
		t.Fatalf("type %s is not in the API schema", typ.NamedType)
	}
	switch def.Kind {
	case ast.Enum:
		return def.EnumValues[0].Name
	case ast.InputObject:
		obj := map[string]any{}
		for _, f := range def.Fields {
			if f.Type.NonNull {
				obj[f.Name] = sampleValue(t, schema, f.Type)
			}
		}
		return obj
	}
	switch typ.NamedType {
	case "Int":
		return 1
	case "Float":
		return 1.5
	case "Boolean":
		return true
	}
	return "sample" // ID, String and custom scalars (Upload's placeholder is a string)
}
