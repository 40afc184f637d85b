package server_test

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/careercoach/coach/internal/auth/authtest"
	"github.com/careercoach/coach/internal/bus"
	"github.com/careercoach/coach/internal/bus/bustest"
	"github.com/careercoach/coach/internal/db"
	"github.com/careercoach/coach/internal/dbtest"
	"github.com/careercoach/coach/internal/logging"
	"github.com/careercoach/coach/subgraphs/cv"
	"github.com/careercoach/coach/subgraphs/cv/extract"
	"github.com/careercoach/coach/subgraphs/cv/server"
	"github.com/careercoach/coach/subgraphs/cv/store"
)

func TestMain(m *testing.M) {
	extract.RunChildIfRequested() // extraction re-executes this binary
	os.Exit(m.Run())
}

type harness struct {
	t   testing.TB
	svc *server.Service
	srv *httptest.Server
	iss *authtest.Issuer
	bus bus.Bus
}

func start(t *testing.T, d *db.DB, b bus.Bus) *harness {
	t.Helper()
	return startWith(t, d, b, func(*server.Config) {})
}

func startWith(t *testing.T, d *db.DB, b bus.Bus, configure func(*server.Config)) *harness {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	cfg := server.DefaultConfig()
	cfg.ServiceSecret = "router-secret-0123456789"
	configure(&cfg)
	iss := authtest.New(t)
	svc, err := server.New(ctx, cfg, d, b, iss.Verifier, logging.Discard())
	if err != nil {
		t.Fatal(err)
	}
	if svc.Engine != cv.EngineOffline {
		t.Fatalf("engine %s without AI configured", svc.Engine)
	}
	done := make(chan error, 1)
	go func() { done <- svc.RunBackground(ctx) }()
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("background: %v", err)
		}
	})
	srv := httptest.NewServer(svc.Handler())
	t.Cleanup(srv.Close)
	return &harness{t: t, svc: svc, srv: srv, iss: iss, bus: b}
}

func (h *harness) graphql(user string, body io.Reader, contentType string) map[string]any {
	h.t.Helper()
	req, _ := http.NewRequest("POST", h.srv.URL+"/graphql", body)
	req.Header.Set("Content-Type", contentType)
	req.Header.Set("Authorization", "Bearer "+h.iss.Token(h.t.(*testing.T), user))
	resp, err := h.srv.Client().Do(req)
	if err != nil {
		h.t.Fatal(err)
	}
	defer resp.Body.Close()
	var out map[string]any
	if err := json.NewDecoder(resp.Body).Decode(&out); err != nil {
		h.t.Fatalf("status %d: %v", resp.StatusCode, err)
	}
	if out["errors"] != nil {
		h.t.Fatalf("errors: %v", out["errors"])
	}
	return out["data"].(map[string]any)
}

func (h *harness) upload(user, path string) string {
	h.t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		h.t.Fatal(err)
	}
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	_ = mw.WriteField("operations", `{"query":"mutation($f: Upload!) { uploadCV(file: $f) { id } }","variables":{"f":null}}`)
	_ = mw.WriteField("map", `{"0":["variables.f"]}`)
	fw, _ := mw.CreateFormFile("0", "my cv.pdf")
	_, _ = fw.Write(data)
	_ = mw.Close()
	out := h.graphql(user, &buf, mw.FormDataContentType())
	return out["uploadCV"].(map[string]any)["id"].(string)
}

func (h *harness) query(user, q string, vars map[string]any) map[string]any {
	h.t.Helper()
	b, _ := json.Marshal(map[string]any{"query": q, "variables": vars})
	return h.graphql(user, bytes.NewReader(b), "application/json")
}

// waitStatus polls the CV until it reaches a final stage.
func (h *harness) waitStatus(user, id string) map[string]any {
	h.t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for time.Now().Before(deadline) {
		c := h.query(user, `query($id: ID!) { cv(id: $id) { status pages failure { code message } sections { contact { name email } experience { title } }
			analysis { score engine seniority skills { name level } } } }`, map[string]any{"id": id})["cv"].(map[string]any)
		if s := c["status"]; s == "DONE" || s == "FAILED" {
			return c
		}
		time.Sleep(20 * time.Millisecond)
	}
	h.t.Fatalf("cv %s not analysed in time", id)
	return nil
}

