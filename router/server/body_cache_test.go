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
		{"the same body again, from the cache", withVars, true},
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
	// Served twice from one cached entry, the variables are still intact.
	req, _ := s.bodies.get(withVars)
	if req.Variables["f"] != float64(1) || len(req.Variables) != 1 {
		t.Fatalf("cached variables changed: %v", req.Variables)
	}
}
