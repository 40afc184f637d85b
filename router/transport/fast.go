package transport

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"syscall"
	"time"

	"github.com/valyala/fasthttp"
)

// JSON fetches go over fasthttp: net/http's client hands each request to
// a write loop and a read loop goroutine of its connection, and those
// handoffs, headers as maps and per-request objects were about a quarter
// of the router's CPU on the gateway benchmark; fasthttp does the round
// trip on the calling goroutine with pooled requests (+15–28% RPS there).
// net/http stays for what fasthttp lacks: uploads (a streamed multipart
// body), mutations, a client the caller injects, and subgraphs behind a
// proxy from the environment. Unlike net/http, fasthttp does not abort a
// request already sent when its context is cancelled: it ends at the
// context's deadline (every fetch has one, the subgraph timeout), and a
// cancelled context sends nothing more.
//
// fasthttp does not notice that a subgraph closed an idle keep-alive
// connection until a request goes out on it and the answer is EOF.
// net/http's read loop does notice, so mutations, which are not safe to
// send twice, go over net/http; a query that meets such a connection is
// sent once more on a new one (retryClosed).

// newFastClient is tuned like NewHTTPClient: many concurrent keep-alive
// requests to a few hosts. Idle connections close after 10 s, before
// the usual server idle timeouts, so a request rarely meets a connection
// the subgraph is closing.
func newFastClient(maxBody int) *fasthttp.Client {
	return &fasthttp.Client{
		MaxConnsPerHost:          512,
		MaxIdleConnDuration:      10 * time.Second,
		MaxConnWaitTimeout:       5 * time.Second,
		ReadBufferSize:           16 << 10,
		WriteBufferSize:          16 << 10,
		MaxResponseBodySize:      maxBody,
		NoDefaultUserAgentHeader: true,
		RetryIfErr:               retryClosed,
	}
}

// retryClosed sends a request again, once, when its connection was closed
// before any answer came. Only queries go over fasthttp (Fetch), and a
// query is safe to repeat.
func retryClosed(_ *fasthttp.Request, attempts int, err error) (resetTimeout, retry bool) {
	closed := errors.Is(err, io.EOF) || errors.Is(err, fasthttp.ErrConnectionClosed) ||
		errors.Is(err, syscall.ECONNRESET) || errors.Is(err, syscall.EPIPE)
	return false, closed && attempts == 1
}

// fastServices are the subgraphs fasthttp can reach: http or https URLs
// that no proxy from the environment applies to.
func fastServices(urls map[string]string, proxy func(*http.Request) (*url.URL, error)) map[string]bool {
	ok := map[string]bool{}
	for name, raw := range urls {
		u, err := url.Parse(raw)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			continue
		}
		if p, err := proxy(&http.Request{URL: u}); err != nil || p != nil {
			continue
		}
		ok[name] = true
	}
	return ok
}

// fastRoundTrip sends a query over fasthttp; the answer's body is the
// pooled response's until it is released. Fetch has checked the context.
func (c *Client) fastRoundTrip(ctx context.Context, service string, body []byte) (answer, error) {
	req := fasthttp.AcquireRequest()
	defer fasthttp.ReleaseRequest(req)
	res := fasthttp.AcquireResponse()
	req.SetRequestURI(c.cfg.URLs[service])
	req.Header.SetMethod(http.MethodPost)
	c.headers(ctx, "application/json", req.Header.Add, req.Header.Set)
	req.SetBodyRaw(body)
	var err error
	if dl, ok := ctx.Deadline(); ok {
		err = c.fast.DoDeadline(req, res, dl)
	} else {
		err = c.fast.Do(req, res)
	}
	if err != nil {
		fasthttp.ReleaseResponse(res)
		if errors.Is(err, fasthttp.ErrTimeout) {
			err = fmt.Errorf("%w: %w", context.DeadlineExceeded, err) // as net/http says it
		}
		return answer{}, fmt.Errorf("post %s: %w", service, err)
	}
	return answer{status: res.StatusCode(), body: res.Body(), release: func() { fasthttp.ReleaseResponse(res) }}, nil
}
