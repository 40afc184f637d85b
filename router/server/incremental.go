package server

import (
	"context"
	"log/slog"
	"mime"
	"net/http"
	"strings"
	"time"

	"github.com/careercoach/coach/router/execute"
)

const (
	mediaMultipart = "multipart/mixed"
	// deferSpec is the incremental delivery format the router writes (the
	// RFC's draft of 2022-08-24, as Apollo's router and clients speak it).
	deferSpec = "20220824"
	// Each part is followed at once by the whole delimiter line (the next
	// one's or the closing one), so a streaming reader knows the part is
	// complete without waiting for more.
	partHead  = "content-type: application/json; charset=utf-8\r\n\r\n"
	delimiter = "\r\n--graphql\r\n"
	closing   = "\r\n--graphql--\r\n"
)

// acceptsIncremental reports whether Accept names multipart/mixed with
// the deferSpec the router writes, or with none (graphql-js and Yoga send
// plain multipart/mixed).
func acceptsIncremental(r *http.Request) bool {
	for _, part := range strings.Split(r.Header.Get("Accept"), ",") {
		mt, params, err := mime.ParseMediaType(strings.TrimSpace(part))
		if err != nil || mt != mediaMultipart {
			continue
		}
		if spec, ok := params["deferspec"]; !ok || spec == deferSpec {
			return true
		}
	}
	return false
}

// serveIncremental answers a query with @defer fragments as
// multipart/mixed: the initial payload as soon as it is ready, then the
// deferred fragments, each part flushed as it is written.
func (s *Server) serveIncremental(ctx context.Context, w http.ResponseWriter, log *slog.Logger, st *state, q gqlRequest, pr *prepared, start time.Time) {
	w.Header().Set("Content-Type", mediaMultipart+`;boundary="graphql";deferSpec=`+deferSpec)
	w.WriteHeader(http.StatusOK)
	flusher, _ := w.(http.Flusher)
	outcome := "ok"
	b := []byte(delimiter)
	st.exec.ExecuteIncremental(ctx, pr.plan, pr.vars, pr.pre, func(res *execute.Result) error {
		for _, it := range res.Incremental {
			if len(it.Errors) > 0 {
				outcome = "errors"
			}
		}
		if len(res.Errors) > 0 {
			outcome = "errors"
		}
		b = append(b, partHead...)
		b = encodeResult(b, res)
		b = b[:len(b)-1] // encodeResult's newline is not part of the JSON
		if res.HasNext != nil && *res.HasNext {
			b = append(b, delimiter...)
		} else {
			b = append(b, closing...)
		}
		_, err := w.Write(b)
		if flusher != nil {
			flusher.Flush()
		}
		b = b[:0]
		return err
	})
	s.record(ctx, log, q, outcome, start, "incremental", true)
}
