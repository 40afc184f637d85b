package server

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/careercoach/coach/router/internal/stubgraph"
)

func obj(kv ...any) map[string]any {
	m := map[string]any{}
	for i := 0; i < len(kv); i += 2 {
		m[kv[i].(string)] = kv[i+1]
	}
	return m
}

type env struct {
	srv     *httptest.Server
	metrics *httptest.Server // the router's MetricsHandler, on a listener of its own
	graphs  map[string]*stubgraph.Subgraph
}

// newEnv serves the basic test supergraph with stub subgraphs behind
// httptest servers; edit adjusts the config before the router starts.
func newEnv(t *testing.T, edit func(*Config)) *env {
	t.Helper()
	sdl, err := os.ReadFile("../supergraph/testdata/basic.graphql")
	if err != nil {
		t.Fatal(err)
	}
	u1 := obj("__typename", "User", "id", "u1", "name", "Ada", "username", "ada")
	e := &env{graphs: map[string]*stubgraph.Subgraph{
		"accounts": {Root: obj("me", u1, "users", []any{u1}),
			Entity: func(map[string]any) any { return u1 }},
		"products": {Root: obj("topProducts", []any{obj("__typename", "Book", "upc", "b1", "name", "Go")})},
		"reviews": {Entity: func(rep map[string]any) any {
			return obj("__typename", rep["__typename"], "reviews", []any{obj("__typename", "Review", "id", "r1", "body", "good")})
		}},
	}}
	cfg := Config{SupergraphSDL: string(sdl), SubgraphURLs: map[string]string{}}
	for name, g := range e.graphs {
		hs := httptest.NewServer(g)
		t.Cleanup(hs.Close)
		cfg.SubgraphURLs[name] = hs.URL
	}
	if edit != nil {
		edit(&cfg)
	}
	h, err := New(cfg, nil)
	if err != nil {
		t.Fatal(err)
	}
	e.srv = httptest.NewServer(h)
	t.Cleanup(e.srv.Close)
	e.metrics = httptest.NewServer(h.MetricsHandler())
	t.Cleanup(e.metrics.Close)
	return e
}

type reply struct {
	status int
	ctype  string
	body   string
}

