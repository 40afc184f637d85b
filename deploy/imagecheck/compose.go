package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"

	"github.com/compose-spec/compose-go/v2/loader"
	"github.com/compose-spec/compose-go/v2/types"
)

// LoadCompose loads a compose file with docker compose's own loader
// (compose-go): schema validation, YAML anchors and merges, ${VAR}
// interpolation from env only (no .env file, not the caller's
// environment), relative paths resolved against the file's directory.
func LoadCompose(ctx context.Context, file string, env map[string]string) (*types.Project, error) {
	src, err := os.ReadFile(file)
	if err != nil {
		return nil, fmt.Errorf("reading the compose file: %w", err)
	}
	return loadComposeBytes(ctx, file, src, env)
}

func loadComposeBytes(ctx context.Context, file string, src []byte, env map[string]string) (*types.Project, error) {
	abs, err := filepath.Abs(file)
	if err != nil {
		return nil, fmt.Errorf("locating the compose file: %w", err)
	}
	details := types.ConfigDetails{
		WorkingDir:  filepath.Dir(abs),
		ConfigFiles: []types.ConfigFile{{Filename: abs, Content: src}},
		Environment: env,
	}
	p, err := loader.LoadWithContext(ctx, details)
	if err != nil {
		return nil, fmt.Errorf("loading %s: %w", file, err)
	}
	return p, nil
}
