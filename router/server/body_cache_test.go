package server

import (
	"strings"
	"testing"
)

func TestBodyCache(t *testing.T) {
	e := newEnv(t, nil)
	s := e.server()
	withVars := `{"query":"query($f:Int){ topProducts(first:$f){ upc } }","variables":{"f":1}}`
	big := `{"query":"{ me { id } }","extensions":{"pad":"` + strings.Repeat("x", maxCachedBody) + `"}}`
	tests := []struct {
		name      string
		body      string
		wantCache bool
	}{
		{"a body is kept once decoded", withVars, true},
		{"a body over the size bound is not kept", big, false},
		{"a batch is not kept", `[{"query":"{ me { id } }"}]`, false},
		{"an invalid body is not kept", `{"query":`, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := e.post(t, tc.body, nil)
			if tc.body != `{"query":` && (r.status != 200 || strings.Contains(r.body, `"errors"`)) {
				t.Fatalf("%d %s", r.status, r.body)
			}
			if _, ok := s.bodies.get(tc.body); ok != tc.wantCache {
				t.Fatalf("cached = %v, want %v", ok, tc.wantCache)
			}
		})
	}
	t.Run("a kept body is answered from the cache", func(t *testing.T) {
		// Swap what the body decodes to: only a lookup can answer with it.
		s.bodies.put(withVars, gqlRequest{Query: `{ me { name } }`})
		if r := e.post(t, withVars, nil); !strings.Contains(r.body, `"me":{"name":"Ada"}`) {
			t.Fatalf("not from the cache: %s", r.body)
		}
	})
	t.Run("serving from the cache leaves the entry as it was", func(t *testing.T) {
		body := `{"query":"query($f:Int){ topProducts(first:$f){ upc } }","variables":{"f":2}}`
		for range 2 {
			e.post(t, body, nil)
		}
		req, _ := s.bodies.get(body)
		if req.Variables["f"] != float64(2) || len(req.Variables) != 1 {
			t.Fatalf("cached variables changed: %v", req.Variables)
		}
	})
}
