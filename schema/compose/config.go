package compose

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/goccy/go-yaml"
)

// Config is a supergraph.yaml in Apollo rover's format.
type Config struct {
	// FederationVersion is as written ("2", "=2.3.2"); only Fed 2 is supported.
	FederationVersion string
	// Subgraphs are sorted by name.
	Subgraphs []SubgraphConfig
}

// SubgraphConfig is one entry of the subgraphs map. Exactly one of File
// (resolved against the config's directory) and SubgraphURL is set.
type SubgraphConfig struct {
	Name                 string
	RoutingURL           string
	File                 string
	SubgraphURL          string
	IntrospectionHeaders map[string]string
}

type rawConfig struct {
	FederationVersion any                    `yaml:"federation_version"`
	Subgraphs         map[string]rawSubgraph `yaml:"subgraphs"`
}

type rawSubgraph struct {
	RoutingURL string `yaml:"routing_url"`
	Schema     struct {
		File                 string            `yaml:"file"`
		SubgraphURL          string            `yaml:"subgraph_url"`
		IntrospectionHeaders map[string]string `yaml:"introspection_headers"`
		GraphRef             string            `yaml:"graphref"`
		SDL                  string            `yaml:"sdl"`
	} `yaml:"schema"`
}

// LoadConfig reads a supergraph.yaml.
func LoadConfig(path string) (Config, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return Config{}, fmt.Errorf("read supergraph config: %w", err)
	}
	cfg, err := ParseConfig(data, filepath.Dir(path))
	if err != nil {
		return Config{}, fmt.Errorf("%s: %w", path, err)
	}
	return cfg, nil
}

// ParseConfig parses supergraph.yaml content; relative schema files are
// resolved against baseDir, as rover does.
func ParseConfig(data []byte, baseDir string) (Config, error) {
	var raw rawConfig
	if err := yaml.Unmarshal(data, &raw); err != nil {
		return Config{}, fmt.Errorf("parse supergraph config: %w", err)
	}
	cfg := Config{FederationVersion: "2"}
	if raw.FederationVersion != nil {
		cfg.FederationVersion = fmt.Sprint(raw.FederationVersion)
	}
	if v := strings.TrimLeft(cfg.FederationVersion, "=v"); !strings.HasPrefix(v, "2") {
		return Config{}, fmt.Errorf("federation_version %q: only Federation 2 composition is supported", cfg.FederationVersion)
	}
	if len(raw.Subgraphs) == 0 {
		return Config{}, fmt.Errorf("no subgraphs listed")
	}
	for name, s := range raw.Subgraphs {
		sc := SubgraphConfig{
			Name: name, RoutingURL: s.RoutingURL, SubgraphURL: s.Schema.SubgraphURL,
			IntrospectionHeaders: s.Schema.IntrospectionHeaders,
		}
		if s.Schema.File != "" {
			sc.File = s.Schema.File
			if !filepath.IsAbs(sc.File) {
				sc.File = filepath.Join(baseDir, sc.File)
			}
		}
		switch {
		case s.Schema.GraphRef != "" || s.Schema.SDL != "":
			return Config{}, fmt.Errorf("subgraph %q: only schema.file and schema.subgraph_url are supported", name)
		case (sc.File == "") == (sc.SubgraphURL == ""):
			return Config{}, fmt.Errorf("subgraph %q: set exactly one of schema.file and schema.subgraph_url", name)
		}
		if sc.RoutingURL == "" {
			// rover uses the introspection URL when no routing URL is given.
			sc.RoutingURL = sc.SubgraphURL
		}
		if sc.RoutingURL == "" {
			return Config{}, fmt.Errorf("subgraph %q: routing_url is required", name)
		}
		cfg.Subgraphs = append(cfg.Subgraphs, sc)
	}
	sort.Slice(cfg.Subgraphs, func(i, j int) bool { return cfg.Subgraphs[i].Name < cfg.Subgraphs[j].Name })
	return cfg, nil
}
