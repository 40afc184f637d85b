// Package server wires the cv service: store → domain (pipeline, worker)
// → GraphQL → HTTP. It is what `coach cv` runs.
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
	"github.com/careercoach/coach/internal/db"
	"github.com/careercoach/coach/internal/gqlsrv"
	"github.com/careercoach/coach/internal/httpserver"
	"github.com/careercoach/coach/internal/skills"
	"github.com/careercoach/coach/subgraphs/cv"
	"github.com/careercoach/coach/subgraphs/cv/extract"
	"github.com/careercoach/coach/subgraphs/cv/graph"
	"github.com/careercoach/coach/subgraphs/cv/store"
)

// Config is the cv service's configuration.
type Config struct {
	DataDir       string
	DatabaseURL   string
	ServiceSecret string
	// MaxUploadBytes bounds an uploaded CV (default 10 MB).
	MaxUploadBytes int64
	// MaxCVsPerUser bounds the CVs one user keeps.
	MaxCVsPerUser int
	// Workers is the number of analyses run at once by this process.
	Workers int
	// JobLease is how long a claimed job stays claimed without heartbeats;
	// a dead worker's job is picked up again after it.
	JobLease time.Duration
	// MaxAttempts bounds how often one job is tried.
	MaxAttempts int
	// ExtractTimeout and ExtractMemoryBytes bound one text extraction.
	ExtractTimeout     time.Duration
	ExtractMemoryBytes int64
	// MaxTextChars bounds a CV's text: extraction refuses a file with more,
	// and responses never carry more.
	MaxTextChars int
	// AI selects the AI engine; when it enables none, the offline engine
	// analyses.
	AI ai.Config
	// MaskContact replaces contact details by placeholders before CV text
	// is sent to an AI endpoint.
	MaskContact bool
	// StageDelay holds each analysis stage (a test hook; see cv.Pipeline).
	StageDelay time.Duration
}

// Validate checks the settings.
func (c Config) Validate() error {
	var errs []error
	if c.MaxUploadBytes < 1<<10 || c.MaxUploadBytes > 100<<20 {
		errs = append(errs, fmt.Errorf("--max-upload-bytes %d: want between 1 KB and 100 MB", c.MaxUploadBytes))
	}
	if c.MaxCVsPerUser < 1 || c.MaxCVsPerUser > 1000 {
		errs = append(errs, fmt.Errorf("--max-cvs-per-user %d: want 1..1000", c.MaxCVsPerUser))
	}
	if c.Workers < 0 || c.Workers > 64 {
		errs = append(errs, fmt.Errorf("--workers %d: want 0..64 (0: this process analyses nothing)", c.Workers))
	}
	if c.JobLease < 3*time.Second || c.JobLease > time.Hour {
		errs = append(errs, fmt.Errorf("--job-lease %s: want between 3s and 1h", c.JobLease))
	}
	if c.MaxAttempts < 1 || c.MaxAttempts > 20 {
		errs = append(errs, fmt.Errorf("--max-attempts %d: want 1..20", c.MaxAttempts))
	}
	if c.ExtractTimeout < time.Second || c.ExtractTimeout > 5*time.Minute {
		errs = append(errs, fmt.Errorf("--extract-timeout %s: want between 1s and 5m", c.ExtractTimeout))
	}
	if c.ExtractMemoryBytes < 64<<20 {
		errs = append(errs, fmt.Errorf("--extract-memory-bytes %d: want at least 64 MB", c.ExtractMemoryBytes))
	}
	if c.MaxTextChars < 1_000 || c.MaxTextChars > 10_000_000 {
		errs = append(errs, fmt.Errorf("--max-text-chars %d: want 1000..10000000", c.MaxTextChars))
	}
	if c.StageDelay < 0 || c.StageDelay > 30*time.Second {
		errs = append(errs, fmt.Errorf("--stage-delay %s: want 0..30s", c.StageDelay))
	}
	errs = append(errs, c.AI.Validate())
	return errors.Join(errs...)
}

// DefaultConfig is the configuration `coach cv` starts from.
func DefaultConfig() Config {
	lim := extract.DefaultLimits()
	return Config{MaxUploadBytes: httpserver.DefaultMaxUploadBytes, MaxCVsPerUser: 20, Workers: 2, JobLease: 30 * time.Second, MaxAttempts: 3,
		ExtractTimeout: lim.Timeout, ExtractMemoryBytes: lim.MaxMemoryBytes, MaxTextChars: lim.MaxTextChars, MaskContact: true}
}

// Service is a running cv service.
type Service struct {
	DB     *db.DB
	Store  *store.Store
	CVs    *cv.Service
	Worker *cv.Worker
	Engine string
	// Tombstones are the deleted accounts cv refuses and erases.
	Tombstones *tombstone.Store
	handler    http.Handler
	relay      *bus.Relay
	bus        bus.Bus
	log        *slog.Logger
	workers    int
}

