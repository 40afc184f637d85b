package compose

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
)

// FetchSDL asks a running subgraph for its schema with `{ _service { sdl } }`.
func FetchSDL(ctx context.Context, client *http.Client, url string, headers map[string]string) (string, error) {
	body, err := json.Marshal(map[string]string{"query": "query SubgraphIntrospectQuery { _service { sdl } }"})
	if err != nil {
		return "", fmt.Errorf("encode _service query: %w", err)
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, url, bytes.NewReader(body))
	if err != nil {
		return "", fmt.Errorf("fetch SDL from %s: %w", url, err)
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Accept", "application/json")
	for k, v := range headers {
		req.Header.Set(k, os.ExpandEnv(v))
	}
	resp, err := client.Do(req)
	if err != nil {
		return "", fmt.Errorf("fetch SDL from %s: %w", url, err)
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(io.LimitReader(resp.Body, 32<<20))
	if err != nil {
		return "", fmt.Errorf("fetch SDL from %s: %w", url, err)
	}
	if resp.StatusCode != http.StatusOK {
		return "", fmt.Errorf("fetch SDL from %s: HTTP %d: %.200s", url, resp.StatusCode, data)
	}
	var out struct {
		Data struct {
			Service struct {
				SDL *string `json:"sdl"`
			} `json:"_service"`
		} `json:"data"`
		Errors []struct {
			Message string `json:"message"`
		} `json:"errors"`
	}
	if err := json.Unmarshal(data, &out); err != nil {
		return "", fmt.Errorf("fetch SDL from %s: decode response: %w", url, err)
	}
	if len(out.Errors) > 0 {
		return "", fmt.Errorf("fetch SDL from %s: %s", url, out.Errors[0].Message)
	}
	if out.Data.Service.SDL == nil {
		return "", fmt.Errorf("fetch SDL from %s: response has no _service.sdl", url)
	}
	return *out.Data.Service.SDL, nil
}

// LoadSubgraphs reads or fetches the schema of every configured subgraph.
func LoadSubgraphs(ctx context.Context, cfg Config, client *http.Client) ([]Subgraph, error) {
	out := make([]Subgraph, 0, len(cfg.Subgraphs))
	for _, sc := range cfg.Subgraphs {
		var sdl string
		if sc.File != "" {
			data, err := os.ReadFile(sc.File)
			if err != nil {
				return nil, fmt.Errorf("subgraph %q: %w", sc.Name, err)
			}
			sdl = string(data)
		} else {
			var err error
			if sdl, err = FetchSDL(ctx, client, sc.SubgraphURL, sc.IntrospectionHeaders); err != nil {
				return nil, fmt.Errorf("subgraph %q: %w", sc.Name, err)
			}
		}
		out = append(out, Subgraph{Name: sc.Name, URL: sc.RoutingURL, SDL: sdl})
	}
	return out, nil
}
