// Package apperr is the error vocabulary shared by all services: a machine
// code (what GraphQL puts in extensions.code and HTTP maps to a status) and
// a message safe to show a user. Anything else is an internal error whose
// details are logged, never shown.
package apperr

import (
	"errors"
	"fmt"
	"net/http"
)

// Codes, named as Apollo's servers name them where one exists.
const (
	Unauthenticated = "UNAUTHENTICATED"
	Forbidden       = "FORBIDDEN"
	NotFound        = "NOT_FOUND"
	Invalid         = "BAD_USER_INPUT"
	Conflict        = "CONFLICT"
	RateLimited     = "RATE_LIMITED"
	Unavailable     = "SERVICE_UNAVAILABLE"
	Internal        = "INTERNAL_SERVER_ERROR"
)

// Error is an error a user may see.
type Error struct {
	Code    string
	Message string
}

func (e *Error) Error() string { return e.Message }

// Errorf returns an *Error with a formatted message.
func Errorf(code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// Code returns the code of the first *Error in err's chain, or Internal.
func Code(err error) string {
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	return Internal
}

// Message returns the user-safe message of err; internal errors get a
// generic message so that no SQL or stack detail leaks.
func Message(err error) string {
	var e *Error
	if errors.As(err, &e) {
		return e.Message
	}
	return "internal error"
}

// HTTPStatus maps a code to the status a plain HTTP endpoint answers with.
func HTTPStatus(code string) int {
	switch code {
	case Unauthenticated:
		return http.StatusUnauthorized
	case Forbidden:
		return http.StatusForbidden
	case NotFound:
		return http.StatusNotFound
	case Invalid:
		return http.StatusBadRequest
	case Conflict:
		return http.StatusConflict
	case RateLimited:
		return http.StatusTooManyRequests
	case Unavailable:
		return http.StatusServiceUnavailable
	default:
		return http.StatusInternalServerError
	}
}
