package server

import (
	"context"
	"fmt"
	"github.com/careercoach/coach/router/wire"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/careercoach/coach/router/supergraph"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/parser"
	"github.com/vektah/gqlparser/v2/validator"
)

// fragmentChain is issue 20's exponential document: n fragments, each
// selecting a field and spreading the next twice (2^n fields expanded).
func fragmentChain(n int) string {
	var b strings.Builder
	b.WriteString("query { users { ...F0 } }")
	for i := range n - 1 {
		fmt.Fprintf(&b, " fragment F%d on User { id ...F%d ...F%d }", i, i+1, i+1)
	}
	fmt.Fprintf(&b, " fragment F%d on User { id }", n-1)
	return b.String()
}

// impatient fails the test instead of waiting minutes for a router that
// walks a document exponentially.
var impatient = &http.Client{Timeout: 10 * time.Second}

func (e *env) postWithin(t *testing.T, payload string) reply {
	t.Helper()
	req, _ := http.NewRequest(http.MethodPost, e.srv.URL+"/graphql", strings.NewReader(payload))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Accept", gqlResponse)
	res, err := impatient.Do(req)
	if err != nil {
		t.Fatalf("router did not answer: %v", err)
	}
	defer res.Body.Close()
	body, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	return reply{status: res.StatusCode, ctype: res.Header.Get("Content-Type"), body: strings.TrimSpace(string(body))}
}

func basicSDL(tb testing.TB) string {
	tb.Helper()
	b, err := os.ReadFile("../supergraph/testdata/basic.graphql")
	if err != nil {
		tb.Fatal(err)
	}
	return string(b)
}

// The 30- and 60-fragment chains of issue 20 get a clear limit error at
// once, and no subgraph hears of them; a short chain still runs.
func TestFragmentChainRefused(t *testing.T) {
	e := newEnv(t, nil)
	for _, n := range []int{30, 60} {
		t.Run(fmt.Sprint(n, " fragments"), func(t *testing.T) {
			r := e.postWithin(t, gql(fragmentChain(n)))
			if r.status != http.StatusBadRequest || !strings.Contains(r.body, `"MAX_FIELDS_EXCEEDED"`) ||
				!strings.Contains(r.body, "once its fragments are expanded") {
				t.Errorf("got %d %s, want 400 MAX_FIELDS_EXCEEDED", r.status, r.body)
			}
		})
	}
	if n := len(e.graphs["accounts"].Requests()); n != 0 {
		t.Errorf("accounts got %d requests for refused documents", n)
	}
	t.Run("8 fragments run", func(t *testing.T) {
		r := e.postWithin(t, gql(fragmentChain(8)))
		if r.status != 200 || r.body != `{"data":{"users":[{"id":"u1"}]}}` {
			t.Errorf("got %d %s", r.status, r.body)
		}
	})
}

// measure expands each fragment once and counts what a full expansion
// would count.
func TestMeasure(t *testing.T) {
	tests := []struct {
		name, doc string
		want      shapeStats
	}{
		{"plain", `{ me { id name } users { id } }`, shapeStats{depth: 2, rootFields: 2, fields: 5, repeats: 1}},
		{"spread twice", `{ me { ...A ...A } } fragment A on User { id n: name }`, shapeStats{depth: 2, rootFields: 1, fields: 5, aliases: 2, repeats: 2, fragments: 1}},
		{"root spread", `{ ...Q } fragment Q on Query { me { id } users { id } }`, shapeStats{depth: 2, rootFields: 2, fields: 4, repeats: 1, fragments: 1}},
		{"depth through fragments", `{ me { ...A } } fragment A on User { reviews { ...B } } fragment B on Review { author { id } }`,
			shapeStats{depth: 4, rootFields: 1, fields: 4, repeats: 1, fragments: 2}},
		{"inline fragment", `{ me { ... on User { id } } }`, shapeStats{depth: 2, rootFields: 1, fields: 2, repeats: 1}},
		{"a key repeated through an inline fragment", `{ me { id ... on User { id } } }`, shapeStats{depth: 2, rootFields: 1, fields: 3, repeats: 2}},
		{"cycle counts once", `{ me { ...A } } fragment A on User { id ...B } fragment B on User { name ...A }`,
			shapeStats{depth: 2, rootFields: 1, fields: 3, repeats: 1, fragments: 2}},
		{"introspection in a fragment", `{ ...I } fragment I on Query { __type(name: "User") { name } }`,
			shapeStats{depth: 2, rootFields: 1, fields: 2, introspects: true, repeats: 1, fragments: 1}},
		{"unknown fragment", `{ me { ...Nope } }`, shapeStats{depth: 1, rootFields: 1, fields: 1, repeats: 1}},
		{"60-fragment chain saturates", fragmentChain(60), shapeStats{depth: 2, rootFields: 1, fields: saturated, repeats: 2, fragments: 60}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			doc, err := parser.ParseQuery(&ast.Source{Input: tc.doc})
			if err != nil {
				t.Fatal(err)
			}
			got := measure(doc, doc.Operations[0])
			got.repeatKey = "" // which key is repeated most is checked by TestValidationInputsBounded
			if got != tc.want {
				t.Errorf("measure = %+v, want %+v", got, tc.want)
			}
		})
	}
}

