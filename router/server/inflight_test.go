package server

import (
	"context"
	"net/http"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/careercoach/coach/internal/waitfor"
)

// joined reports how many callers have joined running executions.
func (f *inflight) joinedCount() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	n := 0
	for _, fl := range f.flights {
		n += fl.joined
	}
	return n
}

func body(s string) encoded { b := []byte(s); return encoded{buf: &b} }

// gatedRun is an execution that waits for release (or its context) and
// counts how often it ran and whether its context was cancelled.
type gatedRun struct {
	release   chan struct{}
	runs      atomic.Int32
	cancelled atomic.Int32
}

func newGatedRun() *gatedRun { return &gatedRun{release: make(chan struct{})} }

func (g *gatedRun) run(answer string) func(ctx context.Context) encoded {
	return func(ctx context.Context) encoded {
		g.runs.Add(1)
		select {
		case <-g.release:
			return body(answer)
		case <-ctx.Done():
			g.cancelled.Add(1)
			return body("cancelled")
		}
	}
}

func TestInflight(t *testing.T) {
	st, other := &state{}, &state{}
	t.Run("callers arriving while it runs share one execution", func(t *testing.T) {
		var f inflight
		g := newGatedRun()
		type got struct {
			body string
			role role
		}
		results := make(chan got, 3)
		for range 3 {
			go func() {
				out, r := f.do(context.Background(), "k", st, g.run("answer"))
				results <- got{string(*out.buf), r}
			}()
			if g.runs.Load() == 0 {
				waitfor.True(t, "the first execution", func() bool { return g.runs.Load() == 1 })
			}
		}
		waitfor.True(t, "two joiners", func() bool { return f.joinedCount() == 2 })
		close(g.release)
		roles := map[role]int{}
		for range 3 {
			r := <-results
			if r.body != "answer" {
				t.Fatalf("got %+v, want the shared answer", r)
			}
			roles[r.role]++
		}
		if roles[starter] != 1 || roles[joiner] != 2 {
			t.Fatalf("roles %v, want one starter and two joiners", roles)
		}
		if n := g.runs.Load(); n != 1 {
			t.Fatalf("%d executions, want 1", n)
		}
	})
	t.Run("an ended execution is not reused", func(t *testing.T) {
		var f inflight
		runs := 0
		for i := range 2 {
			if _, r := f.do(context.Background(), "k", st, func(context.Context) encoded { runs++; return body("a") }); r != alone {
				t.Fatalf("call %d: role %d, want alone", i, r)
			}
		}
		if runs != 2 {
			t.Fatalf("%d executions for two calls one after the other, want 2", runs)
		}
	})
	tests := []struct {
		name  string
		key2  string
		st2   *state
		apart func(f *inflight) // between the first call and the second
	}{
		{"other key", "k2", st, nil},
		{"other supergraph", "k", other, nil},
		{"a mutation started in between", "k", st, func(f *inflight) { f.mutating() }},
	}
	for _, tc := range tests {
		t.Run("no sharing: "+tc.name, func(t *testing.T) {
			var f inflight
			g := newGatedRun()
			var wg sync.WaitGroup
			wg.Go(func() { f.do(context.Background(), "k", st, g.run("first")) })
			waitfor.True(t, "the first execution", func() bool { return g.runs.Load() == 1 })
			if tc.apart != nil {
				tc.apart(&f)
			}
			wg.Go(func() { f.do(context.Background(), tc.key2, tc.st2, g.run("second")) })
			waitfor.True(t, "a second execution", func() bool { return g.runs.Load() == 2 })
			close(g.release)
			wg.Wait()
			if n := f.joinedCount(); n != 0 {
				t.Fatalf("%d joined", n)
			}
		})
	}
	t.Run("the starter leaving does not cancel it for the others", func(t *testing.T) {
		var f inflight
		g := newGatedRun()
		ctx, cancel := context.WithCancel(context.Background())
		starter := make(chan struct{})
		go func() { f.do(ctx, "k", st, g.run("answer")); close(starter) }()
		waitfor.True(t, "the first execution", func() bool { return g.runs.Load() == 1 })
		joined := make(chan string)
		go func() { out, _ := f.do(context.Background(), "k", st, g.run("x")); joined <- string(*out.buf) }()
		waitfor.True(t, "the joiner", func() bool { return f.joinedCount() == 1 })
		cancel()
		time.Sleep(10 * time.Millisecond) // would be enough for a wrong cancel to land
		close(g.release)
		if got := <-joined; got != "answer" {
			t.Fatalf("joiner got %q", got)
		}
		<-starter
		if g.cancelled.Load() != 0 {
			t.Fatal("the execution was cancelled while a joiner waited")
		}
	})
	t.Run("everyone leaving cancels it", func(t *testing.T) {
		var f inflight
		g := newGatedRun()
		ctx, cancel := context.WithCancel(context.Background())
		jctx, jcancel := context.WithCancel(context.Background())
		done := make(chan struct{})
		go func() { f.do(ctx, "k", st, g.run("answer")); close(done) }()
		waitfor.True(t, "the first execution", func() bool { return g.runs.Load() == 1 })
		joined := make(chan role)
		go func() { _, r := f.do(jctx, "k", st, g.run("x")); joined <- r }()
		waitfor.True(t, "the joiner", func() bool { return f.joinedCount() == 1 })
		jcancel()
		if r := <-joined; r != lateJoin {
			t.Fatalf("a joiner whose context ended: role %d, want lateJoin", r)
		}
		cancel()
		<-done
		if g.cancelled.Load() != 1 {
			t.Fatal("the execution ran on with no one waiting")
		}
		// And a caller arriving now starts afresh instead of joining it.
		g2 := newGatedRun()
		close(g2.release)
		if out, _ := f.do(context.Background(), "k", st, g2.run("fresh")); string(*out.buf) != "fresh" {
			t.Fatalf("got %q", *out.buf)
		}
	})
	t.Run("a panicking execution releases its joiners", func(t *testing.T) {
		var f inflight
		g := newGatedRun()
		panicked := make(chan any)
		go func() {
			defer func() { panicked <- recover() }()
			f.do(context.Background(), "k", st, func(ctx context.Context) encoded {
				g.runs.Add(1)
				<-g.release
				panic("boom")
			})
		}()
		waitfor.True(t, "the first execution", func() bool { return g.runs.Load() == 1 })
		joined := make(chan role)
		go func() { _, r := f.do(context.Background(), "k", st, g.run("x")); joined <- r }()
		waitfor.True(t, "the joiner", func() bool { return f.joinedCount() == 1 })
		close(g.release)
		if r := <-joined; r != failed {
			t.Fatalf("joiner role %d, want failed", r)
		}
		if p := <-panicked; p != "boom" {
			t.Fatalf("the starter's panic: %v", p)
		}
		if _, r := f.do(context.Background(), "k", st, func(context.Context) encoded { return body("ok") }); r != alone {
			t.Fatalf("after the panic: role %d, want a fresh execution", r)
		}
	})
	t.Run("the execution keeps the starter's deadline", func(t *testing.T) {
		var f inflight
		ctx, cancel := context.WithTimeout(context.Background(), time.Hour)
		defer cancel()
		want, _ := ctx.Deadline()
		f.do(ctx, "k", st, func(ctx context.Context) encoded {
			if got, ok := ctx.Deadline(); !ok || !got.Equal(want) {
				t.Errorf("deadline %v %v, want %v", got, ok, want)
			}
			return body("a")
		})
	})
}

