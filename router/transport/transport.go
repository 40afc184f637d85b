// Package transport sends GraphQL requests to subgraphs over HTTP with a
// pooled keep-alive client, propagating selected client headers and adding
// the router's service credential.
package transport

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/careercoach/coach/router/execute"
	"github.com/valyala/fasthttp"
)

// maxResponseBytes bounds a subgraph response body by default.
const maxResponseBytes = 64 << 20

// Config configures a Client.
type Config struct {
	// URLs maps subgraph names to their GraphQL endpoints.
	URLs map[string]string
	// HTTPClient overrides the pooled default clients (fast.go).
	HTTPClient *http.Client
	// MaxResponseBytes bounds a subgraph response (default 64 MiB).
	MaxResponseBytes int64
	// CredentialHeader and Credential, when both set, are sent on every
	// subgraph request so subgraphs can tell the router from clients.
	CredentialHeader string
	Credential       string
	// ShareInFlight lets identical queries to a subgraph in flight at the
	// same time share one request (flight.go).
	ShareInFlight bool
	// Shared, when set, is called for each request that joined an
	// identical one in flight.
	Shared func()
}

// Client is an execute.Fetcher over HTTP.
type Client struct {
	cfg    Config
	http   *http.Client
	fast   *fasthttp.Client
	fastOK map[string]bool // subgraphs fetched over fast (fast.go)
	flight *flights        // nil: no sharing
}

// NewHTTPClient returns a client tuned for many concurrent keep-alive
// requests to a few hosts. Bursts (a subscription event fanned out to many
// clients, each with its entity fetch) reuse idle connections instead of
// leaving thousands of sockets in TIME_WAIT; past the cap, requests queue.
func NewHTTPClient() *http.Client {
	return &http.Client{Transport: &http.Transport{
		Proxy:               http.ProxyFromEnvironment,
		DialContext:         (&net.Dialer{Timeout: 5 * time.Second, KeepAlive: 30 * time.Second}).DialContext,
		MaxIdleConns:        256,
		MaxIdleConnsPerHost: 256,
		MaxConnsPerHost:     512,
		IdleConnTimeout:     90 * time.Second,
		ForceAttemptHTTP2:   true,
	}}
}

// New returns a Client.
func New(cfg Config) *Client {
	if cfg.MaxResponseBytes <= 0 {
		cfg.MaxResponseBytes = maxResponseBytes
	}
	c := &Client{cfg: cfg, http: cfg.HTTPClient}
	if cfg.ShareInFlight {
		c.flight = &flights{shared: cfg.Shared}
	}
	if c.http == nil {
		c.http = NewHTTPClient()
		c.fast = newFastClient(int(cfg.MaxResponseBytes))
		c.fastOK = fastServices(cfg.URLs, http.ProxyFromEnvironment)
	}
	return c
}

type headersKey struct{}

// WithHeaders attaches client headers to forward to subgraphs for the
// request whose context this is.
func WithHeaders(ctx context.Context, h http.Header) context.Context {
	return context.WithValue(ctx, headersKey{}, h)
}

// Fetch posts req to the subgraph.
func (c *Client) Fetch(ctx context.Context, service string, req *execute.Request) (*execute.Response, error) {
	body, err := appendRequest(nil, req)
	if err != nil {
		return nil, fmt.Errorf("encode request: %w", err)
	}
	if isMutation(req.Query) {
		// What is in flight may predate its effect: no later query joins.
		c.flight.closeAll()
		defer c.flight.closeAll()
		return c.post(ctx, service, bytes.NewReader(body), "application/json", req.Room)
	}
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("post %s: %w", service, err)
	}
	send := func(ctx context.Context) (answer, error) {
		if c.fastOK[service] {
			return c.fastRoundTrip(ctx, service, body)
		}
		return c.roundTrip(ctx, service, bytes.NewReader(body), "application/json")
	}
	decode := func(a answer) (*execute.Response, error) { return c.result(service, a.status, a.body, req.Room) }
	if c.flight != nil {
		return c.flight.fetch(ctx, service, flightKey(ctx, service, body), send, decode)
	}
	a, err := send(ctx)
	if err != nil {
		return nil, err
	}
	defer a.done()
	return decode(a)
}

// isMutation tells a mutation by its keyword: the planner writes every
// subgraph operation starting with its kind.
func isMutation(query string) bool {
	return strings.HasPrefix(strings.TrimLeft(query, " \t\r\n"), "mutation")
}

