package server_test

import (
	"context"
	"encoding/json"
	"errors"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"sync"
	"testing"
	"time"

	"github.com/careercoach/coach/internal/auth"
	"github.com/careercoach/coach/internal/auth/authtest"
	"github.com/careercoach/coach/router/internal/eventgraph"
	"github.com/careercoach/coach/router/internal/eventgraph/graph"
	"github.com/careercoach/coach/router/internal/stubgraph"
	"github.com/careercoach/coach/router/server"
	"github.com/careercoach/coach/schema/compose"
	"github.com/coder/websocket"
)

const testSecret = "router-test-secret-0123456789"

const peopleSDL = `extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])
type Author @key(fields: "id") { id: ID! name: String! }
type Query { author(id: ID!): Author }
`

// edgeEnv is a router in front of a real gqlgen subgraph (events:
// subscriptions, uploads) and a stub subgraph owning Author (people).
type edgeEnv struct {
	router *httptest.Server
	broker *graph.Broker
	events *killable
	people *stubgraph.Subgraph
	issuer *authtest.Issuer
}

func newEdgeEnv(t *testing.T, edit func(*server.Config)) *edgeEnv {
	t.Helper()
	return buildEdgeEnv(t, authtest.New(t), edit)
}

// newEdgeEnvB is the environment for benchmarks: no token issuer.
func newEdgeEnvB(b *testing.B, edit func(*server.Config)) *edgeEnv {
	b.Helper()
	return buildEdgeEnv(b, nil, edit)
}

func buildEdgeEnv(t testing.TB, issuer *authtest.Issuer, edit func(*server.Config)) *edgeEnv {
	t.Helper()
	e := &edgeEnv{broker: graph.NewBroker(), issuer: issuer}
	var verifier *auth.Verifier
	if issuer != nil {
		verifier = issuer.Verifier
	}
	e.people = &stubgraph.Subgraph{Entity: func(rep map[string]any) any {
		id, _ := rep["id"].(string)
		return map[string]any{"__typename": "Author", "id": id, "name": "name-of-" + id}
	}}
	e.events = newKillable(t, eventgraph.Handler(e.broker, verifier, testSecret, 8<<20))
	people := httptest.NewServer(e.people)
	t.Cleanup(people.Close)
	res, errs := compose.Compose([]compose.Subgraph{
		{Name: "events", URL: e.events.URL + "/graphql", SDL: eventgraph.SDL},
		{Name: "people", URL: people.URL + "/graphql", SDL: peopleSDL},
	})
	if len(errs) > 0 {
		t.Fatalf("compose: %v", errs)
	}
	cfg := server.Config{
		SupergraphSDL: res.Supergraph,
		Authenticate: func(r *http.Request) error {
			raw := auth.TokenFromRequest(r)
			if raw == "" {
				return nil
			}
			if verifier == nil {
				return errors.New("no token issuer")
			}
			_, err := verifier.Verify(r.Context(), raw)
			return err
		},
		TokenCookie:             auth.AccessCookie,
		ServiceCredentialHeader: auth.ServiceTokenHeader,
		ServiceCredential:       testSecret,
		Subscriptions:           server.SubscriptionConfig{InitCredentialKey: "serviceToken", KeepAlive: time.Second},
	}
	if edit != nil {
		edit(&cfg)
	}
	h, err := server.New(cfg, nil)
	if err != nil {
		t.Fatal(err)
	}
	e.router = httptest.NewServer(h)
	t.Cleanup(e.router.Close)
	return e
}

func (e *edgeEnv) wsURL() string { return "ws" + e.router.URL[len("http"):] + "/graphql" }

// waitActive waits until the events subgraph has n live subscriptions.
func (e *edgeEnv) waitActive(t *testing.T, n int) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for e.broker.Active() != n {
		if time.Now().After(deadline) {
			t.Fatalf("events subgraph has %d live subscriptions, want %d", e.broker.Active(), n)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// killable is an httptest server whose connections, hijacked WebSockets
// included, can all be cut at once: a subgraph process dying.
type killable struct {
	*httptest.Server
	mu    sync.Mutex
	conns []net.Conn
}

func newKillable(t testing.TB, h http.Handler) *killable {
	t.Helper()
	k := &killable{Server: httptest.NewUnstartedServer(h)}
	ln := k.Listener
	k.Listener = &trackingListener{Listener: ln, k: k}
	k.Start()
	t.Cleanup(k.Kill)
	return k
}

// Kill stops the server and cuts every connection.
func (k *killable) Kill() {
	_ = k.Listener.Close()
	k.mu.Lock()
	defer k.mu.Unlock()
	for _, c := range k.conns {
		_ = c.Close()
	}
	k.conns = nil
}

type trackingListener struct {
	net.Listener
	k *killable
}

func (l *trackingListener) Accept() (net.Conn, error) {
	c, err := l.Listener.Accept()
	if err == nil {
		l.k.mu.Lock()
		l.k.conns = append(l.k.conns, c)
		l.k.mu.Unlock()
	}
	return c, err
}

// wsClient is a minimal client of either protocol.
type wsClient struct {
	t *testing.T
	c *websocket.Conn
}

type wsMsg struct {
	ID      string          `json:"id,omitempty"`
	Type    string          `json:"type"`
	Payload json.RawMessage `json:"payload,omitempty"`
}

func dialWS(t *testing.T, url, proto string, header http.Header) (*wsClient, *http.Response, error) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	opts := &websocket.DialOptions{HTTPHeader: header}
	if proto != "" {
		opts.Subprotocols = []string{proto}
	}
	c, res, err := websocket.Dial(ctx, url, opts)
	if err != nil {
		return nil, res, err
	}
	t.Cleanup(func() { _ = c.CloseNow() })
	return &wsClient{t: t, c: c}, res, nil
}

func (w *wsClient) send(m wsMsg) {
	w.t.Helper()
	b, _ := json.Marshal(m)
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := w.c.Write(ctx, websocket.MessageText, b); err != nil {
		w.t.Fatalf("write: %v", err)
	}
}

func (w *wsClient) sendJSON(id, typ string, payload any) {
	w.t.Helper()
	var raw json.RawMessage
	if payload != nil {
		raw, _ = json.Marshal(payload)
	}
	w.send(wsMsg{ID: id, Type: typ, Payload: raw})
}

// next reads the next message that is not a keep-alive.
func (w *wsClient) next() (wsMsg, error) {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	for {
		_, b, err := w.c.Read(ctx)
		if err != nil {
			return wsMsg{}, err
		}
		var m wsMsg
		if err := json.Unmarshal(b, &m); err != nil {
			return wsMsg{}, err
		}
		switch m.Type {
		case "ka", "pong":
			continue
		case "ping":
			w.send(wsMsg{Type: "pong"})
			continue
		}
		return m, nil
	}
}

func (w *wsClient) expect(typ string) wsMsg {
	w.t.Helper()
	m, err := w.next()
	if err != nil {
		w.t.Fatalf("waiting for %s: %v", typ, err)
	}
	if m.Type != typ {
		w.t.Fatalf("got %s %s, want %s", m.Type, m.Payload, typ)
	}
	return m
}

// closeCode reads until the connection closes and returns its code.
func (w *wsClient) closeCode() websocket.StatusCode {
	w.t.Helper()
	for {
		if _, err := w.next(); err != nil {
			return websocket.CloseStatus(err)
		}
	}
}

func urlEscape(s string) string { return url.QueryEscape(s) }
