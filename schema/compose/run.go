package compose

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// Output file names, in the output directory (schema/).
const (
	SupergraphFile = "supergraph.graphql"
	APIFile        = "api.graphql"
)

// ErrStale is returned by Check when the committed output differs from what
// the subgraph schemas compose to.
var ErrStale = errors.New("composed schema is stale: run `make compose`")

// CompositionError carries every error composition found.
type CompositionError struct{ Errors []error }

func (e *CompositionError) Error() string {
	lines := make([]string, len(e.Errors))
	for i, err := range e.Errors {
		lines[i] = err.Error()
	}
	return fmt.Sprintf("composition failed with %d error(s):\n%s", len(e.Errors), strings.Join(lines, "\n"))
}

func (e *CompositionError) Unwrap() []error { return e.Errors }

// Build loads supergraph.yaml, reads or fetches the subgraph schemas and
// composes them.
func Build(ctx context.Context, configPath string, log *slog.Logger) (Result, error) {
	cfg, err := LoadConfig(configPath)
	if err != nil {
		return Result{}, err
	}
	client := &http.Client{Timeout: 30 * time.Second}
	sgs, err := LoadSubgraphs(ctx, cfg, client)
	if err != nil {
		return Result{}, err
	}
	for _, sg := range sgs {
		log.Debug("subgraph loaded", "name", sg.Name, "url", sg.URL, "bytes", len(sg.SDL))
	}
	res, errs := Compose(sgs)
	if len(errs) > 0 {
		return Result{}, &CompositionError{Errors: errs}
	}
	return res, nil
}

// Run composes the subgraphs listed in configPath and writes
// supergraph.graphql and api.graphql to outDir. It is what `coach compose`
// and `make compose` run.
func Run(ctx context.Context, configPath, outDir string, log *slog.Logger) error {
	res, err := Build(ctx, configPath, log)
	if err != nil {
		return err
	}
	for _, out := range outputs(res) {
		name, content := out[0], out[1]
		path := filepath.Join(outDir, name)
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			return fmt.Errorf("write %s: %w", name, err)
		}
		log.Info("wrote composed schema", "path", path)
	}
	return nil
}

// Check composes like Run but only compares with the files in outDir; it
// returns an error wrapping ErrStale if they differ (for CI).
func Check(ctx context.Context, configPath, outDir string, log *slog.Logger) error {
	res, err := Build(ctx, configPath, log)
	if err != nil {
		return err
	}
	var stale []string
	for _, out := range outputs(res) {
		name, content := out[0], out[1]
		have, err := os.ReadFile(filepath.Join(outDir, name))
		if err != nil && !errors.Is(err, os.ErrNotExist) {
			return fmt.Errorf("read %s: %w", name, err)
		}
		if !bytes.Equal(have, []byte(content)) {
			stale = append(stale, name)
		}
	}
	if len(stale) > 0 {
		return fmt.Errorf("%w (%s)", ErrStale, strings.Join(stale, ", "))
	}
	log.Info("composed schema is up to date", "dir", outDir)
	return nil
}

// outputs pairs each output file name with its content, in a fixed order.
func outputs(res Result) [][2]string {
	return [][2]string{{SupergraphFile, res.Supergraph}, {APIFile, res.API}}
}
