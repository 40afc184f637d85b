package ai

import (
	"context"
	"net/http"
	"strconv"
	"sync"
	"time"
)

// maxRetryAfter caps how long a server's Retry-After can make us wait.
const maxRetryAfter = time.Minute

// retryAfter carries a server's Retry-After from the transport back to
// CompleteJSON (go-openai does not expose response headers on errors).
type retryAfter struct {
	mu sync.Mutex
	d  time.Duration
}

type retryAfterKey struct{}

func (r *retryAfter) get() time.Duration {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.d
}

// retryAfterTransport records Retry-After (seconds) of 429 and 503 answers.
type retryAfterTransport struct{ next http.RoundTripper }

func (t retryAfterTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	resp, err := t.next.RoundTrip(req)
	if err != nil || (resp.StatusCode != http.StatusTooManyRequests && resp.StatusCode != http.StatusServiceUnavailable) {
		return resp, err
	}
	if h, ok := req.Context().Value(retryAfterKey{}).(*retryAfter); ok {
		if secs, perr := strconv.Atoi(resp.Header.Get("Retry-After")); perr == nil && secs >= 0 {
			h.mu.Lock()
			h.d = min(time.Duration(secs)*time.Second, maxRetryAfter)
			h.mu.Unlock()
		}
	}
	return resp, err
}

func withRetryAfter(ctx context.Context) (context.Context, *retryAfter) {
	h := &retryAfter{}
	return context.WithValue(ctx, retryAfterKey{}, h), h
}
