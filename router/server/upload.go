package server

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"github.com/careercoach/coach/router/wire"
	"io"
	"log/slog"
	"mime"
	"mime/multipart"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/careercoach/coach/internal/filename"
	"github.com/careercoach/coach/internal/httpserver"
	"github.com/careercoach/coach/router/execute"
	"github.com/careercoach/coach/router/transport"
)

// uploadPlaceholder marks, in the coerced variables, where a file of the
// multipart request goes; it never leaves the router.
const uploadPlaceholder = "\x00upload:"

func isMultipart(r *http.Request) bool {
	ct, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	return r.Method == http.MethodPost && ct == "multipart/form-data"
}

// uploads is the file stream of one multipart request. Files are read in
// the order the client sent them, straight into the subgraph request.
type uploads struct {
	mr    *multipart.Reader
	limit int64

	mu      sync.Mutex
	claimed bool
	err     error // the first error reading the client's body
}

type uploadsKey struct{}

func (u *uploads) claim() bool {
	u.mu.Lock()
	defer u.mu.Unlock()
	if u.claimed {
		return false
	}
	u.claimed = true
	return true
}

func (u *uploads) fail(err error) {
	u.mu.Lock()
	defer u.mu.Unlock()
	if u.err == nil {
		u.err = err
	}
}

func (u *uploads) readErr() error {
	u.mu.Lock()
	defer u.mu.Unlock()
	return u.err
}

// next yields the next file part.
func (u *uploads) next() (*transport.File, error) {
	p, err := u.mr.NextPart()
	if err != nil {
		if err != io.EOF {
			u.fail(err)
		}
		return nil, err
	}
	if err := filename.Check(p.FileName()); err != nil {
		u.fail(err)
		return nil, err
	}
	return &transport.File{Field: p.FormName(), Filename: p.FileName(), ContentType: p.Header.Get("Content-Type"),
		Body: errReader{r: p, u: u}}, nil
}

// uploadFailure is the answer to a request whose body failed while its
// files were streamed. The client's fault is said in our words: the MIME
// parser's ("malformed MIME header: missing colon") and the subgraph's
// view of the broken stream never reach the client.
func uploadFailure(err error, tooLarge *reqError) *reqError {
	if _, ok := errors.AsType[*http.MaxBytesError](err); ok {
		return tooLarge
	}
	if errors.Is(err, filename.ErrInvalid) {
		return newReqError(wire.CodeBadUserInput, err.Error())
	}
	return newReqError(wire.CodeBadRequest, httpserver.MalformedMultipartMessage)
}

type errReader struct {
	r io.Reader
	u *uploads
}

func (e errReader) Read(b []byte) (int, error) {
	n, err := e.r.Read(b)
	if err != nil && err != io.EOF {
		e.u.fail(err)
	}
	return n, err
}

// uploadFetcher sends a fetch whose variables hold files as a multipart
// request; every other fetch goes through the plain client.
type uploadFetcher struct{ client *transport.Client }

func (f uploadFetcher) Fetch(ctx context.Context, service string, req *execute.Request) (*execute.Response, error) {
	up, _ := ctx.Value(uploadsKey{}).(*uploads)
	if up == nil {
		return f.client.Fetch(ctx, service, req)
	}
	fileMap := map[string][]string{}
	vars, _ := stripPlaceholders(req.Variables, "variables", fileMap).(map[string]any)
	if len(fileMap) == 0 {
		return f.client.Fetch(ctx, service, req)
	}
	if !up.claim() {
		return nil, errors.New("the files of one request can go to one subgraph request only")
	}
	out := *req
	out.Variables = vars
	return f.client.FetchMultipart(ctx, service, &out, fileMap, up.next)
}

// stripPlaceholders copies v with file placeholders replaced by null,
// recording each file's variable path in fileMap.
func stripPlaceholders(v any, path string, fileMap map[string][]string) any {
	switch x := v.(type) {
	case string:
		if key, ok := strings.CutPrefix(x, uploadPlaceholder); ok {
			fileMap[key] = append(fileMap[key], path)
			return nil
		}
	case map[string]any:
		out := make(map[string]any, len(x))
		for k, e := range x {
			out[k] = stripPlaceholders(e, path+"."+k, fileMap)
		}
		return out
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = stripPlaceholders(e, path+"."+strconv.Itoa(i), fileMap)
		}
		return out
	}
	return v
}

