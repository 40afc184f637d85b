package ai_test

import (
	"context"
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/careercoach/coach/internal/ai"
	"github.com/careercoach/coach/internal/ai/aitest"
	"github.com/careercoach/coach/internal/logging"
)

var schema = ai.MustSchema(`{"type":"object","additionalProperties":false,"required":["score","tags"],
	"properties":{"score":{"type":"integer","minimum":0,"maximum":100},"tags":{"type":"array","maxItems":3,"items":{"type":"string","maxLength":20}}}}`)

type answer struct {
	Score int      `json:"score"`
	Tags  []string `json:"tags"`
}

func client(t *testing.T, fake *aitest.Server, mod func(*ai.Config)) *ai.Client {
	t.Helper()
	o := fake.Options()
	cfg := ai.Config{MaxRetries: 2, RetryBaseDelay: time.Millisecond, Timeout: 5 * time.Second}
	if o.Azure {
		cfg.AzureEndpoint, cfg.AzureAPIKey, cfg.AzureDeployment, cfg.AzureAPIVersion = fake.BaseURL(), o.APIKey, o.Deployment, o.APIVersion
	} else {
		cfg.BaseURL, cfg.APIKey, cfg.Model = fake.BaseURL(), o.APIKey, o.Model
	}
	if mod != nil {
		mod(&cfg)
	}
	c, err := ai.New(cfg, fake.Client(), logging.Discard())
	if err != nil {
		t.Fatal(err)
	}
	return c
}

var req = ai.Request{System: "Rate it.", User: "some text", SchemaName: "rating", Schema: schema}

func TestCompleteJSON(t *testing.T) {
	for _, azure := range []bool{true, false} {
		name := map[bool]string{true: "azure", false: "openai"}[azure]
		t.Run(name, func(t *testing.T) {
			tests := []struct {
				name      string
				replies   []aitest.Reply
				mod       func(*ai.Config)
				wantErr   error
				wantCalls int
				want      answer
			}{
				{name: "success", replies: []aitest.Reply{aitest.JSON(answer{Score: 80, Tags: []string{"go"}})}, wantCalls: 1, want: answer{80, []string{"go"}}},
				{name: "429 then success", replies: []aitest.Reply{{Status: 429}, aitest.JSON(answer{Score: 5, Tags: []string{}})}, wantCalls: 2, want: answer{5, []string{}}},
				{name: "5xx until retries run out", replies: []aitest.Reply{{Status: 500}, {Status: 502}, {Status: 503}, aitest.JSON(answer{})}, wantErr: ai.ErrUnavailable, wantCalls: 3},
				{name: "401 is not retried", mod: func(c *ai.Config) { c.AzureAPIKey, c.APIKey = "wrong", "wrong" }, wantErr: ai.ErrUnavailable, wantCalls: 1},
				{name: "invalid JSON then valid", replies: []aitest.Reply{{Content: `{"score": 7, "tags": [`}, aitest.JSON(answer{Score: 7, Tags: []string{}})}, wantCalls: 2, want: answer{7, []string{}}},
				{name: "invalid JSON every time", replies: []aitest.Reply{{Content: "no"}, {Content: "{"}, {Content: "[]"}}, wantErr: ai.ErrInvalidOutput, wantCalls: 3},
				{name: "schema violated", replies: []aitest.Reply{{Content: `{"score":150,"tags":[]}`}, {Content: `{"score":1}`}, {Content: `{"score":1,"tags":[],"x":1}`}}, wantErr: ai.ErrInvalidOutput, wantCalls: 3},
				{name: "cut at the token limit", replies: []aitest.Reply{{Content: `{"score":1,"tags":[]}`, FinishReason: "length"}}, wantErr: ai.ErrInvalidOutput, wantCalls: 1},
				{name: "broken body from the server", replies: []aitest.Reply{{Raw: "<html>oops"}, aitest.JSON(answer{Score: 1, Tags: []string{}})}, wantCalls: 2, want: answer{1, []string{}}},
				{name: "over the token budget", mod: func(c *ai.Config) { c.MaxInputTokens = 3 }, wantErr: ai.ErrBudget, wantCalls: 0},
			}
			for _, tt := range tests {
				t.Run(tt.name, func(t *testing.T) {
					fake := aitest.New(t, aitest.Options{Azure: azure})
					fake.Enqueue(tt.replies...)
					c := client(t, fake, tt.mod)
					var got answer
					u, err := c.CompleteJSON(context.Background(), req, &got)
					if !errors.Is(err, tt.wantErr) || (tt.wantErr == nil) != (err == nil) {
						t.Fatalf("err %v, want %v", err, tt.wantErr)
					}
					reqs := fake.Requests()
					if len(reqs) != tt.wantCalls {
						t.Fatalf("%d requests, want %d", len(reqs), tt.wantCalls)
					}
					if err == nil {
						if got.Score != tt.want.Score || len(got.Tags) != len(tt.want.Tags) || u.Attempts != tt.wantCalls {
							t.Fatalf("got %+v (attempts %d), want %+v", got, u.Attempts, tt.want)
						}
					}
					for i, r := range reqs {
						if len(r.Problems) > 0 && tt.name != "401 is not retried" {
							t.Errorf("request %d: %v", i, r.Problems)
						}
					}
				})
			}
		})
	}
}

