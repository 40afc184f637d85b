package apperr

import (
	"database/sql"
	"fmt"
	"net/http"
	"testing"
)

func TestCodeAndMessage(t *testing.T) {
	tests := []struct {
		name       string
		err        error
		code, msg  string
		httpStatus int
	}{
		{"direct", Errorf(NotFound, "no CV %s", "x"), NotFound, "no CV x", http.StatusNotFound},
		{"wrapped", fmt.Errorf("loading: %w", Errorf(Forbidden, "not yours")), Forbidden, "not yours", http.StatusForbidden},
		{"internal hides detail", fmt.Errorf("query: %w", sql.ErrConnDone), Internal, "internal error", http.StatusInternalServerError},
		{"rate limited", Errorf(RateLimited, "slow down"), RateLimited, "slow down", http.StatusTooManyRequests},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Code(tt.err); got != tt.code {
				t.Errorf("Code = %s, want %s", got, tt.code)
			}
			if got := Message(tt.err); got != tt.msg {
				t.Errorf("Message = %q, want %q", got, tt.msg)
			}
			if got := HTTPStatus(Code(tt.err)); got != tt.httpStatus {
				t.Errorf("HTTPStatus = %d, want %d", got, tt.httpStatus)
			}
		})
	}
}
