// Package execute runs a query plan against subgraphs: fan-out with
// bounded concurrency, batched _entities fetches, merging by path, null
// bubbling and errors with paths.
package execute

import (
	"context"
	"encoding/json"
)

// Request is a GraphQL request to one subgraph.
type Request struct {
	Query         string         `json:"query"`
	OperationName string         `json:"operationName,omitempty"`
	Variables     map[string]any `json:"variables,omitempty"`
}

// Response is a subgraph's GraphQL response. Numbers are json.Number.
type Response struct {
	Data   map[string]any `json:"data"`
	Errors []*Error       `json:"errors"`
}

// Fetcher sends a request to the named subgraph.
type Fetcher interface {
	Fetch(ctx context.Context, service string, req *Request) (*Response, error)
}

// FetcherFunc adapts a function to Fetcher.
type FetcherFunc func(ctx context.Context, service string, req *Request) (*Response, error)

// Fetch calls f.
func (f FetcherFunc) Fetch(ctx context.Context, service string, req *Request) (*Response, error) {
	return f(ctx, service, req)
}

// Error is a GraphQL error as sent to clients.
type Error struct {
	Message    string         `json:"message"`
	Locations  []Location     `json:"locations,omitempty"`
	Path       []any          `json:"path,omitempty"`
	Extensions map[string]any `json:"extensions,omitempty"`
}

// Location is a position in the client's document.
type Location struct {
	Line   int `json:"line"`
	Column int `json:"column"`
}

// Result is the client's response.
type Result struct {
	Data   any      `json:"data"`
	Errors []*Error `json:"errors,omitempty"`
}

// Error codes the executor puts in extensions.code.
const (
	CodeSubrequestFailed = "SUBREQUEST_HTTP_ERROR"
	CodeInvalidResponse  = "SUBREQUEST_MALFORMED_RESPONSE"
	CodeNonNull          = "NON_NULLABLE_FIELD_NULL"
)

// Object is a JSON object that keeps its keys in insertion order, so
// responses follow the order of the client's selection. Its members are a
// slice: objects are small, and a map per object cost more than it saved.
type Object struct {
	members []member
}

type member struct {
	key string
	val any
}

func newObject(n int) *Object {
	return &Object{members: make([]member, 0, n)}
}

// add appends a key the object does not have yet.
func (o *Object) add(k string, v any) { o.members = append(o.members, member{k, v}) }

// Set sets a key, keeping its first position.
func (o *Object) Set(k string, v any) {
	for i := range o.members {
		if o.members[i].key == k {
			o.members[i].val = v
			return
		}
	}
	o.add(k, v)
}

// Get returns a key's value.
func (o *Object) Get(k string) (any, bool) {
	for _, m := range o.members {
		if m.key == k {
			return m.val, true
		}
	}
	return nil, false
}

// Keys returns the keys in order.
func (o *Object) Keys() []string {
	keys := make([]string, len(o.members))
	for i, m := range o.members {
		keys[i] = m.key
	}
	return keys
}

// MarshalJSON writes the keys in order.
func (o *Object) MarshalJSON() ([]byte, error) { return AppendJSON(nil, o) }

// AppendJSON appends the response as encoding/json writes it.
func (r *Result) AppendJSON(b []byte) ([]byte, error) {
	b = append(b, `{"data":`...)
	b, err := AppendJSON(b, r.Data)
	if err != nil {
		return b, err
	}
	if len(r.Errors) > 0 {
		enc, err := json.Marshal(r.Errors)
		if err != nil {
			return b, err
		}
		b = append(append(b, `,"errors":`...), enc...)
	}
	return append(b, '}'), nil
}