func TestRetryAfterIsHonoured(t *testing.T) {
	fake := aitest.New(t, aitest.Options{})
	fake.Enqueue(aitest.Reply{Status: 429, RetryAfter: "1"}, aitest.JSON(answer{Tags: []string{}}))
	c := client(t, fake, nil) // backoff of a millisecond: only Retry-After makes it wait
	start := time.Now()
	if _, err := c.CompleteJSON(context.Background(), req, &answer{}); err != nil {
		t.Fatal(err)
	}
	if waited := time.Since(start); waited < 900*time.Millisecond {
		t.Fatalf("retried after %s, server asked for 1s", waited)
	}
}

func TestRequestShape(t *testing.T) {
	t.Run("azure", func(t *testing.T) {
		fake := aitest.New(t, aitest.Options{Azure: true, Deployment: "cv-4o", APIVersion: "2024-10-21"})
		fake.Enqueue(aitest.JSON(answer{Tags: []string{}}))
		c := client(t, fake, nil)
		if _, err := c.CompleteJSON(context.Background(), req, &answer{}); err != nil {
			t.Fatal(err)
		}
		r := fake.Requests()[0]
		if r.Path != "/openai/deployments/cv-4o/chat/completions" || r.Query != "api-version=2024-10-21" || r.Header.Get("api-key") != "test-key" {
			t.Fatalf("request %s?%s api-key %q", r.Path, r.Query, r.Header.Get("api-key"))
		}
		if r.Header.Get("Authorization") != "" {
			t.Errorf("Azure request also sent Authorization")
		}
		rf, _ := json.Marshal(r.Body["response_format"])
		if !strings.Contains(string(rf), `"type":"json_schema"`) || !strings.Contains(string(rf), `"strict":true`) || !strings.Contains(string(rf), `"name":"rating"`) {
			t.Errorf("response_format %s", rf)
		}
		if c.Provider() != ai.ProviderAzure || c.Model() != "cv-4o" {
			t.Errorf("provider %s model %s", c.Provider(), c.Model())
		}
	})
	t.Run("openai", func(t *testing.T) {
		fake := aitest.New(t, aitest.Options{Model: "llama-3.1"})
		fake.Enqueue(aitest.JSON(answer{Tags: []string{}}))
		c := client(t, fake, nil)
		if _, err := c.CompleteJSON(context.Background(), req, &answer{}); err != nil {
			t.Fatal(err)
		}
		r := fake.Requests()[0]
		if r.Path != "/v1/chat/completions" || r.Header.Get("Authorization") != "Bearer test-key" || r.Body["model"] != "llama-3.1" {
			t.Fatalf("request %s %q %v", r.Path, r.Header.Get("Authorization"), r.Body["model"])
		}
		msgs, _ := json.Marshal(r.Body["messages"])
		if !strings.HasPrefix(string(msgs), `[{"content":"Rate it.","role":"system"},{"content":"some text","role":"user"}]`) {
			t.Errorf("messages %s", msgs)
		}
	})
	t.Run("the fake refuses a schema strict mode would", func(t *testing.T) {
		fake := aitest.New(t, aitest.Options{})
		fake.Enqueue(aitest.JSON(answer{}))
		c := client(t, fake, func(c *ai.Config) { c.MaxRetries = 0 })
		loose := req
		loose.Schema = json.RawMessage(`{"type":"object","properties":{"score":{"type":"integer"}}}`)
		if _, err := c.CompleteJSON(context.Background(), loose, &answer{}); !errors.Is(err, ai.ErrUnavailable) {
			t.Fatalf("err %v", err)
		}
		if p := fake.Requests()[0].Problems; len(p) != 2 {
			t.Fatalf("problems %v", p)
		}
	})
}

func TestConfig(t *testing.T) {
	tests := []struct {
		name     string
		cfg      ai.Config
		provider string
		wantErr  string
	}{
		{name: "off", cfg: ai.Config{}, provider: ""},
		{name: "azure", cfg: ai.Config{AzureEndpoint: "https://r.openai.azure.com", AzureAPIKey: "k", AzureDeployment: "d", AzureAPIVersion: "v"}, provider: ai.ProviderAzure},
		{name: "azure without deployment", cfg: ai.Config{AzureEndpoint: "https://r.openai.azure.com", AzureAPIKey: "k", AzureAPIVersion: "v"}, provider: ai.ProviderAzure, wantErr: "deployment"},
		{name: "openai by key", cfg: ai.Config{APIKey: "k", Model: "m"}, provider: ai.ProviderOpenAI},
		{name: "local endpoint without key", cfg: ai.Config{BaseURL: "http://127.0.0.1:8080/v1", Model: "m"}, provider: ai.ProviderOpenAI},
		{name: "bad base url", cfg: ai.Config{BaseURL: "ftp://x", Model: "m"}, provider: ai.ProviderOpenAI, wantErr: "openai-base-url"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.cfg.Provider(); got != tt.provider {
				t.Errorf("provider %q, want %q", got, tt.provider)
			}
			err := tt.cfg.Validate()
			if (tt.wantErr == "") != (err == nil) || (err != nil && !strings.Contains(err.Error(), tt.wantErr)) {
				t.Errorf("err %v, want %q", err, tt.wantErr)
			}
		})
	}
}

func TestTruncateToTokens(t *testing.T) {
	s := strings.Repeat("héllo wörld ", 100)
	cut, did := ai.TruncateToTokens(s, 50)
	if !did || len(cut) > 200 || !strings.HasSuffix(cut, "wörld") && !strings.HasSuffix(cut, "héllo") {
		t.Fatalf("cut %q (%d)", cut, len(cut))
	}
	if same, did := ai.TruncateToTokens("short", 50); did || same != "short" {
		t.Fatalf("short text changed")
	}
}
