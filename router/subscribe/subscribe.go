// Package subscribe carries GraphQL operations over long-lived connections:
// the server side of the graphql-transport-ws and legacy graphql-ws
// WebSocket protocols and of graphql-sse, and a graphql-transport-ws client
// for opening subscriptions on subgraphs. It knows nothing about planning:
// a Runner executes each operation.
package subscribe

import (
	"context"
	"encoding/json"
	"github.com/careercoach/coach/router/wire"
	"net/http"
)

// WebSocket subprotocols.
const (
	ProtocolTransportWS = "graphql-transport-ws" // the graphql-ws library's protocol
	ProtocolLegacyWS    = "graphql-ws"           // subscriptions-transport-ws (Apollo's old client)
)

// Close codes of graphql-transport-ws, also used for the legacy protocol.
const (
	CloseBadRequest       = 4400
	CloseUnauthorized     = 4401
	CloseForbidden        = 4403
	CloseInitTimeout      = 4408
	CloseSubscriberExists = 4409
	CloseTooManyInits     = 4429
)

// Request is one GraphQL operation received over a connection.
type Request struct {
	Query         string         `json:"query"`
	OperationName string         `json:"operationName"`
	Variables     map[string]any `json:"variables"`
	Extensions    map[string]any `json:"extensions"`
}

// Emit delivers one encoded GraphQL result (an execute.Result as JSON).
// Results are encoded once by the runner, so one event fanned out to many
// connections is not re-encoded for each.
type Emit func(result json.RawMessage) error

// Runner executes operations for connections.
type Runner interface {
	// Run executes req with the headers the connection authenticated
	// with, calling emit for every result (once for a query or mutation,
	// once per event for a subscription) until the operation ends or ctx
	// is cancelled. It returns errors only when the operation could not
	// start (parse, validation, planning); emit is not called then.
	Run(ctx context.Context, headers http.Header, req Request, emit Emit) []*wire.Error
}

// RunnerFunc adapts a function to Runner.
type RunnerFunc func(ctx context.Context, headers http.Header, req Request, emit Emit) []*wire.Error

// Run calls f.
func (f RunnerFunc) Run(ctx context.Context, headers http.Header, req Request, emit Emit) []*wire.Error {
	return f(ctx, headers, req, emit)
}

// Authenticator checks a WebSocket's connection_init payload (nil for an
// SSE request) against the upgrade request, and returns the headers to
// forward to subgraphs for the connection's operations.
type Authenticator func(r *http.Request, initPayload map[string]any) (http.Header, error)

// errorList is the payload of an error message.
func errorList(code, msg string) []*wire.Error {
	return []*wire.Error{wire.Errorf(code, "%s", msg)}
}

// message is a frame of either WebSocket protocol.
type message struct {
	ID      string          `json:"id,omitempty"`
	Type    string          `json:"type"`
	Payload json.RawMessage `json:"payload,omitempty"`
}
