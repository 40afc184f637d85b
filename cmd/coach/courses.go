package main

import (
	"context"
	"errors"
	"flag"

	"github.com/careercoach/coach/internal/ai"
	"github.com/careercoach/coach/internal/auth"
	"github.com/careercoach/coach/internal/bus/busopen"
	"github.com/careercoach/coach/internal/config"
	"github.com/careercoach/coach/internal/httpserver"
	"github.com/careercoach/coach/internal/logging"
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
	log, err := logging.New(m.stderr, m.svc.LogFormat, m.svc.LogLevel)
	if err != nil {
		return err
	}
	log = log.With("service", "courses")
	keys, err := auth.RemoteKeys(ctx, m.svc.JWKSURL, nil)
	if err != nil {
		return err
	}
	verifier := &auth.Verifier{Keys: keys, Issuer: m.svc.TokenIssuer, Audience: auth.Audience}
	if m.ai.Enabled() {
		// With a model configured it writes each recommendation's reason;
		// without one the template reasons stand.
		client, err := ai.New(m.ai, nil, log)
		if err != nil {
			return err
		}
		m.courses.Explainer = courses.ModelExplainer{Client: client}
		log.Info("recommendation reasons written by the model", "provider", client.Provider(), "model", client.Model())
	}
	b, err := busopen.Open(ctx, m.svc.RedisURL, log)
	if err != nil {
		return err
	}
	d, err := server.OpenDB(ctx, m.courses, log)
	if err != nil {
		return errors.Join(err, b.Close())
	}
	svc, err := server.New(ctx, m.courses, d, b, verifier, log)
	if err != nil {
		return errors.Join(err, d.Close(), b.Close())
	}
	srv := &httpserver.Server{Addr: m.svc.Addr, Handler: svc.Handler(), Log: log, ShutdownTimeout: m.svc.ShutdownGrace}
	runErr := runAll(ctx, srv.Run, svc.RunBackground)
	return errors.Join(runErr, svc.Close(), b.Close())
}
