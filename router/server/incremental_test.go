package server

import (
	"encoding/json"
	"io"
	"mime"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/careercoach/coach/router/execute"
	"github.com/careercoach/coach/router/internal/stubgraph"
)

const deferQuery = `{ me { name ... @defer(label: "r") { reviews { body } } } }`

// gatedEnv is newEnv with the reviews subgraph held until release is
// closed; asked receives each request it holds.
func gatedEnv(t *testing.T) (e *env, asked chan struct{}, release chan struct{}) {
	t.Helper()
	asked, release = make(chan struct{}, 4), make(chan struct{})
	reviews := &stubgraph.Subgraph{Entity: func(rep map[string]any) any {
		return obj("__typename", rep["__typename"], "reviews", []any{obj("__typename", "Review", "id", "r1", "body", "good")})
	}}
	gate := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		asked <- struct{}{}
		<-release
		reviews.ServeHTTP(w, r)
	}))
	t.Cleanup(gate.Close)
	e = newEnv(t, func(c *Config) { c.SubgraphURLs["reviews"] = gate.URL })
	return e, asked, release
}

// TestDeferMultipart: a client that reads multipart/mixed gets the
// initial payload while the deferred field's subgraph is still being
// held, then the fragment once it answers. The order is proven by events
// (the part is read before the subgraph is released), not by timing.
func TestDeferMultipart(t *testing.T) {
	e, asked, release := gatedEnv(t)
	req, err := http.NewRequest(http.MethodPost, e.srv.URL+"/graphql", strings.NewReader(gql(deferQuery)))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Accept", "multipart/mixed;deferSpec=20220824, application/json")
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		close(release)
		t.Fatal(err)
	}
	defer res.Body.Close()
	mt, params, err := mime.ParseMediaType(res.Header.Get("Content-Type"))
	if err != nil || mt != "multipart/mixed" || params["boundary"] != "graphql" || params["deferspec"] != "20220824" {
		close(release)
		t.Fatalf("Content-Type %q", res.Header.Get("Content-Type"))
	}
	mr := multipart.NewReader(res.Body, params["boundary"])
	part := func() string {
		p, err := mr.NextPart()
		if err != nil {
			t.Fatalf("next part: %v", err)
		}
		if ct := p.Header.Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
			t.Errorf("part Content-Type %q", ct)
		}
		b, err := io.ReadAll(p)
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	first := part() // reviews is held: this part cannot wait for it
	if want := `{"data":{"me":{"name":"Ada"}},"hasNext":true}`; first != want {
		close(release)
		t.Fatalf("initial payload %s, want %s", first, want)
	}
	select {
	case <-asked: // the deferred fetch was sent, and is still unanswered
	case <-time.After(10 * time.Second):
		t.Fatal("the deferred fetch was never sent")
	}
	close(release)
	if got, want := part(), `{"incremental":[{"data":{"reviews":[{"body":"good"}]},"path":["me"],"label":"r"}],"hasNext":false}`; got != want {
		t.Errorf("subsequent payload %s, want %s", got, want)
	}
	if _, err := mr.NextPart(); err != io.EOF {
		t.Errorf("after the last payload: %v, want the closing boundary", err)
	}
}

// TestDeferNegotiation: incremental delivery only for clients that ask
// for it with a deferSpec the router writes; everyone else gets the whole
// result in one response.
func TestDeferNegotiation(t *testing.T) {
	e := newEnv(t, nil)
	whole := `{"data":{"me":{"name":"Ada","reviews":[{"body":"good"}]}}}`
	tests := []struct {
		name, accept, query string
		multipart           bool
		body                string
	}{
		{name: "JSON client", accept: "application/json", query: deferQuery, body: whole},
		{name: "graphql-response+json client", accept: gqlResponse, query: deferQuery, body: whole},
		{name: "unknown deferSpec", accept: "multipart/mixed;deferSpec=20990101, application/json", query: deferQuery, body: whole},
		{name: "plain multipart/mixed (graphql-js, Yoga)", accept: "multipart/mixed", query: deferQuery, multipart: true},
		{name: "nothing to defer: plain JSON", accept: "multipart/mixed;deferSpec=20220824, application/json",
			query: `{ me { name } }`, body: `{"data":{"me":{"name":"Ada"}}}`},
		{name: "@defer(if: false): plain JSON", accept: "multipart/mixed;deferSpec=20220824, application/json",
			query: `{ me { name ... @defer(if: false) { reviews { body } } } }`, body: whole},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := e.post(t, gql(tc.query), map[string]string{"Accept": tc.accept})
			if r.status != http.StatusOK {
				t.Fatalf("status %d: %s", r.status, r.body)
			}
			if got := strings.HasPrefix(r.ctype, "multipart/mixed"); got != tc.multipart {
				t.Fatalf("Content-Type %q", r.ctype)
			}
			if tc.multipart {
				if !strings.Contains(r.body, `"hasNext":true`) || !strings.HasSuffix(r.body, "--graphql--") {
					t.Errorf("body %q", r.body)
				}
				return
			}
			if r.body != tc.body {
				t.Errorf("body %s, want %s", r.body, tc.body)
			}
		})
	}
}

