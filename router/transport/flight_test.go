package transport

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/careercoach/coach/internal/waitfor"
	"github.com/careercoach/coach/router/execute"
)

// heldSubgraph holds every query until released and counts the requests;
// a mutation is answered at once.
type heldSubgraph struct {
	srv      *httptest.Server
	queries  atomic.Int32
	release  chan struct{}
	once     sync.Once
	failWith int // a status to answer queries with instead of data
}

func newHeldSubgraph(t *testing.T, failWith int) *heldSubgraph {
	t.Helper()
	h := &heldSubgraph{release: make(chan struct{}), failWith: failWith}
	h.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		if strings.Contains(string(body), "mutation") {
			_, _ = io.WriteString(w, `{"data":{"done":true}}`)
			return
		}
		h.queries.Add(1)
		<-h.release
		if h.failWith != 0 {
			http.Error(w, "down", h.failWith)
			return
		}
		_, _ = io.WriteString(w, `{"data":{"n":1,"auth":"`+r.Header.Get("Authorization")+`"}}`)
	}))
	t.Cleanup(h.srv.Close)
	t.Cleanup(h.open) // before the server closes: nothing stays held
	return h
}

func (h *heldSubgraph) open() { h.once.Do(func() { close(h.release) }) }

type fetched struct {
	resp *execute.Response
	err  error
}

// TestShareInFlight runs on both client paths: identical queries in
// flight share one request, and each caller gets its own decoded answer.
func TestShareInFlight(t *testing.T) {
	for _, p := range clientPaths {
		t.Run(p.name, func(t *testing.T) {
			tests := []struct {
				name      string
				auth      []string // one fetch each
				failWith  int
				requests  int32
				wantError string
			}{
				{"same credentials: one request", []string{"a", "a", "a"}, 0, 1, ""},
				{"other credentials: their own", []string{"a", "b", "a"}, 0, 2, ""},
				{"a failure reaches every sharer", []string{"a", "a"}, http.StatusBadGateway, 1, "502"},
			}
			for _, tt := range tests {
				t.Run(tt.name, func(t *testing.T) {
					sub := newHeldSubgraph(t, tt.failWith)
					var joined atomic.Int32
					c := New(Config{URLs: map[string]string{"s": sub.srv.URL}, HTTPClient: p.client,
						ShareInFlight: true, Shared: func() { joined.Add(1) }})
					out := make([]fetched, len(tt.auth))
					var wg sync.WaitGroup
					for i, a := range tt.auth {
						ctx := WithHeaders(context.Background(), http.Header{"Authorization": {a}, "X-Request-Id": {string(rune('0' + i))}})
						wg.Go(func() {
							resp, err := c.Fetch(ctx, "s", &execute.Request{Query: "query { n auth }"})
							out[i] = fetched{resp, err}
						})
						if i == 0 {
							waitfor.True(t, "the first request", func() bool { return sub.queries.Load() == 1 })
						}
					}
					waitfor.True(t, "the fetches to line up", func() bool {
						return sub.queries.Load()+joined.Load() == int32(len(tt.auth))
					})
					sub.open()
					wg.Wait()
					if n := sub.queries.Load(); n != tt.requests {
						t.Errorf("%d requests, want %d", n, tt.requests)
					}
					for i, f := range out {
						if tt.wantError != "" {
							if f.err == nil || !strings.Contains(f.err.Error(), tt.wantError) {
								t.Errorf("fetch %d: error %v, want one saying %q", i, f.err, tt.wantError)
							}
							continue
						}
						if f.err != nil {
							t.Fatalf("fetch %d: %v", i, f.err)
						}
						if got, _ := f.resp.Object.Get("auth"); got != tt.auth[i] {
							t.Errorf("fetch %d: answer for %v, want %q", i, got, tt.auth[i])
						}
					}
					if tt.wantError == "" && out[0].resp.Object == out[len(out)-1].resp.Object {
						t.Error("two callers got the same decoded object: merging into one would change the other's")
					}
				})
			}
		})
	}
}

// TestShareInFlightLeaving: a joiner whose context ends stops waiting at
// once; the request goes on for the others. A query sent after a mutation
// was answered does not join one sent before it.
func TestShareInFlightLeaving(t *testing.T) {
	sub := newHeldSubgraph(t, 0)
	c := New(Config{URLs: map[string]string{"s": sub.srv.URL}, ShareInFlight: true})
	query := &execute.Request{Query: "query { n }"}
	first := make(chan fetched, 1)
	go func() {
		resp, err := c.Fetch(context.Background(), "s", query)
		first <- fetched{resp, err}
	}()
	waitfor.True(t, "the first request", func() bool { return sub.queries.Load() == 1 })

	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	if _, err := c.Fetch(ctx, "s", query); !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("joiner past its deadline: %v", err)
	}

	if _, err := c.Fetch(context.Background(), "s", &execute.Request{Query: "mutation { done }"}); err != nil {
		t.Fatal(err)
	}
	after := make(chan fetched, 1)
	go func() {
		resp, err := c.Fetch(context.Background(), "s", query)
		after <- fetched{resp, err}
	}()
	waitfor.True(t, "a request of its own for the query after the mutation", func() bool { return sub.queries.Load() == 2 })
	sub.open()
	for _, ch := range []chan fetched{first, after} {
		if f := <-ch; f.err != nil {
			t.Fatal(f.err)
		}
	}
}

// TestShareInFlightLeaderLeaves: the caller whose request the others
// joined goes away; the request goes on and the others get the answer.
func TestShareInFlightLeaderLeaves(t *testing.T) {
	for _, p := range clientPaths {
		t.Run(p.name, func(t *testing.T) {
			sub := newHeldSubgraph(t, 0)
			var joined atomic.Int32
			c := New(Config{URLs: map[string]string{"s": sub.srv.URL}, HTTPClient: p.client,
				ShareInFlight: true, Shared: func() { joined.Add(1) }})
			query := &execute.Request{Query: "query { n }"}
			ctx, leave := context.WithCancel(context.Background())
			leader := make(chan error, 1)
			go func() {
				_, err := c.Fetch(ctx, "s", query)
				leader <- err
			}()
			waitfor.True(t, "the leader's request", func() bool { return sub.queries.Load() == 1 })
			joiner := make(chan fetched, 1)
			go func() {
				resp, err := c.Fetch(context.Background(), "s", query)
				joiner <- fetched{resp, err}
			}()
			waitfor.True(t, "the joiner", func() bool { return joined.Load() == 1 })
			leave()
			time.Sleep(20 * time.Millisecond) // a cancelled request would have ended by now
			sub.open()
			f := <-joiner
			if f.err != nil {
				t.Fatalf("joiner: %v", f.err)
			}
			if n, _ := f.resp.Object.Get("n"); n == nil {
				t.Errorf("joiner's answer has no n: %v", f.resp.Object.Keys())
			}
			<-leader // whatever it got, it returned
			if n := sub.queries.Load(); n != 1 {
				t.Errorf("%d requests, want 1", n)
			}
		})
	}
}
