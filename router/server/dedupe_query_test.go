package server

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/careercoach/coach/internal/waitfor"
	"github.com/careercoach/coach/router/internal/stubgraph"
)

// gate holds every request to a subgraph until it is opened, counting
// arrivals, so that tests can line requests up behind one another.
type gate struct {
	next     http.Handler
	arrived  atomic.Int32
	open     chan struct{}
	openOnce sync.Once
}

func (g *gate) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	g.arrived.Add(1)
	<-g.open
	g.next.ServeHTTP(w, r)
}

func (g *gate) release() { g.openOnce.Do(func() { close(g.open) }) }

// gatedAccounts serves the accounts subgraph behind a gate.
func gatedAccounts(t *testing.T, dedupe bool) (*env, *gate, *stubgraph.Subgraph) {
	t.Helper()
	return gatedAccountsWith(t, func(c *Config) { c.DeduplicateQueries = dedupe })
}

// gatedAccountsWith is gatedAccounts with the router configured by set.
func gatedAccountsWith(t *testing.T, set func(*Config)) (*env, *gate, *stubgraph.Subgraph) {
	t.Helper()
	u1 := obj("__typename", "User", "id", "u1", "name", "Ada", "username", "ada")
	accounts := &stubgraph.Subgraph{Root: obj("me", u1, "users", []any{u1}, "rename", u1),
		Entity: func(map[string]any) any { return u1 }}
	g := &gate{next: accounts, open: make(chan struct{})}
	hs := httptest.NewServer(g)
	t.Cleanup(hs.Close)
	t.Cleanup(g.release) // before hs.Close: nothing stays held
	e := newEnv(t, func(c *Config) {
		c.SubgraphURLs["accounts"] = hs.URL
		c.PropagateHeaders = []string{"X-Request-Id", "X-Tenant"}
		set(c)
	})
	return e, g, accounts
}

type sent struct {
	wg      sync.WaitGroup
	mu      sync.Mutex
	replies []reply
}

func (s *sent) post(t *testing.T, e *env, body string, header map[string]string) {
	s.wg.Go(func() {
		r := e.post(t, body, header)
		s.mu.Lock()
		s.replies = append(s.replies, r)
		s.mu.Unlock()
	})
}

func (e *env) server() *Server { return e.srv.Config.Handler.(*Server) }

func TestQueryDeduplication(t *testing.T) {
	const me = `{"query":"{ me { id name } }"}`
	const want = `"me":{"id":"u1","name":"Ada"}`
	bearer := func(tok string) map[string]string { return map[string]string{"Authorization": "Bearer " + tok} }
	tests := []struct {
		name         string
		dedupe       bool
		headers      []map[string]string
		bodies       []string
		wantRequests int32
		wantShared   int
	}{
		{"same query and credentials share one execution", true,
			[]map[string]string{bearer("a"), bearer("a"), bearer("a")}, []string{me, me, me}, 1, 2},
		{"other credentials never share", true,
			[]map[string]string{bearer("a"), bearer("b"), bearer("a")}, []string{me, me, me}, 2, 1},
		{"only the request ids differ: shared", true,
			[]map[string]string{{"X-Request-Id": "1"}, {"X-Request-Id": "2"}}, []string{me, me}, 1, 1},
		{"another propagated header differs: not shared", true,
			[]map[string]string{{"X-Tenant": "1"}, {"X-Tenant": "2"}}, []string{me, me}, 2, 0},
		{"other variables never share", true,
			[]map[string]string{nil, nil},
			[]string{`{"query":"query($f:Int){ me { id name } topProducts(first:$f){ upc } }","variables":{"f":1}}`,
				`{"query":"query($f:Int){ me { id name } topProducts(first:$f){ upc } }","variables":{"f":2}}`}, 2, 0},
		{"off: every query runs", false,
			[]map[string]string{nil, nil, nil}, []string{me, me, me}, 3, 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			e, g, _ := gatedAccounts(t, tc.dedupe)
			var s sent
			for i, b := range tc.bodies {
				s.post(t, e, b, tc.headers[i])
				if i == 0 {
					waitfor.True(t, "the first subgraph request", func() bool { return g.arrived.Load() == 1 })
				}
			}
			waitfor.True(t, "the requests to line up", func() bool {
				return int(g.arrived.Load())+e.server().inflight.joinedCount() == len(tc.bodies)
			})
			g.release()
			s.wg.Wait()
			if n := g.arrived.Load(); n != tc.wantRequests {
				t.Errorf("%d subgraph requests, want %d", n, tc.wantRequests)
			}
			for _, r := range s.replies {
				if r.status != 200 || strings.Contains(r.body, "errors") || !strings.Contains(r.body, want) {
					t.Errorf("reply %d %s", r.status, r.body)
				}
			}
			if got := e.server().metrics.sharedAnswers.Load(); int(got) != tc.wantShared {
				t.Errorf("%d shared answers, want %d", got, tc.wantShared)
			}
		})
	}
}

