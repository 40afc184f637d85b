// Package server wires the planning service: catalogue + store → GraphQL →
// HTTP, the outbox relay and the event consumer. It is what `coach
// planning` runs.
package server

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"time"

	"golang.org/x/sync/errgroup"

	"github.com/careercoach/coach/internal/ai"
	"github.com/careercoach/coach/internal/auth"
	"github.com/careercoach/coach/internal/auth/tombstone"
	"github.com/careercoach/coach/internal/bus"
	"github.com/careercoach/coach/internal/config"
	"github.com/careercoach/coach/internal/db"
	"github.com/careercoach/coach/internal/gqlsrv"
	"github.com/careercoach/coach/internal/httpserver"
	"github.com/careercoach/coach/subgraphs/planning"
	"github.com/careercoach/coach/subgraphs/planning/graph"
	"github.com/careercoach/coach/subgraphs/planning/store"
)

// Config is the planning service's configuration.
type Config struct {
	DataDir       string
	DatabaseURL   string
	ServiceSecret string
	// AI configures the model that reviews interview answers; when it is
	// off, the built-in rule-based reviewer (deterministic, offline) does.
	AI ai.Config
	// Reviewer, when set, overrides both (tests).
	Reviewer planning.Reviewer
}

// Validate checks the settings.
func (c Config) Validate() error {
	if c.DatabaseURL == "" && c.DataDir == "" {
		return errors.New("planning: a data directory or database URL is required")
	}
	if err := config.CheckServiceSecret(c.ServiceSecret); err != nil {
		return err
	}
	return c.AI.Validate()
}

// Service is a running planning service.
type Service struct {
	DB      *db.DB
	Store   *store.Store
	Catalog *planning.Catalog
	// Tombstones are the deleted accounts planning refuses and erases.
	Tombstones *tombstone.Store
	handler    http.Handler
	relay      *bus.Relay
	bus        bus.Bus
	log        *slog.Logger
}

// OpenDB opens (and migrates) the planning database.
func OpenDB(ctx context.Context, cfg Config, log *slog.Logger) (*db.DB, error) {
	d, err := db.Open(ctx, db.Config{URL: cfg.DatabaseURL, DataDir: cfg.DataDir, Name: "careercoach_planning",
		Migrations: store.Migrations(), CreateIfMissing: cfg.DatabaseURL != ""}, log)
	if err != nil {
		return nil, fmt.Errorf("opening planning database: %w", err)
	}
	return d, nil
}

// New builds the service on an open database; v verifies access tokens.
func New(ctx context.Context, cfg Config, d *db.DB, b bus.Bus, v *auth.Verifier, log *slog.Logger) (*Service, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	key, err := skillKey()
	if err != nil {
		return nil, err
	}
	cat, err := planning.Load(key)
	if err != nil {
		return nil, fmt.Errorf("loading planning datasets: %w", err)
	}
	st := store.New(d)
	ts := tombstone.New(d)
	v = v.WithRevocations(ts)
	relay := bus.NewRelay(d, b, log, bus.RelayOptions{})
	st.Readiness = cat.Readiness
	rev, err := reviewer(cfg, log)
	if err != nil {
		return nil, err
	}
	jobs := JobMatcher(cat, st, log)
	res := &graph.Resolver{Store: st, Catalog: cat, Practice: &planning.Practice{Catalog: cat, Reviewer: rev, Store: st, Now: time.Now},
		Jobs: jobs, Now: time.Now}
	gql := graph.NewHandler(res, gqlsrv.Options{Log: log, Verifier: v, ServiceSecret: cfg.ServiceSecret})
	mw := &auth.Middleware{Verifier: v, ServiceSecret: cfg.ServiceSecret, Log: log}
	mux := http.NewServeMux()
	mux.Handle("/graphql", mw.Wrap(gql))
	httpserver.Health(mux, map[string]httpserver.Check{"database": d.Ping, "bus": b.Ping})
	return &Service{DB: d, Store: st, Catalog: cat, Tombstones: ts, handler: httpserver.Wrap(mux, log), relay: relay, bus: b, log: log}, nil
}

// Handler serves /graphql and the health endpoints.
func (s *Service) Handler() http.Handler { return s.handler }

// EventHandler is the idempotent handler of the events planning consumes.
func (s *Service) EventHandler() bus.Handler {
	return bus.Idempotent(s.DB, planning.ConsumerGroup, s.log, s.handleEvent())
}

// handleEvent applies one event in a transaction, keeping the tombstones.
func (s *Service) handleEvent() bus.TxHandler {
	return tombstone.Handle(bus.Dispatch(planning.EventHandlers(s.Catalog, s.Store)))
}

// Sweeper erases what raced a deletion (see tombstone.Sweeper).
func (s *Service) Sweeper() *tombstone.Sweeper {
	return &tombstone.Sweeper{DB: s.DB, Store: s.Tombstones, Erase: s.handleEvent(), Announcements: s.bus, Log: s.log}
}

// RunBackground relays the outbox, consumes events and sweeps late writes
// of deleted accounts until ctx ends.
func (s *Service) RunBackground(ctx context.Context) error {
	g, ctx := errgroup.WithContext(ctx)
	g.Go(func() error { return s.relay.Run(ctx) })
	g.Go(func() error { return s.bus.Consume(ctx, planning.ConsumerGroup, s.EventHandler()) })
	g.Go(func() error { return s.Sweeper().Run(ctx) })
	if err := g.Wait(); err != nil {
		return fmt.Errorf("planning background: %w", err)
	}
	return nil
}

// Close releases the database.
func (s *Service) Close() error { return s.DB.Close() }
