package server

import (
	"encoding/json"
	"strings"
	"testing"
)

// The checks of a cached document are per operation and hold on every
// repeat, not only on the request that parsed it.
func TestCheckedDocLimitsOnRepeats(t *testing.T) {
	e := newEnv(t, func(c *Config) {
		c.Limits = Limits{MaxCost: 50, ListSize: 10, MaxDepth: 3}
		c.DisableIntrospection = true
	})
	const doc = `query Cheap { me { name } }
query Costly { users { reviews { body } } }
query Deep { me { reviews { product { upc } } } }
query Schema { __schema { queryType { name } } }`
	tests := []struct{ op, want string }{
		{"Cheap", `"data":{"me":{"name":"Ada"}}`},
		{"Costly", `"MAX_COST_EXCEEDED"`},
		{"Deep", `"MAX_DEPTH_EXCEEDED"`},
		{"Schema", `"INTROSPECTION_DISABLED"`},
	}
	for round := range 2 {
		for _, tc := range tests {
			b, _ := json.Marshal(map[string]any{"query": doc, "operationName": tc.op})
			if r := e.post(t, string(b), nil); !strings.Contains(r.body, tc.want) {
				t.Errorf("round %d, %s: %s, want %s", round, tc.op, r.body, tc.want)
			}
		}
	}
}
