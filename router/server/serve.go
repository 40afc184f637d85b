package server

import (
	"context"
	"log/slog"
	"net/http"
	"strconv"
	"time"

	"github.com/careercoach/coach/router/execute"
	"github.com/vektah/gqlparser/v2/ast"
)

// serveOne answers a request that is not a batch. A query joins an
// identical one already running when DeduplicateQueries is on.
func (s *Server) serveOne(ctx context.Context, w http.ResponseWriter, media string, log *slog.Logger, st *state, q gqlRequest, method string, fwd http.Header, start time.Time) {
	pr, rerr := s.prepareHTTP(st, q, method)
	if rerr != nil || !s.cfg.DeduplicateQueries || pr.op.Operation != ast.Query {
		var res *execute.Result
		if rerr == nil {
			res = s.execute(ctx, st, pr)
		}
		s.finish(ctx, log, q, res, rerr, start)
		writeResult(w, media, res, rerr)
		if res != nil {
			res.Release() // written: its buffer serves the next request
		}
		return
	}
	s.serveShared(ctx, w, media, log, st, q, pr, fwd, start)
}

// serveShared answers a query through s.inflight: it runs, or joins an
// identical one already running.
func (s *Server) serveShared(ctx context.Context, w http.ResponseWriter, media string, log *slog.Logger, st *state, q gqlRequest, pr *prepared, fwd http.Header, start time.Time) {
	key := dedupeKey(pr.query, q.OperationName, pr.vars, fwd)
	out, role := s.inflight.do(ctx, key, st, func(ctx context.Context) encoded {
		res := s.execute(ctx, st, pr)
		defer res.Release()
		bp := bufPool.Get().(*[]byte)
		*bp = encodeResult((*bp)[:0], res)
		return encoded{buf: bp, errors: len(res.Errors) > 0}
	})
	if role == lateJoin || role == failed { // no answer from the execution joined
		err := timeoutError()
		if role == failed {
			err = internalError("internal error")
		}
		res := &execute.Result{Errors: []*execute.Error{err}}
		s.finish(ctx, log, q, res, nil, start)
		writeResult(w, media, res, nil)
		return
	}
	if role == joiner {
		s.metrics.shared()
	}
	outcome := "ok"
	if out.errors {
		outcome = "errors"
	}
	s.record(ctx, log, q, outcome, start, "shared", role != alone)
	w.Header().Set("Content-Type", media+"; charset=utf-8")
	body := *out.buf
	w.Header().Set("Content-Length", strconv.Itoa(len(body)))
	w.WriteHeader(http.StatusOK)
	_, _ = w.Write(body)
	if role == alone && cap(body) <= maxPooledBuf {
		bufPool.Put(out.buf) // no one else has it
	}
}

func (s *Server) finish(ctx context.Context, log *slog.Logger, q gqlRequest, res *execute.Result, rerr *reqError, start time.Time) {
	outcome := "ok"
	switch {
	case rerr != nil:
		outcome = "rejected"
	case len(res.Errors) > 0:
		outcome = "errors"
	}
	s.record(ctx, log, q, outcome, start)
}

// record counts and logs a finished request.
func (s *Server) record(ctx context.Context, log *slog.Logger, q gqlRequest, outcome string, start time.Time, attrs ...any) {
	d := time.Since(start)
	s.metrics.request(outcome, d)
	log.InfoContext(ctx, "graphql request", append([]any{"operation", q.OperationName, "outcome", outcome, "duration", d}, attrs...)...)
}