func TestEndToEnd(t *testing.T) {
	for _, bf := range bustest.Factories() {
		t.Run(bf.Name, func(t *testing.T) {
			dbtest.Each(t, func(t *testing.T, d *db.DB) {
				b := bf.New(t)
				events := bustest.NewRecorder(16)
				bustest.Consume(t, b, "courses", events.Handle)
				h := start(t, d, b)

				id := h.upload("ada", "../extract/testdata/fpdf-two-page.pdf")
				c := h.waitStatus("ada", id)
				got, _ := json.Marshal(c)
				for _, want := range []string{`"status":"DONE"`, `"pages":2`, `"engine":"offline"`, `"email":"`, `"experience":[{"title":"`} {
					if !strings.Contains(string(got), want) {
						t.Errorf("cv %s\nwant %s", got, want)
					}
				}

				t.Run("an oversized request is refused with a code, with or without a length", func(t *testing.T) {
					var buf bytes.Buffer
					mpw := multipart.NewWriter(&buf)
					_ = mpw.WriteField("operations", `{"query":"mutation($f: Upload!) { uploadCV(file: $f) { id } }","variables":{"f":null}}`)
					_ = mpw.WriteField("map", `{"0":["variables.f"]}`)
					fw, _ := mpw.CreateFormFile("0", "cv.pdf")
					_, _ = fw.Write(append([]byte("%PDF-"), make([]byte, 11<<20)...))
					_ = mpw.Close()
					for _, chunked := range []bool{false, true} {
						var body io.Reader = bytes.NewReader(buf.Bytes())
						if chunked {
							body = io.MultiReader(body) // no Content-Length: sent chunked
						}
						req, _ := http.NewRequest("POST", h.srv.URL+"/graphql", body)
						req.Header.Set("Content-Type", mpw.FormDataContentType())
						req.Header.Set("Authorization", "Bearer "+h.iss.Token(t, "ada"))
						resp, err := h.srv.Client().Do(req)
						if err != nil {
							t.Fatal(err)
						}
						got, _ := io.ReadAll(resp.Body)
						resp.Body.Close()
						if resp.StatusCode != http.StatusRequestEntityTooLarge || !strings.Contains(string(got), `"code":"REQUEST_TOO_LARGE"`) {
							t.Fatalf("chunked %v: status %d body %s", chunked, resp.StatusCode, got)
						}
					}
				})
				t.Run("cv.analyzed reaches other services", func(t *testing.T) {
					ev := events.Next(t)
					if ev.Type != bus.CVAnalyzed || ev.Subject != "ada" {
						t.Fatalf("event %+v", ev)
					}
					var p struct {
						UserID, CVID, Seniority string
						Score                   int
						Skills                  []struct {
							Name  string
							Level int
						}
						SuggestedRoles []string
					}
					if err := json.Unmarshal(ev.Payload, &p); err != nil || p.CVID != id || p.UserID != "ada" || len(p.Skills) == 0 || p.Score == 0 {
						t.Fatalf("payload %s (%v)", ev.Payload, err)
					}
				})
				t.Run("a scanned PDF fails with a reason", func(t *testing.T) {
					c := h.waitStatus("ada", h.upload("ada", "../extract/testdata/scanned.pdf"))
					f, _ := c["failure"].(map[string]any)
					if c["status"] != "FAILED" || f["code"] != cv.FailUnreadable || !strings.Contains(f["message"].(string), "text") || c["analysis"] != nil {
						t.Fatalf("cv %v", c)
					}
				})
				t.Run("user.deleted purges the user's CVs", func(t *testing.T) {
					h.upload("bob", "../extract/testdata/word-style.docx")
					ev := bustest.NewEvent(bus.UserDeleted, "ada")
					ev.Payload = json.RawMessage(`{"userId":"ada"}`)
					for range 2 { // redelivered: handled once, harmlessly
						if err := b.Append(context.Background(), ev); err != nil {
							t.Fatal(err)
						}
					}
					deadline := time.Now().Add(10 * time.Second)
					for {
						list, err := h.svc.Store.CVsByUser(context.Background(), "ada")
						if err != nil {
							t.Fatal(err)
						}
						if len(list) == 0 {
							break
						}
						if time.Now().After(deadline) {
							t.Fatalf("ada still has %d cvs", len(list))
						}
						time.Sleep(20 * time.Millisecond)
					}
					if list, _ := h.svc.Store.CVsByUser(context.Background(), "bob"); len(list) != 1 {
						t.Fatalf("bob has %d cvs", len(list))
					}
				})
			}, store.Migrations()...)
		})
	}
}
