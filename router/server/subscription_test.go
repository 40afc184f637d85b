package server_test

import (
	"bufio"
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"github.com/careercoach/coach/internal/auth"
	"github.com/careercoach/coach/router/internal/eventgraph/graph/model"
	"github.com/careercoach/coach/router/server"
)

type protocol struct {
	name, start, data, stop string
}

var protocols = []protocol{
	{name: "graphql-transport-ws", start: "subscribe", data: "next", stop: "complete"},
	{name: "graphql-ws", start: "start", data: "data", stop: "stop"},
}

const messagesSub = `subscription($t: String!) { messages(topic: $t) { body viewer fromRouter author { id name } } }`

type eventPayload struct {
	Data struct {
		Messages struct {
			Body       string  `json:"body"`
			Viewer     *string `json:"viewer"`
			FromRouter bool    `json:"fromRouter"`
			Author     struct {
				ID   string `json:"id"`
				Name string `json:"name"`
			} `json:"author"`
		} `json:"messages"`
		Countdown struct {
			Body   string `json:"body"`
			Author struct {
				Name string `json:"name"`
			} `json:"author"`
		} `json:"countdown"`
	} `json:"data"`
	Errors []struct {
		Message    string         `json:"message"`
		Extensions map[string]any `json:"extensions"`
	} `json:"errors"`
}

func decodeEvent(t *testing.T, raw json.RawMessage) eventPayload {
	t.Helper()
	var p eventPayload
	if err := json.Unmarshal(raw, &p); err != nil {
		t.Fatalf("event %s: %v", raw, err)
	}
	return p
}

// connect opens a WebSocket through the router and initialises it.
func connect(t *testing.T, e *edgeEnv, p protocol, initPayload any) *wsClient {
	t.Helper()
	c, _, err := dialWS(t, e.wsURL(), p.name, nil)
	if err != nil {
		t.Fatal(err)
	}
	if got := c.c.Subprotocol(); got != p.name {
		t.Fatalf("negotiated %q, want %q", got, p.name)
	}
	c.sendJSON("", "connection_init", initPayload)
	c.expect("connection_ack")
	return c
}

func publish(e *edgeEnv, topic, body, author string) {
	e.broker.Publish(&model.Message{ID: "m", Topic: topic, Body: body, SentAtNanos: "0", Author: &model.Author{ID: author}})
}

func TestSubscriptionEventsJoinEntities(t *testing.T) {
	for _, p := range protocols {
		t.Run(p.name, func(t *testing.T) {
			e := newEdgeEnv(t, nil)
			tok := e.issuer.Token(t, "user-1")
			c := connect(t, e, p, map[string]any{"Authorization": "Bearer " + tok})
			c.sendJSON("s1", p.start, map[string]any{"query": messagesSub, "variables": map[string]any{"t": "news"}})
			e.waitActive(t, 1)
			for _, body := range []string{"first", "second"} {
				publish(e, "news", body, "a7")
				m := c.expect(p.data)
				ev := decodeEvent(t, m.Payload)
				if len(ev.Errors) > 0 {
					t.Fatalf("errors: %+v", ev.Errors)
				}
				got := ev.Data.Messages
				if got.Body != body || got.Author.ID != "a7" || got.Author.Name != "name-of-a7" {
					t.Fatalf("event %s: entity join missing or wrong", m.Payload)
				}
				if got.Viewer == nil || *got.Viewer != "user-1" || !got.FromRouter {
					t.Fatalf("subgraph saw viewer %v fromRouter %v, want user-1 and true", got.Viewer, got.FromRouter)
				}
			}
			c.sendJSON("s1", p.stop, nil)
			e.waitActive(t, 0)
		})
	}
}

func TestSubscriptionCompletes(t *testing.T) {
	for _, p := range protocols {
		t.Run(p.name, func(t *testing.T) {
			e := newEdgeEnv(t, nil)
			c := connect(t, e, p, nil)
			c.sendJSON("c", p.start, map[string]any{"query": `subscription { countdown(topic: "x", n: 3) { body author { name } } }`})
			for _, want := range []string{"3", "2", "1"} {
				ev := decodeEvent(t, c.expect(p.data).Payload)
				if ev.Data.Countdown.Body != want || !strings.HasPrefix(ev.Data.Countdown.Author.Name, "name-of-a") {
					t.Fatalf("got %+v, want body %s with an author name", ev, want)
				}
			}
			if m := c.expect("complete"); m.ID != "c" {
				t.Fatalf("complete for %q", m.ID)
			}
		})
	}
}

