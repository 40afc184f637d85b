package oracle_test

import (
	"testing"

	"github.com/careercoach/coach/router/internal/oracle"
)

// state reads everything the mutations change.
var state = oracle.Case{Query: `{ media { ... on Book { id title } } topReviews { id stars book { title } } search(term: "o") { __typename ... on Book { id } } }`}

// TestOracleMutations runs generated mutations through the router and the
// reference, each over its own data set: answers equal (data byte for
// byte, errors by path and code) and, after each, the same state, so
// every field ran once and in order.
func TestOracleMutations(t *testing.T) {
	e := newEnv(t)
	fixed := []struct{ name, query, want string }{
		{
			name: "fields in order across subgraphs",
			query: `mutation { a: renameBook(id: "b1", title: "First") { title }
				b: addStars(reviewId: "r2", by: 1) { stars book { title reviews { stars } } }
				c: renameBook(id: "b1", title: "Second") { title } d: addStars(reviewId: "r9", by: 1) { id } }`,
			want: `{"a":{"title":"First"},"b":{"stars":4,"book":{"title":"First","reviews":[{"stars":5},{"stars":4}]}},"c":{"title":"Second"},"d":null}`,
		},
		{
			// Found by this test: the two fields went in one request, so
			// a's entity fetches saw r1 after b had changed it.
			name: "a field's entity fetches run before the next field of the same subgraph",
			query: `mutation { a: addStars(reviewId: "r4", by: 1) { author { books { author { reviews(minStars: 3) { id } } } } }
				b: addStars(reviewId: "r1", by: -3) { stars } }`,
			want: `{"a":{"author":{"books":[{"author":{"reviews":[{"id":"r1"},{"id":"r4"}]}}]}},"b":{"stars":2}}`,
		},
	}
	for _, tc := range fixed {
		c := oracle.Case{Query: tc.query}
		got, want := ask(t, e.router, c), ask(t, e.reference, c)
		if string(want.Data) != tc.want {
			t.Fatalf("%s: the reference itself answers %s", tc.name, want.Data)
		}
		if d := oracle.Diff(got, want, false); d != "" {
			t.Fatalf("%s: %s", tc.name, d)
		}
	}
	s, n := seed(t), cases(t)/10
	g := oracle.NewGenerator(e.schema, s)
	failing, mismatches := 0, 0
	for i := 0; i < n && mismatches < 10; i++ {
		c := g.NextMutation()
		got, want := ask(t, e.router, c), ask(t, e.reference, c)
		if want.Data == nil {
			t.Fatalf("case %d: the reference refused a generated mutation (%v):\n%s", i, want.Errors, c.Query)
		}
		if len(want.Errors) > 0 {
			failing++
		}
		if d := oracle.Diff(got, want, false); d != "" {
			mismatches++
			t.Errorf("case %d (seed %d):\n%s\nquery: %s\nvariables: %v", i, s, d, c.Query, c.Variables)
		}
		if d := oracle.Diff(ask(t, e.router, state), ask(t, e.reference, state), false); d != "" {
			t.Fatalf("after case %d (seed %d) the data sets differ:\n%s\nquery: %s", i, s, d, c.Query)
		}
	}
	t.Logf("seed %d: %d mutations, %d with errors", s, n, failing)
	if n >= 100 && failing < n/10 {
		t.Errorf("only %d of %d mutations failed somewhere: the errors would go untested", failing, n)
	}
}
