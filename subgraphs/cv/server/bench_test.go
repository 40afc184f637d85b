package server_test

import (
	"bytes"
	"context"
	"encoding/json"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"os"
	"testing"
	"time"

	"github.com/careercoach/coach/internal/auth/authtest"
	"github.com/careercoach/coach/internal/bus/membus"
	"github.com/careercoach/coach/internal/db"
	"github.com/careercoach/coach/internal/dbtest"
	"github.com/careercoach/coach/internal/logging"
	"github.com/careercoach/coach/subgraphs/cv"
	"github.com/careercoach/coach/subgraphs/cv/server"
	"github.com/careercoach/coach/subgraphs/cv/store"
)

// BenchmarkUploadToDone measures a 2-page PDF from the uploadCV request to
// the DONE progress message, through the GraphQL handler, the job table,
// the worker (extraction in its child process) and the offline engine.
// The bar is under a second per CV.
func BenchmarkUploadToDone(b *testing.B) {
	data, err := os.ReadFile("../extract/testdata/fpdf-two-page.pdf")
	if err != nil {
		b.Fatal(err)
	}
	d := dbtest.Open(b, db.SQLite, store.Migrations()...)
	bus := membus.New(logging.Discard(), membus.Options{})
	b.Cleanup(func() { _ = bus.Close() })
	// authtest wants a *testing.T; its JWKS server then lives until the process ends.
	iss := authtest.New(&testing.T{})
	cfg := server.DefaultConfig()
	cfg.ServiceSecret = "router-secret-0123456789"
	cfg.MaxCVsPerUser = 1000
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	svc, err := server.New(ctx, cfg, d, bus, iss.Verifier, logging.Discard())
	if err != nil {
		b.Fatal(err)
	}
	go func() { _ = svc.RunBackground(ctx) }()
	h := svc.Handler()
	token := iss.Token(&testing.T{}, "bench")

	b.ResetTimer()
	for b.Loop() {
		var buf bytes.Buffer
		mw := multipart.NewWriter(&buf)
		_ = mw.WriteField("operations", `{"query":"mutation($f: Upload!) { uploadCV(file: $f) { id } }","variables":{"f":null}}`)
		_ = mw.WriteField("map", `{"0":["variables.f"]}`)
		fw, _ := mw.CreateFormFile("0", "cv.pdf")
		_, _ = fw.Write(data)
		_ = mw.Close()
		req := httptest.NewRequest("POST", "/graphql", &buf)
		req.Header.Set("Content-Type", mw.FormDataContentType())
		req.Header.Set("Authorization", "Bearer "+token)
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		var out struct {
			Data struct{ UploadCV struct{ ID string } }
		}
		if rec.Code != http.StatusOK || json.Unmarshal(rec.Body.Bytes(), &out) != nil || out.Data.UploadCV.ID == "" {
			b.Fatalf("upload: %d %s", rec.Code, rec.Body)
		}
		// Subscribe the way the GraphQL subscription does; the stored state
		// covers a DONE that came before the subscription.
		sub, cancelSub := context.WithTimeout(ctx, 10*time.Second)
		msgs, _ := bus.Subscribe(sub, cv.ProgressTopic(out.Data.UploadCV.ID))
		for {
			c, err := svc.Store.CVByID(ctx, out.Data.UploadCV.ID)
			if err != nil {
				b.Fatal(err)
			}
			if c.Status == cv.StageDone {
				break
			}
			if c.Status == cv.StageFailed {
				b.Fatalf("failed: %+v", c.Failure)
			}
			select {
			case <-msgs:
			case <-sub.Done():
				b.Fatal("not done in 10s")
			}
		}
		cancelSub()
	}
}