func TestSubscriptionAuthFailureCloses4403(t *testing.T) {
	cases := []struct {
		name    string
		payload map[string]any
		header  http.Header
	}{
		{name: "payload Authorization", payload: map[string]any{"Authorization": "Bearer not-a-token"}},
		{name: "payload authorization", payload: map[string]any{"authorization": "nope"}},
		{name: "payload token", payload: map[string]any{"token": "nope"}},
		{name: "session cookie", header: http.Header{"Cookie": {auth.AccessCookie + "=forged"}}},
	}
	for _, p := range protocols {
		for _, tc := range cases {
			t.Run(p.name+"/"+tc.name, func(t *testing.T) {
				e := newEdgeEnv(t, nil)
				c, _, err := dialWS(t, e.wsURL(), p.name, tc.header)
				if err != nil {
					t.Fatal(err)
				}
				c.sendJSON("", "connection_init", tc.payload)
				if code := c.closeCode(); code != 4403 {
					t.Fatalf("close code %d, want 4403", code)
				}
			})
		}
	}
}

func TestSubscriptionSessionCookieAuthenticates(t *testing.T) {
	e := newEdgeEnv(t, nil)
	tok := e.issuer.Token(t, "user-c")
	c, _, err := dialWS(t, e.wsURL(), "graphql-transport-ws", http.Header{"Cookie": {auth.AccessCookie + "=" + tok}})
	if err != nil {
		t.Fatal(err)
	}
	c.sendJSON("", "connection_init", nil)
	c.expect("connection_ack")
	c.sendJSON("1", "subscribe", map[string]any{"query": messagesSub, "variables": map[string]any{"t": "k"}})
	e.waitActive(t, 1)
	publish(e, "k", "hi", "a1")
	ev := decodeEvent(t, c.expect("next").Payload)
	if v := ev.Data.Messages.Viewer; v == nil || *v != "user-c" {
		t.Fatalf("viewer %v, want user-c from the cookie", v)
	}
}

func TestSubscriptionClientDisconnectClosesSubgraphSide(t *testing.T) {
	for _, p := range protocols {
		t.Run(p.name, func(t *testing.T) {
			e := newEdgeEnv(t, nil)
			c := connect(t, e, p, nil)
			for _, id := range []string{"a", "b"} {
				c.sendJSON(id, p.start, map[string]any{"query": messagesSub, "variables": map[string]any{"t": "t"}})
			}
			e.waitActive(t, 2)
			_ = c.c.CloseNow() // no goodbye: the network went away
			e.waitActive(t, 0)
		})
	}
}

func TestSubscriptionSubgraphLossEndsWithError(t *testing.T) {
	for _, p := range protocols {
		t.Run(p.name, func(t *testing.T) {
			e := newEdgeEnv(t, nil)
			c := connect(t, e, p, nil)
			c.sendJSON("s", p.start, map[string]any{"query": messagesSub, "variables": map[string]any{"t": "t"}})
			e.waitActive(t, 1)
			e.events.Kill()
			ev := decodeEvent(t, c.expect(p.data).Payload)
			if len(ev.Errors) != 1 || ev.Errors[0].Extensions["code"] != "SUBSCRIPTION_SUBGRAPH_LOST" || ev.Errors[0].Extensions["serviceName"] != "events" {
				t.Fatalf("got %+v, want one SUBSCRIPTION_SUBGRAPH_LOST error from events", ev)
			}
			c.expect("complete")
		})
	}
}

func TestSubscriptionSubgraphDown(t *testing.T) {
	e := newEdgeEnv(t, nil)
	e.events.Kill()
	c := connect(t, e, protocols[0], nil)
	c.sendJSON("s", "subscribe", map[string]any{"query": messagesSub, "variables": map[string]any{"t": "t"}})
	m := c.expect("error")
	if !strings.Contains(string(m.Payload), "SUBSCRIPTION_SUBGRAPH_UNAVAILABLE") {
		t.Fatalf("error payload %s", m.Payload)
	}
}