func (e *env) post(t *testing.T, body string, header map[string]string) reply {
	t.Helper()
	req, err := http.NewRequest(http.MethodPost, e.srv.URL+"/graphql", strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json")
	for k, v := range header {
		req.Header.Set(k, v)
	}
	return do(t, req)
}

func do(t *testing.T, req *http.Request) reply {
	t.Helper()
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	return reply{status: res.StatusCode, ctype: res.Header.Get("Content-Type"), body: strings.TrimSpace(string(b))}
}

func gql(query string) string {
	b, _ := json.Marshal(map[string]any{"query": query})
	return string(b)
}

const gqlResponse = "application/graphql-response+json"

func TestGraphQLOverHTTP(t *testing.T) {
	e := newEnv(t, func(c *Config) {
		c.Limits = Limits{MaxDepth: 4, MaxAliases: 2, MaxRootFields: 3, MaxTokens: 60, MaxBodyBytes: 600, MaxCost: 500}
	})
	tests := []struct {
		name     string
		method   string
		body     string
		accept   string
		status   int
		contains string
	}{
		{"post query", "POST", gql(`{ me { name reviews { body } } }`), gqlResponse, 200,
			`{"data":{"me":{"name":"Ada","reviews":[{"body":"good"}]}}}`},
		{"get query", "GET", `{ me { name } }`, "", 200, `{"data":{"me":{"name":"Ada"}}}`},
		{"get mutation refused", "GET", `mutation { rename(name: "x") { id } }`, "", 405, `only queries may use GET`},
		{"parse error is 400 with graphql-response+json", "POST", gql(`{ me {`), gqlResponse, 400, `"GRAPHQL_PARSE_FAILED"`},
		{"parse error is 200 with application/json", "POST", gql(`{ me {`), "application/json", 200, `"GRAPHQL_PARSE_FAILED"`},
		{"validation error", "POST", gql(`{ me { nope } }`), gqlResponse, 400, `"GRAPHQL_VALIDATION_FAILED"`},
		{"inaccessible field rejected", "POST", gql(`{ me { internal } }`), gqlResponse, 400, `Cannot query field \"internal\"`},
		{"invalid JSON body", "POST", `{"query":`, gqlResponse, 400, `"BAD_REQUEST"`},
		{"body too large", "POST", gql(`{ me { name } }` + strings.Repeat(" ", 700)), gqlResponse, 413, `"REQUEST_TOO_LARGE"`},
		{"max depth", "POST", gql(`{ me { reviews { author { reviews { body } } } } }`), gqlResponse, 400, `"MAX_DEPTH_EXCEEDED"`},
		{"max aliases", "POST", gql(`{ a: me { id } b: me { id } c: me { id } }`), gqlResponse, 400, `"MAX_ALIASES_EXCEEDED"`},
		{"max root fields", "POST", gql(`{ me { id } users { id } topProducts { upc } __typename }`), gqlResponse, 400, `"MAX_ROOT_FIELDS_EXCEEDED"`},
		{"max tokens", "POST", gql(`{ me { id ` + strings.Repeat("name ", 60) + `} }`), gqlResponse, 400, `"MAX_TOKENS_EXCEEDED"`},
		{"depth checked before cost", "POST", gql(`{ users { reviews { author { reviews { id } } } } }`), gqlResponse, 400, `"MAX_DEPTH_EXCEEDED"`},
		{"bad variables", "POST", `{"query":"mutation($n: String!) { rename(name: $n) { id } }","variables":{"n":3}}`, gqlResponse, 400,
			`{"errors":[{"message":"Variable \"$n\" got invalid value 3; String cannot represent a non string value: 3","locations":[{"line":1,"column":10}],"extensions":{"code":"VALIDATION_INVALID_TYPE_VARIABLE","name":"n"}}]}`},
		{"no Accept is answered as graphql-response+json", "POST", gql(`{ me {`), "", 400, `"GRAPHQL_PARSE_FAILED"`},
		{"invalid JSON body is 400 with application/json too", "POST", `{"query":`, "application/json", 400, `"BAD_REQUEST"`},
		{"a query of the wrong type is 400 with application/json too", "POST", `{"query":{"a":1}}`, "application/json", 400, `"BAD_REQUEST"`},
		{"batch", "POST", `[` + gql(`{ me { id } }`) + `,` + gql(`{ __typename }`) + `]`, gqlResponse, 200,
			`[{"data":{"me":{"id":"u1"}}},{"data":{"__typename":"Query"}}]`},
		{"introspection type", "POST", gql(`{ __type(name: "User") { name kind fields { name } } }`), gqlResponse, 200,
			`{"data":{"__type":{"name":"User","kind":"OBJECT","fields":[{"name":"id"},{"name":"name"},{"name":"username"},{"name":"reviews"}]}}}`},
		{"introspection schema", "POST", gql(`{ __schema { queryType { name } mutationType { name } } }`), gqlResponse, 200,
			`{"data":{"__schema":{"queryType":{"name":"Query"},"mutationType":{"name":"Mutation"}}}}`},
		{"unacceptable Accept", "POST", gql(`{ me { id } }`), "text/html", 406, `"BAD_REQUEST"`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var req *http.Request
			var err error
			if tc.method == "GET" {
				req, err = http.NewRequest(http.MethodGet, e.srv.URL+"/graphql?query="+url.QueryEscape(tc.body), nil)
			} else {
				req, err = http.NewRequest(http.MethodPost, e.srv.URL+"/graphql", strings.NewReader(tc.body))
				req.Header.Set("Content-Type", "application/json")
			}
			if err != nil {
				t.Fatal(err)
			}
			if tc.accept != "" {
				req.Header.Set("Accept", tc.accept)
			}
			r := do(t, req)
			if r.status != tc.status {
				t.Errorf("status = %d, want %d (body %s)", r.status, tc.status, r.body)
			}
			if !strings.Contains(r.body, tc.contains) {
				t.Errorf("body = %s\nwant it to contain %s", r.body, tc.contains)
			}
		})
	}
}

