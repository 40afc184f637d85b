package gqlsrv

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"

	"github.com/99designs/gqlgen/graphql/handler"

	"github.com/careercoach/coach/internal/auth"
	"github.com/careercoach/coach/internal/httpserver"
)

// Codes of errors that gqlgen's transports write without one.
const (
	CodeBadRequest      = "BAD_REQUEST"
	CodeRequestTooLarge = "REQUEST_TOO_LARGE" // as the router answers
)

// Server is gqlgen's handler whose transport-level errors (body too large,
// unreadable multipart, unsupported content type) carry extensions.code like
// every other error. Resolver errors get theirs from the error presenter.
type Server struct {
	*handler.Server
	maxBody int64
}

// ServeHTTP bounds the body (declared or not) at maxBody and answers an
// over-limit request with 413 and REQUEST_TOO_LARGE. WebSocket upgrades are
// passed through untouched: they carry no body and need the raw writer.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method == http.MethodPost && !csrfSafe(r) {
		writeError(w, http.StatusBadRequest, httpserver.CSRFMessage, httpserver.CodeCSRF)
		return
	}
	if r.ContentLength > s.maxBody {
		writeTooLarge(w, s.maxBody)
		return
	}
	if strings.EqualFold(r.Header.Get("Upgrade"), "websocket") {
		s.Server.ServeHTTP(w, r)
		return
	}
	body := &limitedBody{rc: r.Body, left: s.maxBody}
	if r.Body != nil && r.Body != http.NoBody {
		r.Body = body
	}
	bw := &bufferedWriter{w: w, status: http.StatusOK}
	s.Server.ServeHTTP(bw, r)
	if body.exceeded {
		writeTooLarge(w, s.maxBody)
		return
	}
	status, out := withCodes(bw.status, bw.buf.Bytes())
	w.WriteHeader(status)
	_, _ = w.Write(out)
}

// csrfSafe applies the router's CSRF guard to a subgraph, which a browser
// can reach too (its port is on the same site and cookies ignore ports):
// a cookie-carrying multipart or text/plain POST without a preflight header
// is refused. The router's own calls present the service credential, and a
// request with an Authorization header was preflighted already (the header
// is not CORS-safelisted), so both pass.
func csrfSafe(r *http.Request) bool {
	return httpserver.CSRFSafe(r) || auth.IsService(r.Context()) || r.Header.Get("Authorization") != ""
}

func writeTooLarge(w http.ResponseWriter, limit int64) {
	w.Header().Set("Connection", "close")
	writeError(w, http.StatusRequestEntityTooLarge, fmt.Sprintf("request body exceeds %d bytes", limit), CodeRequestTooLarge)
}

// writeError answers with one coded error before gqlgen sees the request.
func writeError(w http.ResponseWriter, status int, msg, code string) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(map[string]any{"errors": []any{
		map[string]any{"message": msg, "extensions": map[string]any{"code": code}}}})
}

// withCodes gives every error of a response that has none the code its
// status implies. Only gqlgen's transports write such errors (the presenter
// codes all others), so other responses are returned as they are.
func withCodes(status int, body []byte) (int, []byte) {
	if status < 400 && !bytes.HasPrefix(body, []byte(`{"errors":`)) {
		return status, body
	}
	var resp map[string]json.RawMessage
	var errs []map[string]any
	if json.Unmarshal(body, &resp) != nil || json.Unmarshal(resp["errors"], &errs) != nil {
		return status, body
	}
	changed := false
	for _, e := range errs {
		ext, _ := e["extensions"].(map[string]any)
		if code, _ := ext["code"].(string); code != "" {
			continue
		}
		if msg, _ := e["message"].(string); unreadableMultipart(msg) {
			e["message"] = httpserver.MalformedMultipartMessage
		}
		if ext == nil {
			ext = map[string]any{}
			e["extensions"] = ext
		}
		ext["code"] = CodeBadRequest
		changed = true
	}
	if !changed {
		return status, body
	}
	if status < 400 {
		status = http.StatusBadRequest
	}
	resp["errors"], _ = json.Marshal(errs)
	out, err := json.Marshal(resp)
	if err != nil {
		return status, body
	}
	return status, out
}

// unreadableMultipart recognises gqlgen's words for a multipart body it
// could not read, which say less than ours.
func unreadableMultipart(msg string) bool {
	for _, p := range []string{"failed to parse multipart form", "failed to parse part", "failed to read file for key"} {
		if strings.HasPrefix(msg, p) {
			return true
		}
	}
	return false
}

// limitedBody fails reads past left bytes and remembers that it did, so the
// answer can say why whatever gqlgen made of the error.
type limitedBody struct {
	rc       io.ReadCloser
	left     int64
	exceeded bool
}

var errTooLarge = errors.New("request body too large")

func (b *limitedBody) Read(p []byte) (int, error) {
	if b.exceeded {
		return 0, errTooLarge
	}
	if int64(len(p)) > b.left+1 {
		p = p[:b.left+1]
	}
	n, err := b.rc.Read(p)
	if int64(n) > b.left {
		b.exceeded = true
		return int(b.left), errTooLarge
	}
	b.left -= int64(n)
	return n, err
}

func (b *limitedBody) Close() error { return b.rc.Close() }

// bufferedWriter holds gqlgen's answer until its codes are checked.
type bufferedWriter struct {
	w      http.ResponseWriter
	status int
	buf    bytes.Buffer
}

func (b *bufferedWriter) Header() http.Header         { return b.w.Header() }
func (b *bufferedWriter) WriteHeader(status int)      { b.status = status }
func (b *bufferedWriter) Write(p []byte) (int, error) { return b.buf.Write(p) }

// transportCode codes the errors gqlgen's transports send through the
// presenter: an undecodable JSON body or an unreadable one.
func transportCode(msg string) (string, string, bool) {
	if rest, ok := strings.CutPrefix(msg, "json request body could not be decoded: "); ok {
		rest, _, _ = strings.Cut(rest, " body:") // gqlgen echoes the whole body
		return "the request body is not valid JSON: " + rest, CodeBadRequest, true
	}
	if strings.HasPrefix(msg, "could not read request body") {
		return "could not read the request body", CodeBadRequest, true
	}
	return "", "", false
}
