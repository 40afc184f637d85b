package server_test

import (
	"context"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/careercoach/coach/router/server"
	"github.com/coder/websocket"
)

func TestShutdownEndsStreams(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	e := newEdgeEnv(t, func(c *server.Config) { c.Shutdown = ctx })
	ws := connect(t, e, protocols[0], nil)
	ws.sendJSON("1", "subscribe", map[string]any{"query": messagesSub, "variables": map[string]any{"t": "s"}})
	req, _ := http.NewRequest(http.MethodGet, e.router.URL+"/graphql?query="+urlEscape(`subscription { messages(topic: "s") { body } }`), nil)
	req.Header.Set("Accept", "text/event-stream")
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	e.waitActive(t, 2)

	cancel()
	if code := ws.closeCode(); code != websocket.StatusGoingAway {
		t.Fatalf("WebSocket closed with %d, want 1001", code)
	}
	done := make(chan string, 1)
	go func() {
		b, _ := io.ReadAll(res.Body)
		done <- string(b)
	}()
	select {
	case body := <-done:
		if strings.Contains(body, "event: next") {
			t.Fatalf("stream sent an event: %q", body)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("event stream still open after shutdown")
	}
	e.waitActive(t, 0)
}