// TestDeferOverSSE: over an event stream each payload is a next event.
func TestDeferOverSSE(t *testing.T) {
	e := newEnv(t, nil)
	req, err := http.NewRequest(http.MethodPost, e.srv.URL+"/graphql", strings.NewReader(gql(deferQuery)))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Accept", "text/event-stream")
	r := do(t, req)
	var events []string
	for _, line := range strings.Split(r.body, "\n") {
		if data, ok := strings.CutPrefix(line, "data:"); ok {
			events = append(events, strings.TrimSpace(data))
		}
	}
	want := []string{
		`{"data":{"me":{"name":"Ada"}},"hasNext":true}`,
		`{"incremental":[{"data":{"reviews":[{"body":"good"}]},"path":["me"],"label":"r"}],"hasNext":false}`,
	}
	if len(events) < 2 || events[0] != want[0] || events[1] != want[1] {
		t.Fatalf("events %q, want %q then complete", events, want)
	}
	for _, ev := range events[:2] {
		if !json.Valid([]byte(ev)) {
			t.Errorf("event %s is not JSON", ev)
		}
	}
}

// TestDeferLabels: a @defer label names one fragment of the document (the
// incremental delivery RFC's DeferStreamDirectiveLabel rule, graphql-js's
// messages). A label read from a variable would also be baked into the
// cached plan, whose key holds only Boolean variables: the next request
// would get the first one's label.
func TestDeferLabels(t *testing.T) {
	e := newEnv(t, nil)
	accept := map[string]string{"Accept": "multipart/mixed;deferSpec=20220824, application/json"}
	tests := []struct {
		name, query, vars string
		status            int
		contains          string
	}{
		{name: "variable label", query: `query($l: String) { me { name ... @defer(label: $l) { reviews { body } } } }`,
			vars: `{"l":"first"}`, status: http.StatusOK, contains: `"errors":[{"message":"Defer directive label argument must be a static string."`},
		{name: "null label", query: `{ me { name ... @defer(label: null) { reviews { body } } } }`,
			status: http.StatusOK, contains: `"errors":[{"message":"Defer directive label argument must be a static string."`},
		{name: "duplicate labels", query: `{ me { ... @defer(label: "a") { name } ... @defer(label: "a") { reviews { body } } } }`,
			status: http.StatusOK, contains: `"errors":[{"message":"Defer/Stream directive label argument must be unique."`},
		{name: "duplicate across fragments", query: `{ me { ...N ...R } } fragment N on User { ... @defer(label: "a") { name } } fragment R on User { ... @defer(label: "a") { reviews { body } } }`,
			status: http.StatusOK, contains: `"errors":[{"message":"Defer/Stream directive label argument must be unique."`},
		{name: "one labelled fragment spread twice", query: `{ me { ...N } a: me { ...N } } fragment N on User { ... @defer(label: "a") { name } }`,
			status: http.StatusOK, contains: `"label":"a"`},
		{name: "distinct labels", query: `{ me { ... @defer(label: "a") { name } ... @defer(label: "b") { reviews { body } } } }`,
			status: http.StatusOK, contains: `"label":"b"`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			body := gql(tc.query)
			if tc.vars != "" {
				body = strings.TrimSuffix(body, "}") + `,"variables":` + tc.vars + `}`
			}
			r := e.post(t, body, accept)
			if r.status != tc.status || !strings.Contains(r.body, tc.contains) {
				t.Errorf("status %d body %s, want %d with %s", r.status, r.body, tc.status, tc.contains)
			}
		})
	}
}

// TestEncodeResultKeepsPrefix: a result that cannot be encoded becomes an
// internal error written after what the buffer already held (a multipart
// part's delimiter and header), not in place of it.
func TestEncodeResultKeepsPrefix(t *testing.T) {
	prefix := delimiter + partHead
	got := string(encodeResult([]byte(prefix), &execute.Result{Data: map[string]any{"n": json.Number("not a number")}}))
	want := prefix + `{"errors":[{"message":"the result could not be encoded","extensions":{"code":"INTERNAL_SERVER_ERROR"}}]}` + "\n"
	if got != want {
		t.Errorf("encoded %q, want %q", got, want)
	}
}
