package ai

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"math/rand/v2"
	"net/http"
	"strings"
	"time"
	"unicode/utf8"

	openai "github.com/sashabaranov/go-openai"
)

// Errors callers tell apart with errors.Is.
var (
	// ErrUnavailable: the endpoint kept failing (429, 5xx, network) or
	// refused the request (4xx); trying later may help.
	ErrUnavailable = errors.New("AI service unavailable")
	// ErrInvalidOutput: the model's answer was not JSON matching the schema.
	ErrInvalidOutput = errors.New("AI answer did not match the expected schema")
	// ErrBudget: the prompt exceeds the token budget.
	ErrBudget = errors.New("AI prompt exceeds the token budget")
)

// Client calls one configured model.
type Client struct {
	cfg   Config
	api   *openai.Client
	log   *slog.Logger
	sleep func(ctx context.Context, d time.Duration) error
}

// New returns a client for cfg, which must enable AI. httpClient may be nil.
func New(cfg Config, httpClient *http.Client, log *slog.Logger) (*Client, error) {
	if !cfg.Enabled() {
		return nil, errors.New("AI is not configured")
	}
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	cfg = cfg.withDefaults()
	if httpClient == nil {
		httpClient = &http.Client{}
	}
	hc := *httpClient // our own copy, to wrap its transport
	next := hc.Transport
	if next == nil {
		next = http.DefaultTransport
	}
	hc.Transport = retryAfterTransport{next: next}
	var oc openai.ClientConfig
	if cfg.Provider() == ProviderAzure {
		oc = openai.DefaultAzureConfig(cfg.AzureAPIKey, strings.TrimRight(cfg.AzureEndpoint, "/"))
		oc.APIVersion = cfg.AzureAPIVersion
		deployment := cfg.AzureDeployment
		oc.AzureModelMapperFunc = func(string) string { return deployment }
	} else {
		oc = openai.DefaultConfig(cfg.APIKey)
		oc.BaseURL = strings.TrimRight(cfg.BaseURL, "/")
	}
	oc.HTTPClient = &hc
	return &Client{cfg: cfg, api: openai.NewClientWithConfig(oc), log: log, sleep: sleepCtx}, nil
}

// Provider is ProviderAzure or ProviderOpenAI.
func (c *Client) Provider() string { return c.cfg.Provider() }

// Model is the deployment or model name.
func (c *Client) Model() string { return c.cfg.ModelName() }

// MaxInputTokens is the prompt budget.
func (c *Client) MaxInputTokens() int { return c.cfg.MaxInputTokens }

// Request is one structured-output chat completion.
type Request struct {
	// System holds the instructions; User the (possibly untrusted) input.
	System, User string
	// SchemaName names the output schema (letters, digits, _ and -).
	SchemaName string
	// Schema is a JSON Schema in the subset strict structured outputs
	// accept: every object lists all its properties as required and sets
	// additionalProperties false.
	Schema json.RawMessage
}

// Usage reports what one successful call consumed.
type Usage struct {
	PromptTokens, CompletionTokens, Attempts int
}

// CompleteJSON asks for JSON matching req.Schema and decodes it into out.
func (c *Client) CompleteJSON(ctx context.Context, req Request, out any) (Usage, error) {
	var schema Schema
	if err := json.Unmarshal(req.Schema, &schema); err != nil {
		return Usage{}, fmt.Errorf("AI request schema: %w", err)
	}
	if n := EstimateTokens(req.System) + EstimateTokens(req.User); n > c.cfg.MaxInputTokens {
		return Usage{}, fmt.Errorf("%w: about %d tokens, budget %d", ErrBudget, n, c.cfg.MaxInputTokens)
	}
	creq := openai.ChatCompletionRequest{
		Model: c.cfg.ModelName(),
		Messages: []openai.ChatCompletionMessage{
			{Role: openai.ChatMessageRoleSystem, Content: req.System},
			{Role: openai.ChatMessageRoleUser, Content: req.User},
		},
		ResponseFormat: &openai.ChatCompletionResponseFormat{
			Type:       openai.ChatCompletionResponseFormatTypeJSONSchema,
			JSONSchema: &openai.ChatCompletionResponseFormatJSONSchema{Name: req.SchemaName, Schema: req.Schema, Strict: true},
		},
		MaxCompletionTokens: c.cfg.MaxOutputTokens,
		Temperature:         0.2,
	}
	var last error
	var wait time.Duration // the server's Retry-After, if it sent one
	for attempt := 0; attempt <= c.cfg.MaxRetries; attempt++ {
		if attempt > 0 {
			if err := c.sleep(ctx, max(c.backoff(attempt), wait)); err != nil {
				return Usage{}, errors.Join(last, err)
			}
		}
		actx, ra := withRetryAfter(ctx)
		u, retry, err := c.once(actx, creq, &schema, out)
		wait = ra.get()
		u.Attempts = attempt + 1
		if err == nil {
			return u, nil
		}
		last = err
		if !retry || ctx.Err() != nil {
			return Usage{}, err
		}
		c.log.WarnContext(ctx, "AI request failed; retrying", "attempt", attempt+1, "err", err)
	}
	return Usage{}, last
}

