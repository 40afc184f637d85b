package gqlsrv_test

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2"
	"github.com/vektah/gqlparser/v2/ast"

	"github.com/careercoach/coach/internal/auth"
	"github.com/careercoach/coach/internal/gqlsrv"
	"github.com/careercoach/coach/internal/logging"
)

const limit = 4 << 10

func testServer() http.Handler {
	schema := gqlparser.MustLoadSchema(&ast.Source{Input: `scalar Upload
type Query { name: String! }
type Mutation { upload(f: Upload!): String!, ping: String! }`})
	es := &graphql.ExecutableSchemaMock{
		SchemaFunc: func() *ast.Schema { return schema },
		ComplexityFunc: func(context.Context, string, string, int, map[string]any) (int, bool) {
			return 1, true
		},
		ExecFunc: func(context.Context) graphql.ResponseHandler {
			done := false
			return func(context.Context) *graphql.Response {
				if done {
					return nil
				}
				done = true
				return &graphql.Response{Data: []byte(`{"name":"ok"}`)}
			}
		},
	}
	return gqlsrv.New(es, gqlsrv.Options{Log: logging.Discard(), MaxUploadBytes: limit})
}

// multipartBody is an upload request whose file has n bytes.
func multipartBody(n int) (string, []byte) {
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	_ = mw.WriteField("operations", `{"query":"mutation($f: Upload!) { upload(f: $f) }","variables":{"f":null}}`)
	_ = mw.WriteField("map", `{"0":["variables.f"]}`)
	fw, _ := mw.CreateFormFile("0", "cv.pdf")
	_, _ = fw.Write(bytes.Repeat([]byte("x"), n))
	_ = mw.Close()
	return mw.FormDataContentType(), buf.Bytes()
}

func TestTransportErrorsHaveCodes(t *testing.T) {
	h := testServer()
	mpType, big := multipartBody(2 * limit)
	smallType, small := multipartBody(10)
	cookie := map[string]string{"Cookie": "cc_access=a.b.c"}
	tests := []struct {
		name        string
		get         string // a GET request's query string instead of a POST
		contentType string
		body        []byte
		chunked     bool              // no Content-Length
		forgeable   bool              // no GraphQL-Preflight header
		header      map[string]string // more request headers
		router      bool              // the caller presented the service credential
		wantStatus  int
		wantCode    string
		wantData    string
	}{
		{name: "a query", contentType: "application/json", body: []byte(`{"query":"{ name }"}`), wantStatus: 200, wantData: `{"name":"ok"}`},
		{name: "a query by GET", get: "query=%7B+name+%7D", wantStatus: 200, wantData: `{"name":"ok"}`},
		{name: "a mutation by GET", get: "query=mutation+%7B+ping+%7D", wantStatus: 406, wantCode: "BAD_REQUEST"},
		{name: "upload over the limit, declared", contentType: mpType, body: big, wantStatus: 413, wantCode: "REQUEST_TOO_LARGE"},
		{name: "upload over the limit, chunked", contentType: mpType, body: big, chunked: true, wantStatus: 413, wantCode: "REQUEST_TOO_LARGE"},
		{name: "json over the limit, chunked", contentType: "application/json", chunked: true, wantStatus: 413, wantCode: "REQUEST_TOO_LARGE",
			body: []byte(`{"query":"{ name }","variables":{"x":"` + strings.Repeat("x", 2*limit) + `"}}`)},
		{name: "bad json", contentType: "application/json", body: []byte(`{"query": secret`), wantStatus: 400, wantCode: "BAD_REQUEST"},
		{name: "unsupported content type", contentType: "text/plain", body: []byte(`{ name }`), wantStatus: 400, wantCode: "BAD_REQUEST"},
		{name: "multipart without operations", contentType: "multipart/form-data; boundary=x", body: []byte("--x\r\nContent-Disposition: form-data; name=\"map\"\r\n\r\n{}\r\n--x--\r\n"),
			wantStatus: 422, wantCode: "BAD_REQUEST"},
		{name: "cookie upload without preflight (CSRF)", contentType: smallType, body: small, forgeable: true, header: cookie, wantStatus: 400, wantCode: "CSRF_PREVENTED"},
		{name: "text/plain without preflight (CSRF)", contentType: "text/plain", body: []byte(`{"query":"mutation { ping }"}`), forgeable: true, header: cookie, wantStatus: 400, wantCode: "CSRF_PREVENTED"},
		{name: "upload with preflight", contentType: smallType, body: small, header: cookie, wantStatus: 200, wantData: `{"name":"ok"}`},
		{name: "upload with a bearer token", contentType: smallType, body: small, forgeable: true, header: map[string]string{"Authorization": "Bearer a.b.c"}, wantStatus: 200, wantData: `{"name":"ok"}`},
		{name: "upload forwarded by the router", contentType: smallType, body: small, forgeable: true, router: true, wantStatus: 200, wantData: `{"name":"ok"}`},
		{name: "missing query", contentType: "application/json", body: []byte(`{}`), wantStatus: 422, wantCode: "GRAPHQL_VALIDATION_FAILED"},
		{name: "unparsable query", contentType: "application/json", body: []byte(`{"query":"{ name"}`), wantStatus: 422, wantCode: "GRAPHQL_PARSE_FAILED"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var body io.Reader = bytes.NewReader(tt.body)
			if tt.chunked {
				body = io.MultiReader(body) // hides the length from NewRequest
			}
			r := httptest.NewRequest("POST", "/graphql", body)
			if tt.get != "" {
				r = httptest.NewRequest("GET", "/graphql?"+tt.get, nil)
			}
			if tt.chunked {
				r.ContentLength = -1
			}
			r.Header.Set("Content-Type", tt.contentType)
			if !tt.forgeable {
				r.Header.Set("GraphQL-Preflight", "1")
			}
			for k, v := range tt.header {
				r.Header.Set(k, v)
			}
			if tt.router {
				r = r.WithContext(auth.WithService(r.Context()))
			}
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, r)
			var resp struct {
				Data   json.RawMessage
				Errors []struct {
					Message    string
					Extensions map[string]any
				}
			}
			if err := json.Unmarshal(rec.Body.Bytes(), &resp); err != nil {
				t.Fatalf("status %d, body %q: %v", rec.Code, rec.Body, err)
			}
			if rec.Code != tt.wantStatus {
				t.Errorf("status %d, want %d (%s)", rec.Code, tt.wantStatus, rec.Body)
			}
			if tt.wantCode == "" {
				if len(resp.Errors) > 0 || string(resp.Data) != tt.wantData {
					t.Errorf("body %s, want data %s", rec.Body, tt.wantData)
				}
				return
			}
			if len(resp.Errors) == 0 {
				t.Fatalf("no errors: %s", rec.Body)
			}
			for _, e := range resp.Errors {
				if e.Extensions["code"] != tt.wantCode {
					t.Errorf("error %q has code %v, want %s", e.Message, e.Extensions["code"], tt.wantCode)
				}
				if strings.Contains(e.Message, "secret") {
					t.Errorf("error echoes the body: %q", e.Message)
				}
			}
		})
	}
}
