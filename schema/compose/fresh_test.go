package compose

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"testing"
)

// TestCommittedSchemaIsFresh fails when schema/supergraph.graphql or
// schema/api.graphql do not match what the repository's supergraph.yaml
// composes to: CI then asks for `make compose`. It skips while there is no
// supergraph.yaml, or when some subgraph must be fetched from a running
// service.
func TestCommittedSchemaIsFresh(t *testing.T) {
	cfgPath := filepath.Join("..", "..", "supergraph.yaml")
	cfg, err := LoadConfig(cfgPath)
	if errors.Is(err, os.ErrNotExist) {
		t.Skip("no supergraph.yaml at the repository root yet")
	}
	if err != nil {
		t.Fatal(err)
	}
	for _, sc := range cfg.Subgraphs {
		if sc.File == "" {
			t.Skipf("subgraph %q is fetched from %s: not checked offline", sc.Name, sc.SubgraphURL)
		}
	}
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	if err := Check(context.Background(), cfgPath, "..", log); err != nil {
		t.Fatal(err)
	}
}
