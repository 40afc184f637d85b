package transport

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/http"
	"sort"
	"strings"
	"sync"

	"github.com/careercoach/coach/router/execute"
)

// Identical queries to one subgraph in flight at the same time share one
// request (Cosmo's single flight): clients that ask the same thing at
// once, like the gateway benchmark's 50, cost the subgraph one answer.
// "Identical" is the same subgraph, body and forwarded headers but
// correlation ones, so only callers with the same credentials share.
// Each joiner decodes the shared bytes itself: executions merge into what
// they decode. Only queries share, and a mutation closes the flights under
// way to new joiners when it is sent and when it is answered, so a query
// sent after it began never gets an answer begun before it.
//
// golang.org/x/sync/singleflight does the sharing but not the rest: it
// cannot close every flight at once, hands each caller the same value (so
// the body would be copied even when no one joined), and tells of a
// joiner only when the call ends.

// CorrelationHeaders name a request for logs and traces, not whom it is
// for: requests that differ only in them are shared (the subgraph then
// sees the first one's).
var CorrelationHeaders = map[string]bool{"X-Request-Id": true, "Traceparent": true, "Tracestate": true}

// answer is a subgraph's reply before decoding.
type answer struct {
	status  int
	body    []byte
	release func() // gives body's buffer back; nil: nothing to give
}

func (a answer) done() {
	if a.release != nil {
		a.release()
	}
}

type flights struct {
	mu     sync.Mutex
	m      map[string]*flight
	shared func() // counts joiners; may be nil
}

type flight struct {
	done    chan struct{}
	joiners int    // under flights.mu
	a       answer // the body copied for the joiners
	err     error
}

var errFlightAborted = errors.New("the shared subgraph request did not finish")

// fetch decodes the answer to the request key names: sent by send when no
// identical one is in flight, otherwise the one in flight's.
func (f *flights) fetch(ctx context.Context, service, key string, send func(context.Context) (answer, error), decode func(answer) (*execute.Response, error)) (*execute.Response, error) {
	f.mu.Lock()
	if fl, ok := f.m[key]; ok {
		fl.joiners++
		f.mu.Unlock()
		if f.shared != nil {
			f.shared()
		}
		select {
		case <-fl.done:
		case <-ctx.Done():
			return nil, fmt.Errorf("post %s: %w", service, ctx.Err())
		}
		if fl.err != nil {
			return nil, fl.err
		}
		return decode(fl.a)
	}
	fl := &flight{done: make(chan struct{}), err: errFlightAborted}
	if f.m == nil {
		f.m = map[string]*flight{}
	}
	f.m[key] = fl
	f.mu.Unlock()
	a, err := f.lead(ctx, key, fl, send)
	if err != nil {
		return nil, err
	}
	defer a.done()
	return decode(a)
}

// lead sends the request and, whatever happens, ends the flight: the
// joiners get a copy of the body (the leader's buffer goes back to its
// pool) or the error. The request is the joiners' too, so the leader's
// caller leaving does not cancel it; its deadline holds.
func (f *flights) lead(ctx context.Context, key string, fl *flight, send func(context.Context) (answer, error)) (a answer, err error) {
	finished := false
	defer func() {
		f.mu.Lock()
		if f.m[key] == fl {
			delete(f.m, key)
		}
		joiners := fl.joiners
		f.mu.Unlock()
		if finished {
			fl.err = err
			if err == nil && joiners > 0 {
				fl.a = answer{status: a.status, body: bytes.Clone(a.body)}
			}
		}
		close(fl.done)
	}()
	sctx := context.WithoutCancel(ctx)
	if dl, ok := ctx.Deadline(); ok {
		var cancel context.CancelFunc
		sctx, cancel = context.WithDeadline(sctx, dl)
		defer cancel()
	}
	a, err = send(sctx)
	finished = true
	return a, err
}

// closeAll lets the flights under way finish for those already in them,
// but no one joins them any more.
func (f *flights) closeAll() {
	if f == nil {
		return
	}
	f.mu.Lock()
	clear(f.m)
	f.mu.Unlock()
}

// flightKey identifies identical requests: subgraph, forwarded headers but
// correlation ones, body.
func flightKey(ctx context.Context, service string, body []byte) string {
	var b strings.Builder
	h, _ := ctx.Value(headersKey{}).(http.Header)
	b.Grow(len(service) + len(body) + 64*len(h))
	b.WriteString(service)
	b.WriteByte(0)
	WriteHeaderKey(&b, h)
	b.WriteByte(0)
	b.Write(body)
	return b.String()
}

// WriteHeaderKey writes h but its correlation headers to b in a canonical
// form (sorted names), for keys of requests that may share an answer.
func WriteHeaderKey(b *strings.Builder, h http.Header) {
	names := make([]string, 0, len(h))
	for k := range h {
		if !CorrelationHeaders[k] {
			names = append(names, k)
		}
	}
	sort.Strings(names)
	for _, k := range names {
		b.WriteString(k)
		for _, v := range h[k] { // header values hold no control bytes
			b.WriteByte(1)
			b.WriteString(v)
		}
		b.WriteByte(0)
	}
}