// once makes one attempt and says whether a failure is worth retrying.
func (c *Client) once(ctx context.Context, creq openai.ChatCompletionRequest, schema *Schema, out any) (Usage, bool, error) {
	actx, cancel := context.WithTimeout(ctx, c.cfg.Timeout)
	defer cancel()
	resp, err := c.api.CreateChatCompletion(actx, creq)
	if err != nil {
		status := 0
		if ae, ok := errors.AsType[*openai.APIError](err); ok {
			status = ae.HTTPStatusCode
		} else if re, ok := errors.AsType[*openai.RequestError](err); ok {
			status = re.HTTPStatusCode
		}
		retry := status == 0 || status == http.StatusTooManyRequests || status == http.StatusRequestTimeout || status >= 500
		if status == 0 && ctx.Err() != nil {
			retry = false
		}
		return Usage{}, retry, fmt.Errorf("%w: %s (status %d): %w", ErrUnavailable, c.Provider(), status, err)
	}
	u := Usage{PromptTokens: resp.Usage.PromptTokens, CompletionTokens: resp.Usage.CompletionTokens}
	if len(resp.Choices) == 0 {
		return u, true, fmt.Errorf("%w: no choices", ErrInvalidOutput)
	}
	ch := resp.Choices[0]
	if ch.FinishReason == openai.FinishReasonLength {
		return u, false, fmt.Errorf("%w: the answer was cut at %d tokens", ErrInvalidOutput, c.cfg.MaxOutputTokens)
	}
	if ch.Message.Refusal != "" {
		return u, false, fmt.Errorf("%w: the model refused: %.200s", ErrInvalidOutput, ch.Message.Refusal)
	}
	var v any
	if err := json.Unmarshal([]byte(ch.Message.Content), &v); err != nil {
		return u, true, fmt.Errorf("%w: not JSON: %w", ErrInvalidOutput, err)
	}
	if err := schema.Validate(v); err != nil {
		return u, true, fmt.Errorf("%w: %w", ErrInvalidOutput, err)
	}
	if err := json.Unmarshal([]byte(ch.Message.Content), out); err != nil {
		return u, true, fmt.Errorf("%w: %w", ErrInvalidOutput, err)
	}
	return u, false, nil
}

// backoff is RetryBaseDelay·2^(attempt-1) with ±25% jitter, capped at 20×.
func (c *Client) backoff(attempt int) time.Duration {
	d := c.cfg.RetryBaseDelay << min(attempt-1, 5)
	d = min(d, 20*c.cfg.RetryBaseDelay)
	return time.Duration(float64(d) * (0.75 + rand.Float64()/2))
}

func sleepCtx(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

// EstimateTokens approximates a prompt's tokens (about 4 bytes each for
// English; a little pessimistic for other scripts, which is the safe side).
func EstimateTokens(s string) int { return (len(s) + 3) / 4 }

// TruncateToTokens cuts s to about n tokens at a line or word boundary.
func TruncateToTokens(s string, n int) (string, bool) {
	limit := n * 4
	if len(s) <= limit {
		return s, false
	}
	cut := s[:limit]
	if i := strings.LastIndexAny(cut, "\n "); i > limit/2 {
		cut = cut[:i]
	}
	for range 3 { // never leave half a UTF-8 sequence at the end
		if r, size := utf8.DecodeLastRuneInString(cut); r != utf8.RuneError || size != 1 {
			break
		}
		cut = cut[:len(cut)-1]
	}
	return cut, true
}
