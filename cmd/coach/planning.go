package main

import (
	"context"
	"errors"
	"flag"
	"net/http"
	"time"

	"github.com/careercoach/coach/internal/ai"
	"github.com/careercoach/coach/internal/auth"
	"github.com/careercoach/coach/internal/bus/busopen"
	"github.com/careercoach/coach/internal/config"
	"github.com/careercoach/coach/internal/httpserver"
	"github.com/careercoach/coach/internal/logging"
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
	log, err := logging.New(m.stderr, m.svc.LogFormat, m.svc.LogLevel)
	if err != nil {
		return err
	}
	log = log.With("service", "planning")
	keys, err := auth.RemoteKeys(ctx, m.svc.JWKSURL, &http.Client{Timeout: 10 * time.Second})
	if err != nil {
		return err
	}
	verifier := &auth.Verifier{Keys: keys, Issuer: m.svc.TokenIssuer, Audience: auth.Audience}
	b, err := busopen.Open(ctx, m.svc.RedisURL, log)
	if err != nil {
		return err
	}
	d, err := planning.OpenDB(ctx, m.cfg, log)
	if err != nil {
		return errors.Join(err, b.Close())
	}
	svc, err := planning.New(ctx, m.cfg, d, b, verifier, log)
	if err != nil {
		return errors.Join(err, d.Close(), b.Close())
	}
	srv := &httpserver.Server{Addr: m.svc.Addr, Handler: svc.Handler(), Log: log, ShutdownTimeout: m.svc.ShutdownGrace}
	runErr := runAll(ctx, srv.Run, svc.RunBackground)
	return errors.Join(runErr, svc.Close(), b.Close())
}
