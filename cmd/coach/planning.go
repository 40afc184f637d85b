//go:build !routeronly

package main

import (
	"context"
	"errors"
	"flag"
	"log/slog"

	"github.com/careercoach/coach/internal/ai"
	"github.com/careercoach/coach/internal/auth"
	"github.com/careercoach/coach/internal/bus"
	"github.com/careercoach/coach/internal/config"
	planning "github.com/careercoach/coach/subgraphs/planning/server"
)

// planningMain runs the Career Planning subgraph.
type planningMain struct {
	env
	svc config.Service
	cfg planning.Config
}

func (m *planningMain) ParseFlags(args []string) error {
	fs := config.New("coach planning", m.getenv)
	m.svc.Bind(fs, ":4003")
	ai.Bind(fs, &m.cfg.AI)
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			fs.Usage(m.stdout, "coach planning: the Career Planning subgraph (goals, career paths, skill gaps, market insights, interview practice)")
		}
		return err
	}
	m.cfg.DataDir, m.cfg.DatabaseURL, m.cfg.ServiceSecret = m.svc.DataDir, m.svc.DatabaseURL, m.svc.ServiceSecret
	return errors.Join(m.svc.Validate(), m.cfg.Validate())
}

func (m *planningMain) Run(ctx context.Context) error {
	return serveSubgraph(ctx, m.env, m.svc, "planning", func(ctx context.Context, b bus.Bus, v *auth.Verifier, log *slog.Logger) (service, error) {
		return openSubgraph(ctx, m.cfg, planning.OpenDB, planning.New, b, v, log)
	})
}
