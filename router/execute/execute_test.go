package execute

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"github.com/careercoach/coach/router/wire"
	"os"
	"strings"
	"sync"
	"testing"

	"github.com/careercoach/coach/router/internal/stubgraph"
	"github.com/careercoach/coach/router/plan"
	"github.com/careercoach/coach/router/supergraph"
	"github.com/vektah/gqlparser/v2"
	"github.com/vektah/gqlparser/v2/validator/rules"
)

func obj(kv ...any) map[string]any {
	m := map[string]any{}
	for i := 0; i < len(kv); i += 2 {
		m[kv[i].(string)] = kv[i+1]
	}
	return m
}

// fixture is the basic supergraph served by three stub subgraphs.
type fixture struct {
	sg     *supergraph.Supergraph
	graphs map[string]*stubgraph.Subgraph
	down   map[string]bool
	mu     sync.Mutex
	calls  []string
}

func newFixture(t *testing.T) *fixture {
	t.Helper()
	b, err := os.ReadFile("../supergraph/testdata/basic.graphql")
	if err != nil {
		t.Fatal(err)
	}
	sg, err := supergraph.Parse(string(b))
	if err != nil {
		t.Fatal(err)
	}
	users := map[string]map[string]any{
		"u1": obj("__typename", "User", "id", "u1", "name", "Ada", "username", "ada"),
		"u2": obj("__typename", "User", "id", "u2", "name", "Bob", "username", "bob"),
	}
	book := obj("__typename", "Book", "upc", "b1", "name", "Go", "price", 10, "weight", 2, "pages", 300)
	chair := obj("__typename", "Furniture", "upc", "f1", "name", "Chair", "price", 50, "color", "SECRET", "colors", []any{"RED", "SECRET"})
	review := func(id string, body, author any) map[string]any {
		return obj("__typename", "Review", "id", id, "body", body, "author", author)
	}
	f := &fixture{sg: sg, down: map[string]bool{}, graphs: map[string]*stubgraph.Subgraph{
		"accounts": {
			Root: obj("me", users["u1"], "users", []any{users["u1"], users["u2"], users["u1"]},
				"rename", users["u1"]),
			Entity: func(rep map[string]any) any { return users[rep["id"].(string)] },
		},
		"products": {
			Root:   obj("topProducts", []any{book, chair}, "search", []any{book, chair}),
			Entity: func(rep map[string]any) any { return nil },
		},
		"reviews": {
			Root: obj("addReview", review("r9", "new", obj("__typename", "User", "id", "u2"))),
			Entity: func(rep map[string]any) any {
				switch rep["__typename"] {
				case "User":
					if rep["id"] == "u2" {
						return obj("__typename", "User", "id", "u2", "reviews", stubgraph.Fail("reviews unavailable"))
					}
					return obj("__typename", "User", "id", rep["id"], "reviews", []any{review("r1", "great", nil)})
				case "Book":
					price, _ := rep["price"].(float64)
					weight, _ := rep["weight"].(float64)
					return obj("__typename", "Book", "upc", rep["upc"], "shippingEstimate", price*weight,
						"reviews", []any{review("r2", "fine", obj("__typename", "User", "id", "u1", "name", "Ada"))})
				case "Furniture":
					return obj("__typename", "Furniture", "upc", rep["upc"],
						"reviews", []any{review("r3", stubgraph.Fail("body lost"), nil)})
				}
				return nil
			},
		},
	}}
	return f
}

func (f *fixture) Fetch(ctx context.Context, service string, req *Request) (*Response, error) {
	f.mu.Lock()
	f.calls = append(f.calls, service)
	down := f.down[service]
	f.mu.Unlock()
	if down {
		return nil, errors.New("connection refused")
	}
	// Round-trip through JSON as the HTTP transport would.
	b, err := json.Marshal(req)
	if err != nil {
		return nil, err
	}
	var sreq stubgraph.Request
	if err := json.Unmarshal(b, &sreq); err != nil {
		return nil, err
	}
	out, err := json.Marshal(f.graphs[service].Serve(sreq))
	if err != nil {
		return nil, err
	}
	var resp Response
	dec := json.NewDecoder(bytes.NewReader(out))
	dec.UseNumber()
	return &resp, dec.Decode(&resp)
}

func (f *fixture) run(t *testing.T, query string, vars map[string]any) string {
	t.Helper()
	return f.runWith(t, f, query, vars)
}

