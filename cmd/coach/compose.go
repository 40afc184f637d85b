//go:build !routeronly

package main

import (
	"context"
	"errors"
	"flag"

	"github.com/careercoach/coach/internal/config"
	"github.com/careercoach/coach/internal/logging"
	"github.com/careercoach/coach/schema/compose"
)

// composeMain writes schema/supergraph.graphql and schema/api.graphql from
// the subgraphs that supergraph.yaml lists.
type composeMain struct {
	env
	configPath string
	outDir     string
}

func (m *composeMain) ParseFlags(args []string) error {
	fs := config.New("coach compose", m.getenv)
	fs.String(&m.configPath, "config", "COACH_SUPERGRAPH_CONFIG", "supergraph.yaml", "subgraph list in rover's supergraph.yaml format")
	fs.String(&m.outDir, "out", "COACH_SCHEMA_DIR", "schema", "directory for supergraph.graphql and api.graphql")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			fs.Usage(m.stdout, "coach compose: compose the subgraph schemas into a federation supergraph")
		}
		return err
	}
	return nil
}

func (m *composeMain) Run(ctx context.Context) error {
	log, err := logging.New(m.stderr, "text", "info")
	if err != nil {
		return err
	}
	return compose.Run(ctx, m.configPath, m.outDir, log)
}