// TestDeduplicationAfterMutation: a query sent after a mutation began
// never gets the answer of one begun before it, whichever deduplication
// is on.
func TestDeduplicationAfterMutation(t *testing.T) {
	for _, tc := range []struct {
		name string
		set  func(*Config)
	}{
		{"queries", func(c *Config) { c.DeduplicateQueries = true }},
		{"subgraph requests", func(c *Config) { c.DeduplicateSubgraphRequests = true }},
		{"both", func(c *Config) { c.DeduplicateQueries, c.DeduplicateSubgraphRequests = true, true }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			e, g, accounts := gatedAccountsWith(t, tc.set)
			var s sent
			query := `{"query":"{ me { id name } }"}`
			s.post(t, e, query, nil)
			waitfor.True(t, "the query's subgraph request", func() bool { return g.arrived.Load() == 1 })
			s.post(t, e, `{"query":"mutation { rename(name: \"Bea\") { id } }"}`, nil)
			waitfor.True(t, "the mutation's subgraph request", func() bool { return g.arrived.Load() == 2 })
			// Sent after the write began: it must not get the older query's answer.
			s.post(t, e, query, nil)
			waitfor.True(t, "a fresh execution", func() bool { return g.arrived.Load() == 3 })
			g.release()
			s.wg.Wait()
			if n := e.server().inflight.joinedCount(); n != 0 {
				t.Fatalf("%d joined", n)
			}
			var queries int
			for _, r := range accounts.Requests() {
				if !strings.Contains(r.Query, "rename") {
					queries++
				}
			}
			if queries != 2 {
				t.Fatalf("%d query executions on the subgraph, want 2", queries)
			}
			for _, r := range s.replies {
				if r.status != 200 || strings.Contains(r.body, "errors") {
					t.Errorf("reply %d %s", r.status, r.body)
				}
			}
		})
	}
}

// TestSubgraphRequestDeduplication: with only subgraph requests shared,
// identical queries at once cost the subgraph one request, and only
// callers with the same credentials share.
func TestSubgraphRequestDeduplication(t *testing.T) {
	const me = `{"query":"{ me { id name } }"}`
	bearer := func(tok string) map[string]string { return map[string]string{"Authorization": "Bearer " + tok} }
	tests := []struct {
		name         string
		headers      []map[string]string
		wantRequests int32
	}{
		{"same credentials share", []map[string]string{bearer("a"), bearer("a"), bearer("a")}, 1},
		{"request ids apart, shared", []map[string]string{{"X-Request-Id": "1"}, {"X-Request-Id": "2"}}, 1},
		{"other credentials never share", []map[string]string{bearer("a"), bearer("b"), bearer("a")}, 2},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			e, g, _ := gatedAccountsWith(t, func(c *Config) { c.DeduplicateSubgraphRequests = true })
			var s sent
			for i, h := range tc.headers {
				s.post(t, e, me, h)
				if i == 0 {
					waitfor.True(t, "the first subgraph request", func() bool { return g.arrived.Load() == 1 })
				}
			}
			waitfor.True(t, "the requests to line up", func() bool {
				return int(g.arrived.Load())+int(e.server().metrics.sharedFetches.Load()) == len(tc.headers)
			})
			g.release()
			s.wg.Wait()
			if n := g.arrived.Load(); n != tc.wantRequests {
				t.Errorf("%d subgraph requests, want %d", n, tc.wantRequests)
			}
			for _, r := range s.replies {
				if r.status != 200 || !strings.Contains(r.body, `"me":{"id":"u1","name":"Ada"}`) {
					t.Errorf("reply %d %s", r.status, r.body)
				}
			}
			req, _ := http.NewRequest(http.MethodGet, e.metrics.URL+"/metrics", nil)
			m := do(t, req).body
			for _, want := range []string{
				fmt.Sprintf("router_shared_subgraph_requests_total %d\n", len(tc.headers)-int(tc.wantRequests)),
				"router_shared_answers_total 0\n", // query deduplication is off
			} {
				if !strings.Contains(m, want) {
					t.Errorf("/metrics lacks %q:\n%s", want, m)
				}
			}
		})
	}
}