// runWith runs query with fetcher in front of the fixture's subgraphs.
func (f *fixture) runWith(t *testing.T, fetcher Fetcher, query string, vars map[string]any) string {
	t.Helper()
	doc, errs := gqlparser.LoadQueryWithRules(f.sg.API, query, rules.NewDefaultRules())
	if len(errs) > 0 {
		t.Fatalf("invalid query: %v", errs)
	}
	p, err := plan.Build(f.sg, doc, "", vars, plan.Options{})
	if err != nil {
		t.Fatalf("plan: %v", err)
	}
	ex := &Executor{Fetcher: fetcher, MaxConcurrency: 2}
	res := ex.Execute(context.Background(), p, vars, nil)
	b, err := json.Marshal(res)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestExecute(t *testing.T) {
	tests := []struct {
		name  string
		query string
		vars  map[string]any
		down  string
		want  string
		calls map[string]int
	}{
		{
			name:  "root fields split across subgraphs",
			query: `{ me { name } topProducts { upc name } }`,
			want:  `{"data":{"me":{"name":"Ada"},"topProducts":[{"upc":"b1","name":"Go"},{"upc":"f1","name":"Chair"}]}}`,
			calls: map[string]int{"accounts": 1, "products": 1},
		},
		{
			name:  "entity hop batched and deduplicated",
			query: `{ users { name } me { reviews { body } } }`,
			want:  `{"data":{"users":[{"name":"Ada"},{"name":"Bob"},{"name":"Ada"}],"me":{"reviews":[{"body":"great"}]}}}`,
			calls: map[string]int{"accounts": 1, "reviews": 1},
		},
		{
			name:  "subgraph error carries client path and service",
			query: `{ users { id reviews { body } } }`,
			want:  `{"data":{"users":[{"id":"u1","reviews":[{"body":"great"}]},{"id":"u2","reviews":null},{"id":"u1","reviews":[{"body":"great"}]}]},"errors":[{"message":"reviews unavailable","path":["users",1,"reviews"],"extensions":{"code":"STUB_FAILURE","serviceName":"reviews"}}]}`,
			calls: map[string]int{"accounts": 1, "reviews": 1},
		},
		{
			name:  "requires fetches required fields first",
			query: `{ topProducts { ... on Book { shippingEstimate } } }`,
			want:  `{"data":{"topProducts":[{"shippingEstimate":20},{}]}}`,
			calls: map[string]int{"products": 1, "reviews": 1},
		},
		{
			name:  "provides skips the owning subgraph",
			query: `{ topProducts { ... on Book { reviews { author { name } } } } }`,
			want:  `{"data":{"topProducts":[{"reviews":[{"author":{"name":"Ada"}}]},{}]}}`,
			calls: map[string]int{"products": 1, "reviews": 1},
		},
		{
			name:  "null bubbles to the nearest nullable field",
			query: `{ topProducts { upc reviews { id body } } }`,
			want:  `{"data":{"topProducts":[{"upc":"b1","reviews":[{"id":"r2","body":"fine"}]},{"upc":"f1","reviews":[null]}]},"errors":[{"message":"body lost","path":["topProducts",1,"reviews",0,"body"],"extensions":{"code":"STUB_FAILURE","serviceName":"reviews"}}]}`,
		},
		{
			name:  "subgraph down gives partial data",
			query: `{ me { name reviews { body } } }`,
			down:  "reviews",
			want:  `{"data":{"me":{"name":"Ada","reviews":null}},"errors":[{"message":"HTTP fetch failed from 'reviews'","extensions":{"code":"SUBREQUEST_HTTP_ERROR","serviceName":"reviews"}}]}`,
		},
		{
			name:  "root subgraph down nulls its fields only",
			query: `{ me { name } topProducts { upc } }`,
			down:  "accounts",
			want:  `{"data":{"me":null,"topProducts":[{"upc":"b1"},{"upc":"f1"}]},"errors":[{"message":"HTTP fetch failed from 'accounts'","extensions":{"code":"SUBREQUEST_HTTP_ERROR","serviceName":"accounts"}}]}`,
		},
		{
			name:  "non-null root field failing nulls data",
			query: `{ users { id } }`,
			down:  "accounts",
			want:  `{"data":null,"errors":[{"message":"HTTP fetch failed from 'accounts'","extensions":{"code":"SUBREQUEST_HTTP_ERROR","serviceName":"accounts"}}]}`,
		},
		{
			name:  "enum value outside the API schema becomes null",
			query: `{ topProducts { ... on Furniture { color } } }`,
			want:  `{"data":{"topProducts":[{},{"color":null}]}}`,
		},
		{
			name:  "enum value outside the API schema bubbles in a non-null list",
			query: `{ topProducts { ... on Furniture { colors } } }`,
			want:  `{"data":{"topProducts":[{},{"colors":null}]},"errors":[{"message":"Cannot return null for non-nullable field colors.","path":["topProducts",1,"colors",1],"extensions":{"code":"NON_NULLABLE_FIELD_NULL"}}]}`,
		},
		{
			name:  "fragments aliases and typename",
			query: `query { __typename p: topProducts { kind: __typename ...F } } fragment F on Product { id: upc ... on Book { pages } }`,
			want:  `{"data":{"__typename":"Query","p":[{"kind":"Book","id":"b1","pages":300},{"kind":"Furniture","id":"f1"}]}}`,
		},
		{
			name:  "skip and include",
			query: `query($s: Boolean!) { me { id name @skip(if: $s) username @include(if: $s) } }`,
			vars:  map[string]any{"s": true},
			want:  `{"data":{"me":{"id":"u1","username":"ada"}}}`,
		},
		{
			name:  "union with entity hop",
			query: `{ search(text: "x") { ... on Book { upc reviews { id } } ... on Furniture { name } } }`,
			want:  `{"data":{"search":[{"upc":"b1","reviews":[{"id":"r2"}]},{"name":"Chair"}]}}`,
		},
		{
			name:  "mutation fields run in order",
			query: `mutation { a: rename(name: "x") { id } addReview(upc: "b1", body: "b") { id author { username } } b: rename(name: "y") { name } }`,
			want:  `{"data":{"a":{"id":"u1"},"addReview":{"id":"r9","author":{"username":"bob"}},"b":{"name":"Ada"}}}`,
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f := newFixture(t)
			if tc.down != "" {
				f.down[tc.down] = true
			}
			got := f.run(t, tc.query, tc.vars)
			if got != tc.want {
				t.Errorf("response\n got: %s\nwant: %s", got, tc.want)
			}
			if tc.calls != nil {
				f.checkCalls(t, tc.calls)
			}
		})
	}
}

