// Package execute runs a query plan against subgraphs: fan-out with
// bounded concurrency, batched _entities fetches, merging by path, null
// bubbling and errors with paths.
package execute

import (
	"context"
	"encoding/json"
	"github.com/careercoach/coach/router/wire"
	"strconv"
)

// Request is a GraphQL request to one subgraph.
type Request struct {
	Query         string         `json:"query"`
	OperationName string         `json:"operationName,omitempty"`
	Variables     map[string]any `json:"variables,omitempty"`
	// Room, when set, is where later fetches merge members into the
	// response's objects (a decoder's sizing hint; never sent).
	Room *Room `json:"-"`
	// QueryJSON, when set, is Query encoded as a JSON string, for an
	// encoder that writes the request itself.
	QueryJSON []byte `json:"-"`
}

// Response is a subgraph's GraphQL response. Numbers are json.Number.
// A decoder that builds the executor's own form sets Object instead of
// Data, and the executor reads that without converting; Data is for
// everything else (encoding/json, tests, subscription events).
type Response struct {
	Data   map[string]any `json:"data"`
	Errors []*wire.Error  `json:"errors"`
	Object *Object        `json:"-"`
}

// object returns the data as an Object tree (nil when there is none).
func (r *Response) object() *Object {
	if r.Object != nil || r.Data == nil {
		return r.Object
	}
	return ObjectOf(r.Data)
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

// Result is the client's response. Execute sets Data to the JSON it wrote
// (json.RawMessage); other values are written by AppendJSON.
type Result struct {
	Data   any           `json:"data"`
	Errors []*wire.Error `json:"errors,omitempty"`
	// HasNext is set in the payloads of an incremental response
	// (ExecuteIncremental): true while more follow.
	HasNext *bool
	// Incremental, in a payload after the first, holds the deferred
	// fragments delivered; such a payload has no data.
	Incremental []*Incremental
	buf         *[]byte // Data's pooled buffer (Release)
}

// Incremental is one delivered @defer fragment: its fields on the object
// at Path (the incremental delivery RFC's format of 2022-08-24, which
// Apollo clients read).
type Incremental struct {
	Data   json.RawMessage `json:"data"`
	Path   []any           `json:"path"`
	Label  string          `json:"label,omitempty"`
	Errors []*wire.Error   `json:"errors,omitempty"`
}

// MarshalJSON writes the response as AppendJSON does.
func (r *Result) MarshalJSON() ([]byte, error) { return r.AppendJSON(nil) }

// AppendJSON appends the response as encoding/json writes it.
func (r *Result) AppendJSON(b []byte) ([]byte, error) {
	b = append(b, '{')
	if r.Incremental == nil {
		b = append(b, `"data":`...)
		var err error
		if b, err = AppendJSON(b, r.Data); err != nil {
			return b, err
		}
	} else {
		enc, err := json.Marshal(r.Incremental)
		if err != nil {
			return b, err
		}
		b = append(append(b, `"incremental":`...), enc...)
	}
	if len(r.Errors) > 0 {
		enc, err := json.Marshal(r.Errors)
		if err != nil {
			return b, err
		}
		b = append(append(b, `,"errors":`...), enc...)
	}
	if r.HasNext != nil {
		b = append(b, `,"hasNext":`...)
		b = strconv.AppendBool(b, *r.HasNext)
	}
	return append(b, '}'), nil
}
