package graph_test

import (
	"context"
	"encoding/json"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/coder/websocket"

	"github.com/careercoach/coach/internal/bus/bustest"
	"github.com/careercoach/coach/internal/db"
	"github.com/careercoach/coach/internal/dbtest"
	"github.com/careercoach/coach/subgraphs/cv/store"
)

type wsMsg struct {
	ID      string          `json:"id,omitempty"`
	Type    string          `json:"type"`
	Payload json.RawMessage `json:"payload,omitempty"`
}

type wsClient struct {
	t    *testing.T
	conn *websocket.Conn
}

// dial opens a graphql-transport-ws connection as userID.
func (e *env) dial(srvURL, userID string) *wsClient {
	e.t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	conn, _, err := websocket.Dial(ctx, "ws"+strings.TrimPrefix(srvURL, "http")+"/graphql",
		&websocket.DialOptions{Subprotocols: []string{"graphql-transport-ws"}})
	if err != nil {
		e.t.Fatal(err)
	}
	e.t.Cleanup(func() { _ = conn.CloseNow() })
	c := &wsClient{t: e.t, conn: conn}
	c.send(wsMsg{Type: "connection_init", Payload: json.RawMessage(`{"Authorization":"Bearer ` + e.iss.Token(e.t, userID) + `"}`)})
	if m := c.read(); m.Type != "connection_ack" {
		e.t.Fatalf("got %+v, want connection_ack", m)
	}
	return c
}

func (c *wsClient) send(m wsMsg) {
	c.t.Helper()
	b, _ := json.Marshal(m)
	if err := c.conn.Write(context.Background(), websocket.MessageText, b); err != nil {
		c.t.Fatal(err)
	}
}

func (c *wsClient) read() wsMsg {
	c.t.Helper()
	for {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		_, b, err := c.conn.Read(ctx)
		cancel()
		if err != nil {
			c.t.Fatalf("read: %v", err)
		}
		var m wsMsg
		_ = json.Unmarshal(b, &m)
		if m.Type != "ping" && m.Type != "pong" {
			return m
		}
	}
}

func (c *wsClient) subscribe(id, cvID string) {
	c.t.Helper()
	p, _ := json.Marshal(map[string]any{"query": `subscription($id: ID!) { cvAnalysisProgress(cvId: $id) { cvId stage percent message error } }`,
		"variables": map[string]any{"id": cvID}})
	c.send(wsMsg{ID: id, Type: "subscribe", Payload: p})
}

// stages reads the subscription's events until it completes.
func (c *wsClient) stages(id string) []string {
	c.t.Helper()
	var out []string
	for {
		m := c.read()
		if m.ID != id {
			c.t.Fatalf("message for %q, want %q: %+v", m.ID, id, m)
		}
		switch m.Type {
		case "next":
			var p struct {
				Data struct {
					P struct{ Stage, Error string } `json:"cvAnalysisProgress"`
				} `json:"data"`
				Errors []json.RawMessage `json:"errors"`
			}
			_ = json.Unmarshal(m.Payload, &p)
			if len(p.Errors) > 0 {
				return append(out, "errors:"+string(p.Errors[0]))
			}
			out = append(out, p.Data.P.Stage)
		case "error":
			return append(out, "error:"+string(m.Payload))
		case "complete":
			return out
		default:
			c.t.Fatalf("unexpected %+v", m)
		}
	}
}

func TestProgressSubscription(t *testing.T) {
	for _, bf := range bustest.Factories() {
		t.Run(bf.Name, func(t *testing.T) {
			dbtest.Each(t, func(t *testing.T, d *db.DB) {
				b := bf.New(t)
				e := setup(t, d, b)
				srv := httptest.NewServer(e.h)
				t.Cleanup(srv.Close)

				t.Run("live: every stage in order, then complete", func(t *testing.T) {
					id := e.uploaded("ada", adaCV)
					c := e.dial(srv.URL, "ada")
					c.subscribe("1", id)
					first := c.read() // the stored state comes first; after it we are subscribed
					if !strings.Contains(string(first.Payload), `"stage":"QUEUED"`) {
						t.Fatalf("first %s", first.Payload)
					}
					e.work()
					got := strings.Join(c.stages("1"), " ")
					if got != "EXTRACTING PARSING ANALYZING DONE" {
						t.Fatalf("stages %q", got)
					}
				})
				t.Run("late subscriber gets the current state", func(t *testing.T) {
					id := e.uploaded("ada", adaCV)
					e.work()
					c := e.dial(srv.URL, "ada")
					c.subscribe("1", id)
					if got := strings.Join(c.stages("1"), " "); got != "DONE" {
						t.Fatalf("stages %q", got)
					}
				})
				t.Run("failure carries the reason", func(t *testing.T) {
					id := e.uploaded("ada", "SCANNED")
					c := e.dial(srv.URL, "ada")
					c.subscribe("1", id)
					_ = c.read()
					e.work()
					got := strings.Join(c.stages("1"), " ")
					if got != "EXTRACTING FAILED" {
						t.Fatalf("stages %q", got)
					}
				})
				t.Run("deleting the CV ends the subscription", func(t *testing.T) {
					id := e.uploaded("dan", adaCV)
					c := e.dial(srv.URL, "dan")
					c.subscribe("1", id)
					_ = c.read() // QUEUED
					if resp := e.do("dan", false, `mutation($id: ID!) { deleteCV(id: $id) }`, map[string]any{"id": id}); codes(resp) != "" {
						t.Fatalf("delete %+v", resp)
					}
					if got := strings.Join(c.stages("1"), " "); got != "FAILED" {
						t.Fatalf("stages %q", got)
					}
				})
				t.Run("another user is refused", func(t *testing.T) {
					id := e.uploaded("cy", adaCV)
					c := e.dial(srv.URL, "bob")
					c.subscribe("1", id)
					got := strings.Join(c.stages("1"), " ")
					if !strings.Contains(got, "NOT_FOUND") || strings.Contains(got, "QUEUED") {
						t.Fatalf("got %q", got)
					}
				})
			}, store.Migrations()...)
		})
	}
}
