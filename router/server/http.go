package server

import (
	"encoding/json"
	"errors"
	"fmt"
	"github.com/careercoach/coach/router/wire"
	"io"
	"mime"
	"net/http"
	"strconv"
	"strings"
	"sync"

	"github.com/careercoach/coach/router/execute"
)

const (
	mediaGraphQLResponse = "application/graphql-response+json"
	mediaJSON            = "application/json"
)

// gqlRequest is a GraphQL-over-HTTP request.
type gqlRequest struct {
	Query         string         `json:"query"`
	OperationName string         `json:"operationName"`
	Variables     map[string]any `json:"variables"`
	Extensions    map[string]any `json:"extensions"`
}

// reqError is a request error: no execution happened, so the response
// has no data. status is the HTTP status for graphql-response+json.
type reqError struct {
	status int
	errs   []*wire.Error
}

func newReqError(code, msg string) *reqError {
	return &reqError{status: http.StatusBadRequest, errs: []*wire.Error{wire.Errorf(code, "%s", msg)}}
}

func (e *reqError) withStatus(s int) *reqError { e.status = s; return e }

// malformed reports a request that is not a well-formed GraphQL-over-HTTP
// request (body not JSON, a parameter of the wrong type, no query): the
// spec wants 4xx for it under application/json too, where a GraphQL
// error of a well-formed request (parse, validation) is answered 200.
func (e *reqError) malformed() bool {
	return len(e.errs) > 0 && e.errs[0].Code() == wire.CodeBadRequest
}

// bodyCache keeps decoded request bodies: clients send the same few
// operations again and again, and decoding a body costs more than looking
// it up. Entries are shared, so nothing may modify a gqlRequest's maps.
type bodyCache = lru[gqlRequest]

// maxCachedBody: bigger bodies (uploads aside, big variables) are decoded
// each time rather than pinning memory.
const maxCachedBody = 8 << 10

// parseRequest reads a GET or POST GraphQL request; bodies, when not nil,
// caches decoded POST bodies.
func parseRequest(r *http.Request, maxBody int64, bodies *bodyCache) ([]gqlRequest, bool, *reqError) {
	switch r.Method {
	case http.MethodGet:
		q := r.URL.Query()
		req := gqlRequest{Query: q.Get("query"), OperationName: q.Get("operationName")}
		for name, dst := range map[string]any{"variables": &req.Variables, "extensions": &req.Extensions} {
			if s := q.Get(name); s != "" {
				if err := json.Unmarshal([]byte(s), dst); err != nil {
					return nil, false, newReqError(wire.CodeBadRequest, fmt.Sprintf("%s is not a JSON object", name))
				}
			}
		}
		return []gqlRequest{req}, false, nil
	case http.MethodPost:
		ct, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
		if ct != mediaJSON && ct != "" {
			return nil, false, newReqError(wire.CodeBadRequest, "Content-Type must be application/json").withStatus(http.StatusUnsupportedMediaType)
		}
		body, err := io.ReadAll(http.MaxBytesReader(nil, r.Body, maxBody))
		if err != nil {
			var mbe *http.MaxBytesError
			if errors.As(err, &mbe) {
				return nil, false, newReqError(wire.CodeBodyTooLarge, fmt.Sprintf("request body exceeds %d bytes", maxBody)).withStatus(http.StatusRequestEntityTooLarge)
			}
			return nil, false, newReqError(wire.CodeBadRequest, "cannot read request body")
		}
		trimmed := strings.TrimSpace(string(body))
		if strings.HasPrefix(trimmed, "[") {
			var batch []gqlRequest
			if err := json.Unmarshal(body, &batch); err != nil {
				return nil, false, newReqError(wire.CodeBadRequest, "request body is not valid JSON")
			}
			if len(batch) == 0 {
				return nil, false, newReqError(wire.CodeBadRequest, "empty batch")
			}
			return batch, true, nil
		}
		cache := bodies != nil && len(body) <= maxCachedBody
		if cache {
			if req, ok := bodies.get(string(body)); ok {
				return []gqlRequest{req}, false, nil
			}
		}
		var req gqlRequest
		if err := json.Unmarshal(body, &req); err != nil {
			return nil, false, newReqError(wire.CodeBadRequest, "request body is not a valid GraphQL request: "+err.Error())
		}
		if cache {
			bodies.put(string(body), req)
		}
		return []gqlRequest{req}, false, nil
	}
	return nil, false, newReqError(wire.CodeBadRequest, "use GET or POST").withStatus(http.StatusMethodNotAllowed)
}

// responseType picks the media type from Accept: graphql-response+json
// when acceptable, else application/json (the legacy default). A request
// without Accept gets graphql-response+json, as the GraphQL-over-HTTP spec
// says since its 2025 watershed.
func responseType(r *http.Request) (string, bool) {
	accept := r.Header.Get("Accept")
	if accept == "" {
		return mediaGraphQLResponse, true
	}
	jsonOK := false
	for _, part := range strings.Split(accept, ",") {
		mt, _, err := mime.ParseMediaType(strings.TrimSpace(part))
		if err != nil {
			continue
		}
		switch mt {
		case mediaGraphQLResponse:
			return mediaGraphQLResponse, true
		case mediaJSON, "*/*", "application/*", mediaMultipart:
			// A client reading multipart/mixed gets JSON when its query
			// has nothing to defer, as Apollo's router answers.
			jsonOK = true
		}
	}
	return mediaJSON, jsonOK
}

// writeResult writes a response. Request errors take their status under
// graphql-response+json and 200 under application/json, as the
// GraphQL-over-HTTP spec says.
func writeResult(w http.ResponseWriter, media string, res any, rerr *reqError) {
	status := http.StatusOK
	if rerr != nil {
		res = struct {
			Errors []*wire.Error `json:"errors"`
		}{rerr.errs}
		if media == mediaGraphQLResponse || rerr.status != http.StatusBadRequest || rerr.malformed() {
			status = rerr.status
		}
	}
	w.Header().Set("Content-Type", media+"; charset=utf-8")
	if r, ok := res.(*execute.Result); ok && r != nil {
		writeFast(w, status, r)
		return
	}
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(res)
}

// encodeResult appends a result's response body to dst.
func encodeResult(dst []byte, r *execute.Result) []byte {
	b, err := r.AppendJSON(dst)
	if err != nil {
		// AppendJSON is also the Result's MarshalJSON: nothing else can
		// encode it. What dst held (a multipart part's head) stays.
		e, _ := json.Marshal(struct {
			Errors []*wire.Error `json:"errors"`
		}{[]*wire.Error{internalError("the result could not be encoded")}})
		b = append(dst, e...)
	}
	return append(b, '\n') // as json.Encoder ends its output
}

// bufPool holds response buffers; responses of tens of kilobytes would
// otherwise grow a fresh buffer from nothing on every request.
var bufPool = sync.Pool{New: func() any { b := make([]byte, 0, 64<<10); return &b }}

// maxPooledBuf keeps rare huge responses from pinning memory in the pool.
const maxPooledBuf = 1 << 20

// writeFast writes a result in one pass (execute.AppendJSON) with a
// Content-Length.
func writeFast(w http.ResponseWriter, status int, r *execute.Result) {
	bp := bufPool.Get().(*[]byte)
	b := encodeResult((*bp)[:0], r)
	w.Header().Set("Content-Length", strconv.Itoa(len(b)))
	w.WriteHeader(status)
	_, _ = w.Write(b)
	if cap(b) <= maxPooledBuf {
		*bp = b
		bufPool.Put(bp)
	}
}