// checkCalls compares the subgraphs called, and how often, with want.
func (f *fixture) checkCalls(t *testing.T, want map[string]int) {
	t.Helper()
	count := map[string]int{}
	for _, c := range f.calls {
		count[c]++
	}
	for s, n := range want {
		if count[s] != n {
			t.Errorf("%s called %d times, want %d (calls %v)", s, count[s], n, f.calls)
		}
	}
	if len(count) != len(want) {
		t.Errorf("calls = %v, want only %v", count, want)
	}
}

func TestMutationOrder(t *testing.T) {
	f := newFixture(t)
	f.run(t, `mutation { a: rename(name: "x") { id } addReview(upc: "b1", body: "b") { id author { username } } b: rename(name: "y") { name } }`, nil)
	if got := strings.Join(f.calls, ","); got != "accounts,reviews,accounts,accounts" {
		t.Errorf("call order = %s", got)
	}
}

func TestRepresentationsDeduplicated(t *testing.T) {
	f := newFixture(t)
	f.run(t, `{ users { reviews { id } } }`, nil)
	reqs := f.graphs["reviews"].Requests()
	if len(reqs) != 1 {
		t.Fatalf("reviews got %d requests, want 1", len(reqs))
	}
	reps, _ := reqs[0].Variables["representations"].([]any)
	if len(reps) != 2 {
		t.Errorf("representations = %v, want u1 and u2 once each", reps)
	}
}

// panicking is a Fetcher that panics for one service.
type panicking struct {
	*fixture
	service string
}

func (p panicking) Fetch(ctx context.Context, service string, req *Request) (*Response, error) {
	if service == p.service {
		panic("fetcher bug")
	}
	return p.fixture.Fetch(ctx, service, req)
}

func TestBranchPanicBecomesAnError(t *testing.T) {
	// Two root fetches run as parallel branches, one on a goroutine of its
	// own: a panic in either must not take the process down.
	t.Run("a lone root fetch", func(t *testing.T) {
		f := newFixture(t)
		doc, _ := gqlparser.LoadQueryWithRules(f.sg.API, `{ me { id } }`, rules.NewDefaultRules())
		p, err := plan.Build(f.sg, doc, "", nil, plan.Options{})
		if err != nil {
			t.Fatal(err)
		}
		res := (&Executor{Fetcher: panicking{f, "accounts"}}).Execute(context.Background(), p, nil, nil)
		if len(res.Errors) != 1 || res.Errors[0].Extensions["code"] != wire.CodeInternal {
			t.Fatalf("errors %+v, want one internal error", res.Errors)
		}
	})
	for _, service := range []string{"accounts", "products"} {
		t.Run(service, func(t *testing.T) {
			f := newFixture(t)
			doc, errs := gqlparser.LoadQueryWithRules(f.sg.API, `{ me { id } topProducts { upc } }`, rules.NewDefaultRules())
			if len(errs) > 0 {
				t.Fatal(errs)
			}
			p, err := plan.Build(f.sg, doc, "", nil, plan.Options{})
			if err != nil {
				t.Fatal(err)
			}
			res := (&Executor{Fetcher: panicking{f, service}}).Execute(context.Background(), p, nil, nil)
			if len(res.Errors) != 1 || res.Errors[0].Extensions["code"] != wire.CodeInternal {
				t.Fatalf("errors %+v, want one internal error", res.Errors)
			}
			b, _ := json.Marshal(res)
			other := map[string]string{"accounts": `"topProducts":[{"upc":"b1"}`, "products": `"me":{"id":"u1"}`}[service]
			if !strings.Contains(string(b), other) {
				t.Fatalf("the other branch's data is missing: %s", b)
			}
		})
	}
}
