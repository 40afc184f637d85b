package execute

import (
	"bytes"
	"context"
	"encoding/json"
	"github.com/careercoach/coach/router/wire"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"github.com/careercoach/coach/bench"
	"github.com/careercoach/coach/bench/subgraphs"
	"github.com/careercoach/coach/router/plan"
	"github.com/careercoach/coach/router/supergraph"
	"github.com/vektah/gqlparser/v2"
	"github.com/vektah/gqlparser/v2/validator/rules"
)

// benchPlan plans the gateway benchmark's query.
func benchPlan(tb testing.TB) *plan.Plan {
	tb.Helper()
	sg, err := supergraph.Parse(bench.Supergraph)
	if err != nil {
		tb.Fatal(err)
	}
	doc, errs := gqlparser.LoadQueryWithRules(sg.API, bench.Query, rules.NewDefaultRules())
	if len(errs) > 0 {
		tb.Fatal(errs)
	}
	p, err := plan.Build(sg, doc, "", nil, plan.Options{})
	if err != nil {
		tb.Fatal(err)
	}
	return p
}

// httpFetcher posts to the benchmark's subgraphs with encoding/json, so
// these tests do not depend on the transport package.
func httpFetcher(base string, hook func(service string, req *Request) *Response) Fetcher {
	return FetcherFunc(func(ctx context.Context, service string, req *Request) (*Response, error) {
		if hook != nil {
			if resp := hook(service, req); resp != nil {
				return resp, nil
			}
		}
		body, _ := json.Marshal(req)
		hr, _ := http.NewRequestWithContext(ctx, http.MethodPost, base+"/"+service, bytes.NewReader(body))
		hr.Header.Set("Content-Type", "application/json")
		res, err := http.DefaultClient.Do(hr)
		if err != nil {
			return nil, err
		}
		defer res.Body.Close()
		var out Response
		dec := json.NewDecoder(res.Body)
		dec.UseNumber()
		return &out, dec.Decode(&out)
	})
}

// TestBatchedEntityFetches: the benchmark's plan has 16 fetches in 4
// steps; with one request per subgraph per step it takes 8, 7 once the
// inventory fetches of step 3 join those of step 4 (plan.joinLater), and
// the response is still the expected one.
func TestBatchedEntityFetches(t *testing.T) {
	sg := httptest.NewServer(subgraphs.Handler())
	defer sg.Close()
	var mu sync.Mutex
	requests := 0
	count := func(string, *Request) *Response { mu.Lock(); requests++; mu.Unlock(); return nil }
	e := &Executor{Fetcher: httpFetcher(sg.URL, count)}
	res := e.Execute(context.Background(), benchPlan(t), nil, nil)
	got, err := res.AppendJSON(nil)
	if err != nil || !bytes.Equal(got, bench.Expected()) {
		t.Fatalf("response (%v): %.300s", err, got)
	}
	if requests != 7 {
		t.Errorf("%d subgraph requests, want 7 (one per subgraph per step, inStock deferred to shippingEstimate's)", requests)
	}
}

// TestBatchNulledRetriesEachFetch: when a subgraph nulls a whole batched
// response, each fetch is sent alone, so one failing fetch cannot take the
// data of the others with it.
func TestBatchNulledRetriesEachFetch(t *testing.T) {
	sg := httptest.NewServer(subgraphs.Handler())
	defer sg.Close()
	nullBatches := func(_ string, req *Request) *Response {
		if strings.Contains(req.Query, "_e1: _entities") {
			return &Response{Errors: []*wire.Error{{Message: "one entity failed"}}}
		}
		return nil
	}
	e := &Executor{Fetcher: httpFetcher(sg.URL, nullBatches)}
	res := e.Execute(context.Background(), benchPlan(t), nil, nil)
	if len(res.Errors) != 0 {
		t.Fatalf("errors: %v", res.Errors[0].Message)
	}
	got, _ := res.AppendJSON(nil)
	if !bytes.Equal(got, bench.Expected()) {
		t.Fatalf("response: %.300s", got)
	}
}
