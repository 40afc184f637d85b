//go:build !routeronly

package main

import (
	"context"
	"errors"
	"flag"
	"log/slog"

	"github.com/careercoach/coach/internal/auth"
	"github.com/careercoach/coach/internal/bus"
	"github.com/careercoach/coach/internal/config"
	"github.com/careercoach/coach/subgraphs/progress/server"
)

// progressMain runs the Progress Tracking subgraph.
type progressMain struct {
	env
	svc      config.Service
	progress server.Config
}

func (m *progressMain) ParseFlags(args []string) error {
	fs := config.New("coach progress", m.getenv)
	m.svc.Bind(fs, ":4004")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			fs.Usage(m.stdout, "coach progress: the Progress Tracking subgraph (enrollments, milestones, assessments, dashboard)")
		}
		return err
	}
	m.progress = server.Config{DataDir: m.svc.DataDir, DatabaseURL: m.svc.DatabaseURL, ServiceSecret: m.svc.ServiceSecret}
	return errors.Join(m.svc.Validate(), m.progress.Validate())
}

func (m *progressMain) Run(ctx context.Context) error {
	return serveSubgraph(ctx, m.env, m.svc, "progress", func(ctx context.Context, b bus.Bus, v *auth.Verifier, log *slog.Logger) (service, error) {
		return openSubgraph(ctx, m.progress, server.OpenDB, server.New, b, v, log)
	})
}
