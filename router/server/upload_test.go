package server_test

import (
	"bytes"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"strings"
	"testing"

	"github.com/careercoach/coach/router/server"
)

type uploadFile struct {
	field, name string
	data        []byte
}

// multipartBody builds a GraphQL multipart request.
func multipartBody(t *testing.T, ops, fileMap string, files []uploadFile) (*bytes.Buffer, string) {
	t.Helper()
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	_ = mw.WriteField("operations", ops)
	_ = mw.WriteField("map", fileMap)
	for _, f := range files {
		w, err := mw.CreateFormFile(f.field, f.name)
		if err != nil {
			t.Fatal(err)
		}
		_, _ = w.Write(f.data)
	}
	_ = mw.Close()
	return &buf, mw.FormDataContentType()
}

func randomBytes(t *testing.T, n int) []byte {
	t.Helper()
	b := make([]byte, n)
	if _, err := rand.Read(b); err != nil {
		t.Fatal(err)
	}
	return b
}

func sum(b []byte) string {
	s := sha256.Sum256(b)
	return hex.EncodeToString(s[:])
}

type gqlResp struct {
	Data   map[string]json.RawMessage `json:"data"`
	Errors []struct {
		Message    string         `json:"message"`
		Extensions map[string]any `json:"extensions"`
	} `json:"errors"`
}

func postMultipart(t *testing.T, url string, body io.Reader, ctype string, header http.Header) (int, gqlResp) {
	t.Helper()
	req, err := http.NewRequest(http.MethodPost, url, body)
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", ctype)
	for k, v := range header {
		req.Header[k] = v
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	var out gqlResp
	raw, _ := io.ReadAll(res.Body)
	if err := json.Unmarshal(raw, &out); err != nil {
		t.Fatalf("status %d body %q: %v", res.StatusCode, raw, err)
	}
	return res.StatusCode, out
}

var preflight = http.Header{"Graphql-Preflight": {"1"}}

func TestUploadFiveMegabytesArrivesIntact(t *testing.T) {
	e := newEdgeEnv(t, func(c *server.Config) { c.Uploads.MaxBytes = 6 << 20 })
	data := randomBytes(t, 5<<20)
	cases := []struct {
		name    string
		chunked bool
	}{{name: "with Content-Length"}, {name: "chunked", chunked: true}}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			body, ct := multipartBody(t, `{"query":"mutation($f: Upload!) { upload(file: $f) { filename size sha256 } }","variables":{"f":null}}`,
				`{"0":["variables.f"]}`, []uploadFile{{field: "0", name: "cv.pdf", data: data}})
			var r io.Reader = body
			if tc.chunked {
				r = io.MultiReader(body) // hides the length: the client streams chunked
			}
			status, out := postMultipart(t, e.router.URL+"/graphql", r, ct, preflight)
			if status != http.StatusOK || len(out.Errors) > 0 {
				t.Fatalf("status %d errors %+v", status, out.Errors)
			}
			var got struct {
				Filename, Sha256 string
				Size             int
			}
			_ = json.Unmarshal(out.Data["upload"], &got)
			if got.Filename != "cv.pdf" || got.Size != len(data) || got.Sha256 != sum(data) {
				t.Fatalf("subgraph received %+v, want cv.pdf, %d bytes, %s", got, len(data), sum(data))
			}
		})
	}
}

func TestUploadList(t *testing.T) {
	e := newEdgeEnv(t, nil)
	a, b := randomBytes(t, 1000), randomBytes(t, 3000)
	body, ct := multipartBody(t, `{"query":"mutation($fs: [Upload!]!) { uploadMany(files: $fs) { filename size sha256 } }","variables":{"fs":[null,null]}}`,
		`{"a":["variables.fs.0"],"b":["variables.fs.1"]}`, []uploadFile{{field: "a", name: "a.txt", data: a}, {field: "b", name: "b.txt", data: b}})
	status, out := postMultipart(t, e.router.URL+"/graphql", body, ct, http.Header{"Apollo-Require-Preflight": {"true"}})
	if status != http.StatusOK || len(out.Errors) > 0 {
		t.Fatalf("status %d errors %+v", status, out.Errors)
	}
	var got []struct{ Filename, Sha256 string }
	_ = json.Unmarshal(out.Data["uploadMany"], &got)
	if len(got) != 2 || got[0].Filename != "a.txt" || got[0].Sha256 != sum(a) || got[1].Sha256 != sum(b) {
		t.Fatalf("got %+v", got)
	}
}

