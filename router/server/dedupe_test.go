package server_test

import (
	"testing"
	"time"

	"github.com/careercoach/coach/router/server"
)

func dedupe(c *server.Config) { c.Subscriptions.Deduplicate = true }

// bothJoined waits until every client receives the shared subscription's
// events. The subgraph subscription being open says only that the first
// client joined: "ready" is published until each client got one, then
// "synced" once, read up to by every client, so no stray "ready" is left.
func bothJoined(t *testing.T, e *edgeEnv, clients ...*wsClient) {
	t.Helper()
	e.waitActive(t, 1)
	stop, done := make(chan struct{}), make(chan struct{})
	go func() {
		defer close(done)
		for {
			publish(e, "d", "ready", "a0")
			select {
			case <-stop:
				return
			case <-time.After(20 * time.Millisecond):
			}
		}
	}()
	for _, c := range clients {
		if ev := decodeEvent(t, c.expect("next").Payload); ev.Data.Messages.Body != "ready" {
			close(stop)
			t.Fatalf("got %+v", ev)
		}
	}
	close(stop)
	<-done
	publish(e, "d", "synced", "a0")
	for _, c := range clients {
		for body := ""; body != "synced"; {
			body = decodeEvent(t, c.expect("next").Payload).Data.Messages.Body
			if body != "ready" && body != "synced" {
				t.Fatalf("got %q while syncing", body)
			}
		}
	}
}

func TestDeduplicatedSubscriptionsShareOneSubgraphSubscription(t *testing.T) {
	e := newEdgeEnv(t, dedupe)
	tok := e.issuer.Token(t, "user-1")
	sub := map[string]any{"query": messagesSub, "variables": map[string]any{"t": "d"}}
	a := connect(t, e, protocols[0], map[string]any{"Authorization": "Bearer " + tok})
	b := connect(t, e, protocols[1], map[string]any{"token": tok})
	a.sendJSON("1", "subscribe", sub)
	b.sendJSON("1", "start", sub)
	e.waitActive(t, 1)
	// The same operation with other credentials is never shared.
	other := connect(t, e, protocols[0], map[string]any{"Authorization": "Bearer " + e.issuer.Token(t, "user-2")})
	other.sendJSON("1", "subscribe", sub)
	e.waitActive(t, 2)

	publish(e, "d", "shared", "a9")
	for name, c := range map[string]*wsClient{"a": a, "b": b, "other": other} {
		want := "next"
		if c == b {
			want = "data"
		}
		ev := decodeEvent(t, c.expect(want).Payload).Data.Messages
		if ev.Body != "shared" || ev.Author.Name != "name-of-a9" || ev.Viewer == nil {
			t.Fatalf("%s got %+v", name, ev)
		}
		if wantViewer := map[bool]string{true: "user-2", false: "user-1"}[c == other]; *ev.Viewer != wantViewer {
			t.Fatalf("%s saw viewer %s, want %s", name, *ev.Viewer, wantViewer)
		}
	}
	if n := e.broker.Active(); n != 2 {
		t.Fatalf("%d subgraph subscriptions for three clients with two credentials, want 2", n)
	}
	a.sendJSON("1", "complete", nil)
	publish(e, "d", "again", "a9")
	if ev := decodeEvent(t, b.expect("data").Payload); ev.Data.Messages.Body != "again" {
		t.Fatalf("b after a left: %+v", ev)
	}
	e.waitActive(t, 2)
}

func TestDeduplicatedSubscriptionTeardownAndLoss(t *testing.T) {
	t.Run("last client out closes the subgraph side", func(t *testing.T) {
		e := newEdgeEnv(t, dedupe)
		sub := map[string]any{"query": messagesSub, "variables": map[string]any{"t": "d"}}
		a, b := connect(t, e, protocols[0], nil), connect(t, e, protocols[0], nil)
		a.sendJSON("1", "subscribe", sub)
		b.sendJSON("1", "subscribe", sub)
		bothJoined(t, e, a, b)
		_ = a.c.CloseNow()
		publish(e, "d", "still", "a1")
		if ev := decodeEvent(t, b.expect("next").Payload); ev.Data.Messages.Body != "still" {
			t.Fatalf("b got %+v", ev)
		}
		b.sendJSON("1", "complete", nil)
		e.waitActive(t, 0)
	})
	t.Run("subgraph loss reaches every sharer", func(t *testing.T) {
		e := newEdgeEnv(t, dedupe)
		sub := map[string]any{"query": messagesSub, "variables": map[string]any{"t": "d"}}
		a, b := connect(t, e, protocols[0], nil), connect(t, e, protocols[0], nil)
		a.sendJSON("1", "subscribe", sub)
		b.sendJSON("1", "subscribe", sub)
		bothJoined(t, e, a, b)
		e.events.Kill()
		for _, c := range []*wsClient{a, b} {
			ev := decodeEvent(t, c.expect("next").Payload)
			if len(ev.Errors) != 1 || ev.Errors[0].Extensions["code"] != "SUBSCRIPTION_SUBGRAPH_LOST" {
				t.Fatalf("got %+v", ev)
			}
			c.expect("complete")
		}
	})
}
