package server

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"

	"github.com/careercoach/coach/bench"
	"github.com/careercoach/coach/bench/subgraphs"
	"github.com/careercoach/coach/router/plan"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/parser"
	"github.com/vektah/gqlparser/v2/validator"
	"github.com/vektah/gqlparser/v2/validator/rules"
)

// replay answers subgraph requests from responses recorded once from the
// real subgraphs, so a benchmark measures the router alone.
type replay struct {
	mu     sync.Mutex
	record http.RoundTripper // nil: replay only
	byReq  map[string][]byte
}

func (rp *replay) RoundTrip(r *http.Request) (*http.Response, error) {
	body, _ := io.ReadAll(r.Body)
	key := r.URL.Path + "\x00" + string(body)
	rp.mu.Lock()
	resp, ok := rp.byReq[key]
	rp.mu.Unlock()
	if !ok {
		if rp.record == nil {
			return nil, io.ErrUnexpectedEOF
		}
		r2 := r.Clone(r.Context())
		r2.Body = io.NopCloser(bytes.NewReader(body))
		res, err := rp.record.RoundTrip(r2)
		if err != nil {
			return nil, err
		}
		resp, _ = io.ReadAll(res.Body)
		res.Body.Close()
		rp.mu.Lock()
		rp.byReq[key] = resp
		rp.mu.Unlock()
	}
	return &http.Response{StatusCode: http.StatusOK, Header: http.Header{"Content-Type": {"application/json"}},
		Body: io.NopCloser(bytes.NewReader(resp)), ContentLength: int64(len(resp)), Request: r}, nil
}

// benchServer is the router on the benchmark's supergraph with recorded
// subgraph answers.
func benchServer(tb testing.TB) *Server {
	tb.Helper()
	sg := httptest.NewServer(subgraphs.Handler())
	defer sg.Close()
	urls := map[string]string{}
	for _, n := range subgraphs.Names {
		urls[n] = sg.URL + "/" + n
	}
	rp := &replay{record: http.DefaultTransport, byReq: map[string][]byte{}}
	s, err := newServer(Config{SupergraphSDL: bench.Supergraph, SubgraphURLs: urls, HTTPClient: &http.Client{Transport: rp}}, nil)
	if err != nil {
		tb.Fatal(err)
	}
	if got := serveQuery(s); !bytes.Equal(got, bench.Expected()) {
		tb.Fatalf("recording run: unexpected response %.300s", got)
	}
	rp.record = nil
	return s
}

func serveQuery(h http.Handler) []byte {
	body, _ := json.Marshal(map[string]string{"query": bench.Query})
	w := httptest.NewRecorder()
	r := httptest.NewRequest(http.MethodPost, "/graphql", bytes.NewReader(body))
	r.Header.Set("Content-Type", "application/json")
	h.ServeHTTP(w, r)
	return bytes.TrimRight(w.Body.Bytes(), "\n")
}

// BenchmarkGatewayQuery is the benchmark's whole request through the
// router's handler (parse, validate, plan cache, execute, subgraph
// transport and decoding, response writing), subgraphs replayed.
func BenchmarkGatewayQuery(b *testing.B) {
	s := benchServer(b)
	want := bench.Expected()
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if got := serveQuery(s); !bytes.Equal(got, want) {
			b.Fatalf("unexpected response %.300s", got)
		}
	}
}

// BenchmarkParseValidate parses and validates the benchmark's query
// against the API schema, as every request does.
func BenchmarkParseValidate(b *testing.B) {
	s := benchServer(b)
	st := s.state.Load()
	b.ReportAllocs()
	for b.Loop() {
		doc, err := parser.ParseQuery(&ast.Source{Input: bench.Query})
		if err != nil {
			b.Fatal(err)
		}
		if errs := validator.ValidateWithRules(st.sg.API, doc, rules.NewDefaultRules()); len(errs) > 0 {
			b.Fatal(errs)
		}
	}
}

// BenchmarkPlan is query planning: a cache miss builds the plan, a hit
// looks it up by the query text.
func BenchmarkPlan(b *testing.B) {
	s := benchServer(b)
	st := s.state.Load()
	doc, err := parser.ParseQuery(&ast.Source{Input: bench.Query})
	if err != nil {
		b.Fatal(err)
	}
	op := doc.Operations[0]
	b.Run("miss", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := plan.Build(st.sg, doc, op.Name, nil, plan.Options{}); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("hit", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := s.plan(st, doc, op, bench.Query, nil); err != nil {
				b.Fatal(err)
			}
		}
	})
}
