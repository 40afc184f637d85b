package server

import (
	"encoding/json"
	"mime"
	"net/http"

	"github.com/careercoach/coach/router/execute"
)

// CodeCSRF answers a request a browser could send cross-site without a
// preflight.
const CodeCSRF = "CSRF_PREVENTED"

const csrfMessage = "this request could be a cross-site request forgery: send a Content-Type other than text/plain, multipart/form-data or application/x-www-form-urlencoded, or a non-empty GraphQL-Preflight (or Apollo-Require-Preflight) header"

// preflightHeaders are non-simple headers: a browser sends them cross-site
// only after a CORS preflight, which the CORS policy then decides.
var preflightHeaders = []string{"GraphQL-Preflight", "Apollo-Require-Preflight", "X-Apollo-Operation-Name"}

// csrfSafe reports whether a POST is not a "simple" request a page could
// forge: it has a non-simple content type, or a preflight header.
func csrfSafe(r *http.Request) bool {
	ct, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	switch ct {
	case "application/x-www-form-urlencoded", "multipart/form-data", "text/plain", "":
	default:
		return true
	}
	for _, h := range preflightHeaders {
		if r.Header.Get(h) != "" {
			return true
		}
	}
	return false
}

// writeRefusal answers with the error's status whatever the media type:
// a CSRF refusal is 400 even for application/json clients, so that
// forgeries fail visibly.
func writeRefusal(w http.ResponseWriter, media string, rerr *reqError) {
	w.Header().Set("Content-Type", media+"; charset=utf-8")
	w.WriteHeader(rerr.status)
	_ = json.NewEncoder(w).Encode(struct {
		Errors []*execute.Error `json:"errors"`
	}{rerr.errs})
}
