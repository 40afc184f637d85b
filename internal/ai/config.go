// Package ai is the one client every service uses to call a large language
// model: Azure OpenAI, or any OpenAI-compatible chat-completions endpoint,
// through github.com/sashabaranov/go-openai. It asks for structured JSON
// output (response_format json_schema, strict), validates what comes back
// against the same schema, retries 429 and 5xx answers with backoff, bounds
// every attempt by a timeout and keeps prompts within a token budget.
//
// aitest is a fake server that speaks both protocols for tests.
package ai

import (
	"errors"
	"fmt"
	"net/url"
	"time"

	"github.com/careercoach/coach/internal/config"
)

// Providers.
const (
	ProviderAzure  = "azure-openai"
	ProviderOpenAI = "openai"
)

// Config selects and tunes the model endpoint. Azure wins when its
// endpoint is set; else an OpenAI-compatible endpoint when an API key or a
// base URL is set; else AI is off.
type Config struct {
	AzureEndpoint   string // https://<resource>.openai.azure.com
	AzureAPIKey     string
	AzureDeployment string
	AzureAPIVersion string

	BaseURL string // e.g. https://api.openai.com/v1 or a local server's /v1
	APIKey  string
	Model   string

	// Timeout bounds one HTTP attempt (default 60s).
	Timeout time.Duration
	// MaxRetries is how many times a 429, 5xx, network error or invalid
	// output is retried (default 3).
	MaxRetries int
	// RetryBaseDelay is the first backoff; it doubles per retry, with
	// jitter, up to 20× (default 1s).
	RetryBaseDelay time.Duration
	// MaxInputTokens bounds the estimated prompt size (default 12000).
	MaxInputTokens int
	// MaxOutputTokens bounds the completion (default 2000).
	MaxOutputTokens int
}

// Bind registers the AI flags, each defaulting to its conventional
// environment variable.
func Bind(fs *config.FlagSet, c *Config) {
	fs.String(&c.AzureEndpoint, "azure-openai-endpoint", "AZURE_OPENAI_ENDPOINT", "", "Azure OpenAI resource endpoint, e.g. https://my-res.openai.azure.com (empty: not Azure)")
	fs.Secret(&c.AzureAPIKey, "azure-openai-api-key", "AZURE_OPENAI_API_KEY", "Azure OpenAI API key")
	fs.String(&c.AzureDeployment, "azure-openai-deployment", "AZURE_OPENAI_DEPLOYMENT", "", "Azure OpenAI deployment name (a model that supports structured outputs)")
	fs.String(&c.AzureAPIVersion, "azure-openai-api-version", "AZURE_OPENAI_API_VERSION", "2024-10-21", "Azure OpenAI API version")
	fs.String(&c.BaseURL, "openai-base-url", "OPENAI_BASE_URL", "", "OpenAI-compatible API base URL (empty with an API key: https://api.openai.com/v1)")
	fs.Secret(&c.APIKey, "openai-api-key", "OPENAI_API_KEY", "OpenAI-compatible API key (empty and no base URL: AI off)")
	fs.String(&c.Model, "openai-model", "OPENAI_MODEL", "gpt-4o-mini", "model for the OpenAI-compatible endpoint")
	fs.Duration(&c.Timeout, "ai-timeout", "COACH_AI_TIMEOUT", 60*time.Second, "time limit of one AI request")
	fs.Int(&c.MaxRetries, "ai-max-retries", "COACH_AI_MAX_RETRIES", 3, "retries of an AI request after 429, 5xx or invalid output")
	fs.Int(&c.MaxInputTokens, "ai-max-input-tokens", "COACH_AI_MAX_INPUT_TOKENS", 12000, "token budget of a prompt (longer input is cut)")
	fs.Int(&c.MaxOutputTokens, "ai-max-output-tokens", "COACH_AI_MAX_OUTPUT_TOKENS", 2000, "token limit of an answer")
}

// Provider names the configured provider, or "" when AI is off.
func (c Config) Provider() string {
	switch {
	case c.AzureEndpoint != "":
		return ProviderAzure
	case c.APIKey != "" || c.BaseURL != "":
		return ProviderOpenAI
	}
	return ""
}

// Enabled reports whether a provider is configured.
func (c Config) Enabled() bool { return c.Provider() != "" }

// ModelName is the deployment (Azure) or model in use.
func (c Config) ModelName() string {
	if c.Provider() == ProviderAzure {
		return c.AzureDeployment
	}
	return c.Model
}

func (c Config) withDefaults() Config {
	if c.Timeout == 0 {
		c.Timeout = 60 * time.Second
	}
	if c.MaxRetries == 0 {
		c.MaxRetries = 3
	}
	if c.RetryBaseDelay == 0 {
		c.RetryBaseDelay = time.Second
	}
	if c.MaxInputTokens == 0 {
		c.MaxInputTokens = 12000
	}
	if c.MaxOutputTokens == 0 {
		c.MaxOutputTokens = 2000
	}
	if c.Provider() == ProviderOpenAI && c.BaseURL == "" {
		c.BaseURL = "https://api.openai.com/v1"
	}
	return c
}

// Validate checks a configuration that enables AI (an off one is valid).
func (c Config) Validate() error {
	var errs []error
	switch c.Provider() {
	case ProviderAzure:
		errs = append(errs, checkURL("azure-openai-endpoint", c.AzureEndpoint))
		if c.AzureAPIKey == "" {
			errs = append(errs, errors.New("--azure-openai-api-key is required with --azure-openai-endpoint"))
		}
		if c.AzureDeployment == "" {
			errs = append(errs, errors.New("--azure-openai-deployment is required with --azure-openai-endpoint"))
		}
		if c.AzureAPIVersion == "" {
			errs = append(errs, errors.New("--azure-openai-api-version is required with --azure-openai-endpoint"))
		}
	case ProviderOpenAI:
		if c.BaseURL != "" {
			errs = append(errs, checkURL("openai-base-url", c.BaseURL))
		}
		if c.Model == "" {
			errs = append(errs, errors.New("--openai-model is required for an OpenAI-compatible endpoint"))
		}
	}
	if c.Timeout < 0 || c.MaxRetries < 0 || c.MaxRetries > 10 || c.MaxInputTokens < 0 || c.MaxOutputTokens < 0 {
		errs = append(errs, errors.New("AI limits must be positive (and --ai-max-retries at most 10)"))
	}
	return errors.Join(errs...)
}

func checkURL(flag, raw string) error {
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
		return fmt.Errorf("--%s: want an http(s) URL", flag)
	}
	return nil
}
