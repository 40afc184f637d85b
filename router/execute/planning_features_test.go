package execute

import (
	"context"
	"encoding/json"
	"os"
	"testing"

	"github.com/careercoach/coach/router/internal/stubgraph"
	"github.com/careercoach/coach/router/plan"
	"github.com/careercoach/coach/router/supergraph"
	"github.com/vektah/gqlparser/v2"
	"github.com/vektah/gqlparser/v2/validator/rules"
)

// stubFetcher serves a golden case's supergraph from in-process stubs.
type stubFetcher map[string]*stubgraph.Subgraph

func (s stubFetcher) Fetch(_ context.Context, service string, req *Request) (*Response, error) {
	b, err := json.Marshal(req)
	if err != nil {
		return nil, err
	}
	var sreq stubgraph.Request
	if err := json.Unmarshal(b, &sreq); err != nil {
		return nil, err
	}
	out, err := json.Marshal(s[service].Serve(sreq))
	if err != nil {
		return nil, err
	}
	var resp Response
	return &resp, json.Unmarshal(out, &resp)
}

func runCase(t *testing.T, golden, query string, graphs stubFetcher) string {
	t.Helper()
	b, err := os.ReadFile("../plan/testdata/" + golden + "/supergraph.graphql")
	if err != nil {
		t.Fatal(err)
	}
	sg, err := supergraph.Parse(string(b))
	if err != nil {
		t.Fatal(err)
	}
	doc, errs := gqlparser.LoadQueryWithRules(sg.API, query, rules.NewDefaultRules())
	if len(errs) > 0 {
		t.Fatalf("invalid query: %v", errs)
	}
	p, err := plan.Build(sg, doc, "", nil, plan.Options{})
	if err != nil {
		t.Fatalf("plan: %v", err)
	}
	res := (&Executor{Fetcher: graphs}).Execute(context.Background(), p, nil, nil)
	out, err := json.Marshal(res)
	if err != nil {
		t.Fatal(err)
	}
	return string(out)
}

// These run the golden cases of router/plan end to end: each proves the
// executor handles what that planning feature produces.
func TestPlanningFeaturesExecute(t *testing.T) {
	tests := []struct {
		name, golden, query, want string
		graphs                    stubFetcher
	}{
		{
			name:   "value type split over two root fetches merges into one object",
			golden: "reroute-value-type",
			query:  `{ product { id name price { amount currency } } }`,
			graphs: stubFetcher{
				"catalog": {Root: obj("product", obj("id", "p1", "name", "Chair"))},
				"pricing": {Root: obj("product", obj("id", "p1", "price", obj("amount", 10, "currency", "EUR")))},
			},
			want: `{"data":{"product":{"id":"p1","name":"Chair","price":{"amount":10,"currency":"EUR"}}}}`,
		},
		{
			name:   "required fields with arguments reach each @requires with their own values",
			golden: "requires-arguments",
			query:  `{ products { upc price(currency: "GBP") estimateUSD estimateEUR } }`,
			graphs: stubFetcher{
				"store": {Root: obj("products", []any{obj("__typename", "Product", "upc", "p1", "weight", 2,
					"price", stubgraph.Args(func(a map[string]any) any {
						return map[string]any{"USD": 10, "EUR": 20, "GBP": 8}[a["currency"].(string)]
					}))})},
				"shipping": {Entity: func(rep map[string]any) any {
					price, _ := rep["price"].(float64)
					weight, _ := rep["weight"].(float64)
					return obj("__typename", "Product", "estimateUSD", price*weight, "estimateEUR", price*weight)
				}},
			},
			want: `{"data":{"products":[{"upc":"p1","price":8,"estimateUSD":20,"estimateEUR":40}]}}`,
		},
		{
			name:   "aliased fields come back under the client's key",
			golden: "alias-type-conflict",
			query:  `{ accounts { ... on User { id } ... on Admin { id similar { ... on Admin { id } } } } }`,
			graphs: stubFetcher{
				"b": {Root: obj("accounts", []any{
					obj("__typename", "User", "id", "u1"),
					obj("__typename", "Admin", "id", "a1", "similar", []any{obj("__typename", "Admin", "id", nil)}),
				})},
			},
			want: `{"data":{"accounts":[{"id":"u1"},{"id":"a1","similar":[{"id":null}]}]}}`,
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := runCase(t, tc.golden, tc.query, tc.graphs); got != tc.want {
				t.Errorf("response\n got: %s\nwant: %s", got, tc.want)
			}
		})
	}
}
