package server

import (
	"github.com/careercoach/coach/router/wire"
	"os"
	"strings"
	"testing"

	"github.com/careercoach/coach/router/supergraph"
)

func TestCheckOperation(t *testing.T) {
	sdl, err := os.ReadFile("../supergraph/testdata/basic.graphql")
	if err != nil {
		t.Fatal(err)
	}
	sg, err := supergraph.Parse(string(sdl))
	if err != nil {
		t.Fatal(err)
	}
	lim := Limits{MaxCost: 200, ListSize: 10, MaxDepth: 3, MaxTokens: 100}
	tests := []struct {
		name, query string
		vars        map[string]any
		cost        int
		wantErr     string
	}{
		{"a slicing argument", `{ topProducts(first: 50) { upc name } }`, nil, 101, ""},
		{"a slicing variable", `query($n: Int) { topProducts(first: $n) { upc } }`, map[string]any{"n": 7}, 8, ""},
		{"over the cost limit", `{ topProducts(first: 200) { upc } }`, nil, 201, wire.CodeMaxCost},
		{"over it by a variable", `query($n: Int) { topProducts(first: $n) { upc } }`, map[string]any{"n": 1000}, 1001, wire.CodeMaxCost},
		{"too deep", `{ topProducts { reviews { author { reviews { id } } } } }`, nil, 0, wire.CodeMaxDepth},
		{"too many tokens", "{ topProducts { upc" + strings.Repeat(" upc", 100) + " } }", nil, 0, wire.CodeMaxTokens},
		{"unknown field", `{ topProducts { nope } }`, nil, 0, "validating the query"},
		{"a variable of the wrong type", `query($n: Int) { topProducts(first: $n) { upc } }`, map[string]any{"n": "many"}, 0, wire.CodeInvalidVariable},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			cost, err := CheckOperation(sg.API, tc.query, "", tc.vars, lim)
			if tc.wantErr == "" && err != nil {
				t.Fatalf("err = %v", err)
			}
			if tc.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tc.wantErr)) {
				t.Fatalf("err = %v, want one with %s", err, tc.wantErr)
			}
			if cost != tc.cost {
				t.Errorf("cost = %d, want %d", cost, tc.cost)
			}
		})
	}
}
