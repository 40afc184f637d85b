package server

import (
	"fmt"
	"net/http"
)

// limitBody refuses a request whose declared body exceeds max with a
// GraphQL error that carries a code: gqlgen's own multipart limit answers
// with a message only. (A body without Content-Length still meets that
// limit.)
func limitBody(next http.Handler, max int64, fileLimit int64) http.Handler {
	msg := fmt.Sprintf(`{"errors":[{"message":"the file is larger than %d MB","extensions":{"code":"BAD_USER_INPUT"}}]}`, fileLimit>>20)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.ContentLength > max {
			w.Header().Set("Content-Type", "application/json")
			w.Header().Set("Connection", "close")
			w.WriteHeader(http.StatusRequestEntityTooLarge)
			_, _ = w.Write([]byte(msg))
			return
		}
		next.ServeHTTP(w, r)
	})
}
