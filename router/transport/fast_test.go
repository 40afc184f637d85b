package transport

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/careercoach/coach/router/execute"
	"github.com/valyala/fasthttp"
)

// clientPaths are the two ways a Client reaches subgraphs: fasthttp (the
// default) and net/http (an injected client).
var clientPaths = []struct {
	name   string
	client *http.Client
}{{"fasthttp", nil}, {"net/http", &http.Client{}}}

// TestFetchPaths: the fasthttp path and the net/http one (an injected
// client) send the same request and report the same outcomes.
func TestFetchPaths(t *testing.T) {
	var hits atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		body, _ := io.ReadAll(r.Body)
		switch r.URL.Path {
		case "/echo":
			if r.Method != http.MethodPost || r.Header.Get("Content-Type") != "application/json" ||
				!strings.Contains(r.Header.Get("Accept"), "application/graphql-response+json") {
				http.Error(w, "bad request shape", http.StatusBadRequest)
				return
			}
			_, _ = io.WriteString(w, `{"data":{"forwarded":"`+r.Header.Get("X-Forwarded-Thing")+
				`","credential":"`+r.Header.Get("X-Router")+`","query":`+string(body[len(`{"query":`):len(body)-1])+`}}`)
		case "/down":
			http.Error(w, "upstream gone", http.StatusBadGateway)
		case "/garbage":
			_, _ = io.WriteString(w, `{"data": nope`)
		case "/big":
			_, _ = io.WriteString(w, `{"data":{"s":"`+strings.Repeat("x", 4096)+`"}}`)
		case "/slow":
			time.Sleep(time.Second)
			_, _ = io.WriteString(w, `{"data":{}}`)
		}
	}))
	defer srv.Close()
	urls := map[string]string{}
	for _, n := range []string{"echo", "down", "garbage", "big", "slow"} {
		urls[n] = srv.URL + "/" + n
	}
	for _, p := range clientPaths {
		c := New(Config{URLs: urls, HTTPClient: p.client, CredentialHeader: "X-Router", Credential: "secret", MaxResponseBytes: 1024})
		if got := c.fastOK["echo"]; got != (p.client == nil) {
			t.Fatalf("%s: fasthttp used = %v", p.name, got)
		}
		tests := []struct {
			name    string
			service string
			ctx     func() (context.Context, context.CancelFunc)
			check   func(t *testing.T, resp *execute.Response, err error)
		}{
			{"answer, headers forwarded", "echo", nil, func(t *testing.T, resp *execute.Response, err error) {
				if err != nil {
					t.Fatal(err)
				}
				for k, want := range map[string]string{"forwarded": "yes", "credential": "secret", "query": "{ a }"} {
					if got, _ := resp.Object.Get(k); got != want {
						t.Errorf("%s = %v, want %q", k, got, want)
					}
				}
			}},
			{"failure status", "down", nil, wantErr("502: Bad Gateway", nil)},
			{"not JSON", "garbage", nil, wantErr("invalid JSON from garbage", nil)},
			{"too large", "big", nil, wantErr("", fasthttp.ErrBodyTooLarge)},
			{"past the deadline", "slow", func() (context.Context, context.CancelFunc) {
				return context.WithTimeout(context.Background(), 100*time.Millisecond)
			}, wantErr("", context.DeadlineExceeded)},
			{"cancelled before sending", "echo", func() (context.Context, context.CancelFunc) {
				ctx, cancel := context.WithCancel(context.Background())
				cancel()
				return ctx, cancel
			}, wantErr("", context.Canceled)},
		}
		for _, tt := range tests {
			t.Run(p.name+"/"+tt.name, func(t *testing.T) {
				ctx, cancel := context.Background(), context.CancelFunc(func() {})
				if tt.ctx != nil {
					ctx, cancel = tt.ctx()
				}
				defer cancel()
				ctx = WithHeaders(ctx, http.Header{"X-Forwarded-Thing": {"yes"}})
				before := hits.Load()
				start := time.Now()
				resp, err := c.Fetch(ctx, tt.service, &execute.Request{Query: "{ a }"})
				tt.check(t, resp, err)
				if time.Since(start) > 800*time.Millisecond {
					t.Errorf("took %v: the deadline did not hold", time.Since(start))
				}
				if tt.name == "cancelled before sending" && hits.Load() != before {
					t.Error("a cancelled fetch reached the subgraph")
				}
			})
		}
	}
}

func wantErr(text string, is error) func(*testing.T, *execute.Response, error) {
	return func(t *testing.T, _ *execute.Response, err error) {
		t.Helper()
		if err == nil || (text != "" && !strings.Contains(err.Error(), text)) || (is != nil && !errors.Is(err, is)) {
			t.Fatalf("error %v, want one saying %q / being %v", err, text, is)
		}
	}
}

func TestFastServices(t *testing.T) {
	proxied, _ := url.Parse("http://proxy:3128")
	proxy := func(r *http.Request) (*url.URL, error) {
		if r.URL.Host == "far.example" {
			return proxied, nil
		}
		return nil, nil
	}
	got := fastServices(map[string]string{
		"plain": "http://127.0.0.1:4001/graphql", "tls": "https://users.internal/graphql",
		"proxied": "http://far.example/graphql", "socket": "unix:///run/x.sock", "broken": "http://[::1",
		"empty": "",
	}, proxy)
	for name, want := range map[string]bool{"plain": true, "tls": true, "proxied": false, "socket": false, "broken": false, "empty": false} {
		if got[name] != want {
			t.Errorf("%s: fasthttp %v, want %v", name, got[name], want)
		}
	}
}