func TestSubscriptionValidationError(t *testing.T) {
	for _, p := range protocols {
		t.Run(p.name, func(t *testing.T) {
			e := newEdgeEnv(t, nil)
			c := connect(t, e, p, nil)
			c.sendJSON("v", p.start, map[string]any{"query": `subscription { nope }`})
			want := "error"
			if p.name == "graphql-ws" {
				want = "data"
			}
			m := c.expect(want)
			if !strings.Contains(string(m.Payload), "GRAPHQL_VALIDATION_FAILED") {
				t.Fatalf("payload %s", m.Payload)
			}
		})
	}
}

func TestQueryAndMutationOverWebSocket(t *testing.T) {
	e := newEdgeEnv(t, nil)
	c := connect(t, e, protocols[0], nil)
	c.sendJSON("q", "subscribe", map[string]any{"query": `mutation { publish(topic: "z", body: "b", authorId: "a3") { body author { name } } }`})
	m := c.expect("next")
	if !strings.Contains(string(m.Payload), `"name":"name-of-a3"`) {
		t.Fatalf("payload %s", m.Payload)
	}
	c.expect("complete")
}

func TestWebSocketLimits(t *testing.T) {
	t.Run("connections per IP", func(t *testing.T) {
		e := newEdgeEnv(t, func(c *server.Config) { c.Subscriptions.MaxConnectionsPerIP = 1 })
		connect(t, e, protocols[0], nil)
		_, res, err := dialWS(t, e.wsURL(), protocols[0].name, nil)
		if err == nil || res == nil || res.StatusCode != http.StatusTooManyRequests {
			t.Fatalf("second connection: err %v, response %v; want 429", err, res)
		}
	})
	t.Run("operations per connection", func(t *testing.T) {
		e := newEdgeEnv(t, func(c *server.Config) { c.Subscriptions.MaxPerConnection = 1 })
		c := connect(t, e, protocols[0], nil)
		c.sendJSON("1", "subscribe", map[string]any{"query": messagesSub, "variables": map[string]any{"t": "t"}})
		c.sendJSON("2", "subscribe", map[string]any{"query": messagesSub, "variables": map[string]any{"t": "t"}})
		m := c.expect("error")
		if m.ID != "2" || !strings.Contains(string(m.Payload), "SUBSCRIPTION_LIMIT") {
			t.Fatalf("got %s %s", m.ID, m.Payload)
		}
	})
	t.Run("duplicate id closes 4409", func(t *testing.T) {
		e := newEdgeEnv(t, nil)
		c := connect(t, e, protocols[0], nil)
		c.sendJSON("1", "subscribe", map[string]any{"query": messagesSub, "variables": map[string]any{"t": "t"}})
		c.sendJSON("1", "subscribe", map[string]any{"query": messagesSub, "variables": map[string]any{"t": "t"}})
		if code := c.closeCode(); code != 4409 {
			t.Fatalf("close code %d, want 4409", code)
		}
	})
	t.Run("subscribe before init closes 4401", func(t *testing.T) {
		e := newEdgeEnv(t, nil)
		c, _, err := dialWS(t, e.wsURL(), protocols[0].name, nil)
		if err != nil {
			t.Fatal(err)
		}
		c.sendJSON("1", "subscribe", map[string]any{"query": messagesSub})
		if code := c.closeCode(); code != 4401 {
			t.Fatalf("close code %d, want 4401", code)
		}
	})
	t.Run("cross-origin page refused", func(t *testing.T) {
		e := newEdgeEnv(t, nil)
		_, res, err := dialWS(t, e.wsURL(), protocols[0].name, http.Header{"Origin": {"https://evil.example"}})
		if err == nil || res == nil || res.StatusCode != http.StatusForbidden {
			t.Fatalf("err %v response %v, want 403", err, res)
		}
	})
}