func TestUploadOverLimit(t *testing.T) {
	e := newEdgeEnv(t, func(c *server.Config) { c.Uploads.MaxBytes = 1 << 20 })
	data := randomBytes(t, 2<<20)
	for _, chunked := range []bool{false, true} {
		t.Run(fmt.Sprintf("chunked=%v", chunked), func(t *testing.T) {
			body, ct := multipartBody(t, `{"query":"mutation($f: Upload!) { upload(file: $f) { size } }","variables":{"f":null}}`,
				`{"0":["variables.f"]}`, []uploadFile{{field: "0", name: "big.bin", data: data}})
			var r io.Reader = body
			if chunked {
				r = io.MultiReader(body)
			}
			status, out := postMultipart(t, e.router.URL+"/graphql", r, ct, preflight)
			if status != http.StatusRequestEntityTooLarge || len(out.Errors) != 1 || out.Errors[0].Extensions["code"] != "REQUEST_TOO_LARGE" ||
				!strings.Contains(out.Errors[0].Message, "1048576") {
				t.Fatalf("status %d errors %+v, want 413 REQUEST_TOO_LARGE naming the limit", status, out.Errors)
			}
		})
	}
}

func TestUploadBadRequests(t *testing.T) {
	e := newEdgeEnv(t, nil)
	cases := []struct {
		name, ops, fileMap, want string
	}{
		{name: "map path not null", ops: `{"query":"mutation($f: Upload!) { upload(file: $f) { size } }","variables":{"f":"x"}}`, fileMap: `{"0":["variables.f"]}`, want: "map path"},
		{name: "map path outside variables", ops: `{"query":"mutation($f: Upload!) { upload(file: $f) { size } }","variables":{"f":null}}`, fileMap: `{"0":["query"]}`, want: "map path"},
		{name: "batch", ops: `[{"query":"{ ping }"}]`, fileMap: `{}`, want: "batched"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			body, ct := multipartBody(t, tc.ops, tc.fileMap, []uploadFile{{field: "0", name: "f", data: []byte("x")}})
			status, out := postMultipart(t, e.router.URL+"/graphql", body, ct, preflight)
			// A malformed request is 400 under application/json too
			// (GraphQL over HTTP; graphql-http's audit).
			if status != http.StatusBadRequest || len(out.Errors) != 1 || !strings.Contains(out.Errors[0].Message, tc.want) || out.Errors[0].Extensions["code"] != "BAD_REQUEST" {
				t.Fatalf("status %d errors %+v", status, out.Errors)
			}
		})
	}
}

func TestCSRFPrevention(t *testing.T) {
	e := newEdgeEnv(t, nil)
	body, ct := multipartBody(t, `{"query":"mutation($f: Upload!) { upload(file: $f) { size } }","variables":{"f":null}}`,
		`{"0":["variables.f"]}`, []uploadFile{{field: "0", name: "f", data: []byte("x")}})
	cases := []struct {
		name, ctype string
		body        string
		header      http.Header
		wantCSRF    bool
	}{
		{name: "multipart without preflight header", ctype: ct, body: body.String(), wantCSRF: true},
		{name: "text/plain", ctype: "text/plain", body: `{"query":"{ ping }"}`, wantCSRF: true},
		{name: "form-urlencoded", ctype: "application/x-www-form-urlencoded", body: `query=x`, wantCSRF: true},
		{name: "no content type", ctype: "", body: `{"query":"{ ping }"}`, wantCSRF: true},
		{name: "multipart with GraphQL-Preflight", ctype: ct, body: body.String(), header: preflight},
		{name: "JSON needs no header", ctype: "application/json", body: `{"query":"{ ping }"}`},
		{name: "event stream without content type", ctype: "", body: `{"query":"{ ping }"}`, header: http.Header{"Accept": {"text/event-stream"}}, wantCSRF: true},
		{name: "event stream text/plain", ctype: "text/plain", body: `{"query":"{ ping }"}`, header: http.Header{"Accept": {"text/event-stream"}}, wantCSRF: true},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			req, _ := http.NewRequest(http.MethodPost, e.router.URL+"/graphql", strings.NewReader(tc.body))
			if tc.ctype != "" {
				req.Header.Set("Content-Type", tc.ctype)
			} else {
				req.Header["Content-Type"] = nil
			}
			for k, v := range tc.header {
				req.Header[k] = v
			}
			res, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			defer res.Body.Close()
			raw, _ := io.ReadAll(res.Body)
			isCSRF := res.StatusCode == http.StatusBadRequest && strings.Contains(string(raw), "CSRF_PREVENTED")
			if isCSRF != tc.wantCSRF {
				t.Fatalf("status %d body %s; want CSRF refusal %v", res.StatusCode, raw, tc.wantCSRF)
			}
			if !tc.wantCSRF && (res.StatusCode != http.StatusOK || strings.Contains(string(raw), `"errors"`)) {
				t.Fatalf("status %d body %s", res.StatusCode, raw)
			}
		})
	}
}