func TestCostLimit(t *testing.T) {
	e := newEnv(t, func(c *Config) { c.Limits = Limits{MaxCost: 50, ListSize: 10} })
	r := e.post(t, gql(`{ users { reviews { body } } }`), nil)
	if !strings.Contains(r.body, `"MAX_COST_EXCEEDED"`) {
		t.Errorf("body = %s, want MAX_COST_EXCEEDED", r.body)
	}
	r = e.post(t, gql(`{ me { name } }`), nil)
	if !strings.Contains(r.body, `"data"`) {
		t.Errorf("cheap query refused: %s", r.body)
	}
}

func TestIntrospectionSwitch(t *testing.T) {
	e := newEnv(t, func(c *Config) { c.DisableIntrospection = true })
	r := e.post(t, gql(`{ __schema { types { name } } }`), nil)
	if !strings.Contains(r.body, `"INTROSPECTION_DISABLED"`) {
		t.Errorf("body = %s", r.body)
	}
}

func TestAuthenticateHook(t *testing.T) {
	e := newEnv(t, func(c *Config) {
		c.Authenticate = func(r *http.Request) error {
			if r.Header.Get("Authorization") == "Bearer bad" {
				return errors.New("signature invalid")
			}
			return nil
		}
	})
	tests := []struct {
		name   string
		auth   string
		status int
	}{
		{"bad token is 401", "Bearer bad", 401},
		{"good token passes", "Bearer good", 200},
		{"anonymous passes", "", 200},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			h := map[string]string{}
			if tc.auth != "" {
				h["Authorization"] = tc.auth
			}
			if r := e.post(t, gql(`{ me { id } }`), h); r.status != tc.status {
				t.Errorf("status = %d, want %d: %s", r.status, tc.status, r.body)
			}
		})
	}
}

func TestHeaderPropagation(t *testing.T) {
	e := newEnv(t, func(c *Config) {
		c.PropagateHeaders = []string{"X-Tenant"}
		c.ServiceCredentialHeader, c.ServiceCredential = "X-Service-Token", "s3cret"
		c.TokenCookie = "session"
	})
	tests := []struct {
		name     string
		header   map[string]string
		wantAuth string
	}{
		{"authorization forwarded", map[string]string{"Authorization": "Bearer abc", "X-Tenant": "t1", "X-Other": "no"}, "Bearer abc"},
		{"cookie becomes bearer", map[string]string{"Cookie": "session=xyz", "X-Tenant": "t1"}, "Bearer xyz"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			e.post(t, gql(`{ me { id } }`), tc.header)
			reqs := e.graphs["accounts"].Requests()
			got := reqs[len(reqs)-1].Header
			if got.Get("Authorization") != tc.wantAuth {
				t.Errorf("Authorization = %q, want %q", got.Get("Authorization"), tc.wantAuth)
			}
			if got.Get("X-Tenant") != "t1" || got.Get("X-Other") != "" {
				t.Errorf("propagated X-Tenant=%q X-Other=%q", got.Get("X-Tenant"), got.Get("X-Other"))
			}
			if got.Get("X-Service-Token") != "s3cret" {
				t.Errorf("service credential missing")
			}
		})
	}
}

func TestPersistedQueries(t *testing.T) {
	e := newEnv(t, nil)
	q := `{ me { name } }`
	sum := sha256.Sum256([]byte(q))
	hash := hex.EncodeToString(sum[:])
	ext := func(query string, h string) string {
		b, _ := json.Marshal(map[string]any{"query": query,
			"extensions": map[string]any{"persistedQuery": map[string]any{"version": 1, "sha256Hash": h}}})
		return string(b)
	}
	steps := []struct {
		name, body, want string
	}{
		{"unknown hash", ext("", hash), `"PERSISTED_QUERY_NOT_FOUND"`},
		{"register", ext(q, hash), `{"data":{"me":{"name":"Ada"}}}`},
		{"hash only", ext("", hash), `{"data":{"me":{"name":"Ada"}}}`},
		{"mismatch", ext(`{ me { id } }`, hash), `"PERSISTED_QUERY_HASH_MISMATCH"`},
	}
	for _, st := range steps {
		t.Run(st.name, func(t *testing.T) {
			if r := e.post(t, st.body, nil); !strings.Contains(r.body, st.want) {
				t.Errorf("body = %s, want %s", r.body, st.want)
			}
		})
	}
}

