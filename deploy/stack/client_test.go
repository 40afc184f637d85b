package stack

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/coder/websocket"
	"github.com/coder/websocket/wsjson"

	"github.com/careercoach/coach/internal/mailtest"
	"github.com/careercoach/coach/subgraphs/users"
)

// client talks to the router the way the web app does.
type client struct {
	t     *testing.T
	base  string
	token string
}

// gqlResult is a GraphQL response.
type gqlResult struct {
	Data   json.RawMessage `json:"data"`
	Errors []struct {
		Message    string         `json:"message"`
		Path       []any          `json:"path"`
		Extensions map[string]any `json:"extensions"`
	} `json:"errors"`
}

func (r gqlResult) String() string {
	b, _ := json.Marshal(r)
	return string(b)
}

// codes lists the errors' extensions.code values.
func (r gqlResult) codes() []string {
	var out []string
	for _, e := range r.Errors {
		c, _ := e.Extensions["code"].(string)
		out = append(out, c)
	}
	return out
}

// signUp creates an account (signs up, follows the emailed link) and returns
// a client holding its access token.
func signUp(t *testing.T, s *testedStack, email string) *client {
	t.Helper()
	base := s.URL()
	body, _ := json.Marshal(map[string]string{"email": email, "password": "violet-Harbour-42", "displayName": strings.Split(email, "@")[0]})
	resp, err := http.Post(base+"/auth/signup", "application/json", bytes.NewReader(body))
	if err != nil {
		t.Fatalf("signup: %v", err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusAccepted {
		t.Fatalf("signup: status %d", resp.StatusCode)
	}
	link, err := url.Parse(mailtest.Link(t, s.mail.Wait(t, email, users.SubjectVerify, 30*time.Second), "/verify-email"))
	if err != nil {
		t.Fatal(err)
	}
	body, _ = json.Marshal(map[string]string{"token": link.Query().Get("token")})
	resp, err = http.Post(base+"/auth/verify-email", "application/json", bytes.NewReader(body))
	if err != nil {
		t.Fatalf("verify-email: %v", err)
	}
	defer resp.Body.Close()
	var out struct{ AccessToken string }
	if err := json.NewDecoder(resp.Body).Decode(&out); err != nil || out.AccessToken == "" {
		t.Fatalf("verify-email: status %d, %v", resp.StatusCode, err)
	}
	return &client{t: t, base: base, token: out.AccessToken}
}

// do runs one operation; transport failures fail the test.
func (c *client) do(query string, vars map[string]any) gqlResult {
	c.t.Helper()
	body, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
	req, _ := http.NewRequest(http.MethodPost, c.base+"/graphql", bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Authorization", "Bearer "+c.token)
	return c.send(req)
}

func (c *client) send(req *http.Request) gqlResult {
	c.t.Helper()
	resp, err := (&http.Client{Timeout: 30 * time.Second}).Do(req)
	if err != nil {
		c.t.Fatalf("POST /graphql: %v", err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	var r gqlResult
	if err := json.Unmarshal(b, &r); err != nil {
		c.t.Fatalf("POST /graphql: status %d, not JSON: %s", resp.StatusCode, b)
	}
	return r
}

// must runs an operation that must succeed and decodes its data into out.
func (c *client) must(query string, vars map[string]any, out any) {
	c.t.Helper()
	r := c.do(query, vars)
	if len(r.Errors) > 0 {
		c.t.Fatalf("%s\n→ %s", query, r)
	}
	if out != nil {
		if err := json.Unmarshal(r.Data, out); err != nil {
			c.t.Fatalf("decoding %s: %v", r.Data, err)
		}
	}
}

// upload sends a file with the GraphQL multipart request spec.
func (c *client) upload(path string) gqlResult {
	c.t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		c.t.Fatal(err)
	}
	var body bytes.Buffer
	w := multipart.NewWriter(&body)
	_ = w.WriteField("operations", `{"query":"mutation($f: Upload!) { uploadCV(file: $f) { id status } }","variables":{"f":null}}`)
	_ = w.WriteField("map", `{"0":["variables.f"]}`)
	fw, _ := w.CreateFormFile("0", filepath.Base(path))
	_, _ = fw.Write(data)
	_ = w.Close()
	req, _ := http.NewRequest(http.MethodPost, c.base+"/graphql", &body)
	req.Header.Set("Content-Type", w.FormDataContentType())
	req.Header.Set("Authorization", "Bearer "+c.token)
	req.Header.Set("GraphQL-Preflight", "1")
	return c.send(req)
}

// progress subscribes to a CV's analysis over graphql-transport-ws through
// the router and returns the stages received until a final one (or an error).
func (c *client) progress(ctx context.Context, wsURL, cvID string) ([]string, error) {
	conn, _, err := websocket.Dial(ctx, wsURL, &websocket.DialOptions{Subprotocols: []string{"graphql-transport-ws"}})
	if err != nil {
		return nil, fmt.Errorf("dialing %s: %w", wsURL, err)
	}
	defer conn.CloseNow()
	if err := wsjson.Write(ctx, conn, map[string]any{"type": "connection_init", "payload": map[string]string{"Authorization": "Bearer " + c.token}}); err != nil {
		return nil, err
	}
	var ack struct{ Type string }
	if err := wsjson.Read(ctx, conn, &ack); err != nil || ack.Type != "connection_ack" {
		return nil, fmt.Errorf("connection_init: %q, %v", ack.Type, err)
	}
	sub := map[string]any{"id": "1", "type": "subscribe", "payload": map[string]any{
		"query":     `subscription($id: ID!) { cvAnalysisProgress(cvId: $id) { stage percent message } }`,
		"variables": map[string]any{"id": cvID}}}
	if err := wsjson.Write(ctx, conn, sub); err != nil {
		return nil, err
	}
	var stages []string
	for {
		var msg struct {
			Type    string          `json:"type"`
			Payload json.RawMessage `json:"payload"`
		}
		if err := wsjson.Read(ctx, conn, &msg); err != nil {
			return stages, fmt.Errorf("reading after %v: %w", stages, err)
		}
		switch msg.Type {
		case "next":
			var p struct {
				Data struct {
					CVAnalysisProgress struct{ Stage string } `json:"cvAnalysisProgress"`
				} `json:"data"`
				Errors []any `json:"errors"`
			}
			_ = json.Unmarshal(msg.Payload, &p)
			if len(p.Errors) > 0 {
				return stages, fmt.Errorf("subscription error: %s", msg.Payload)
			}
			st := p.Data.CVAnalysisProgress.Stage
			stages = append(stages, st)
			if st == "DONE" || st == "FAILED" {
				return stages, nil
			}
		case "error":
			return stages, fmt.Errorf("subscription refused: %s", msg.Payload)
		case "complete":
			return stages, fmt.Errorf("subscription completed after %v", stages)
		case "ping":
			_ = wsjson.Write(ctx, conn, map[string]string{"type": "pong"})
		}
	}
}

func decode(data []byte, out any) error { return json.Unmarshal(data, out) }
