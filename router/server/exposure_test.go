package server

import (
	"encoding/json"
	"net"
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// Issue 20 item 10: 300 operations of 20 aliased 50-item lists each ran
// 40 s. The batch is refused whole before any subgraph request; so is a
// batch short enough whose summed cost is too high; one within both runs.
func TestBatchLimits(t *testing.T) {
	e := newEnv(t, func(c *Config) { c.Limits = Limits{MaxCost: 5000, MaxAliases: 30} })
	op := "{"
	for i := range 20 {
		op += " p" + string(rune('a'+i)) + ": topProducts(first: 50) { upc name price reviews { id body } }"
	}
	op += " }"
	batch := func(n int, query string) string {
		ops := make([]map[string]any, n)
		for i := range ops {
			ops[i] = map[string]any{"query": query}
		}
		b, _ := json.Marshal(ops)
		return string(b)
	}
	tests := []struct {
		name, body, want string
		status           int
	}{
		{"the attack: 300 operations", batch(300, op), `"MAX_BATCH_EXCEEDED"`, 400},
		{"ten costly operations, each refused", batch(10, op), `"MAX_COST_EXCEEDED"`, 200},
		{"one costly operation", gql(op), `"MAX_COST_EXCEEDED"`, 400},
		{"ten cheap operations summed over the limit", batch(10, `{ topProducts(first: 500) { upc } }`),
			`estimated cost 5010 of the batch's operations exceeds the limit of 5000`, 400},
		{"ten cheap operations within it", batch(10, `{ topProducts(first: 2) { upc } }`), "", 0},
		{"a first variable counts", `{"query":"query($n: Int) { topProducts(first: $n) { upc } }","variables":{"n":100000}}`, `"MAX_COST_EXCEEDED"`, 400},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := e.post(t, tc.body, map[string]string{"Accept": gqlResponse})
			if tc.status == 0 {
				if r.status != 200 || strings.Contains(r.body, "MAX_COST") {
					t.Errorf("got %d %s, want it to run", r.status, r.body)
				}
				return
			}
			if r.status != tc.status || !strings.Contains(r.body, tc.want) || strings.Contains(r.body, `"data"`) {
				t.Errorf("got %d %s, want %d with %s", r.status, r.body, tc.status, tc.want)
			}
		})
	}
	if n := len(e.graphs["products"].Requests()); n != 10 {
		t.Errorf("products got %d requests, want 10 (the cheap batch only)", n)
	}
	r := e.post(t, `{"query":"query($n: Int) { topProducts(first: $n) { upc } }","variables":{"n":3}}`, nil)
	if !strings.Contains(r.body, `"data":{"topProducts"`) {
		t.Errorf("a small first variable: %s", r.body)
	}
}

// With introspection off, validation errors name no field, argument, type
// or enum value the client did not write (issue 20: "Did you mean …").
func TestNoSuggestionsWithoutIntrospection(t *testing.T) {
	tests := []struct{ name, query, hidden string }{
		{"field", `{ me { nam } }`, `"name"`},
		{"argument", `{ topProducts(frist: 2) { upc } }`, `"first"`},
		{"type", `{ me { ...F } } fragment F on Usr { id }`, `"User"`},
		{"enum value", `query($c: Color = REDD) { me { id } }`, `"RED"`},
	}
	for _, introspection := range []bool{true, false} {
		e := newEnv(t, func(c *Config) { c.DisableIntrospection = !introspection })
		for _, tc := range tests {
			t.Run(tc.name, func(t *testing.T) {
				r := e.post(t, gql(tc.query), nil)
				if !strings.Contains(r.body, `"GRAPHQL_VALIDATION_FAILED"`) {
					t.Fatalf("got %s, want a validation error", r.body)
				}
				suggests := strings.Contains(r.body, "Did you mean") && strings.Contains(r.body, strings.ReplaceAll(tc.hidden, `"`, `\"`))
				if suggests != introspection {
					t.Errorf("introspection %v: %s", introspection, r.body)
				}
			})
		}
	}
}

// GraphQL answers, GET ones included, are private and never stored, and
// say what they vary by; the CORS policy adds Origin.
func TestResponsesNotCached(t *testing.T) {
	e := newEnv(t, func(c *Config) { c.CORS = CORSConfig{AllowedOrigins: []string{"https://app.example"}} })
	for _, tc := range []struct {
		name string
		req  func() *http.Request
	}{
		{"GET query", func() *http.Request {
			r, _ := http.NewRequest(http.MethodGet, e.srv.URL+"/graphql?query="+url.QueryEscape(`{ me { name } }`), nil)
			r.Header.Set("Authorization", "Bearer t")
			return r
		}},
		{"POST query", func() *http.Request {
			r, _ := http.NewRequest(http.MethodPost, e.srv.URL+"/graphql", strings.NewReader(gql(`{ me { name } }`)))
			r.Header.Set("Content-Type", "application/json")
			return r
		}},
		{"refused query", func() *http.Request {
			r, _ := http.NewRequest(http.MethodGet, e.srv.URL+"/graphql?query=%7B", nil)
			return r
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res, err := http.DefaultClient.Do(tc.req())
			if err != nil {
				t.Fatal(err)
			}
			res.Body.Close()
			if got := res.Header.Get("Cache-Control"); got != "private, no-store" {
				t.Errorf("Cache-Control = %q", got)
			}
			vary := strings.Join(res.Header.Values("Vary"), ", ")
			for _, want := range []string{"Authorization", "Cookie", "Origin"} {
				if !strings.Contains(vary, want) {
					t.Errorf("Vary = %q, lacks %s", vary, want)
				}
			}
		})
	}
}

// A subgraph that is down is named to the client, with a code; its
// address and the network error go to the log only (issue 20 showed
// "dial tcp4 127.0.0.1:5213").
func TestSubgraphDownHidesAddress(t *testing.T) {
	l, err := net.Listen("tcp4", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	down := l.Addr().String()
	l.Close() // nothing listens there now
	e := newEnv(t, func(c *Config) { c.SubgraphURLs["reviews"] = "http://" + down + "/graphql" })
	r := e.post(t, gql(`{ me { name reviews { body } } }`), nil)
	want := `{"data":{"me":{"name":"Ada","reviews":null}},"errors":[{"message":"HTTP fetch failed from 'reviews'","extensions":{"code":"SUBREQUEST_HTTP_ERROR","serviceName":"reviews"}}]}`
	if r.body != want {
		t.Errorf("got %s\nwant %s", r.body, want)
	}
	for _, leak := range []string{down, "127.0.0.1", "dial", "refused"} {
		if strings.Contains(r.body, leak) {
			t.Errorf("answer shows %q: %s", leak, r.body)
		}
	}
}

// /metrics is not on the router's public handler, only on MetricsHandler.
func TestMetricsNotOnPublicHandler(t *testing.T) {
	e := newEnv(t, nil)
	req, _ := http.NewRequest(http.MethodGet, e.srv.URL+"/metrics", nil)
	if r := do(t, req); r.status == 200 || strings.Contains(r.body, "router_requests_total") {
		t.Errorf("public handler /metrics = %d %s", r.status, r.body)
	}
	req, _ = http.NewRequest(http.MethodGet, e.metrics.URL+"/metrics", nil)
	if r := do(t, req); r.status != 200 || !strings.Contains(r.body, "router_requests_total") {
		t.Errorf("metrics handler /metrics = %d %s", r.status, r.body)
	}
}