func TestHealthAndMetrics(t *testing.T) {
	e := newEnv(t, nil)
	e.post(t, gql(`{ me { id } }`), nil)
	tests := []struct{ base, path, want string }{
		{e.srv.URL, "/healthz", "ok"},
		{e.srv.URL, "/readyz", "ready"},
		{e.metrics.URL, "/metrics", `router_requests_total{outcome="ok"} 1`},
		{e.metrics.URL, "/metrics", `router_subgraph_requests_total{subgraph="accounts"} 1`},
	}
	for _, tc := range tests {
		t.Run(tc.path+" "+tc.want, func(t *testing.T) {
			req, _ := http.NewRequest(http.MethodGet, tc.base+tc.path, nil)
			r := do(t, req)
			if r.status != 200 || !strings.Contains(r.body, tc.want) {
				t.Errorf("%s = %d %s", tc.path, r.status, r.body)
			}
		})
	}
}

func TestHotReload(t *testing.T) {
	sdl, err := os.ReadFile("../supergraph/testdata/basic.graphql")
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "supergraph.graphql")
	if err := os.WriteFile(path, sdl, 0o644); err != nil {
		t.Fatal(err)
	}
	e := newEnv(t, func(c *Config) {
		c.SupergraphSDL, c.SupergraphPath, c.ReloadInterval = "", path, time.Nanosecond
	})
	if r := e.post(t, gql(`{ me { email } }`), nil); !strings.Contains(r.body, "GRAPHQL_VALIDATION_FAILED") {
		t.Fatalf("before reload: %s", r.body)
	}
	changed := strings.Replace(string(sdl), "username: String @join__field(graph: ACCOUNTS)",
		"username: String @join__field(graph: ACCOUNTS)\n  email: String @join__field(graph: ACCOUNTS)", 1)
	if err := os.WriteFile(path, []byte(changed), 0o644); err != nil {
		t.Fatal(err)
	}
	future := time.Now().Add(time.Hour)
	if err := os.Chtimes(path, future, future); err != nil {
		t.Fatal(err)
	}
	if r := e.post(t, gql(`{ me { email } }`), nil); !strings.Contains(r.body, `"data":{"me":{"email":null}}`) {
		t.Errorf("after reload: %s", r.body)
	}
}

func TestSubgraphFaults(t *testing.T) {
	faults := map[string]func(release chan struct{}) http.HandlerFunc{
		"malformed JSON": func(chan struct{}) http.HandlerFunc {
			return func(w http.ResponseWriter, _ *http.Request) { _, _ = w.Write([]byte(`{"data": {`)) }
		},
		"HTTP 500": func(chan struct{}) http.HandlerFunc {
			return func(w http.ResponseWriter, _ *http.Request) { http.Error(w, "boom", http.StatusInternalServerError) }
		},
		"slow": func(release chan struct{}) http.HandlerFunc {
			return func(w http.ResponseWriter, r *http.Request) {
				select {
				case <-release:
				case <-r.Context().Done():
				}
			}
		},
		"empty body": func(chan struct{}) http.HandlerFunc {
			return func(http.ResponseWriter, *http.Request) {}
		},
	}
	for name, h := range faults {
		t.Run(name, func(t *testing.T) {
			release := make(chan struct{})
			hs := httptest.NewServer(h(release))
			t.Cleanup(hs.Close)
			t.Cleanup(func() { close(release) }) // runs first: unblocks the slow handler
			e := newEnv(t, func(c *Config) {
				c.SubgraphURLs["reviews"] = hs.URL
				// Only the faulty subgraph gets a short deadline: the healthy
				// one must not time out on a loaded machine.
				c.SubgraphTimeouts = map[string]time.Duration{"reviews": 50 * time.Millisecond}
			})
			r := e.post(t, gql(`{ me { name reviews { body } } }`), nil)
			want := `{"data":{"me":{"name":"Ada","reviews":null}},"errors":[{"message":"HTTP fetch failed from 'reviews'`
			if r.status != 200 || !strings.HasPrefix(r.body, want) || !strings.Contains(r.body, `"serviceName":"reviews"`) {
				t.Errorf("got %d %s", r.status, r.body)
			}
		})
	}
}
