package main

import (
	"context"
	"errors"
	"flag"

	"github.com/careercoach/coach/internal/auth"
	"github.com/careercoach/coach/internal/bus/busopen"
	"github.com/careercoach/coach/internal/config"
	"github.com/careercoach/coach/internal/httpserver"
	"github.com/careercoach/coach/internal/logging"
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
	log, err := logging.New(m.stderr, m.svc.LogFormat, m.svc.LogLevel)
	if err != nil {
		return err
	}
	log = log.With("service", "progress")
	keys, err := auth.RemoteKeys(ctx, m.svc.JWKSURL, nil)
	if err != nil {
		return err
	}
	v := &auth.Verifier{Keys: keys, Issuer: m.svc.TokenIssuer, Audience: auth.Audience}
	b, err := busopen.Open(ctx, m.svc.RedisURL, log)
	if err != nil {
		return err
	}
	d, err := server.OpenDB(ctx, m.progress, log)
	if err != nil {
		return errors.Join(err, b.Close())
	}
	svc, err := server.New(ctx, m.progress, d, b, v, log)
	if err != nil {
		return errors.Join(err, d.Close(), b.Close())
	}
	srv := &httpserver.Server{Addr: m.svc.Addr, Handler: svc.Handler(), Log: log, ShutdownTimeout: m.svc.ShutdownGrace}
	runErr := runAll(ctx, srv.Run, svc.RunBackground)
	return errors.Join(runErr, svc.Close(), b.Close())
}
