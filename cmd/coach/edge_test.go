//go:build !routeronly

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

// startDevSignedIn runs `coach dev` and signs up through the router's
// proxied /auth routes; it returns the router's address and the session
// cookie.
func startDevSignedIn(t *testing.T) (string, *http.Cookie) {
	t.Helper()
	addr := startDev(t).addr
	return addr, signUp(t, addr)
}

// signUp signs Grace up through the router at addr, follows the link from
// the development mailbox and returns her session cookie.
func signUp(t *testing.T, addr string) *http.Cookie {
	t.Helper()
	base := "http://" + addr
	res := signUpVerified(t, base, map[string]any{"email": "grace@example.com", "password": "violet-Harbour-42", "displayName": "Grace"}, devMailLink(base, t))
	res.Body.Close()
	for _, c := range res.Cookies() {
		if c.Name == auth.AccessCookie {
			return c
		}
	}
	t.Fatalf("verify-email through the router set no %s cookie (status %d)", auth.AccessCookie, res.StatusCode)
	return nil
}

// TestDevEdge checks the public origin of `coach dev` beyond plain HTTP
// GraphQL: the session cookie from the proxied /auth routes authenticates a
// WebSocket and an event stream, and browsers get GraphiQL.
func TestDevEdge(t *testing.T) {
	ctx := t.Context()
	addr, cookie := startDevSignedIn(t)
	base := "http://" + addr

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

// TestDevCVUploadAndProgress uploads a CV through the router (multipart,
// streamed to cv) and follows its analysis over a WebSocket subscription
// (cv's cvAnalysisProgress through the router) until it is DONE.
func TestDevCVUploadAndProgress(t *testing.T) {
	addr, cookie := startDevSignedIn(t)
	req := cvUpload(t, "http://"+addr+"/graphql", "../../subgraphs/cv/extract/testdata/fpdf-one-column.pdf", cookie, true)
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	var up struct {
		Data struct {
			UploadCV struct{ ID string } `json:"uploadCV"`
		}
		Errors []any
	}
	err = json.NewDecoder(res.Body).Decode(&up)
	res.Body.Close()
	if err != nil || up.Data.UploadCV.ID == "" {
		t.Fatalf("upload: status %d, %v, %+v", res.StatusCode, err, up)
	}

	ctx, cancel := context.WithTimeout(t.Context(), 60*time.Second)
	defer cancel()
	c, _, err := websocket.Dial(ctx, "ws://"+addr+"/graphql", &websocket.DialOptions{
		Subprotocols: []string{"graphql-transport-ws"}, HTTPHeader: http.Header{"Cookie": {cookie.String()}}})
	if err != nil {
		t.Fatal(err)
	}
	defer c.CloseNow()
	sub, _ := json.Marshal(map[string]any{"id": "p", "type": "subscribe", "payload": map[string]any{
		"query": "subscription($id: ID!) { cvAnalysisProgress(cvId: $id) { stage percent } }", "variables": map[string]any{"id": up.Data.UploadCV.ID}}})
	for _, m := range [][]byte{[]byte(`{"type":"connection_init"}`), sub} {
		if err := c.Write(ctx, websocket.MessageText, m); err != nil {
			t.Fatal(err)
		}
	}
	var stages []string
	for {
		_, b, err := c.Read(ctx)
		if err != nil {
			t.Fatalf("after stages %v: %v", stages, err)
		}
		var m struct {
			Type    string
			Payload struct {
				Data struct {
					CVAnalysisProgress struct{ Stage string } `json:"cvAnalysisProgress"`
				}
				Errors []any
			}
		}
		_ = json.Unmarshal(b, &m)
		switch m.Type {
		case "next":
			if len(m.Payload.Errors) > 0 {
				t.Fatalf("event errors: %s", b)
			}
			stages = append(stages, m.Payload.Data.CVAnalysisProgress.Stage)
		case "error":
			t.Fatalf("subscription refused: %s", b)
		case "complete":
			if len(stages) == 0 || stages[len(stages)-1] != "DONE" {
				t.Fatalf("completed after stages %v, want DONE last", stages)
			}
			return
		}
		if n := len(stages); n > 0 && (stages[n-1] == "DONE" || stages[n-1] == "FAILED") {
			if stages[n-1] != "DONE" {
				t.Fatalf("stages %v", stages)
			}
			return
		}
	}
}
