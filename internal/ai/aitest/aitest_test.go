package aitest_test

import (
	"bytes"
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"github.com/careercoach/coach/internal/ai/aitest"
)

const goodBody = `{"model":"gpt-4o-mini","messages":[{"role":"system","content":"s"},{"role":"user","content":"u"}],
	"response_format":{"type":"json_schema","json_schema":{"name":"x","strict":true,"schema":{"type":"object","additionalProperties":false,"required":["a"],"properties":{"a":{"type":"string"}}}}}}`

// The fake refuses what the real services refuse.
func TestFakeChecksRequests(t *testing.T) {
	tests := []struct {
		name       string
		azure      bool
		path       string
		header     [2]string
		body       string
		wantStatus int
		wantIn     string
	}{
		{name: "openai ok", path: "/v1/chat/completions", header: [2]string{"Authorization", "Bearer test-key"}, body: goodBody, wantStatus: 200, wantIn: `"content":"{}"`},
		{name: "openai wrong key", path: "/v1/chat/completions", header: [2]string{"Authorization", "Bearer nope"}, body: goodBody, wantStatus: 401},
		{name: "openai wrong model", path: "/v1/chat/completions", header: [2]string{"Authorization", "Bearer test-key"}, body: strings.Replace(goodBody, "gpt-4o-mini", "gpt-5", 1), wantStatus: 400, wantIn: "model"},
		{name: "no response_format", path: "/v1/chat/completions", header: [2]string{"Authorization", "Bearer test-key"}, body: `{"model":"gpt-4o-mini","messages":[{"role":"user","content":"u"}]}`, wantStatus: 400, wantIn: "json_schema"},
		{name: "not strict", path: "/v1/chat/completions", header: [2]string{"Authorization", "Bearer test-key"}, body: strings.Replace(goodBody, `"strict":true`, `"strict":false`, 1), wantStatus: 400, wantIn: "strict"},
		{name: "azure ok", azure: true, path: "/openai/deployments/gpt-4o-cv/chat/completions?api-version=2024-10-21", header: [2]string{"api-key", "test-key"}, body: goodBody, wantStatus: 200},
		{name: "azure bearer instead of api-key", azure: true, path: "/openai/deployments/gpt-4o-cv/chat/completions?api-version=2024-10-21", header: [2]string{"Authorization", "Bearer test-key"}, body: goodBody, wantStatus: 401},
		{name: "azure without api-version", azure: true, path: "/openai/deployments/gpt-4o-cv/chat/completions", header: [2]string{"api-key", "test-key"}, body: goodBody, wantStatus: 404, wantIn: "api-version"},
		{name: "azure wrong deployment", azure: true, path: "/openai/deployments/other/chat/completions?api-version=2024-10-21", header: [2]string{"api-key", "test-key"}, body: goodBody, wantStatus: 404},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fake := aitest.New(t, aitest.Options{Azure: tt.azure})
			fake.Enqueue(aitest.Reply{Content: "{}"})
			req, _ := http.NewRequest("POST", fake.URL+tt.path, bytes.NewReader([]byte(tt.body)))
			req.Header.Set("Content-Type", "application/json")
			req.Header.Set(tt.header[0], tt.header[1])
			resp, err := fake.Client().Do(req)
			if err != nil {
				t.Fatal(err)
			}
			defer resp.Body.Close()
			var body bytes.Buffer
			_, _ = body.ReadFrom(resp.Body)
			if resp.StatusCode != tt.wantStatus || !strings.Contains(body.String(), tt.wantIn) {
				t.Fatalf("status %d body %s", resp.StatusCode, body.String())
			}
			if tt.wantStatus != 200 && !json.Valid(body.Bytes()) {
				t.Fatalf("error body is not JSON: %s", body.String())
			}
		})
	}
}
