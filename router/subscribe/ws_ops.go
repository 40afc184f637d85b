package subscribe

import (
	"context"
	"encoding/json"
	"github.com/careercoach/coach/router/wire"
	"net/http"
	"strings"
	"time"

	"github.com/careercoach/coach/router/execute"
	"github.com/coder/websocket"
)

// start begins an operation in its own goroutine.
func (s *wsConn) start(msg message) (websocket.StatusCode, string) {
	if msg.ID == "" {
		return CloseBadRequest, "operation id is required"
	}
	var req Request
	if err := json.Unmarshal(msg.Payload, &req); err != nil {
		return CloseBadRequest, "invalid subscribe payload"
	}
	s.mu.Lock()
	if _, dup := s.ops[msg.ID]; dup {
		s.mu.Unlock()
		if s.legacy {
			return 0, "" // subscriptions-transport-ws ignores a repeated id
		}
		return CloseSubscriberExists, "Subscriber for " + msg.ID + " already exists"
	}
	if len(s.ops) >= s.o.MaxOperations {
		s.mu.Unlock()
		s.fail(msg.ID, errorList(wire.CodeTooManySubs, "too many operations on this connection"))
		return 0, ""
	}
	opCtx, cancel := context.WithCancel(s.opsCtx)
	s.ops[msg.ID] = cancel
	s.mu.Unlock()
	s.wg.Add(1)
	go func() {
		defer s.wg.Done()
		defer s.finish(msg.ID, cancel)
		prefix := framePrefix(msg.ID, s.nextType())
		errs := s.run.Run(opCtx, s.headers, req, func(res json.RawMessage) error {
			return s.write(append(append(append(make([]byte, 0, len(prefix)+len(res)+1), prefix...), res...), '}'))
		})
		if opCtx.Err() != nil {
			return // the client stopped it or went away: say nothing more
		}
		if errs != nil {
			s.fail(msg.ID, errs)
			return
		}
		_ = s.send(message{ID: msg.ID, Type: "complete"})
	}()
	return 0, ""
}

// finish forgets an operation that ended by itself.
func (s *wsConn) finish(id string, cancel context.CancelFunc) {
	cancel()
	s.mu.Lock()
	delete(s.ops, id)
	s.mu.Unlock()
}

func (s *wsConn) nextType() string {
	if s.legacy {
		return "data"
	}
	return "next"
}

// fail reports errors that stopped an operation from starting. The legacy
// protocol's clients expect them as a data payload followed by complete.
func (s *wsConn) fail(id string, errs []*wire.Error) {
	if s.legacy {
		_ = s.send(message{ID: id, Type: "data", Payload: mustJSON(&execute.Result{Errors: errs})})
		_ = s.send(message{ID: id, Type: "complete"})
		return
	}
	_ = s.send(message{ID: id, Type: "error", Payload: mustJSON(errs)})
}

func (s *wsConn) keepAlive(ctx context.Context) {
	defer s.wg.Done()
	typ := "ping"
	if s.legacy {
		typ = "ka"
		if s.send(message{Type: typ}) != nil {
			return
		}
	}
	t := time.NewTicker(s.o.KeepAlive)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			if s.send(message{Type: typ}) != nil {
				return
			}
		}
	}
}

// send writes one message.
func (s *wsConn) send(m message) error {
	b, err := json.Marshal(m)
	if err != nil {
		return err
	}
	return s.write(b)
}

// write writes one frame, bounded by the write timeout. coder/websocket
// serialises concurrent writers itself.
func (s *wsConn) write(b []byte) error {
	wctx, cancel := context.WithTimeout(s.ctx, s.o.WriteTimeout)
	defer cancel()
	return s.c.Write(wctx, websocket.MessageText, b)
}

// framePrefix is a next/data message up to its payload, which is
// appended already encoded (then "}").
func framePrefix(id, typ string) []byte {
	qid, _ := json.Marshal(id)
	return []byte(`{"id":` + string(qid) + `,"type":"` + typ + `","payload":`)
}

// read returns the next message, or a close code when the connection
// ended or the client broke the protocol.
func (s *wsConn) read(ctx context.Context) (message, websocket.StatusCode, string) {
	typ, b, err := s.c.Read(ctx)
	if err != nil {
		// The client closed, went away, or ctx ended (init timeout, shutdown).
		if websocket.CloseStatus(err) != -1 {
			return message{}, websocket.StatusNormalClosure, ""
		}
		return message{}, websocket.StatusGoingAway, "connection lost"
	}
	if typ != websocket.MessageText {
		return message{}, CloseBadRequest, "binary messages are not supported"
	}
	var m message
	if err := json.Unmarshal(b, &m); err != nil || m.Type == "" {
		return message{}, CloseBadRequest, "Invalid message received"
	}
	return m, 0, ""
}

func mustJSON(v any) json.RawMessage {
	b, err := json.Marshal(v)
	if err != nil {
		b, _ = json.Marshal(&execute.Result{Errors: errorList(wire.CodeInternal, "cannot encode result: "+err.Error())})
	}
	return b
}

func headerHasToken(h http.Header, name, token string) bool {
	for _, v := range h.Values(name) {
		for _, t := range strings.Split(v, ",") {
			if strings.EqualFold(strings.TrimSpace(t), token) {
				return true
			}
		}
	}
	return false
}
