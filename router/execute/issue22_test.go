package execute

import (
	"context"
	"github.com/careercoach/coach/router/wire"
	"testing"
)

// nulling answers one subgraph with data: null and its own error, as a
// subgraph does when a non-null field of its answer failed.
type nulling struct {
	*fixture
	service string
	errPath []any
}

func (n nulling) Fetch(ctx context.Context, service string, req *Request) (*Response, error) {
	if service != n.service {
		return n.fixture.Fetch(ctx, service, req)
	}
	n.mu.Lock()
	n.calls = append(n.calls, service)
	n.mu.Unlock()
	return &Response{Errors: []*wire.Error{{Message: "not found", Path: n.errPath, Extensions: map[string]any{"code": "NOT_FOUND"}}}}, nil
}

// Issue 22's execution defects, replayed on the stub supergraph: emptied
// selection sets (1), spurious non-null errors (3), one entity at several
// paths (5).
func TestExecuteIssue22(t *testing.T) {
	tests := []struct {
		name  string
		query string
		setup func(f *fixture) Fetcher
		want  string
		calls map[string]int
	}{
		{
			name:  "skip empties a list's selection: each item is {}",
			query: `{ users { name @skip(if: true) } }`,
			want:  `{"data":{"users":[{},{},{}]}}`,
			calls: map[string]int{"accounts": 1},
		},
		{
			name:  "include(if: false) empties an object's selection: {} not null",
			query: `{ me { id @include(if: false) } }`,
			want:  `{"data":{"me":{}}}`,
			calls: map[string]int{"accounts": 1},
		},
		{
			name:  "a skipped fragment empties the selection",
			query: `{ me { ... on User @skip(if: true) { id } } }`,
			want:  `{"data":{"me":{}}}`,
			calls: map[string]int{"accounts": 1},
		},
		{
			name:  "an emptied field behind an entity hop still calls its subgraph",
			query: `{ me { reviews { body @skip(if: true) } } }`,
			want:  `{"data":{"me":{"reviews":[{}]}}}`,
			calls: map[string]int{"accounts": 1, "reviews": 1},
		},
		{
			name:  "errors of an emptied field's subgraph are still reported",
			query: `{ users { id reviews { body @skip(if: true) } } }`,
			want:  `{"data":{"users":[{"id":"u1","reviews":[{}]},{"id":"u2","reviews":null},{"id":"u1","reviews":[{}]}]},"errors":[{"message":"reviews unavailable","path":["users",1,"reviews"],"extensions":{"code":"STUB_FAILURE","serviceName":"reviews"}}]}`,
			calls: map[string]int{"accounts": 1, "reviews": 1},
		},
		{
			name:  "a subgraph that nulled its answer: only its own error",
			query: `{ users { id } me { id } }`,
			setup: func(f *fixture) Fetcher { return nulling{f, "accounts", []any{"me"}} },
			want:  `{"data":null,"errors":[{"message":"not found","path":["me"],"extensions":{"code":"NOT_FOUND","serviceName":"accounts"}}]}`,
			calls: map[string]int{"accounts": 1},
		},
		{
			name:  "a null with no error still gets NON_NULLABLE_FIELD_NULL",
			query: `{ users { id } }`,
			setup: func(f *fixture) Fetcher {
				f.graphs["accounts"].Root["users"] = []any{nil}
				return f
			},
			want:  `{"data":null,"errors":[{"message":"Cannot return null for non-nullable field users.","path":["users",0],"extensions":{"code":"NON_NULLABLE_FIELD_NULL"}}]}`,
			calls: map[string]int{"accounts": 1},
		},
		{
			name:  "one entity at several paths: its error at each",
			query: `{ users { id reviews { body } } }`,
			setup: func(f *fixture) Fetcher {
				u := f.graphs["accounts"].Root["users"].([]any)
				f.graphs["accounts"].Root["users"] = []any{u[1], u[0], u[1], u[1]}
				return f
			},
			want:  `{"data":{"users":[{"id":"u2","reviews":null},{"id":"u1","reviews":[{"body":"great"}]},{"id":"u2","reviews":null},{"id":"u2","reviews":null}]},"errors":[{"message":"reviews unavailable","path":["users",0,"reviews"],"extensions":{"code":"STUB_FAILURE","serviceName":"reviews"}},{"message":"reviews unavailable","path":["users",2,"reviews"],"extensions":{"code":"STUB_FAILURE","serviceName":"reviews"}},{"message":"reviews unavailable","path":["users",3,"reviews"],"extensions":{"code":"STUB_FAILURE","serviceName":"reviews"}}]}`,
			calls: map[string]int{"accounts": 1, "reviews": 1},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f := newFixture(t)
			var fetcher Fetcher = f
			if tc.setup != nil {
				fetcher = tc.setup(f)
			}
			if got := f.runWith(t, fetcher, tc.query, nil); got != tc.want {
				t.Errorf("response\n got: %s\nwant: %s", got, tc.want)
			}
			f.checkCalls(t, tc.calls)
		})
	}
}

// leaking answers the reviews subgraph normally and adds, for every
// representation, an error on shippingEstimate, which the client selects
// on Books only: what an @interfaceObject subgraph does when it resolves a
// field for every object it is sent.
type leaking struct{ *fixture }

func (l leaking) Fetch(ctx context.Context, service string, req *Request) (*Response, error) {
	resp, err := l.fixture.Fetch(ctx, service, req)
	if err != nil || service != "reviews" {
		return resp, err
	}
	reps, _ := req.Variables["representations"].([]any)
	for i, rep := range reps {
		typename, _ := rep.(map[string]any)["__typename"].(string)
		resp.Errors = append(resp.Errors, &wire.Error{Message: "estimate failed for " + typename,
			Path: []any{"_entities", i, "shippingEstimate"}})
	}
	return resp, nil
}

// Issue 22 item 4: an error on a field the client did not select for that
// object's type is not reported; one on a selected field is.
func TestErrorsOfUnselectedFieldsDropped(t *testing.T) {
	f := newFixture(t)
	got := f.runWith(t, leaking{f}, `{ topProducts { ... on Book { shippingEstimate } ... on Furniture { reviews { id } } } }`, nil)
	want := `{"data":{"topProducts":[{"shippingEstimate":20},{"reviews":[{"id":"r3"}]}]},"errors":[{"message":"estimate failed for Book","path":["topProducts",0,"shippingEstimate"],"extensions":{"code":"DOWNSTREAM_SERVICE_ERROR","serviceName":"reviews"}}]}`
	if got != want {
		t.Errorf("response\n got: %s\nwant: %s", got, want)
	}
}
