package subscribe

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/careercoach/coach/router/execute"
	"github.com/coder/websocket"
)

// silentSubgraph acknowledges a subscription, then says nothing more and
// answers no ping: a hung host.
func silentSubgraph(t *testing.T) string {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		c, err := websocket.Accept(w, r, &websocket.AcceptOptions{Subprotocols: []string{ProtocolTransportWS}})
		if err != nil {
			return
		}
		defer c.CloseNow()
		ctx := r.Context()
		if _, _, err := c.Read(ctx); err != nil { // connection_init
			return
		}
		_ = c.Write(ctx, websocket.MessageText, []byte(`{"type":"connection_ack"}`))
		for { // swallow subscribe and pings, never answer
			if _, _, err := c.Read(ctx); err != nil {
				return
			}
		}
	}))
	t.Cleanup(srv.Close)
	return srv.URL
}

func TestStreamDetectsSilentSubgraph(t *testing.T) {
	cases := []struct {
		name     string
		interval time.Duration
		wantLost bool
	}{
		{name: "pings on: lost after two quiet intervals", interval: 50 * time.Millisecond, wantLost: true},
		{name: "pings off: still waiting", interval: 0},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			d := &Dialer{PingInterval: tc.interval}
			s, err := d.Subscribe(t.Context(), silentSubgraph(t), nil, nil, &execute.Request{Query: "subscription { x }"})
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			ctx, cancel := context.WithTimeout(t.Context(), time.Second)
			defer cancel()
			_, err = s.Next(ctx)
			if lost := errors.Is(err, ErrSubgraphLost); lost != tc.wantLost {
				t.Fatalf("Next: %v; want lost %v", err, tc.wantLost)
			}
		})
	}
}