// Validation (gqlparser's overlapping-fields rule, its walk of each
// fragment) grows with the square of repeated selections and of
// fragments: documents that took it 0.3–0.5 s are refused before it.
func TestValidationInputsBounded(t *testing.T) {
	var chain strings.Builder
	chain.WriteString("{ me { ...G0 } }")
	for i := range 600 {
		fmt.Fprintf(&chain, " fragment G%d on User { ...G%d }", i, i+1)
	}
	chain.WriteString(" fragment G600 on User { id }")
	e := newEnv(t, nil)
	tests := []struct{ name, query, want string }{
		{"a field 990 times", "{" + strings.Repeat(" me { id }", 990) + " }", `selects \"me\" 990 times, more than the limit of 20`},
		{"a nested field 990 times", "{ me {" + strings.Repeat(" reviews { id }", 990) + " } }", `selects \"reviews\" 990 times`},
		{"through inline fragments", "{ me {" + strings.Repeat(" ... on User { id }", 700) + " } }", `selects \"id\" 700 times`},
		{"one fragment spread 1000 times", "{ me {" + strings.Repeat(" ...F", 1000) + " } } fragment F on User { id }", `selects \"...F\" 1000 times`},
		{"a chain of 601 fragments", chain.String(), `"the document defines 601 fragments, more than the limit of 100"`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := e.postWithin(t, gql(tc.query))
			if r.status != http.StatusBadRequest || !strings.Contains(r.body, tc.want) {
				t.Errorf("got %d %s, want 400 with %s", r.status, r.body, tc.want)
			}
		})
	}
}

// Preparing a request gives up once its context ends (timeout, or the
// client left), with a timeout error and no subgraph request.
func TestPrepareHonoursContext(t *testing.T) {
	e := newEnv(t, nil)
	s := e.server()
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, rerr := s.prepare(ctx, s.state.Load(), gqlRequest{Query: `{ me { id } }`}, http.MethodPost)
	if rerr == nil || rerr.errs[0].Extensions["code"] != wire.CodeTimeout {
		t.Fatalf("prepare with an ended context: %+v, want REQUEST_TIMEOUT", rerr)
	}
	if n := len(e.graphs["accounts"].Requests()); n != 0 {
		t.Errorf("accounts got %d requests", n)
	}
}

// BenchmarkFragmentChain60 measures the answer to issue 20's 60-fragment
// chain through the whole handler (README "Security": under 10 ms).
func BenchmarkFragmentChain60(b *testing.B) {
	h, err := New(Config{SupergraphSDL: basicSDL(b), SubgraphURLs: map[string]string{}}, nil)
	if err != nil {
		b.Fatal(err)
	}
	body := gql(fragmentChain(60))
	b.ReportAllocs()
	for b.Loop() {
		req := httptest.NewRequest(http.MethodPost, "/graphql", strings.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		w := httptest.NewRecorder()
		h.ServeHTTP(w, req)
		if !strings.Contains(w.Body.String(), wire.CodeMaxFields) {
			b.Fatalf("answer %s", w.Body.String())
		}
	}
}

// The cost estimate: every field 1, times each enclosing list's size (its
// first/last argument or their default, else ListSize); introspection
// its field count; fragments as if expanded, and each @defer fragment 1.
func TestCost(t *testing.T) {
	sg, err := supergraph.Parse(basicSDL(t))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, query string
		vars        map[string]any
		want        int
		varies      bool
	}{
		{"argument default", `{ topProducts { upc } }`, nil, 1 + 5, false},
		{"argument", `{ topProducts(first: 2) { upc reviews { id } } }`, nil, 1 + 2*(1+1+10), false},
		{"list without argument", `{ users { id } }`, nil, 1 + 10, false},
		{"variable", `query($n: Int) { topProducts(first: $n) { upc } }`, map[string]any{"n": int64(7)}, 1 + 7, true},
		{"fragment spread twice", `{ users { ...U ...U } } fragment U on User { reviews { id } }`, nil, 1 + 10*2*(1+10), false},
		{"introspection", `{ __schema { types { name fields { name } } } }`, nil, 5, false},
		// A @defer fragment is a payload entry of its own on every object.
		{"deferred fragments", `{ users { ... @defer { ... @defer { ...U @defer } } } } fragment U on User { id }`, nil, 1 + 10*(3+1), false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			doc, err := parser.ParseQuery(&ast.Source{Input: tc.query})
			if err != nil {
				t.Fatal(err)
			}
			if errs := validator.ValidateWithRules(sg.API, doc, nil); len(errs) > 0 {
				t.Fatal(errs)
			}
			c := newCoster(tc.vars, 10)
			if got := c.cost(doc.Operations[0]); got != tc.want || c.usedVars != tc.varies {
				t.Errorf("cost = %d (varies %v), want %d (%v)", got, c.usedVars, tc.want, tc.varies)
			}
		})
	}
}
