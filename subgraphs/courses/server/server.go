// Package server wires the courses service: catalogue seed, store → GraphQL
// → HTTP, and the event consumer that keeps recommendations current. It is
// what `coach courses` runs.
package server

import (
	"context"
	"fmt"
	"log/slog"
	"net/http"

	"golang.org/x/sync/errgroup"

	"github.com/careercoach/coach/internal/auth"
	"github.com/careercoach/coach/internal/auth/tombstone"
	"github.com/careercoach/coach/internal/bus"
	"github.com/careercoach/coach/internal/config"
	"github.com/careercoach/coach/internal/db"
	"github.com/careercoach/coach/internal/gqlsrv"
	"github.com/careercoach/coach/internal/httpserver"
	"github.com/careercoach/coach/internal/skills"
	"github.com/careercoach/coach/subgraphs/courses"
	"github.com/careercoach/coach/subgraphs/courses/graph"
	"github.com/careercoach/coach/subgraphs/courses/store"
)

// Config is the courses service's configuration.
type Config struct {
	DataDir       string
	DatabaseURL   string
	ServiceSecret string
	// Explainer, when set, rewrites the template reason of each
	// recommendation (normally a language model); nil keeps the templates.
	Explainer courses.Explainer
}

// Validate checks the settings.
func (c Config) Validate() error {
	return config.CheckServiceSecret(c.ServiceSecret)
}

// Service is a running courses service.
type Service struct {
	DB    *db.DB
	Store *store.Store
	// Seeded is how many catalogue courses the start-up seed wrote.
	Seeded int
	// Tombstones are the deleted accounts courses refuses and erases.
	Tombstones *tombstone.Store
	handler    http.Handler
	relay      *bus.Relay
	bus        bus.Bus
	log        *slog.Logger
	ex         courses.Explainer
}

// OpenDB opens (and migrates) the courses database the configuration names.
func OpenDB(ctx context.Context, cfg Config, log *slog.Logger) (*db.DB, error) {
	d, err := db.Open(ctx, db.Config{URL: cfg.DatabaseURL, DataDir: cfg.DataDir, Name: "careercoach_courses",
		Migrations: store.Migrations(), CreateIfMissing: cfg.DatabaseURL != ""}, log)
	if err != nil {
		return nil, fmt.Errorf("opening courses database: %w", err)
	}
	return d, nil
}

// New seeds the catalogue into d and builds the service; Close closes d.
func New(ctx context.Context, cfg Config, d *db.DB, b bus.Bus, v *auth.Verifier, log *slog.Logger) (*Service, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	cat, err := courses.LoadCatalogue()
	if err != nil {
		return nil, fmt.Errorf("loading the course catalogue: %w", err)
	}
	tax, err := skills.Load()
	if err != nil {
		return nil, fmt.Errorf("loading the skills taxonomy: %w", err)
	}
	st := store.New(d, store.WithTaxonomy(tax))
	seeded, err := st.SeedCatalogue(ctx, cat.Courses)
	if err != nil {
		return nil, err
	}
	log.InfoContext(ctx, "course catalogue loaded", "courses", len(cat.Courses), "written", seeded)
	ts := tombstone.New(d)
	v = v.WithRevocations(ts)

	gql := gqlsrv.New(graph.NewExecutableSchema(graph.Config{Resolvers: &graph.Resolver{Catalogue: st, Recommendations: st, Skills: tax, Sources: cat}}), gqlsrv.Options{
		Log: log, Verifier: v, ServiceSecret: cfg.ServiceSecret,
	})
	mw := &auth.Middleware{Verifier: v, ServiceSecret: cfg.ServiceSecret, Log: log}
	mux := http.NewServeMux()
	mux.Handle("/graphql", mw.Wrap(gql))
	httpserver.Health(mux, map[string]httpserver.Check{"database": d.Ping, "bus": b.Ping})
	relay := bus.NewRelay(d, b, log, bus.RelayOptions{})
	return &Service{DB: d, Store: st, Seeded: seeded, Tombstones: ts, handler: httpserver.Wrap(mux, log), relay: relay, bus: b, log: log, ex: cfg.Explainer}, nil
}

// Handler serves /graphql and the health endpoints.
func (s *Service) Handler() http.Handler { return s.handler }

// RunBackground relays outbox events and consumes domain events until ctx
// ends. After a catalogue change it first recomputes every user's
// recommendations.
func (s *Service) RunBackground(ctx context.Context) error {
	g, ctx := errgroup.WithContext(ctx)
	g.Go(func() error { return s.relay.Run(ctx) })
	if s.Seeded > 0 {
		if n, err := s.Store.RecomputeAll(ctx); err != nil {
			s.log.ErrorContext(ctx, "recomputing recommendations after a catalogue change", "err", err, "users", n)
		} else if n > 0 {
			s.log.InfoContext(ctx, "recomputed recommendations after a catalogue change", "users", n)
		}
	}
	g.Go(func() error { return s.Sweeper().Run(ctx) })
	g.Go(func() error { return s.bus.Consume(ctx, courses.ConsumerGroup, s.HandleEvent) })
	return g.Wait()
}

// Sweeper erases what raced a deletion (see tombstone.Sweeper).
func (s *Service) Sweeper() *tombstone.Sweeper {
	erase := tombstone.Handle(bus.Dispatch(courses.EventHandlers(s.Store, nil)))
	return &tombstone.Sweeper{DB: s.DB, Store: s.Tombstones, Erase: erase, Announcements: s.bus, Log: s.log}
}

// HandleEvent is the consumer: it applies ev exactly once (bus.Idempotent)
// and then, with a model configured, has it explain the new recommendations.
func (s *Service) HandleEvent(ctx context.Context, ev bus.Event) error {
	var changed string
	handlers := courses.EventHandlers(s.Store, func(userID string) { changed = userID })
	if _, ok := handlers[ev.Type]; !ok {
		// Nothing to apply, so nothing to record: the seed's thousands of
		// course.catalogued events pass without a transaction each.
		return nil
	}
	if err := bus.Idempotent(s.DB, courses.ConsumerGroup, s.log, tombstone.Handle(bus.Dispatch(handlers)))(ctx, ev); err != nil {
		return err
	}
	if changed != "" && s.ex != nil {
		// Best effort: the template reasons already stored stay if it fails.
		if _, err := s.Store.ExplainWithModel(ctx, changed, s.ex); err != nil {
			s.log.WarnContext(ctx, "explaining recommendations with the model", "user", changed, "err", err)
		}
	}
	return nil
}

// Close releases the database.
func (s *Service) Close() error { return s.DB.Close() }
