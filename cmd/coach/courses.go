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
	"github.com/careercoach/coach/subgraphs/courses"
	"github.com/careercoach/coach/subgraphs/courses/server"
)

// coursesMain runs the Course Recommendation subgraph.
type coursesMain struct {
	env
	svc     config.Service
	ai      ai.Config
	courses server.Config
}

func (m *coursesMain) ParseFlags(args []string) error {
	fs := config.New("coach courses", m.getenv)
	m.svc.Bind(fs, ":4005")
	ai.Bind(fs, &m.ai)
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			fs.Usage(m.stdout, "coach courses: the Course Recommendation subgraph (catalogue, search, recommendations)")
		}
		return err
	}
	m.courses.DataDir, m.courses.DatabaseURL, m.courses.ServiceSecret = m.svc.DataDir, m.svc.DatabaseURL, m.svc.ServiceSecret
	return errors.Join(m.svc.Validate(), m.courses.Validate(), m.ai.Validate())
}

func (m *coursesMain) Run(ctx context.Context) error {
	return serveSubgraph(ctx, m.env, m.svc, "courses", func(ctx context.Context, b bus.Bus, v *auth.Verifier, log *slog.Logger) (service, error) {
		return openCourses(ctx, m.courses, m.ai, b, v, log)
	})
}

// openCourses opens the courses service; with a model configured it writes
// each recommendation's reason, without one the template reasons stand.
// `coach courses` and `coach dev` share it.
func openCourses(ctx context.Context, cfg server.Config, aiCfg ai.Config, b bus.Bus, v *auth.Verifier, log *slog.Logger) (service, error) {
	if aiCfg.Enabled() {
		client, err := ai.New(aiCfg, nil, log)
		if err != nil {
			return nil, err
		}
		cfg.Explainer = courses.ModelExplainer{Client: client}
		log.Info("recommendation reasons written by the model", "provider", client.Provider(), "model", client.Model())
	}
	return openSubgraph(ctx, cfg, server.OpenDB, server.New, b, v, log)
}