func TestDedupeKey(t *testing.T) {
	base := func() http.Header {
		return http.Header{"Authorization": {"Bearer a"}, "X-Request-Id": {"1"}, "Traceparent": {"00-a-b-01"}}
	}
	key := func(edit func(h http.Header), vars map[string]any) string {
		h := base()
		if edit != nil {
			edit(h)
		}
		return dedupeKey("{ me { id } }", "", vars, h)
	}
	ref := key(nil, map[string]any{"a": 1, "b": 2})
	tests := []struct {
		name string
		got  string
		same bool
	}{
		{"another request id and trace", key(func(h http.Header) { h.Set("X-Request-Id", "2"); h.Set("Traceparent", "00-c-d-01") }, map[string]any{"b": 2, "a": 1}), true},
		{"other credentials", key(func(h http.Header) { h.Set("Authorization", "Bearer b") }, map[string]any{"a": 1, "b": 2}), false},
		{"another forwarded header", key(func(h http.Header) { h.Set("X-Tenant", "t") }, map[string]any{"a": 1, "b": 2}), false},
		{"other variables", key(nil, map[string]any{"a": 1, "b": 3}), false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if (tc.got == ref) != tc.same {
				t.Fatalf("same key = %v, want %v", tc.got == ref, tc.same)
			}
		})
	}
}
