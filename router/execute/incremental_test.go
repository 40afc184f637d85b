package execute

import (
	"context"
	"encoding/json"
	"reflect"
	"testing"

	"github.com/careercoach/coach/router/internal/incremental"
	"github.com/careercoach/coach/router/plan"
	"github.com/vektah/gqlparser/v2"
	"github.com/vektah/gqlparser/v2/validator/rules"
)

func (f *fixture) plan(t *testing.T, query string, vars map[string]any) *plan.Plan {
	t.Helper()
	doc, errs := gqlparser.LoadQueryWithRules(f.sg.API, query, rules.NewDefaultRules())
	if len(errs) > 0 {
		t.Fatalf("invalid query: %v", errs)
	}
	p, err := plan.Build(f.sg, doc, "", vars, plan.Options{})
	if err != nil {
		t.Fatalf("plan: %v", err)
	}
	return p
}

// incremental runs query as incremental delivery and returns its payloads.
func (f *fixture) incremental(t *testing.T, fetcher Fetcher, query string, vars map[string]any) []string {
	t.Helper()
	ex := &Executor{Fetcher: fetcher, MaxConcurrency: 2}
	var out []string
	ex.ExecuteIncremental(context.Background(), f.plan(t, query, vars), vars, nil, func(res *Result) error {
		b, err := json.Marshal(res)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, string(b))
		return nil
	})
	return out
}

// merged applies the payloads of an incremental response to its initial
// data, as a client does, and returns the data and all errors.
func merged(t *testing.T, payloads []string) (any, []any) {
	t.Helper()
	var data any
	var errs []any
	for i, p := range payloads {
		var m struct {
			Data        any   `json:"data"`
			Errors      []any `json:"errors"`
			Incremental []struct {
				Data   map[string]any `json:"data"`
				Path   []any          `json:"path"`
				Errors []any          `json:"errors"`
			} `json:"incremental"`
		}
		if err := json.Unmarshal([]byte(p), &m); err != nil {
			t.Fatal(err)
		}
		if i == 0 {
			data = m.Data
		}
		errs = append(errs, m.Errors...)
		for _, it := range m.Incremental {
			errs = append(errs, it.Errors...)
			at := data
			for _, k := range it.Path {
				switch k := k.(type) {
				case string:
					at = at.(map[string]any)[k]
				case float64:
					at = at.([]any)[int(k)]
				}
			}
			if it.Data == nil {
				continue // nulled by an error of its own: nothing to merge
			}
			if err := incremental.Apply(data, it.Path, it.Data); err != nil {
				t.Fatal(err)
			}
		}
	}
	return data, errs
}

