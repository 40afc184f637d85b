package subscribe

import (
	"context"
	"encoding/json"
	"fmt"
	"mime"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/careercoach/coach/router/execute"
)

// WantsSSE reports whether r asks for a graphql-sse event stream
// ("distinct connections" mode: one operation per request).
func WantsSSE(r *http.Request) bool {
	for _, part := range strings.Split(r.Header.Get("Accept"), ",") {
		if mt, _, err := mime.ParseMediaType(strings.TrimSpace(part)); err == nil && mt == "text/event-stream" {
			return true
		}
	}
	return false
}

// ServeSSE runs req and streams its results as "next" events, then a
// "complete" event. Errors that stop the operation from starting arrive
// as a "next" event holding only errors, which graphql-sse clients report.
// The stream ends when the client goes away.
func ServeSSE(w http.ResponseWriter, r *http.Request, keepAlive time.Duration, headers http.Header, req Request, run Runner) {
	// A ResponseController reaches Flush through middleware wrappers.
	fl := http.NewResponseController(w)
	if keepAlive == 0 {
		keepAlive = 15 * time.Second
	}
	w.Header().Set("Content-Type", "text/event-stream; charset=utf-8")
	w.Header().Set("Cache-Control", "private, no-store") // events carry the subscriber's own data
	w.Header().Set("Connection", "keep-alive")
	w.Header().Set("X-Accel-Buffering", "no") // nginx: do not buffer the stream
	w.WriteHeader(http.StatusOK)
	if err := fl.Flush(); err != nil {
		return // the writer cannot stream
	}
	var mu sync.Mutex
	write := func(event string, data []byte) error {
		mu.Lock()
		defer mu.Unlock()
		var err error
		if event == "" {
			_, err = fmt.Fprint(w, ":\n\n") // a comment keeps proxies from timing out
		} else {
			_, err = fmt.Fprintf(w, "event: %s\ndata: %s\n\n", event, data)
		}
		if err != nil {
			return err
		}
		return fl.Flush()
	}
	ctx, cancel := context.WithCancel(r.Context())
	defer cancel()
	go func() {
		t := time.NewTicker(keepAlive)
		defer t.Stop()
		for {
			select {
			case <-ctx.Done():
				return
			case <-t.C:
				if write("", nil) != nil {
					cancel()
					return
				}
			}
		}
	}()
	errs := run.Run(ctx, headers, req, func(res json.RawMessage) error {
		return write("next", res)
	})
	if ctx.Err() != nil {
		return
	}
	if errs != nil {
		_ = write("next", mustJSON(&execute.Result{Errors: errs}))
	}
	_ = write("complete", nil)
}