// OpenDB opens (and migrates) the cv database the configuration names.
func OpenDB(ctx context.Context, cfg Config, log *slog.Logger) (*db.DB, error) {
	d, err := db.Open(ctx, db.Config{URL: cfg.DatabaseURL, DataDir: cfg.DataDir, Name: "careercoach_cv",
		Migrations: store.Migrations(), CreateIfMissing: cfg.DatabaseURL != ""}, log)
	if err != nil {
		return nil, fmt.Errorf("opening cv database: %w", err)
	}
	return d, nil
}

// Pipeline builds the extract → parse → analyse pipeline cfg describes;
// the service and `coach cv analyze` share it.
func Pipeline(cfg Config, log *slog.Logger) (*cv.Pipeline, error) {
	tax, err := skills.Load()
	if err != nil {
		return nil, fmt.Errorf("loading skills taxonomy: %w", err)
	}
	finder := cv.Taxonomy{T: tax}
	var engine cv.Analyzer = cv.NewOffline(finder)
	if cfg.AI.Enabled() {
		client, err := ai.New(cfg.AI, &http.Client{}, log)
		if err != nil {
			return nil, err
		}
		engine = &cv.AIEngine{Client: client, Skills: finder, MaskContact: cfg.MaskContact}
	}
	lim := extract.DefaultLimits()
	lim.MaxBytes = cfg.MaxUploadBytes
	lim.Timeout = cfg.ExtractTimeout
	lim.MaxMemoryBytes = cfg.ExtractMemoryBytes
	lim.MaxTextChars = cfg.MaxTextChars
	return &cv.Pipeline{Extractor: cv.FileExtractor{Limits: lim}, Skills: finder, Analyzer: engine, MaxTextChars: cfg.MaxTextChars,
		StageDelay: cfg.StageDelay}, nil
}

// New builds the service on an open database (see OpenDB); Close closes it.
func New(ctx context.Context, cfg Config, d *db.DB, b bus.Bus, v *auth.Verifier, log *slog.Logger) (*Service, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	p, err := Pipeline(cfg, log)
	if err != nil {
		return nil, err
	}
	st := store.New(d)
	st.MaxAttempts = cfg.MaxAttempts
	ts := tombstone.New(d)
	v = v.WithRevocations(ts)
	relay := bus.NewRelay(d, b, log, bus.RelayOptions{})
	w := &cv.Worker{Jobs: st, Files: st, Pipeline: p, Pub: b, Log: log,
		Lease: cfg.JobLease, Concurrency: cfg.Workers}
	svc := &cv.Service{Store: st, Extractor: p.Extractor, MaxUploadBytes: cfg.MaxUploadBytes,
		MaxCVsPerUser: cfg.MaxCVsPerUser, MaxTextChars: cfg.MaxTextChars, Queued: w.Notify, Pub: b, Reader: p}

	// The multipart request carries the operation besides the file.
	maxRequest := cfg.MaxUploadBytes + 64<<10
	gql := gqlsrv.New(graph.NewExecutableSchema(graph.Config{Resolvers: &graph.Resolver{CVs: svc, Bus: b}}), gqlsrv.Options{
		Log: log, Verifier: v, ServiceSecret: cfg.ServiceSecret, MaxUploadBytes: maxRequest,
	})
	mw := &auth.Middleware{Verifier: v, ServiceSecret: cfg.ServiceSecret, Log: log}
	mux := http.NewServeMux()
	mux.Handle("/graphql", mw.Wrap(gql))
	httpserver.Health(mux, map[string]httpserver.Check{"database": d.Ping, "bus": b.Ping})
	log.InfoContext(ctx, "cv analysis engine", "engine", p.Analyzer.Engine())
	return &Service{DB: d, Store: st, CVs: svc, Worker: w, Engine: p.Analyzer.Engine(), Tombstones: ts, handler: httpserver.Wrap(mux, log),
		relay: relay, bus: b, log: log, workers: cfg.Workers}, nil
}

// Handler serves /graphql and the health endpoints.
func (s *Service) Handler() http.Handler { return s.handler }

// Sweeper erases what raced a deletion (see tombstone.Sweeper).
func (s *Service) Sweeper() *tombstone.Sweeper {
	return &tombstone.Sweeper{DB: s.DB, Store: s.Tombstones, Erase: s.events(), Announcements: s.bus, Log: s.log}
}

// events applies cv's event handlers, keeping deleted accounts' tombstones.
func (s *Service) events() bus.TxHandler {
	return tombstone.Handle(bus.Dispatch(cv.EventHandlers(store.DeleteUserDataTx, s.log)))
}

// RunBackground relays outbox events, runs the analysis workers, consumes
// user.deleted and sweeps late writes of deleted accounts until ctx ends.
func (s *Service) RunBackground(ctx context.Context) error {
	g, ctx := errgroup.WithContext(ctx)
	g.Go(func() error { return s.Sweeper().Run(ctx) })
	g.Go(func() error { return s.relay.Run(ctx) })
	if s.workers > 0 {
		g.Go(func() error { return s.Worker.Run(ctx) })
	}
	g.Go(func() error {
		return s.bus.Consume(ctx, cv.ConsumerGroup, bus.Idempotent(s.DB, cv.ConsumerGroup, s.log, s.events()))
	})
	return g.Wait()
}

// Close releases the database.
func (s *Service) Close() error { return s.DB.Close() }
