package server

import (
	"context"
	"fmt"
	"github.com/careercoach/coach/router/wire"
	"log/slog"
	"net/http"
	"strconv"
	"time"

	"github.com/careercoach/coach/router/execute"
	"github.com/vektah/gqlparser/v2/ast"
)

// answer is where a response goes and in which form.
type answer struct {
	w     http.ResponseWriter
	media string // of a single JSON response
	// multipart: the client reads incremental delivery (multipart/mixed).
	multipart bool
}

// serveOne answers a request that is not a batch. A query joins an
// identical one already running when DeduplicateQueries is on. A query
// with @defer goes out in parts when the client reads them.
func (s *Server) serveOne(ctx context.Context, out answer, log *slog.Logger, st *state, q gqlRequest, method string, fwd http.Header, start time.Time) {
	w, media := out.w, out.media
	pr, rerr := s.prepareHTTP(ctx, st, q, method)
	if rerr == nil && out.multipart && pr.plan.Incremental != nil {
		s.serveIncremental(ctx, w, log, st, q, pr, start)
		return
	}
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

// serveBatch answers a batched request. Every operation is prepared before
// any runs, so that the cost limit bounds the whole request (the
// operations' costs summed) and a refused batch costs no subgraph work.
func (s *Server) serveBatch(ctx context.Context, w http.ResponseWriter, media string, log *slog.Logger, st *state, reqs []gqlRequest, method string, start time.Time) {
	lim := s.cfg.Limits
	if len(reqs) > lim.MaxBatch {
		s.metrics.request("rejected", time.Since(start))
		writeResult(w, media, nil, newReqError(wire.CodeMaxBatch, fmt.Sprintf("the batch has %d operations, more than the limit of %d; send fewer per request", len(reqs), lim.MaxBatch)))
		return
	}
	prs := make([]*prepared, len(reqs))
	rerrs := make([]*reqError, len(reqs))
	total := 0
	for i, q := range reqs {
		prs[i], rerrs[i] = s.prepareHTTP(ctx, st, q, method)
		if rerrs[i] == nil {
			total = satAdd(total, prs[i].cost)
		}
	}
	if rerr := lim.checkCost(total, "of the batch's operations"); rerr != nil {
		s.metrics.request("rejected", time.Since(start))
		writeResult(w, media, nil, rerr)
		return
	}
	out := make([]any, len(reqs))
	for i, q := range reqs {
		var res *execute.Result
		if rerrs[i] == nil {
			if rerrs[i] = stopped(ctx); rerrs[i] == nil {
				res = s.execute(ctx, st, prs[i])
			}
		}
		s.finish(ctx, log, q, res, rerrs[i], start)
		if rerrs[i] != nil {
			out[i] = struct {
				Errors []*wire.Error `json:"errors"`
			}{rerrs[i].errs}
		} else {
			out[i] = res
		}
	}
	writeResult(w, media, out, nil)
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
		res := &execute.Result{Errors: []*wire.Error{err}}
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
