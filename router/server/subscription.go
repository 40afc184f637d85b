package server

import (
	"context"
	"encoding/json"
	"errors"
	"github.com/careercoach/coach/router/wire"
	"io"
	"net/http"
	"strings"
	"time"

	"github.com/careercoach/coach/router/execute"
	"github.com/careercoach/coach/router/plan"
	"github.com/careercoach/coach/router/subscribe"
	"github.com/careercoach/coach/router/transport"
	"github.com/vektah/gqlparser/v2/ast"
)

// Pseudo-methods for prepare: operations arriving over a WebSocket or an
// SSE POST (anything allowed), or an SSE GET (no mutations).
const (
	methodStream    = "STREAM"
	methodStreamGet = "STREAM-GET"
)

// serveWS serves GraphQL over WebSocket (graphql-transport-ws, graphql-ws).
func (s *Server) serveWS(w http.ResponseWriter, r *http.Request) {
	sc := s.cfg.Subscriptions
	subscribe.ServeWS(w, r, subscribe.WSOptions{
		KeepAlive:       sc.KeepAlive,
		InitTimeout:     sc.InitTimeout,
		MaxOperations:   sc.MaxPerConnection,
		MaxMessageBytes: s.cfg.Limits.MaxBodyBytes,
		OriginPatterns:  s.cfg.CORS.AllowedOrigins,
		Connections:     s.conns,
		Shutdown:        s.shutdownDone(),
		Log:             s.log,
	}, s.authenticateInit, s.runner(methodStream))
}

// serveSSE serves one operation as a graphql-sse event stream.
func (s *Server) serveSSE(w http.ResponseWriter, r *http.Request) {
	noStore(w.Header())
	if r.Method == http.MethodPost && !csrfSafe(r) {
		writeRefusal(w, mediaJSON, newReqError(wire.CodeCSRF, csrfMessage))
		return
	}
	if s.cfg.Authenticate != nil {
		if err := s.cfg.Authenticate(r); err != nil {
			writeResult(w, mediaJSON, nil, newReqError(wire.CodeUnauthenticated, "invalid or expired token").withStatus(http.StatusUnauthorized))
			return
		}
	}
	reqs, batch, rerr := parseRequest(r, s.cfg.Limits.MaxBodyBytes, nil)
	if rerr == nil && batch {
		rerr = newReqError(wire.CodeBadRequest, "event streams carry one operation, not a batch")
	}
	if rerr != nil {
		writeResult(w, mediaJSON, nil, rerr)
		return
	}
	ip := subscribe.ClientIP(r)
	if !s.conns.Acquire(ip) {
		writeResult(w, mediaJSON, nil, newReqError(wire.CodeBadRequest, "too many open streams from this address").withStatus(http.StatusTooManyRequests))
		return
	}
	defer s.conns.Release(ip)
	method := methodStream
	if r.Method == http.MethodGet {
		method = methodStreamGet
	}
	q := reqs[0]
	if s.cfg.Shutdown != nil {
		ctx, stop := context.WithCancel(r.Context())
		defer stop()
		defer context.AfterFunc(s.cfg.Shutdown, stop)()
		r = r.WithContext(ctx)
	}
	subscribe.ServeSSE(w, r, s.cfg.Subscriptions.KeepAlive, s.propagated(r),
		subscribe.Request{Query: q.Query, OperationName: q.OperationName, Variables: q.Variables, Extensions: q.Extensions},
		s.runner(method))
}

// authenticateInit checks the token of a WebSocket's connection_init: in
// the payload (Authorization, authorization or token, with or without
// "Bearer "), else the upgrade request's header or session cookie.
func (s *Server) authenticateInit(r *http.Request, payload map[string]any) (http.Header, error) {
	r2 := r.Clone(r.Context())
	r2.Header = r.Header.Clone()
	if tok := initToken(payload); tok != "" {
		if !strings.HasPrefix(strings.ToLower(tok), "bearer ") {
			tok = "Bearer " + tok
		}
		r2.Header.Set("Authorization", tok)
	}
	if s.cfg.Authenticate != nil {
		if err := s.cfg.Authenticate(r2); err != nil {
			return nil, err
		}
	}
	return s.propagated(r2), nil
}

func initToken(payload map[string]any) string {
	for _, src := range []map[string]any{payload, nested(payload, "headers")} {
		for _, k := range []string{"Authorization", "authorization", "token"} {
			if v, ok := src[k].(string); ok && strings.TrimSpace(v) != "" {
				return strings.TrimSpace(v)
			}
		}
	}
	return ""
}

func nested(m map[string]any, k string) map[string]any {
	v, _ := m[k].(map[string]any)
	return v
}

func (s *Server) runner(method string) subscribe.Runner {
	return subscribe.RunnerFunc(func(ctx context.Context, h http.Header, req subscribe.Request, emit subscribe.Emit) []*wire.Error {
		s.maybeReload(ctx)
		st := s.state.Load()
		ctx = transport.WithHeaders(ctx, h)
		pr, rerr := s.prepare(ctx, st, gqlRequest{Query: req.Query, OperationName: req.OperationName, Variables: req.Variables, Extensions: req.Extensions}, method)
		if rerr != nil {
			s.log.InfoContext(ctx, "stream operation rejected", "operation", req.OperationName, "error", rerr.errs[0].Message)
			return rerr.errs
		}
		start := time.Now()
		defer func() {
			s.log.InfoContext(ctx, "stream operation", "operation", req.OperationName, "kind", string(pr.op.Operation), "duration", time.Since(start))
		}()
		if pr.op.Operation != ast.Subscription {
			qctx, cancel := context.WithTimeout(ctx, s.cfg.RequestTimeout)
			defer cancel()
			if pr.plan.Incremental != nil {
				// @defer over a stream: one next message per payload.
				st.exec.ExecuteIncremental(qctx, pr.plan, pr.vars, pr.pre, func(res *execute.Result) error { return emit(encode(res)) })
				return nil
			}
			_ = emit(encode(s.execute(qctx, st, pr)))
			return nil
		}
		if !s.cfg.Subscriptions.Deduplicate {
			startErrs, endErrs := s.subscribe(ctx, st, pr, h, emit)
			if endErrs != nil {
				_ = emit(encode(&execute.Result{Errors: endErrs}))
			}
			return startErrs
		}
		key := dedupeKey(req.Query, req.OperationName, pr.vars, h)
		return s.fanout.join(ctx, key, func(ctx context.Context, emit subscribe.Emit) ([]*wire.Error, []*wire.Error) {
			return s.subscribe(ctx, st, pr, h, emit)
		}, emit)
	})
}

