package transport

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/careercoach/coach/router/execute"
)

// closingSubgraph answers one request per connection without saying it
// will close, then closes: every idle keep-alive connection a client
// keeps to it is one the subgraph has already closed, as when a
// subgraph's idle timeout fires while the router reuses the connection.
type closingSubgraph struct {
	ln   net.Listener
	drop bool // close without answering, as a subgraph that crashed

	mu      sync.Mutex
	queries []string
}

// newClosingSubgraph starts one, with a default Client to it as "s" and a
// context bounding the test.
func newClosingSubgraph(t *testing.T, drop bool) (*closingSubgraph, *Client, context.Context) {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	s := &closingSubgraph{ln: ln, drop: drop}
	t.Cleanup(func() { _ = ln.Close() })
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			go s.serve(c)
		}
	}()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	t.Cleanup(cancel)
	return s, New(Config{URLs: map[string]string{"s": "http://" + ln.Addr().String() + "/graphql"}}), ctx
}

func (s *closingSubgraph) serve(c net.Conn) {
	defer c.Close()
	req, err := http.ReadRequest(bufio.NewReader(c))
	if err != nil {
		return
	}
	body, _ := io.ReadAll(req.Body)
	s.mu.Lock()
	s.queries = append(s.queries, string(body))
	s.mu.Unlock()
	if s.drop {
		return
	}
	const answer = `{"data":{"ok":true}}`
	_, _ = fmt.Fprintf(c, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n%s", len(answer), answer)
}

func (s *closingSubgraph) seen() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]string(nil), s.queries...)
}

// TestClosedIdleConnection: a query that meets a keep-alive connection
// the subgraph closed is sent again on a new one; a mutation never meets
// one (it goes over net/http, which notices closed idle connections
// before reusing them), so neither fails for the subgraph's timing.
func TestClosedIdleConnection(t *testing.T) {
	tests := []struct {
		name   string
		second string
	}{
		{"query retried", "query Q { ok }"},
		{"mutation on a fresh connection", "mutation M { ok }"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sub, c, ctx := newClosingSubgraph(t, false)
			for i, q := range []string{"query First { ok }", tt.second} {
				if i == 1 {
					time.Sleep(50 * time.Millisecond) // the subgraph's close has arrived
				}
				resp, err := c.Fetch(ctx, "s", &execute.Request{Query: q})
				if err != nil {
					t.Fatalf("fetch %d (%s): %v", i+1, q, err)
				}
				if ok, _ := resp.Object.Get("ok"); ok != true {
					t.Fatalf("fetch %d: ok = %v", i+1, ok)
				}
			}
			seen := sub.seen()
			if len(seen) != 2 || !strings.Contains(seen[1], tt.second) {
				t.Errorf("subgraph saw %q, want both requests once", seen)
			}
		})
	}
}

// TestDroppedRequest: when a subgraph closes the connection after a
// request arrived and before it answered, a query is sent once more and a
// mutation is not, since the subgraph may have run it.
func TestDroppedRequest(t *testing.T) {
	tests := []struct {
		name  string
		query string
		sent  int
	}{
		{"query sent again", "query Q { ok }", 2},
		{"mutation sent once", "mutation M { ok }", 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sub, c, ctx := newClosingSubgraph(t, true)
			if _, err := c.Fetch(ctx, "s", &execute.Request{Query: tt.query}); err == nil {
				t.Fatal("a request the subgraph dropped succeeded")
			}
			if n := len(sub.seen()); n != tt.sent {
				t.Errorf("subgraph got the request %d times, want %d", n, tt.sent)
			}
		})
	}
}