// post sends a request body over net/http and decodes the reply.
func (c *Client) post(ctx context.Context, service string, body io.Reader, contentType string, room *execute.Room) (*execute.Response, error) {
	a, err := c.roundTrip(ctx, service, body, contentType)
	if err != nil {
		return nil, err
	}
	defer a.done()
	// decodeResponse copies every string: the buffer can be reused.
	return c.result(service, a.status, a.body, room)
}

// roundTrip sends a request body over net/http and reads the reply into a
// pooled buffer.
func (c *Client) roundTrip(ctx context.Context, service string, body io.Reader, contentType string) (answer, error) {
	url, ok := c.cfg.URLs[service]
	if !ok || url == "" {
		return answer{}, fmt.Errorf("no URL for subgraph %q", service)
	}
	hr, err := http.NewRequestWithContext(ctx, http.MethodPost, url, body)
	if err != nil {
		return answer{}, fmt.Errorf("build request: %w", err)
	}
	c.headers(ctx, contentType, hr.Header.Add, hr.Header.Set)
	res, err := c.http.Do(hr)
	if err != nil {
		return answer{}, fmt.Errorf("post %s: %w", service, err)
	}
	defer res.Body.Close()
	buf := bufPool.Get().(*bytes.Buffer)
	buf.Reset()
	// One byte past the limit tells a response that is too big.
	n, err := buf.ReadFrom(io.LimitReader(res.Body, c.cfg.MaxResponseBytes+1))
	if err != nil {
		putBuf(buf)
		return answer{}, fmt.Errorf("read %s response: %w", service, err)
	}
	if n > c.cfg.MaxResponseBytes {
		putBuf(buf)
		return answer{}, fmt.Errorf("read %s response: %w", service, errTooLarge)
	}
	return answer{status: res.StatusCode, body: buf.Bytes(), release: func() { putBuf(buf) }}, nil
}

// headers gives a subgraph request its headers, for either client: the
// client headers forwarded for this request (add), then the router's own
// (set, replacing a forwarded one of the same name).
func (c *Client) headers(ctx context.Context, contentType string, add, set func(k, v string)) {
	if h, ok := ctx.Value(headersKey{}).(http.Header); ok {
		for k, vs := range h {
			for _, v := range vs {
				add(k, v)
			}
		}
	}
	set("Content-Type", contentType)
	set("Accept", "application/graphql-response+json, application/json")
	if c.cfg.CredentialHeader != "" && c.cfg.Credential != "" {
		set(c.cfg.CredentialHeader, c.cfg.Credential)
	}
}

// errTooLarge is fasthttp's error for the same, so both paths say it alike.
var errTooLarge = fasthttp.ErrBodyTooLarge

// result decodes a subgraph's answer, a failure status explaining a body
// that is not a GraphQL response.
func (c *Client) result(service string, status int, body []byte, room *execute.Room) (*execute.Response, error) {
	out, err := decodeResponse(body, room)
	if err != nil {
		if status >= 300 {
			return nil, fmt.Errorf("%d: %s", status, http.StatusText(status))
		}
		return nil, fmt.Errorf("invalid JSON from %s: %w", service, err)
	}
	if out.Data == nil && out.Object == nil && len(out.Errors) == 0 {
		if status >= 300 {
			return nil, fmt.Errorf("%d: %s", status, http.StatusText(status))
		}
		return nil, fmt.Errorf("%s returned neither data nor errors", service)
	}
	return out, nil
}

// bufPool holds response read buffers (tens of kilobytes each).
var bufPool = sync.Pool{New: func() any { return bytes.NewBuffer(make([]byte, 0, 64<<10)) }}

func putBuf(b *bytes.Buffer) {
	if b.Cap() <= 4<<20 { // a rare huge response must not stay pinned
		bufPool.Put(b)
	}
}

// appendRequest writes req as encoding/json would (field order, omitted
// empties, sorted variable names) in one pass: representations are most
// of an entity fetch's body.
func appendRequest(b []byte, req *execute.Request) ([]byte, error) {
	q := req.QueryJSON
	if q == nil {
		var err error
		if q, err = json.Marshal(req.Query); err != nil {
			return nil, err
		}
	}
	b = append(append(b, `{"query":`...), q...)
	if req.OperationName != "" {
		n, err := json.Marshal(req.OperationName)
		if err != nil {
			return nil, err
		}
		b = append(append(b, `,"operationName":`...), n...)
	}
	if len(req.Variables) > 0 {
		b = append(b, `,"variables":`...)
		var err error
		if b, err = execute.AppendJSON(b, req.Variables); err != nil {
			return nil, err
		}
	}
	return append(b, '}'), nil
}
