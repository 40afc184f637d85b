package httpserver

import (
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"time"
)

// pacedBodies makes every request body arrive at a minimum rate (Apache
// mod_reqtimeout's body=20,MinRate=500): the read deadline is the body's
// start plus timeout plus one second per minRate bytes received so far. A
// client trickling a byte every few seconds runs out of time; an upload at
// any reasonable speed keeps extending its own deadline. Requests without a
// body (WebSocket upgrades, most GETs) are untouched, and the deadline is
// cleared once the body is read, so event streams and subscriptions that
// follow it are not cut.
func pacedBodies(next http.Handler, timeout time.Duration, minRate int) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Body != nil && r.Body != http.NoBody {
			r.Body = &pacedBody{rc: r.Body, ctl: http.NewResponseController(w), start: time.Now(), timeout: timeout, rate: int64(minRate)}
		}
		next.ServeHTTP(w, r)
	})
}

type pacedBody struct {
	rc      io.ReadCloser
	ctl     *http.ResponseController
	start   time.Time
	timeout time.Duration
	rate    int64 // bytes per second
	read    int64
	done    bool
}

// ErrBodyTooSlow is what a body read returns when the client sent it slower
// than the minimum rate.
var ErrBodyTooSlow = errors.New("the request body arrived too slowly")

func (b *pacedBody) Read(p []byte) (int, error) {
	if b.done {
		return b.rc.Read(p)
	}
	earned := time.Duration(b.read) * time.Second / time.Duration(b.rate)
	deadline := b.start.Add(b.timeout + earned)
	// Not every connection supports deadlines (HTTP/2 before Go 1.20,
	// tests' recorders); there the server's other limits still hold.
	_ = b.ctl.SetReadDeadline(deadline)
	n, err := b.rc.Read(p)
	b.read += int64(n)
	switch {
	case err == io.EOF:
		b.done = true
		_ = b.ctl.SetReadDeadline(time.Time{})
	case errors.Is(err, os.ErrDeadlineExceeded):
		return n, fmt.Errorf("%w: %d bytes in %s, less than %d bytes a second after the first %s: %w",
			ErrBodyTooSlow, b.read, time.Since(b.start).Round(time.Millisecond), b.rate, b.timeout, err)
	}
	return n, err
}

func (b *pacedBody) Close() error { return b.rc.Close() }