// subscribe opens the subscription on its subgraph and, for every event,
// runs the rest of the plan with the event as root data. startErrs say why
// it could not start; endErrs why it ended early (the subgraph was lost).
func (s *Server) subscribe(ctx context.Context, st *state, pr *prepared, h http.Header, emit subscribe.Emit) (startErrs, endErrs []*wire.Error) {
	root, rest, err := plan.SplitSubscription(pr.plan)
	if err != nil {
		return []*wire.Error{wire.Errorf(wire.CodeBadRequest, "%s", err)}, nil
	}
	url := s.cfg.Subscriptions.URLs[root.Service]
	if url == "" {
		url = st.urls[root.Service]
	}
	header, payload := s.upstreamAuth(h)
	vars := map[string]any{}
	for _, v := range root.Variables {
		if val, ok := pr.vars[v]; ok {
			vars[v] = val
		}
	}
	stream, err := s.dialer.Subscribe(ctx, url, header, payload, &execute.Request{Query: root.Operation, OperationName: root.OperationName, Variables: vars})
	if err != nil {
		s.log.WarnContext(ctx, "subscription: subgraph unavailable", "service", root.Service, "error", err)
		return []*wire.Error{wire.Errorf(wire.CodeSubgraphUnavailable, "cannot open the subscription on subgraph '%s'", root.Service).
			With("serviceName", root.Service)}, nil
	}
	defer stream.Close()
	s.metrics.subscriptions.Add(1)
	defer s.metrics.subscriptions.Add(-1)
	perEvent := &plan.Plan{Kind: pr.plan.Kind, RootType: pr.plan.RootType, Root: rest, Shape: pr.plan.Shape}
	for first := true; ; first = false {
		resp, err := stream.Next(ctx)
		switch {
		case ctx.Err() != nil, errors.Is(err, io.EOF):
			return nil, nil
		case err != nil:
			s.log.WarnContext(ctx, "subscription: subgraph lost", "service", root.Service, "error", err)
			return nil, []*wire.Error{wire.Errorf(wire.CodeSubgraphLost, "subscription ended: lost the connection to subgraph '%s'", root.Service).
				With("serviceName", root.Service)}
		}
		upstreamErrs := make([]*wire.Error, 0, len(resp.Errors))
		for _, e := range resp.Errors {
			upstreamErrs = append(upstreamErrs, wire.FromSubgraph(e, root.Service, eventPath(e.Path, pr.plan.Shape)))
		}
		if resp.Data == nil {
			if first {
				return upstreamErrs, nil // refused before any event: the client gets an error message
			}
			if emit(encode(&execute.Result{Errors: upstreamErrs})) != nil {
				return nil, nil
			}
			continue
		}
		ectx, cancel := context.WithTimeout(ctx, s.cfg.RequestTimeout)
		res := st.exec.Execute(ectx, perEvent, pr.vars, execute.Prefilled(resp.Data))
		cancel()
		res.Errors = append(upstreamErrs, res.Errors...)
		if emit(encode(res)) != nil {
			return nil, nil
		}
	}
}

// eventPath is a subscription event's error path as the client's: gqlgen
// subgraphs leave the root field out of their events' error paths
// ("book.isbn" for reviewNow.book.isbn; found by the oracle), so a path
// that does not start with the root field's response key gets it.
func eventPath(path []any, shape *plan.Shape) []any {
	if len(path) == 0 || len(shape.Fields) != 1 || path[0] == shape.Fields[0].Key {
		return path
	}
	return append([]any{shape.Fields[0].Key}, path...)
}

// upstreamAuth is what the router presents to a subgraph for a
// subscription: the forwarded headers and its credential on the upgrade
// request, and the same in connection_init (where gqlgen subgraphs look).
func (s *Server) upstreamAuth(h http.Header) (http.Header, map[string]any) {
	header := h.Clone()
	payload := map[string]any{}
	for k, v := range h {
		if len(v) > 0 {
			payload[k] = v[0]
		}
	}
	if s.cfg.ServiceCredentialHeader != "" && s.cfg.ServiceCredential != "" {
		header.Set(s.cfg.ServiceCredentialHeader, s.cfg.ServiceCredential)
		if k := s.cfg.Subscriptions.InitCredentialKey; k != "" {
			payload[k] = s.cfg.ServiceCredential
		}
	}
	return header, payload
}

// encode is a result as JSON; one that cannot be encoded becomes an error.
func encode(res *execute.Result) json.RawMessage {
	b, err := json.Marshal(res)
	if err != nil {
		b, _ = json.Marshal(&execute.Result{Errors: []*wire.Error{wire.Errorf(wire.CodeInternal, "cannot encode the result: %v", err)}})
	}
	return b
}

func (s *Server) shutdownDone() <-chan struct{} {
	if s.cfg.Shutdown == nil {
		return nil
	}
	return s.cfg.Shutdown.Done()
}
