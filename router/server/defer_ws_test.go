package server_test

import (
	"testing"
)

// TestDeferOverWebSocket: a query with @defer over graphql-transport-ws
// is answered with one next message per payload, then complete.
func TestDeferOverWebSocket(t *testing.T) {
	e := newEdgeEnv(t, nil)
	e.people.Root = map[string]any{"author": map[string]any{"__typename": "Author", "id": "a1", "name": "name-of-a1"}}
	c := connect(t, e, protocols[0], nil)
	c.sendJSON("q", "subscribe", map[string]any{"query": `{ author(id: "a1") { id ... @defer(label: "n") { name } } }`})
	want := []string{
		`{"data":{"author":{"id":"a1"}},"hasNext":true}`,
		`{"incremental":[{"data":{"name":"name-of-a1"},"path":["author"],"label":"n"}],"hasNext":false}`,
	}
	for _, w := range want {
		if m := c.expect("next"); string(m.Payload) != w {
			t.Fatalf("payload %s, want %s", m.Payload, w)
		}
	}
	c.expect("complete")
}