func TestKeepAlivePings(t *testing.T) {
	e := newEdgeEnv(t, nil) // KeepAlive is 1s in the test env
	c := connect(t, e, protocols[0], nil)
	ctx := t.Context()
	_, b, err := c.c.Read(ctx)
	if err != nil || !strings.Contains(string(b), `"ping"`) {
		t.Fatalf("got %s %v, want a ping", b, err)
	}
}

// sseEvents reads a graphql-sse stream into (event, data) pairs.
func sseEvents(t *testing.T, res *http.Response) [][2]string {
	t.Helper()
	var out [][2]string
	sc := bufio.NewScanner(res.Body)
	var ev string
	for sc.Scan() {
		line := sc.Text()
		switch {
		case strings.HasPrefix(line, "event: "):
			ev = strings.TrimPrefix(line, "event: ")
		case strings.HasPrefix(line, "data:"):
			out = append(out, [2]string{ev, strings.TrimSpace(strings.TrimPrefix(line, "data:"))})
			if ev == "complete" {
				return out
			}
		}
	}
	return out
}

func TestSSE(t *testing.T) {
	e := newEdgeEnv(t, nil)
	cases := []struct {
		name   string
		method string
		want   []string
	}{
		{name: "POST countdown", method: http.MethodPost, want: []string{"2", "1"}},
		{name: "GET countdown", method: http.MethodGet, want: []string{"2", "1"}},
	}
	q := `subscription { countdown(topic: "s", n: 2) { body author { name } } }`
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var req *http.Request
			if tc.method == http.MethodPost {
				body, _ := json.Marshal(map[string]any{"query": q})
				req, _ = http.NewRequest(http.MethodPost, e.router.URL+"/graphql", strings.NewReader(string(body)))
				req.Header.Set("Content-Type", "application/json")
			} else {
				req, _ = http.NewRequest(http.MethodGet, e.router.URL+"/graphql?query="+urlEscape(q), nil)
			}
			req.Header.Set("Accept", "text/event-stream")
			res, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			defer res.Body.Close()
			if ct := res.Header.Get("Content-Type"); !strings.HasPrefix(ct, "text/event-stream") {
				t.Fatalf("content type %q", ct)
			}
			evs := sseEvents(t, res)
			if len(evs) != len(tc.want)+1 || evs[len(evs)-1][0] != "complete" {
				t.Fatalf("events %v", evs)
			}
			for i, w := range tc.want {
				ev := decodeEvent(t, json.RawMessage(evs[i][1]))
				if evs[i][0] != "next" || ev.Data.Countdown.Body != w || ev.Data.Countdown.Author.Name == "" {
					t.Fatalf("event %d: %v", i, evs[i])
				}
			}
		})
	}
	t.Run("mutation over GET refused", func(t *testing.T) {
		req, _ := http.NewRequest(http.MethodGet, e.router.URL+"/graphql?query="+urlEscape(`mutation { publish(topic: "a", body: "b", authorId: "c") { body } }`), nil)
		req.Header.Set("Accept", "text/event-stream")
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		evs := sseEvents(t, res)
		if len(evs) == 0 || !strings.Contains(evs[0][1], "only queries may use GET") {
			t.Fatalf("events %v", evs)
		}
	})
	t.Run("bad token 401", func(t *testing.T) {
		req, _ := http.NewRequest(http.MethodGet, e.router.URL+"/graphql?query="+urlEscape(q), nil)
		req.Header.Set("Accept", "text/event-stream")
		req.Header.Set("Authorization", "Bearer forged")
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		if res.StatusCode != http.StatusUnauthorized {
			t.Fatalf("status %d", res.StatusCode)
		}
	})
}

func TestSubscriptionOverPlainPOSTIsRefused(t *testing.T) {
	e := newEdgeEnv(t, nil)
	res, err := http.Post(e.router.URL+"/graphql", "application/json", strings.NewReader(`{"query":"subscription { countdown(topic: \"a\", n: 1) { body } }"}`))
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	var body eventPayload
	_ = json.NewDecoder(res.Body).Decode(&body)
	if len(body.Errors) != 1 || !strings.Contains(body.Errors[0].Message, "text/event-stream") {
		t.Fatalf("got %+v", body)
	}
}