// serveMultipart runs a GraphQL multipart request: the operations and map
// fields first, then the files, streamed to the subgraph as they arrive.
func (s *Server) serveMultipart(w http.ResponseWriter, r *http.Request, media string, log *slog.Logger, start time.Time) {
	limit := s.cfg.Uploads.MaxBytes
	tooLarge := newReqError(wire.CodeBodyTooLarge, fmt.Sprintf("upload exceeds the limit of %d bytes", limit)).withStatus(http.StatusRequestEntityTooLarge)
	if r.ContentLength > limit {
		writeResult(w, media, nil, tooLarge)
		return
	}
	r.Body = http.MaxBytesReader(w, r.Body, limit)
	mr, err := r.MultipartReader()
	if err != nil {
		writeResult(w, media, nil, newReqError(wire.CodeBadRequest, httpserver.MalformedMultipartMessage))
		return
	}
	req, rerr := s.readOperations(mr)
	if rerr != nil {
		writeResult(w, media, nil, rerr)
		return
	}
	up := &uploads{mr: mr, limit: limit}
	ctx, cancel := context.WithTimeout(r.Context(), s.cfg.RequestTimeout)
	defer cancel()
	ctx = transport.WithHeaders(ctx, s.propagated(r))
	ctx = context.WithValue(ctx, uploadsKey{}, up)
	res, rerr := s.handle(ctx, s.state.Load(), req, r.Method)
	if err := up.readErr(); err != nil {
		res, rerr = nil, uploadFailure(err, tooLarge)
	}
	s.finish(ctx, log, req, res, rerr, start)
	writeResult(w, media, res, rerr)
}

// readOperations reads the operations and map fields and puts a
// placeholder wherever the map says a file goes.
func (s *Server) readOperations(mr *multipart.Reader) (gqlRequest, *reqError) {
	var req gqlRequest
	ops, rerr := readField(mr, "operations", s.cfg.Limits.MaxBodyBytes)
	if rerr != nil {
		return req, rerr
	}
	if strings.HasPrefix(strings.TrimSpace(string(ops)), "[") {
		return req, newReqError(wire.CodeBadRequest, "batched operations cannot carry uploads")
	}
	if err := json.Unmarshal(ops, &req); err != nil {
		return req, newReqError(wire.CodeBadRequest, "operations is not a GraphQL request: "+err.Error())
	}
	raw, rerr := readField(mr, "map", 64<<10)
	if rerr != nil {
		return req, rerr
	}
	var fileMap map[string][]string
	if err := json.Unmarshal(raw, &fileMap); err != nil {
		return req, newReqError(wire.CodeBadRequest, "map must be an object of file field to variable paths")
	}
	if len(fileMap) > s.cfg.Uploads.MaxFiles {
		return req, newReqError(wire.CodeBadRequest, fmt.Sprintf("at most %d files per request", s.cfg.Uploads.MaxFiles))
	}
	for key, paths := range fileMap {
		for _, p := range paths {
			if err := setPath(req.Variables, p, uploadPlaceholder+key); err != nil {
				return req, newReqError(wire.CodeBadRequest, fmt.Sprintf("map path %q: %v", p, err))
			}
		}
	}
	return req, nil
}

func readField(mr *multipart.Reader, name string, limit int64) ([]byte, *reqError) {
	p, err := mr.NextPart()
	if err != nil || p.FormName() != name {
		return nil, newReqError(wire.CodeBadRequest, fmt.Sprintf("the multipart request must send the %s field here (GraphQL multipart request spec)", name))
	}
	b, err := io.ReadAll(io.LimitReader(p, limit+1))
	if err != nil {
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			return nil, newReqError(wire.CodeBodyTooLarge, fmt.Sprintf("upload exceeds the limit of %d bytes", mbe.Limit)).withStatus(http.StatusRequestEntityTooLarge)
		}
		return nil, newReqError(wire.CodeBadRequest, "cannot read the "+name+" field")
	}
	if int64(len(b)) > limit {
		return nil, newReqError(wire.CodeBodyTooLarge, fmt.Sprintf("the %s field exceeds %d bytes", name, limit)).withStatus(http.StatusRequestEntityTooLarge)
	}
	return b, nil
}

// setPath sets "variables.a.0.b" in vars to v; the value there must be
// null, as the spec has clients send it.
func setPath(vars map[string]any, path string, v any) error {
	segs := strings.Split(path, ".")
	if len(segs) < 2 || segs[0] != "variables" {
		return errors.New(`must start with "variables"`)
	}
	var cur any = vars
	for i, seg := range segs[1:] {
		last := i == len(segs)-2
		switch c := cur.(type) {
		case map[string]any:
			val, ok := c[seg]
			if !ok || (last && val != nil) {
				return errors.New("does not name a null variable")
			}
			if last {
				c[seg] = v
				return nil
			}
			cur = val
		case []any:
			n, err := strconv.Atoi(seg)
			if err != nil || n < 0 || n >= len(c) || (last && c[n] != nil) {
				return errors.New("does not name a null list item")
			}
			if last {
				c[n] = v
				return nil
			}
			cur = c[n]
		default:
			return errors.New("does not name a variable")
		}
	}
	return errors.New("does not name a variable")
}
