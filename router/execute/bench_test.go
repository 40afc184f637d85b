package execute

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http/httptest"
	"sync"
	"testing"

	"github.com/careercoach/coach/bench"
	"github.com/careercoach/coach/bench/subgraphs"
	"github.com/careercoach/coach/router/plan"
)

// Microbenchmarks on the gateway benchmark's query (bench/): make bench.

// recorded runs the plan once against the real subgraphs and returns the
// raw answers by subgraph and operation, and the merged data.
func recorded(b *testing.B, p *plan.Plan) (map[string][]byte, *Object) {
	sg := httptest.NewServer(subgraphs.Handler())
	defer sg.Close()
	var mu sync.Mutex
	raw := map[string][]byte{}
	real := httpFetcher(sg.URL, nil)
	rec := FetcherFunc(func(ctx context.Context, service string, req *Request) (*Response, error) {
		resp, err := real.Fetch(ctx, service, req)
		if err != nil {
			return nil, err
		}
		enc, _ := json.Marshal(resp)
		mu.Lock()
		raw[service+"\x00"+req.Query] = enc // each fetch of the plan has its own operation
		mu.Unlock()
		return resp, nil
	})
	r := &run{e: &Executor{Fetcher: rec}, c: compiledFor(p), data: newObject(2), sem: make(chan struct{}, 8)}
	r.exec(context.Background(), p.Root)
	return raw, r.data
}

func decodeAll(b *testing.B, raw map[string][]byte) map[string]*Response {
	out := make(map[string]*Response, len(raw))
	for k, v := range raw {
		var resp Response
		dec := json.NewDecoder(bytes.NewReader(v))
		dec.UseNumber()
		if err := dec.Decode(&resp); err != nil {
			b.Fatal(err)
		}
		// As the router's decoder gives them: Objects, not maps.
		out[k] = &Response{Object: ObjectOf(resp.Data), Errors: resp.Errors}
	}
	return out
}

// BenchmarkRepresentations builds (and deduplicates) the representations
// of every entity fetch of the plan from the fully merged data.
func BenchmarkRepresentations(b *testing.B) {
	p := benchPlan(b)
	_, data := recorded(b, p)
	var flattens []*plan.Flatten
	eachFlatten(p.Root, func(fl *plan.Flatten) { flattens = append(flattens, fl) })
	r := &run{c: compiledFor(p), data: data}
	b.ReportAllocs()
	for b.Loop() {
		n := 0
		for _, fl := range flattens {
			n += len(r.collectBatch(fl.Path, fl.Node.(*plan.Fetch)).reps)
		}
		if n == 0 {
			b.Fatal("no representations")
		}
	}
}

// BenchmarkExecuteMerge runs the plan with the subgraph answers already
// decoded in memory: batching, representation building, merging and
// shaping, without HTTP or JSON decoding.
func BenchmarkExecuteMerge(b *testing.B) {
	p := benchPlan(b)
	raw, _ := recorded(b, p)
	want := bench.Expected()
	b.ReportAllocs()
	for b.Loop() {
		b.StopTimer()
		answers := decodeAll(b, raw)
		b.StartTimer()
		e := &Executor{Fetcher: FetcherFunc(func(_ context.Context, service string, req *Request) (*Response, error) {
			return answers[service+"\x00"+req.Query], nil
		})}
		res := e.Execute(context.Background(), p, nil, nil)
		if len(res.Errors) > 0 {
			b.Fatal(res.Errors[0].Message)
		}
		b.StopTimer()
		if got, _ := res.AppendJSON(nil); !bytes.Equal(got, want) {
			b.Fatalf("unexpected response %.200s", got)
		}
		b.StartTimer()
	}
}

// BenchmarkShapeAndWrite projects the merged data through the client's
// shape (null bubbling, ordering), writing the ~87 KB response as it goes.
func BenchmarkShapeAndWrite(b *testing.B) {
	p := benchPlan(b)
	_, data := recorded(b, p)
	c := compiledFor(p)
	buf := make([]byte, 0, 128<<10)
	b.ReportAllocs()
	for b.Loop() {
		r := &run{c: c}
		var ok bool
		if buf, ok = r.shapeObject(buf[:0], c.root, data, p.RootType, nil); !ok {
			b.Fatal("null data")
		}
	}
	b.SetBytes(int64(len(buf)))
}