// TestExecuteIncremental checks @defer's payloads, and that merging them
// gives what Execute answers at once (data equal, the same errors).
func TestExecuteIncremental(t *testing.T) {
	tests := []struct {
		name     string
		query    string
		vars     map[string]any
		down     string
		payloads []string
		calls    map[string]int
	}{
		{
			name:  "an entity field deferred on each object of a list; its error in its fragment",
			query: `{ users { name ... @defer(label: "r") { reviews { body } } } }`,
			payloads: []string{
				`{"data":{"users":[{"name":"Ada"},{"name":"Bob"},{"name":"Ada"}]},"hasNext":true}`,
				`{"incremental":[{"data":{"reviews":[{"body":"great"}]},"path":["users",0],"label":"r"},{"data":{"reviews":null},"path":["users",1],"label":"r","errors":[{"message":"reviews unavailable","path":["users",1,"reviews"],"extensions":{"code":"STUB_FAILURE","serviceName":"reviews"}}]},{"data":{"reviews":[{"body":"great"}]},"path":["users",2],"label":"r"}],"hasNext":false}`,
			},
			calls: map[string]int{"accounts": 1, "reviews": 1},
		},
		{
			name:     "@defer(if: false) is a plain fragment: one payload",
			query:    `query($d: Boolean!) { me { name ... @defer(if: $d) { reviews { body } } } }`,
			vars:     map[string]any{"d": false},
			payloads: []string{`{"data":{"me":{"name":"Ada","reviews":[{"body":"great"}]}}}`},
			calls:    map[string]int{"accounts": 1, "reviews": 1},
		},
		{
			name:  "a field of the same fetch is still delivered with its fragment",
			query: `{ me { id ... @defer { name } } }`,
			payloads: []string{
				`{"data":{"me":{"id":"u1"}},"hasNext":true}`,
				`{"incremental":[{"data":{"name":"Ada"},"path":["me"]}],"hasNext":false}`,
			},
			calls: map[string]int{"accounts": 1},
		},
		{
			name:  "a root fragment: its subgraph is asked after the initial payload",
			query: `{ me { id } ... @defer(label: "top") { topProducts { name } } }`,
			payloads: []string{
				`{"data":{"me":{"id":"u1"}},"hasNext":true}`,
				`{"incremental":[{"data":{"topProducts":[{"name":"Go"},{"name":"Chair"}]},"path":[],"label":"top"}],"hasNext":false}`,
			},
			calls: map[string]int{"accounts": 1, "products": 1},
		},
		{
			name:  "a fragment inside a deferred fragment, on a list inside it",
			query: `{ me { id ... @defer(label: "outer") { name reviews { id ... @defer(label: "inner") { body } } } } }`,
			payloads: []string{
				`{"data":{"me":{"id":"u1"}},"hasNext":true}`,
				`{"incremental":[{"data":{"name":"Ada","reviews":[{"id":"r1"}]},"path":["me"],"label":"outer"},{"data":{"body":"great"},"path":["me","reviews",0],"label":"inner"}],"hasNext":false}`,
			},
			calls: map[string]int{"accounts": 1, "reviews": 1},
		},
		{
			name:  "a deferred fetch that fails: its error in the fragment's payload, not the initial one",
			query: `{ users { id ... @defer { reviews { id } } } }`,
			down:  "reviews",
			payloads: []string{
				`{"data":{"users":[{"id":"u1"},{"id":"u2"},{"id":"u1"}]},"hasNext":true}`,
				`{"incremental":[{"data":{"reviews":null},"path":["users",0],"errors":[{"message":"HTTP fetch failed from 'reviews'","extensions":{"code":"SUBREQUEST_HTTP_ERROR","serviceName":"reviews"}}]},{"data":{"reviews":null},"path":["users",1]},{"data":{"reviews":null},"path":["users",2]}],"hasNext":false}`,
			},
			calls: map[string]int{"accounts": 1, "reviews": 1},
		},
		{
			name:  "a deferred non-null field that is null nulls its fragment's data",
			query: `{ topProducts { name ... on Furniture @defer { reviews { body } } } }`,
			payloads: []string{
				`{"data":{"topProducts":[{"name":"Go"},{"name":"Chair"}]},"hasNext":true}`,
				`{"incremental":[{"data":{"reviews":[null]},"path":["topProducts",1],"errors":[{"message":"body lost","path":["topProducts",1,"reviews",0,"body"],"extensions":{"code":"STUB_FAILURE","serviceName":"reviews"}}]}],"hasNext":false}`,
			},
			calls: map[string]int{"products": 1, "reviews": 1},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f := newFixture(t)
			if tc.down != "" {
				f.down[tc.down] = true
			}
			got := f.incremental(t, f, tc.query, tc.vars)
			if !reflect.DeepEqual(got, tc.payloads) {
				t.Errorf("payloads\n got: %q\nwant: %q", got, tc.payloads)
			}
			f.checkCalls(t, tc.calls)

			whole := f.run(t, tc.query, tc.vars)
			var want struct {
				Data   any   `json:"data"`
				Errors []any `json:"errors"`
			}
			if err := json.Unmarshal([]byte(whole), &want); err != nil {
				t.Fatal(err)
			}
			data, errs := merged(t, got)
			if !reflect.DeepEqual(data, want.Data) {
				t.Errorf("merged data differs from the whole answer\nmerged: %v\n whole: %v", data, want.Data)
			}
			if len(errs) != len(want.Errors) {
				t.Errorf("merged payloads have %d errors, the whole answer %d: %v vs %v", len(errs), len(want.Errors), errs, want.Errors)
			}
		})
	}
}
