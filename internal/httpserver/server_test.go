package httpserver

import (
	"context"
	"errors"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/careercoach/coach/internal/logging"
)

func TestGracefulShutdownFinishesInFlight(t *testing.T) {
	started := make(chan struct{})
	release := make(chan struct{})
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		close(started)
		<-release
		_, _ = io.WriteString(w, "done")
	})
	ctx, cancel := context.WithCancel(context.Background())
	addrc := make(chan net.Addr, 1)
	s := &Server{Addr: "127.0.0.1:0", Handler: h, Log: logging.Discard(), Ready: func(a net.Addr) { addrc <- a }}
	errc := make(chan error, 1)
	go func() { errc <- s.Run(ctx) }()
	addr := <-addrc

	bodyc := make(chan string, 1)
	go func() {
		resp, err := http.Get("http://" + addr.String())
		if err != nil {
			bodyc <- "error: " + err.Error()
			return
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		bodyc <- string(b)
	}()
	<-started
	cancel() // shutdown begins while the request is in flight
	time.AfterFunc(50*time.Millisecond, func() { close(release) })
	if got := <-bodyc; got != "done" {
		t.Fatalf("in-flight request got %q, want done", got)
	}
	if err := <-errc; err != nil {
		t.Fatalf("Run returned %v", err)
	}
	if _, err := net.DialTimeout("tcp", addr.String(), time.Second); err == nil {
		t.Fatal("server still accepts connections after shutdown")
	}
}

func TestRunReportsListenError(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	s := &Server{Addr: ln.Addr().String(), Handler: http.NotFoundHandler(), Log: logging.Discard()}
	if err := s.Run(context.Background()); err == nil || !strings.Contains(err.Error(), "listening on") {
		t.Fatalf("err = %v, want a listen error", err)
	}
}

func TestWrapRecoversPanicAndSetsRequestID(t *testing.T) {
	h := Wrap(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if RequestID(r.Context()) == "" {
			t.Error("no request id in context")
		}
		panic("boom")
	}), logging.Discard())
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("GET", "/x", nil))
	if rec.Code != http.StatusInternalServerError || !strings.Contains(rec.Body.String(), "INTERNAL_SERVER_ERROR") {
		t.Fatalf("got %d %s", rec.Code, rec.Body)
	}
	if rec.Header().Get(RequestIDHeader) == "" {
		t.Fatal("no X-Request-Id header")
	}
	if strings.Contains(rec.Body.String(), "boom") {
		t.Fatal("panic value leaked to the client")
	}
}

func TestHealth(t *testing.T) {
	tests := []struct {
		name   string
		checks map[string]Check
		path   string
		status int
		body   string
	}{
		{"alive", nil, "/healthz", 200, `"ok"`},
		{"ready", map[string]Check{"db": func(context.Context) error { return nil }}, "/readyz", 200, `"db":"ok"`},
		{"db down", map[string]Check{"db": func(context.Context) error { return errors.New("refused") }}, "/readyz", 503, `"db":"refused"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			mux := http.NewServeMux()
			Health(mux, tt.checks)
			rec := httptest.NewRecorder()
			mux.ServeHTTP(rec, httptest.NewRequest("GET", tt.path, nil))
			if rec.Code != tt.status || !strings.Contains(rec.Body.String(), tt.body) {
				t.Fatalf("got %d %s, want %d containing %s", rec.Code, rec.Body, tt.status, tt.body)
			}
		})
	}
}
