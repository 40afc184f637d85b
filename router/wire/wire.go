// Package wire holds what the router says to clients that is not data:
// the GraphQL error as sent, every extensions.code the router writes, and
// Errorf to build one (in the shape of wtf's error.go). transport,
// subscribe, execute and server all speak it; none owns it.
package wire

import (
	"fmt"

	"github.com/careercoach/coach/internal/httpserver"
)

// Error is a GraphQL error as sent to clients (and read from subgraphs).
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

// Errorf returns an error with extensions.code set to code and a
// formatted message.
func Errorf(code, format string, args ...any) *Error {
	msg := format
	if len(args) > 0 {
		msg = fmt.Sprintf(format, args...)
	}
	return &Error{Message: msg, Extensions: map[string]any{"code": code}}
}

// With adds an extension (serviceName, a variable's name) and returns e.
func (e *Error) With(key string, value any) *Error {
	if e.Extensions == nil {
		e.Extensions = map[string]any{}
	}
	e.Extensions[key] = value
	return e
}

// Code is e's extensions.code, or "".
func (e *Error) Code() string {
	c, _ := e.Extensions["code"].(string)
	return c
}

// Codes the router writes in extensions.code.
const (
	// Requests refused before execution.
	CodeParseFailed         = "GRAPHQL_PARSE_FAILED"
	CodeValidationFailed    = "GRAPHQL_VALIDATION_FAILED"
	CodeInvalidVariable     = "VALIDATION_INVALID_TYPE_VARIABLE"
	CodeBadRequest          = "BAD_REQUEST"
	CodeBadUserInput        = "BAD_USER_INPUT"
	CodeCSRF                = httpserver.CodeCSRF
	CodeUnauthenticated     = "UNAUTHENTICATED"
	CodeIntrospectionOff    = "INTROSPECTION_DISABLED"
	CodeMaxDepth            = "MAX_DEPTH_EXCEEDED"
	CodeMaxAliases          = "MAX_ALIASES_EXCEEDED"
	CodeMaxRootFields       = "MAX_ROOT_FIELDS_EXCEEDED"
	CodeMaxTokens           = "MAX_TOKENS_EXCEEDED"
	CodeMaxCost             = "MAX_COST_EXCEEDED"
	CodeMaxFields           = "MAX_FIELDS_EXCEEDED"
	CodeMaxBatch            = "MAX_BATCH_EXCEEDED"
	CodeMaxFragments        = "MAX_FRAGMENTS_EXCEEDED"
	CodeMaxRepeats          = "MAX_REPEATED_SELECTIONS_EXCEEDED"
	CodeBodyTooLarge        = "REQUEST_TOO_LARGE"
	CodePQNotFound          = "PERSISTED_QUERY_NOT_FOUND"
	CodePQHashMismatch      = "PERSISTED_QUERY_HASH_MISMATCH"
	CodeQueryPlanningFailed = "QUERY_PLANNING_FAILED"
	CodeTimeout             = "REQUEST_TIMEOUT"
	CodeInternal            = "INTERNAL_SERVER_ERROR"

	// Execution: subgraph requests and what they answered.
	CodeSubrequestFailed = "SUBREQUEST_HTTP_ERROR"
	CodeInvalidResponse  = "SUBREQUEST_MALFORMED_RESPONSE"
	CodeNonNull          = "NON_NULLABLE_FIELD_NULL"
	// CodeDownstream marks a subgraph's error that came without a code.
	CodeDownstream = "DOWNSTREAM_SERVICE_ERROR"

	// Subscriptions.
	CodeSubgraphLost        = "SUBSCRIPTION_SUBGRAPH_LOST"
	CodeSubgraphUnavailable = "SUBSCRIPTION_SUBGRAPH_UNAVAILABLE"
	CodeTooManySubs         = "SUBSCRIPTION_LIMIT"
	CodeSlowSubscriber      = "SUBSCRIPTION_CLIENT_TOO_SLOW"
)

// FromSubgraph copies a subgraph's error for the client at path (the
// client's, not the subgraph's), naming the service; an error without a
// code gets CodeDownstream, one without a message a generic one.
func FromSubgraph(e *Error, service string, path []any) *Error {
	ext := make(map[string]any, len(e.Extensions)+2)
	for k, v := range e.Extensions {
		ext[k] = v
	}
	ext["serviceName"] = service
	if _, ok := ext["code"]; !ok {
		ext["code"] = CodeDownstream
	}
	msg := e.Message
	if msg == "" {
		msg = "subgraph error"
	}
	return &Error{Message: msg, Path: path, Extensions: ext}
}
