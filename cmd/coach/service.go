package main

import (
	"context"
	"errors"
	"log/slog"
	"net/http"

	"github.com/careercoach/coach/internal/auth"
	"github.com/careercoach/coach/internal/bus"
	"github.com/careercoach/coach/internal/bus/busopen"
	"github.com/careercoach/coach/internal/config"
	"github.com/careercoach/coach/internal/db"
	"github.com/careercoach/coach/internal/httpserver"
	"github.com/careercoach/coach/internal/logging"
)

// service is what every subgraph's server package provides.
type service interface {
	Handler() http.Handler
	RunBackground(ctx context.Context) error
	Close() error
}

// open runs a subgraph server package's OpenDB and New, closing the database
// when New fails.
func openSubgraph[C any, S service](ctx context.Context, cfg C,
	openDB func(context.Context, C, *slog.Logger) (*db.DB, error),
	build func(context.Context, C, *db.DB, bus.Bus, *auth.Verifier, *slog.Logger) (S, error),
	b bus.Bus, v *auth.Verifier, log *slog.Logger) (service, error) {
	d, err := openDB(ctx, cfg, log)
	if err != nil {
		return nil, err
	}
	s, err := build(ctx, cfg, d, b, v, log)
	if err != nil {
		return nil, errors.Join(err, d.Close())
	}
	return s, nil
}

// serveSubgraph runs one subgraph process (`coach cv`, `coach planning`, …):
// tokens are verified against the users service's JWKS, the bus is Redis or
// in-process, and start builds the service on them; it serves until ctx ends.
func serveSubgraph(ctx context.Context, e env, s config.Service, name string,
	start func(ctx context.Context, b bus.Bus, v *auth.Verifier, log *slog.Logger) (service, error)) error {
	log, err := logging.New(e.stderr, s.LogFormat, s.LogLevel)
	if err != nil {
		return err
	}
	log = log.With("service", name)
	keys, err := auth.RemoteKeys(ctx, s.JWKSURL, nil)
	if err != nil {
		return err
	}
	v := &auth.Verifier{Keys: keys, Issuer: s.TokenIssuer, Audience: auth.Audience}
	b, err := busopen.Open(ctx, s.RedisURL, log)
	if err != nil {
		return err
	}
	svc, err := start(ctx, b, v, log)
	if err != nil {
		return errors.Join(err, b.Close())
	}
	srv := &httpserver.Server{Addr: s.Addr, Handler: svc.Handler(), Log: log, ShutdownTimeout: s.ShutdownGrace, Limits: s.HTTP}
	runErr := runAll(ctx, srv.Run, svc.RunBackground)
	return errors.Join(runErr, svc.Close(), b.Close())
}
