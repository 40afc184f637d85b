package server

import (
	"encoding/json"
	"github.com/careercoach/coach/router/wire"
	"net/http"

	"github.com/careercoach/coach/internal/httpserver"
)

const csrfMessage = httpserver.CSRFMessage

// csrfSafe reports whether a POST is not a "simple" request a page could
// forge (the rule every subgraph applies too).
func csrfSafe(r *http.Request) bool { return httpserver.CSRFSafe(r) }

// writeRefusal answers with the error's status whatever the media type:
// a CSRF refusal is 400 even for application/json clients, so that
// forgeries fail visibly.
func writeRefusal(w http.ResponseWriter, media string, rerr *reqError) {
	w.Header().Set("Content-Type", media+"; charset=utf-8")
	w.WriteHeader(rerr.status)
	_ = json.NewEncoder(w).Encode(struct {
		Errors []*wire.Error `json:"errors"`
	}{rerr.errs})
}
