// Package server wires the progress service: store → GraphQL → HTTP, the
// outbox relay and the event consumers. It is what `coach progress` runs.
package server

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"time"

	"golang.org/x/sync/errgroup"

	"github.com/careercoach/coach/internal/auth"
	"github.com/careercoach/coach/internal/auth/tombstone"
	"github.com/careercoach/coach/internal/bus"
	"github.com/careercoach/coach/internal/config"
	"github.com/careercoach/coach/internal/db"
	"github.com/careercoach/coach/internal/gqlsrv"
	"github.com/careercoach/coach/internal/httpserver"
	"github.com/careercoach/coach/internal/skills"
	"github.com/careercoach/coach/subgraphs/progress"
	"github.com/careercoach/coach/subgraphs/progress/graph"
	"github.com/careercoach/coach/subgraphs/progress/store"
)

// Config is the progress service's own configuration.
type Config struct {
	DataDir       string
	DatabaseURL   string
	ServiceSecret string
}

// Validate checks the settings.
func (c Config) Validate() error {
	var errs []error
	if c.DatabaseURL == "" && c.DataDir == "" {
		errs = append(errs, errors.New("progress: a data directory or database URL is required"))
	}
	errs = append(errs, config.CheckServiceSecret(c.ServiceSecret))
	return errors.Join(errs...)
}

// Service is a running progress service.
type Service struct {
	DB    *db.DB
	Store *store.Store
	// Tombstones are the deleted accounts progress refuses and erases.
	Tombstones *tombstone.Store
	handler    http.Handler
	relay      *bus.Relay
	bus        bus.Bus
	log        *slog.Logger
}

// OpenDB opens (and migrates) the progress database the configuration names.
func OpenDB(ctx context.Context, cfg Config, log *slog.Logger) (*db.DB, error) {
	d, err := db.Open(ctx, db.Config{URL: cfg.DatabaseURL, DataDir: cfg.DataDir, Name: "careercoach_progress",
		Migrations: store.Migrations(), CreateIfMissing: cfg.DatabaseURL != ""}, log)
	if err != nil {
		return nil, fmt.Errorf("opening progress database: %w", err)
	}
	return d, nil
}

// New builds the service on an open database (see OpenDB); v verifies the
// callers' access tokens. Close closes the database.
func New(ctx context.Context, cfg Config, d *db.DB, b bus.Bus, v *auth.Verifier, log *slog.Logger) (*Service, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	bank, err := progress.LoadBank()
	if err != nil {
		return nil, err
	}
	rubrics, err := progress.LoadRubrics()
	if err != nil {
		return nil, err
	}
	tax, err := skills.Load()
	if err != nil {
		return nil, err
	}
	skill, err := skillNames(tax)
	if err != nil {
		return nil, err
	}
	st := store.New(d)
	st.Profiler = progress.Profiler{Broader: tax.Broader}
	ts := tombstone.New(d)
	v = v.WithRevocations(ts)
	relay := bus.NewRelay(d, b, log, bus.RelayOptions{})
	res := &graph.Resolver{Store: st, Quizzes: &progress.Quizzes{Store: st, Bank: bank, Rubrics: rubrics, Now: time.Now}, Skill: skill, Now: time.Now}
	gql := gqlsrv.New(graph.NewExecutableSchema(graph.Config{Resolvers: res}), gqlsrv.Options{
		Log: log, Verifier: v, ServiceSecret: cfg.ServiceSecret,
	})
	mw := &auth.Middleware{Verifier: v, ServiceSecret: cfg.ServiceSecret, Log: log}
	mux := http.NewServeMux()
	mux.Handle("/graphql", mw.Wrap(gql))
	httpserver.Health(mux, map[string]httpserver.Check{"database": d.Ping, "bus": b.Ping})
	return &Service{DB: d, Store: st, Tombstones: ts, handler: httpserver.Wrap(mux, log), relay: relay, bus: b, log: log}, nil
}

// Handler serves /graphql and the health endpoints.
func (s *Service) Handler() http.Handler { return s.handler }

// Sweeper erases what raced a deletion (see tombstone.Sweeper).
func (s *Service) Sweeper() *tombstone.Sweeper {
	return &tombstone.Sweeper{DB: s.DB, Store: s.Tombstones, Erase: s.Store.EventHandler(), Announcements: s.bus, Log: s.log}
}

// RunBackground relays the outbox (enrollment.completed,
// skillprofile.changed), consumes course.catalogued, goal.changed,
// cv.analyzed and user.deleted in group "progress" and sweeps late writes
// of deleted accounts until ctx ends.
func (s *Service) RunBackground(ctx context.Context) error {
	g, ctx := errgroup.WithContext(ctx)
	g.Go(func() error { return s.relay.Run(ctx) })
	g.Go(func() error { return s.Sweeper().Run(ctx) })
	g.Go(func() error {
		if err := s.bus.Consume(ctx, progress.ConsumerGroup, s.Store.Handler(s.log)); err != nil {
			return fmt.Errorf("consuming events: %w", err)
		}
		return nil
	})
	return g.Wait()
}

// Close releases the database.
func (s *Service) Close() error { return s.DB.Close() }
