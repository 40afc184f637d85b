package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/careercoach/coach/internal/auth"
	"github.com/coder/websocket"
)

// TestDevEdge checks the public origin of `coach dev` beyond plain HTTP
// GraphQL: the session cookie from the proxied /auth routes authenticates a
// WebSocket and an event stream, and browsers get GraphiQL.
func TestDevEdge(t *testing.T) {
	usersAddr, addr := freeAddr(t), freeAddr(t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	e := env{getenv: func(string) string { return "" }, stdout: &bytes.Buffer{}, stderr: &bytes.Buffer{}}
	done := make(chan error, 1)
	go func() {
		done <- run(ctx, []string{"dev", "--data-dir", t.TempDir(), "--users-addr", usersAddr, "--addr", addr, "--public-url", "http://" + addr}, e)
	}()
	t.Cleanup(func() {
		cancel()
		select {
		case <-done:
		case <-time.After(20 * time.Second):
			t.Error("dev did not stop")
		}
	})
	waitReady(t, "http://"+usersAddr+"/readyz", done)
	waitReady(t, "http://"+addr+"/healthz", done)
	base := "http://" + addr

	body, _ := json.Marshal(map[string]any{"email": "grace@example.com", "password": "violet-Harbour-42", "displayName": "Grace"})
	res, err := http.Post(base+"/auth/signup", "application/json", bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	var cookie *http.Cookie
	for _, c := range res.Cookies() {
		if c.Name == auth.AccessCookie {
			cookie = c
		}
	}
	if cookie == nil {
		t.Fatalf("signup through the router set no %s cookie (status %d)", auth.AccessCookie, res.StatusCode)
	}

	t.Run("WebSocket with the session cookie", func(t *testing.T) {
		wctx, wcancel := context.WithTimeout(ctx, 10*time.Second)
		defer wcancel()
		c, _, err := websocket.Dial(wctx, "ws://"+addr+"/graphql", &websocket.DialOptions{
			Subprotocols: []string{"graphql-transport-ws"}, HTTPHeader: http.Header{"Cookie": {cookie.String()}}})
		if err != nil {
			t.Fatal(err)
		}
		defer c.CloseNow()
		for _, m := range []string{`{"type":"connection_init"}`, `{"id":"1","type":"subscribe","payload":{"query":"{ me { email } }"}}`} {
			if err := c.Write(wctx, websocket.MessageText, []byte(m)); err != nil {
				t.Fatal(err)
			}
		}
		var got []string
		for len(got) < 3 {
			_, b, err := c.Read(wctx)
			if err != nil {
				t.Fatalf("after %v: %v", got, err)
			}
			got = append(got, string(b))
		}
		if !strings.Contains(got[0], "connection_ack") || !strings.Contains(got[1], "grace@example.com") || !strings.Contains(got[2], "complete") {
			t.Fatalf("messages %v", got)
		}
	})

	t.Run("event stream", func(t *testing.T) {
		req, _ := http.NewRequest(http.MethodGet, base+"/graphql?query=%7Bme%7Bemail%7D%7D", nil)
		req.Header.Set("Accept", "text/event-stream")
		req.AddCookie(cookie)
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		var lines []string
		sc := bufio.NewScanner(res.Body)
		for sc.Scan() && !strings.HasPrefix(sc.Text(), "event: complete") {
			lines = append(lines, sc.Text())
		}
		if !strings.Contains(strings.Join(lines, "\n"), "grace@example.com") {
			t.Fatalf("stream %v", lines)
		}
	})

	t.Run("GraphiQL for browsers", func(t *testing.T) {
		req, _ := http.NewRequest(http.MethodGet, base+"/graphql", nil)
		req.Header.Set("Accept", "text/html")
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		b, _ := io.ReadAll(res.Body)
		if !strings.Contains(string(b), "/graphiql/assets/") {
			t.Fatalf("status %d: %s", res.StatusCode, b)
		}
	})
}

func TestRouterEdgeFlags(t *testing.T) {
	secret := []string{"router", "--service-secret", "0123456789abcdef0"}
	cases := []struct {
		name    string
		args    []string
		env     map[string]string
		wantErr string
		check   func(t *testing.T, m *routerMain)
	}{
		{name: "defaults", args: secret, check: func(t *testing.T, m *routerMain) {
			if m.webDir != "web/dist" || m.usersURL != "http://127.0.0.1:4001" || !m.graphiql || m.maxUploadBytes != 10<<20 {
				t.Fatalf("%+v", m)
			}
		}},
		{name: "CORS origins from env", args: secret, env: map[string]string{"COACH_CORS_ORIGINS": "https://a.example, https://b.example"}, check: func(t *testing.T, m *routerMain) {
			if got := splitList(m.corsOrigins); len(got) != 2 || got[1] != "https://b.example" {
				t.Fatalf("origins %q", got)
			}
		}},
		{name: "bad users url", args: append(secret, "--users-url", "ftp://x"), wantErr: "users-url"},
		{name: "zero upload limit", args: append(secret, "--max-upload-bytes", "0"), wantErr: "must be positive"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			m := &routerMain{env: env{getenv: func(k string) string { return tc.env[k] }, stdout: &bytes.Buffer{}, stderr: &bytes.Buffer{}}}
			err := m.ParseFlags(tc.args[1:])
			if tc.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
					t.Fatalf("err = %v, want %q", err, tc.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			tc.check(t, m)
		})
	}
}
