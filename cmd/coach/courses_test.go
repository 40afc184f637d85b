//go:build !routeronly

package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"io"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/careercoach/coach/internal/auth/authtest"
)

func TestCoursesFlags(t *testing.T) {
	tests := []struct {
		name    string
		args    []string
		wantErr string
	}{
		{"no service secret", []string{"courses"}, "--service-secret must be at least 16"},
		{"Azure endpoint without key", []string{"courses", "--service-secret", "0123456789abcdef0", "--azure-openai-endpoint", "https://x.openai.azure.com"}, "--azure-openai-api-key is required"},
		{"bad addr", []string{"courses", "--service-secret", "0123456789abcdef0", "--addr", "nope"}, "addr"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := env{getenv: func(string) string { return "" }, stdout: &bytes.Buffer{}, stderr: &bytes.Buffer{}}
			if err := run(context.Background(), tt.args, e); err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Fatalf("err = %v, want containing %q", err, tt.wantErr)
			}
		})
	}
	t.Run("help", func(t *testing.T) {
		var stdout bytes.Buffer
		e := env{getenv: func(string) string { return "" }, stdout: &stdout, stderr: &bytes.Buffer{}}
		if err := run(context.Background(), []string{"courses", "--help"}, e); !errors.Is(err, flag.ErrHelp) {
			t.Fatalf("err = %v", err)
		}
		for _, want := range []string{"Course Recommendation", `":4005"`, "--jwks-url", "--azure-openai-endpoint"} {
			if !strings.Contains(stdout.String(), want) {
				t.Errorf("help lacks %s", want)
			}
		}
	})
}

// TestCoursesServes starts `coach courses` on SQLite with the in-process bus
// and reads a course through its /graphql.
func TestCoursesServes(t *testing.T) {
	iss := authtest.New(t)
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	_ = l.Close()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	e := env{getenv: func(string) string { return "" }, stdout: io.Discard, stderr: io.Discard}
	go func() {
		done <- run(ctx, []string{"courses", "--addr", addr, "--data-dir", t.TempDir(), "--service-secret", "0123456789abcdef0",
			"--jwks-url", iss.JWKSURL, "--token-issuer", iss.URL}, e)
	}()
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("coach courses ended with %v", err)
		}
	})
	deadline := time.Now().Add(20 * time.Second)
	for {
		resp, err := http.Get("http://" + addr + "/readyz")
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == 200 {
				break
			}
		}
		if time.Now().After(deadline) {
			t.Fatalf("not ready: %v", err)
		}
		time.Sleep(50 * time.Millisecond)
	}
	req, _ := http.NewRequest("POST", "http://"+addr+"/graphql", strings.NewReader(`{"query":"{ course(id: \"cs50p\") { title } }"}`))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Authorization", "Bearer "+iss.Token(t, "u1"))
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	if !strings.Contains(string(body), "CS50's Introduction to Programming Using Python") {
		t.Fatalf("status %d body %s", resp.StatusCode, body)
	}
}
