package subscribe

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"github.com/careercoach/coach/router/wire"
	"io"
	"net/http"
	"strings"
	"sync/atomic"
	"time"

	"github.com/careercoach/coach/router/execute"
	"github.com/coder/websocket"
)

// ErrSubgraphLost is returned by Stream.Next when the subgraph's
// connection broke before the subscription completed.
var ErrSubgraphLost = errors.New("subgraph connection lost")

// Dialer opens subscriptions on subgraphs over graphql-transport-ws, one
// connection per subscription so that closing one never disturbs another.
type Dialer struct {
	HTTPClient *http.Client
	// AckTimeout bounds the wait for connection_ack; default 10s.
	AckTimeout time.Duration
	// MaxMessageBytes bounds a subgraph message; default 16 MiB.
	MaxMessageBytes int64
	// PingInterval is how often the router pings a quiet subgraph; a
	// subgraph silent for two intervals (a hung host, a dropped network
	// path that sends no reset) is treated as lost. Zero disables it.
	PingInterval time.Duration
}

// Stream is an open subscription on a subgraph.
type Stream struct {
	c      *websocket.Conn
	ctx    context.Context
	cancel context.CancelFunc
	done   atomic.Bool
	seen   atomic.Int64 // unix nanos of the last message from the subgraph
}

// WebSocketURL turns a subgraph's HTTP URL into its WebSocket URL.
func WebSocketURL(u string) string {
	switch {
	case strings.HasPrefix(u, "http://"):
		return "ws://" + strings.TrimPrefix(u, "http://")
	case strings.HasPrefix(u, "https://"):
		return "wss://" + strings.TrimPrefix(u, "https://")
	}
	return u
}

// Subscribe connects to url, sends connection_init with initPayload (the
// upgrade request carries header too) and subscribes to req.
func (d *Dialer) Subscribe(ctx context.Context, url string, header http.Header, initPayload map[string]any, req *execute.Request) (*Stream, error) {
	ackTimeout := d.AckTimeout
	if ackTimeout == 0 {
		ackTimeout = 10 * time.Second
	}
	dctx, cancelDial := context.WithTimeout(ctx, ackTimeout)
	defer cancelDial()
	c, resp, err := websocket.Dial(dctx, WebSocketURL(url), &websocket.DialOptions{
		HTTPClient: d.HTTPClient, HTTPHeader: header, Subprotocols: []string{ProtocolTransportWS},
	})
	if err != nil {
		if resp != nil {
			return nil, fmt.Errorf("dial %s: %d %s: %w", url, resp.StatusCode, http.StatusText(resp.StatusCode), err)
		}
		return nil, fmt.Errorf("dial %s: %w", url, err)
	}
	limit := d.MaxMessageBytes
	if limit == 0 {
		limit = 16 << 20
	}
	c.SetReadLimit(limit)
	// The stream's context is detached from dctx: it lives until Close.
	sctx, cancel := context.WithCancel(context.WithoutCancel(ctx))
	s := &Stream{c: c, ctx: sctx, cancel: cancel}
	s.seen.Store(time.Now().UnixNano())
	fail := func(err error) (*Stream, error) {
		s.Close()
		return nil, err
	}
	if err := s.write(dctx, message{Type: "connection_init", Payload: mustJSON(initPayload)}); err != nil {
		return fail(fmt.Errorf("connection_init: %w", err))
	}
	for {
		m, err := s.read(dctx)
		if err != nil {
			return fail(fmt.Errorf("waiting for connection_ack: %w", err))
		}
		if m.Type == "connection_ack" {
			break
		}
		if m.Type == "ping" {
			_ = s.write(dctx, message{Type: "pong"})
		}
	}
	if err := s.write(dctx, message{ID: "1", Type: "subscribe", Payload: mustJSON(req)}); err != nil {
		return fail(fmt.Errorf("subscribe: %w", err))
	}
	if d.PingInterval > 0 {
		go s.watch(d.PingInterval)
	}
	return s, nil
}

// watch pings a quiet subgraph and drops the connection when it stays
// silent, so that Next reports the loss instead of waiting forever.
func (s *Stream) watch(every time.Duration) {
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-s.ctx.Done():
			return
		case now := <-t.C:
			quiet := now.Sub(time.Unix(0, s.seen.Load()))
			if quiet >= 2*every {
				_ = s.c.CloseNow()
				return
			}
			if quiet >= every {
				wctx, cancel := context.WithTimeout(s.ctx, every)
				_ = s.write(wctx, message{Type: "ping"})
				cancel()
			}
		}
	}
}

// Next returns the next event. It returns io.EOF when the subgraph
// completed the subscription, a response with errors (then io.EOF) when
// the subgraph refused it, and ErrSubgraphLost when the connection broke.
// Cancelling ctx closes the stream.
func (s *Stream) Next(ctx context.Context) (*execute.Response, error) {
	if s.done.Load() {
		return nil, io.EOF
	}
	stop := context.AfterFunc(ctx, s.Close)
	defer stop()
	for {
		m, err := s.read(s.ctx)
		if err != nil {
			s.done.Store(true)
			if ctx.Err() != nil {
				return nil, ctx.Err()
			}
			if websocket.CloseStatus(err) == websocket.StatusNormalClosure {
				return nil, fmt.Errorf("%w: closed by the subgraph before complete", ErrSubgraphLost)
			}
			return nil, fmt.Errorf("%w: %v", ErrSubgraphLost, err)
		}
		switch m.Type {
		case "next":
			var resp execute.Response
			dec := json.NewDecoder(bytes.NewReader(m.Payload))
			dec.UseNumber()
			if err := dec.Decode(&resp); err != nil {
				return nil, fmt.Errorf("invalid next payload: %w", err)
			}
			return &resp, nil
		case "error":
			s.done.Store(true)
			var errs []*wire.Error
			if err := json.Unmarshal(m.Payload, &errs); err != nil || len(errs) == 0 {
				errs = []*wire.Error{{Message: "subgraph refused the subscription"}}
			}
			return &execute.Response{Errors: errs}, nil
		case "complete":
			s.done.Store(true)
			return nil, io.EOF
		case "ping":
			if err := s.write(s.ctx, message{Type: "pong", Payload: m.Payload}); err != nil {
				s.done.Store(true)
				return nil, fmt.Errorf("%w: %v", ErrSubgraphLost, err)
			}
		}
	}
}

// Close ends the subscription and the connection.
func (s *Stream) Close() {
	if !s.done.Load() {
		wctx, cancel := context.WithTimeout(s.ctx, time.Second)
		_ = s.write(wctx, message{ID: "1", Type: "complete"})
		cancel()
	}
	_ = s.c.Close(websocket.StatusNormalClosure, "")
	s.cancel()
}

func (s *Stream) write(ctx context.Context, m message) error {
	b, err := json.Marshal(m)
	if err != nil {
		return err
	}
	return s.c.Write(ctx, websocket.MessageText, b)
}

func (s *Stream) read(ctx context.Context) (message, error) {
	typ, b, err := s.c.Read(ctx)
	if err != nil {
		return message{}, err
	}
	s.seen.Store(time.Now().UnixNano())
	var m message
	if typ != websocket.MessageText || json.Unmarshal(b, &m) != nil {
		return message{}, fmt.Errorf("invalid message from subgraph")
	}
	return m, nil
}
