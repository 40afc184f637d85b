//go:build !routeronly

package main

import (
	"bytes"
	"context"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/careercoach/coach/internal/auth"
	"github.com/careercoach/coach/internal/auth/authtest"
)

func TestProgressFlags(t *testing.T) {
	tests := []struct {
		name    string
		args    []string
		wantErr string
	}{
		{"no service secret", []string{"progress"}, "--service-secret must be at least 16"},
		{"bad jwks url", []string{"progress", "--service-secret", "0123456789abcdef0", "--jwks-url", "ftp://x"}, "jwks-url"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := env{getenv: func(string) string { return "" }, stdout: &bytes.Buffer{}, stderr: &bytes.Buffer{}}
			err := run(context.Background(), tt.args, e)
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Fatalf("err = %v, want containing %q", err, tt.wantErr)
			}
		})
	}
}

// TestProgressServes runs `coach progress` on SQLite and checks that it
// becomes ready and answers a signed-in GraphQL request.
func TestProgressServes(t *testing.T) {
	iss := authtest.New(t)
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close()
	const secret = "0123456789abcdef0123"
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	e := env{getenv: func(string) string { return "" }, stdout: &bytes.Buffer{}, stderr: &bytes.Buffer{}}
	go func() {
		done <- run(ctx, []string{"progress", "--addr", addr, "--data-dir", t.TempDir(), "--service-secret", secret,
			"--jwks-url", iss.JWKSURL, "--token-issuer", iss.URL, "--log-level", "error"}, e)
	}()
	base := "http://" + addr
	deadline := time.Now().Add(15 * time.Second)
	for {
		resp, err := http.Get(base + "/readyz")
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				break
			}
		}
		if time.Now().After(deadline) {
			t.Fatalf("not ready: %v", err)
		}
		time.Sleep(50 * time.Millisecond)
	}
	req, _ := http.NewRequest("POST", base+"/graphql", strings.NewReader(`{"query":"mutation { startQuiz(skill: \"Go\") { skill questions { id } } }"}`))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Authorization", "Bearer "+iss.Token(t, "ada"))
	req.Header.Set(auth.ServiceTokenHeader, secret)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	var body bytes.Buffer
	_, _ = body.ReadFrom(resp.Body)
	resp.Body.Close()
	if !strings.Contains(body.String(), `"skill":"Go"`) {
		t.Fatalf("quiz: %s", body.String())
	}
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("coach progress ended with %v", err)
		}
	case <-time.After(20 * time.Second):
		t.Fatal("coach progress did not stop")
	}
}
