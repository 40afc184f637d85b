package httpserver

import (
	"mime"
	"net/http"
)

// CodeCSRF answers a request a browser could send cross-site without a
// preflight.
const CodeCSRF = "CSRF_PREVENTED"

// CSRFMessage says what a refused request lacks.
const CSRFMessage = "this request could be a cross-site request forgery: send a Content-Type other than text/plain, multipart/form-data or application/x-www-form-urlencoded, or a non-empty GraphQL-Preflight (or Apollo-Require-Preflight) header"

// CSRFSafe reports whether a POST is not a "simple" request a page could
// forge: it has a non-simple content type, or a preflight header, which a
// browser sends cross-site only after a CORS preflight (the OWASP CSRF
// cheat sheet's custom-header defence, as Apollo's CSRF prevention does).
func CSRFSafe(r *http.Request) bool {
	ct, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	switch ct {
	case "application/x-www-form-urlencoded", "multipart/form-data", "text/plain", "":
	default:
		return true
	}
	for _, h := range []string{"GraphQL-Preflight", "Apollo-Require-Preflight", "X-Apollo-Operation-Name"} {
		if r.Header.Get(h) != "" {
			return true
		}
	}
	return false
}
