package subscribe

import (
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"net/http"
	"sync"
	"time"

	"github.com/coder/websocket"
)

// WSOptions configure the WebSocket endpoint.
type WSOptions struct {
	// KeepAlive is the interval of server pings ("ping" in
	// graphql-transport-ws, "ka" in graphql-ws); default 15s.
	KeepAlive time.Duration
	// InitTimeout bounds the wait for connection_init; default 10s.
	InitTimeout time.Duration
	// WriteTimeout bounds each write, so a stalled client cannot hold an
	// operation forever; default 10s.
	WriteTimeout time.Duration
	// MaxOperations bounds concurrent operations per connection; default 100.
	MaxOperations int
	// MaxMessageBytes bounds a client message; default 1 MiB.
	MaxMessageBytes int64
	// OriginPatterns are the cross-origin pages allowed to connect (the
	// router's own origin always is), e.g. "https://app.example.com".
	OriginPatterns []string
	// Connections limits open connections per client IP.
	Connections *IPLimiter
	// Shutdown, when closed, ends every connection with 1001 (going away):
	// http.Server.Shutdown does not wait for, nor close, hijacked sockets.
	Shutdown <-chan struct{}
	Log      *slog.Logger
}

func (o *WSOptions) defaults() {
	if o.KeepAlive == 0 {
		o.KeepAlive = 15 * time.Second
	}
	if o.InitTimeout == 0 {
		o.InitTimeout = 10 * time.Second
	}
	if o.WriteTimeout == 0 {
		o.WriteTimeout = 10 * time.Second
	}
	if o.MaxOperations == 0 {
		o.MaxOperations = 100
	}
	if o.MaxMessageBytes == 0 {
		o.MaxMessageBytes = 1 << 20
	}
	if o.Log == nil {
		o.Log = slog.New(slog.DiscardHandler)
	}
}

// IsWebSocket reports whether r asks for a WebSocket upgrade.
func IsWebSocket(r *http.Request) bool {
	return headerHasToken(r.Header, "Connection", "upgrade") && headerHasToken(r.Header, "Upgrade", "websocket")
}

// ServeWS upgrades r and serves GraphQL operations over it until either
// side closes. The subprotocol is negotiated from Sec-WebSocket-Protocol;
// a client that names none gets the legacy graphql-ws protocol, as
// Apollo's and gqlgen's servers do.
func ServeWS(w http.ResponseWriter, r *http.Request, o WSOptions, authn Authenticator, run Runner) {
	o.defaults()
	ip := ClientIP(r)
	if !o.Connections.Acquire(ip) {
		http.Error(w, "too many connections from this address", http.StatusTooManyRequests)
		return
	}
	defer o.Connections.Release(ip)
	c, err := websocket.Accept(w, r, &websocket.AcceptOptions{
		Subprotocols:   []string{ProtocolTransportWS, ProtocolLegacyWS},
		OriginPatterns: o.OriginPatterns,
	})
	if err != nil {
		o.Log.InfoContext(r.Context(), "websocket upgrade refused", "error", err)
		return // Accept has answered
	}
	c.SetReadLimit(o.MaxMessageBytes)
	proto := c.Subprotocol()
	if proto == "" {
		proto = ProtocolLegacyWS
	}
	// Operations end when the connection does. Writes use the request
	// context, not an operation's: coder/websocket drops the whole
	// connection when a write's context ends mid-write.
	opsCtx, cancelOps := context.WithCancel(r.Context())
	s := &wsConn{c: c, o: o, r: r, ctx: r.Context(), opsCtx: opsCtx, authn: authn, run: run, legacy: proto == ProtocolLegacyWS,
		ops: map[string]context.CancelFunc{}, log: o.Log.With("protocol", proto, "client", ip)}
	if o.Shutdown != nil {
		stop := make(chan struct{})
		defer close(stop)
		go func() {
			select {
			case <-o.Shutdown:
				_ = c.Close(websocket.StatusGoingAway, "server shutting down")
			case <-stop:
			}
		}()
	}
	code, reason := s.serve()
	_ = c.Close(code, reason)
	cancelOps()
	s.wg.Wait()
}

type wsConn struct {
	c      *websocket.Conn
	o      WSOptions
	r      *http.Request
	ctx    context.Context // the connection's: writes and reads
	opsCtx context.Context // parent of operations, cancelled at close
	authn  Authenticator
	run    Runner
	legacy bool
	log    *slog.Logger

	headers http.Header // set at connection_init
	wg      sync.WaitGroup
	mu      sync.Mutex
	ops     map[string]context.CancelFunc
}

// serve reads client messages; it returns the close code and reason.
func (s *wsConn) serve() (websocket.StatusCode, string) {
	ctx := s.ctx
	// A timer, not a read deadline: a cancelled read context drops the
	// connection without the close code the client should see.
	timer := time.AfterFunc(s.o.InitTimeout, func() {
		_ = s.c.Close(CloseInitTimeout, "Connection initialisation timeout")
	})
	msg, code, reason := s.read(ctx)
	if !timer.Stop() {
		return CloseInitTimeout, "Connection initialisation timeout"
	}
	if code != 0 {
		return code, reason
	}
	if msg.Type != "connection_init" {
		if s.legacy {
			return CloseBadRequest, "expected connection_init"
		}
		return CloseUnauthorized, "Unauthorized"
	}
	var payload map[string]any
	if len(msg.Payload) > 0 && string(msg.Payload) != "null" {
		if err := json.Unmarshal(msg.Payload, &payload); err != nil {
			return CloseBadRequest, "connection_init payload must be an object"
		}
	}
	h, err := s.authn(s.r, payload)
	if err != nil {
		s.log.InfoContext(ctx, "websocket authentication failed", "error", err)
		if s.legacy {
			_ = s.send(message{Type: "connection_error", Payload: mustJSON(map[string]string{"message": "Forbidden"})})
		}
		return CloseForbidden, "Forbidden"
	}
	s.headers = h
	if err := s.send(message{Type: "connection_ack"}); err != nil {
		return websocket.StatusGoingAway, ""
	}
	s.wg.Add(1)
	go s.keepAlive(s.opsCtx)
	for {
		msg, code, reason := s.read(ctx)
		if code != 0 {
			return code, reason
		}
		if code, reason := s.handle(msg); code != 0 {
			return code, reason
		}
	}
}

func (s *wsConn) handle(msg message) (websocket.StatusCode, string) {
	switch msg.Type {
	case "connection_init":
		if !s.legacy {
			return CloseTooManyInits, "Too many initialisation requests"
		}
	case "ping":
		if err := s.send(message{Type: "pong", Payload: msg.Payload}); err != nil {
			return websocket.StatusGoingAway, ""
		}
	case "pong":
	case "subscribe", "start":
		if (msg.Type == "start") != s.legacy {
			return CloseBadRequest, fmt.Sprintf("unexpected message type %q", msg.Type)
		}
		return s.start(msg)
	case "complete", "stop":
		s.mu.Lock()
		if cancel, ok := s.ops[msg.ID]; ok {
			cancel()
			delete(s.ops, msg.ID)
		}
		s.mu.Unlock()
	case "connection_terminate":
		return websocket.StatusNormalClosure, ""
	default:
		return CloseBadRequest, fmt.Sprintf("unexpected message type %q", msg.Type)
	}
	return 0, ""
}
