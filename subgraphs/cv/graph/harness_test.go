package graph_test

import (
	"bytes"
	"context"
	"encoding/json"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/careercoach/coach/internal/auth"
	"github.com/careercoach/coach/internal/auth/authtest"
	"github.com/careercoach/coach/internal/bus"
	"github.com/careercoach/coach/internal/bus/membus"
	"github.com/careercoach/coach/internal/db"
	"github.com/careercoach/coach/internal/dbtest"
	"github.com/careercoach/coach/internal/gqlsrv"
	"github.com/careercoach/coach/internal/logging"
	"github.com/careercoach/coach/internal/skills"
	"github.com/careercoach/coach/subgraphs/cv"
	"github.com/careercoach/coach/subgraphs/cv/graph"
	"github.com/careercoach/coach/subgraphs/cv/store"
)

const secret = "router-secret-0123456789"

// textExtractor stands in for subgraphs/cv/extract: a "file" is "%PDF-"
// followed by its text, so tests choose the text exactly. A text containing
// SCANNED fails the quality gate as a scanned PDF would.
type textExtractor struct{}

func (textExtractor) Sniff(data []byte) (string, error) {
	if bytes.HasPrefix(data, []byte("%PDF-")) {
		return cv.KindPDF, nil
	}
	return "", cv.ErrUnsupported
}

func (textExtractor) Extract(_ context.Context, data []byte) (cv.Extracted, error) {
	text := string(bytes.TrimPrefix(data, []byte("%PDF-")))
	if strings.Contains(text, "SCANNED") {
		return cv.Extracted{}, cv.Fail(cv.FailUnreadable, "this looks like a scanned PDF; upload a text PDF or a DOCX", false, nil)
	}
	return cv.Extracted{Kind: cv.KindPDF, Pages: 1, Text: text}, nil
}

type env struct {
	t      *testing.T
	h      http.Handler
	iss    *authtest.Issuer
	store  *store.Store
	worker *cv.Worker
	svc    *cv.Service
	db     *db.DB
}

func setup(t *testing.T, d *db.DB, b bus.Bus) *env {
	t.Helper()
	iss := authtest.New(t)
	st := store.New(d)
	tax, err := skills.Load()
	if err != nil {
		t.Fatal(err)
	}
	finder := cv.Taxonomy{T: tax}
	w := &cv.Worker{Jobs: st, Files: st, Pub: b, Log: logging.Discard(), Lease: 5 * time.Second,
		Pipeline: &cv.Pipeline{Extractor: textExtractor{}, Skills: finder, Analyzer: cv.NewOffline(finder)}}
	svc := &cv.Service{Store: st, Extractor: textExtractor{}, MaxUploadBytes: 64 << 10, MaxCVsPerUser: 3, Pub: b, Reader: w.Pipeline}
	gql := gqlsrv.New(graph.NewExecutableSchema(graph.Config{Resolvers: &graph.Resolver{CVs: svc, Bus: b}}),
		gqlsrv.Options{Log: logging.Discard(), Verifier: iss.Verifier, ServiceSecret: secret, MaxUploadBytes: 1 << 20})
	mw := &auth.Middleware{Verifier: iss.Verifier, ServiceSecret: secret, Log: logging.Discard()}
	return &env{t: t, h: mw.Wrap(gql), iss: iss, store: st, worker: w, svc: svc, db: d}
}

// eachEnv runs fn with a fresh env on every test database (SQLite, and
// PostgreSQL when TEST_DATABASE_URL is set) and the in-process bus.
func eachEnv(t *testing.T, fn func(t *testing.T, e *env)) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		b := membus.New(logging.Discard(), membus.Options{})
		t.Cleanup(func() { _ = b.Close() })
		fn(t, setup(t, d, b))
	}, store.Migrations()...)
}

// work runs queued jobs to completion, as the background worker would.
func (e *env) work() {
	e.t.Helper()
	for {
		did, err := e.worker.RunOnce(context.Background())
		if err != nil {
			e.t.Fatal(err)
		}
		if !did {
			return
		}
	}
}

type gqlResponse struct {
	Data   map[string]json.RawMessage `json:"data"`
	Errors []struct {
		Message    string         `json:"message"`
		Extensions map[string]any `json:"extensions"`
	} `json:"errors"`
}

func (e *env) send(r *http.Request, userID string, asRouter bool) gqlResponse {
	e.t.Helper()
	if userID != "" {
		r.Header.Set("Authorization", "Bearer "+e.iss.Token(e.t, userID))
	}
	if asRouter {
		r.Header.Set(auth.ServiceTokenHeader, secret)
	}
	rec := httptest.NewRecorder()
	e.h.ServeHTTP(rec, r)
	var resp gqlResponse
	if err := json.Unmarshal(rec.Body.Bytes(), &resp); err != nil {
		e.t.Fatalf("status %d, body %s: %v", rec.Code, rec.Body, err)
	}
	return resp
}

func (e *env) do(userID string, asRouter bool, query string, vars map[string]any) gqlResponse {
	e.t.Helper()
	body, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
	r := httptest.NewRequest("POST", "/graphql", bytes.NewReader(body))
	r.Header.Set("Content-Type", "application/json")
	return e.send(r, userID, asRouter)
}

const uploadMutation = `mutation($f: Upload!) { uploadCV(file: $f) { id fileName fileType sizeBytes status } }`

// upload sends a file as the GraphQL multipart request spec describes.
func (e *env) upload(userID, fileName string, data []byte) gqlResponse {
	e.t.Helper()
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	ops, _ := json.Marshal(map[string]any{"query": uploadMutation, "variables": map[string]any{"f": nil}})
	_ = mw.WriteField("operations", string(ops))
	_ = mw.WriteField("map", `{"0": ["variables.f"]}`)
	fw, _ := mw.CreateFormFile("0", fileName)
	_, _ = fw.Write(data)
	_ = mw.Close()
	r := httptest.NewRequest("POST", "/graphql", &buf)
	r.Header.Set("Content-Type", mw.FormDataContentType())
	r.Header.Set("GraphQL-Preflight", "1") // as the web app sends it (CSRF guard)
	return e.send(r, userID, false)
}

// uploaded uploads text as a CV and returns its id.
func (e *env) uploaded(userID, text string) string {
	e.t.Helper()
	resp := e.upload(userID, "cv.pdf", []byte("%PDF-"+text))
	if len(resp.Errors) > 0 {
		e.t.Fatalf("upload: %+v", resp.Errors)
	}
	var c struct{ ID string }
	_ = json.Unmarshal(resp.Data["uploadCV"], &c)
	return c.ID
}

func codes(r gqlResponse) string {
	var cs []string
	for _, e := range r.Errors {
		c, _ := e.Extensions["code"].(string)
		cs = append(cs, c)
	}
	return strings.Join(cs, ",")
}

const adaCV = `Ada Lovelace
Berlin, Germany | ada@example.com | +49 30 1234 5678

Summary
Backend engineer with eight years of experience building distributed systems in Go and Python for fintech products.

Experience
Senior Software Engineer | Acme Corp | Berlin, Germany | Jan 2019 – Present
• Led the migration of 40 services to Kubernetes, cutting deploy time by 70%.
• Built a Go event pipeline on PostgreSQL handling 2 million events per day.

Education
MSc Computer Science, University of Bonn    2014 – 2016

Skills
Go, Python, Kubernetes, PostgreSQL, Docker

Languages
German (native), English (C1)
`
