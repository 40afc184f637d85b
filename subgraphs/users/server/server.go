// Package server wires the users service: store → domain → GraphQL and
// /auth/* handlers → HTTP. It is what `coach users` runs.
package server

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"time"

	"golang.org/x/sync/errgroup"

	"github.com/careercoach/coach/internal/auth"
	"github.com/careercoach/coach/internal/auth/tombstone"
	"github.com/careercoach/coach/internal/bus"
	"github.com/careercoach/coach/internal/db"
	"github.com/careercoach/coach/internal/gqlsrv"
	"github.com/careercoach/coach/internal/httpserver"
	"github.com/careercoach/coach/internal/mail"
	"github.com/careercoach/coach/subgraphs/users"
	"github.com/careercoach/coach/subgraphs/users/authhttp"
	"github.com/careercoach/coach/subgraphs/users/graph"
	"github.com/careercoach/coach/subgraphs/users/oauth"
	"github.com/careercoach/coach/subgraphs/users/store"
)

// Config is the users service's own configuration.
type Config struct {
	DataDir       string
	DatabaseURL   string
	ServiceSecret string
	// PublicURL is where browsers reach the platform (the router); it is the
	// token issuer and the base of OAuth redirect URIs.
	PublicURL   string
	AccessTTL   time.Duration
	RefreshTTL  time.Duration
	KeyRotation time.Duration
	OAuth       oauth.Config
	// Throttle slows password guessing (zero: users.DefaultThrottle()).
	Throttle users.ThrottleConfig
	// HashConcurrency bounds password hashes run at once (each takes
	// users.ArgonMemoryBytes); HashWait is how long a request waits for a
	// turn before it is answered 503. Zero: the defaults.
	HashConcurrency int
	HashWait        time.Duration
	// KeyEncryptionKey (base64 of 32 bytes) encrypts the token signing keys
	// at rest and keys the device cookies. Required unless Dev.
	KeyEncryptionKey string
	// RefreshGrace is how long a rotated refresh token still yields the same
	// successor (0: every reuse revokes its sign-in).
	RefreshGrace time.Duration
	// Mail is the SMTP server for account email; required unless Dev.
	Mail mail.Config
	// Limits bound sign-ups and account email; the zero value means
	// users.DefaultLimits().
	Limits users.Limits
	// Dev is set only by `coach dev`: a missing key-encryption key is then
	// generated into the data directory, and without SMTP mail goes to the
	// log and the development mailbox (GET /auth/dev/mailbox).
	Dev bool
}

// withDefaults fills in the settings a caller left zero.
func (c Config) withDefaults() Config {
	if c.Throttle == (users.ThrottleConfig{}) {
		c.Throttle = users.DefaultThrottle()
	}
	if c.HashConcurrency == 0 {
		c.HashConcurrency = users.DefaultHashConcurrency
	}
	if c.HashWait == 0 {
		c.HashWait = users.DefaultHashWait
	}
	return c
}

// limits returns the configured limits or the defaults.
func (c Config) limits() users.Limits {
	if c.Limits == (users.Limits{}) {
		return users.DefaultLimits()
	}
	return c.Limits
}

// Validate checks the settings.
func (c Config) Validate() error {
	var errs []error
	if u, err := url.Parse(c.PublicURL); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		errs = append(errs, fmt.Errorf("--public-url %q: want an http(s) URL such as http://localhost:4000", c.PublicURL))
	}
	if c.AccessTTL < time.Minute || c.AccessTTL > 24*time.Hour {
		errs = append(errs, fmt.Errorf("--access-ttl %s: want between 1m and 24h", c.AccessTTL))
	}
	if c.RefreshTTL < c.AccessTTL {
		errs = append(errs, fmt.Errorf("--refresh-ttl %s: must be at least --access-ttl", c.RefreshTTL))
	}
	if c.KeyRotation < time.Hour {
		errs = append(errs, fmt.Errorf("--key-rotation %s: want at least 1h", c.KeyRotation))
	}
	switch {
	case c.KeyEncryptionKey != "":
		if _, err := users.ParseKeyEncryptionKey(c.KeyEncryptionKey); err != nil {
			errs = append(errs, fmt.Errorf("--key-encryption-key (COACH_KEY_ENCRYPTION_KEY): %w", err))
		}
	case !c.Dev:
		errs = append(errs, errors.New("--key-encryption-key (COACH_KEY_ENCRYPTION_KEY) is required: it encrypts the token signing keys at rest; "+
			"generate one with `openssl rand -base64 32`, keep it secret and give every users replica the same"))
	case c.DataDir == "":
		errs = append(errs, errors.New("coach dev keeps its key-encryption key in --data-dir, which is empty"))
	}
	c = c.withDefaults()
	if c.HashConcurrency < 1 || c.HashConcurrency > 256 {
		errs = append(errs, fmt.Errorf("--password-hash-concurrency %d: want 1 to 256 (each takes %d MiB)", c.HashConcurrency, users.ArgonMemoryBytes>>20))
	}
	if c.HashWait < 0 || c.HashWait > time.Minute {
		errs = append(errs, fmt.Errorf("--password-hash-wait %s: want 0 to 1m", c.HashWait))
	}
	if c.RefreshGrace < 0 || c.RefreshGrace > 5*time.Minute {
		errs = append(errs, fmt.Errorf("--refresh-reuse-grace %s: want 0 to 5m", c.RefreshGrace))
	}
	errs = append(errs, c.Throttle.Validate())
	if c.Mail.Host == "" && !c.Dev {
		errs = append(errs, errors.New("no SMTP server configured: set --smtp-host (COACH_SMTP_HOST) and the other --smtp-* settings; account email (verification, password reset) cannot be sent without one, and only `coach dev` may run without it"))
	}
	errs = append(errs, c.Mail.Validate(), c.limits().Validate())
	return errors.Join(errs...)
}

// Service is a running users service.
type Service struct {
	DB       *db.DB
	Store    *store.Store
	Keys     *users.Keys
	Accounts *users.Accounts
	Verifier *auth.Verifier
	// Tombstones are the deleted accounts; the router reads them through
	// tombstone.FeedPath.
	Tombstones *tombstone.Store
	handler    http.Handler
	relay      *bus.Relay
	mail       *mail.Queue
	log        *slog.Logger
	rotation   time.Duration
	forget     time.Duration // login throttle keys quiet this long are pruned
}

// OpenDB opens (and migrates) the users database the configuration names.
func OpenDB(ctx context.Context, cfg Config, log *slog.Logger) (*db.DB, error) {
	d, err := db.Open(ctx, db.Config{URL: cfg.DatabaseURL, DataDir: cfg.DataDir, Name: "careercoach_users",
		Migrations: store.Migrations(), CreateIfMissing: cfg.DatabaseURL != ""}, log)
	if err != nil {
		return nil, fmt.Errorf("opening users database: %w", err)
	}
	return d, nil
}

// New builds the service on an open database (see OpenDB); Close closes it.
func New(ctx context.Context, cfg Config, d *db.DB, b bus.Bus, log *slog.Logger) (*Service, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	cfg = cfg.withDefaults()
	kek, err := keyEncryptionKey(cfg, log)
	if err != nil {
		return nil, err
	}
	sealer, err := users.NewSealer(kek)
	if err != nil {
		return nil, err
	}
	deviceKey, err := users.DeriveKey(kek, "device cookies")
	if err != nil {
		return nil, err
	}
	successorKey, err := users.DeriveKey(kek, "refresh token successors")
	if err != nil {
		return nil, err
	}
	st := store.New(d)
	relay := bus.NewRelay(d, b, log, bus.RelayOptions{})
	st.Deleted = func(ctx context.Context, id string) { tombstone.Announce(ctx, b, id, log) }
	keys, err := users.NewKeys(ctx, st, sealer, cfg.KeyRotation, 2*cfg.AccessTTL, time.Now)
	if err != nil {
		return nil, err
	}
	sender, mailbox, err := newSender(cfg, log)
	if err != nil {
		return nil, err
	}
	queue := mail.NewQueue(sender, mailQueueSize, cmp.Or(cfg.Mail.Timeout, 30*time.Second), log)
	limits := cfg.limits()
	accounts := &users.Accounts{Store: st, Keys: keys, Issuer: cfg.PublicURL, AccessTTL: cfg.AccessTTL,
		RefreshTTL: cfg.RefreshTTL, Now: time.Now, Log: log,
		Hasher: users.NewHasher(cfg.HashConcurrency, cfg.HashWait), Throttle: cfg.Throttle,
		Devices:      users.DeviceCookies{Key: deviceKey, TTL: cfg.Throttle.DeviceTTL},
		RefreshGrace: cfg.RefreshGrace, SuccessorKey: successorKey,
		Mail: queue, LinkBase: cfg.PublicURL, Limits: limits}
	ts := tombstone.New(d)
	verifier := &auth.Verifier{Keys: keys, Issuer: cfg.PublicURL, Audience: auth.Audience, Revoked: ts}
	flow, err := oauth.New(ctx, cfg.OAuth, st, &http.Client{Timeout: 15 * time.Second}, time.Now)
	if err != nil {
		return nil, err
	}

	gql := gqlsrv.New(graph.NewExecutableSchema(graph.Config{Resolvers: &graph.Resolver{Users: &users.Service{Store: st}}}), gqlsrv.Options{
		Log: log, Verifier: verifier, ServiceSecret: cfg.ServiceSecret,
	})
	mw := &auth.Middleware{Verifier: verifier, ServiceSecret: cfg.ServiceSecret, Log: log}
	mux := http.NewServeMux()
	mux.Handle("/graphql", mw.Wrap(gql))
	pub, _ := url.Parse(cfg.PublicURL)
	ah := &authhttp.Handler{Accounts: accounts, Keys: keys, Verifier: verifier, OAuth: flow, Log: log, ServiceSecret: cfg.ServiceSecret,
		SecureCookies: pub.Scheme == "https" || (pub.Hostname() != "localhost" && pub.Hostname() != "127.0.0.1")}
	if mailbox != nil {
		ah.DevMailbox = mailbox
	}
	ah.Register(mux)
	// Tokens of accounts deleted earlier than one access-token lifetime
	// (plus the verifiers' leeway) have expired: the router needs no more.
	mux.Handle("GET "+tombstone.FeedPath, tombstone.FeedHandler(ts, cfg.AccessTTL+time.Minute, cfg.ServiceSecret))
	httpserver.Health(mux, map[string]httpserver.Check{"database": d.Ping, "bus": b.Ping})

	return &Service{DB: d, Store: st, Tombstones: ts, Keys: keys, Accounts: accounts, Verifier: verifier,
		handler: httpserver.Wrap(mux, log), relay: relay, mail: queue, log: log, rotation: cfg.KeyRotation}, nil
}

// Handler serves /graphql, /auth/*, the JWKS and health endpoints.
func (s *Service) Handler() http.Handler { return s.handler }

// RunBackground relays outbox events, sends mail and rotates signing keys
// until ctx ends.
func (s *Service) RunBackground(ctx context.Context) error {
	g, ctx := errgroup.WithContext(ctx)
	g.Go(func() error { return s.relay.Run(ctx) })
	g.Go(func() error { return s.mail.Run(ctx) })
	g.Go(func() error { s.maintain(ctx); return nil })
	return g.Wait()
}

// maintain rotates signing keys when due and prunes the login throttle
// and rate limits, until ctx ends.
func (s *Service) maintain(ctx context.Context) {
	t := time.NewTicker(min(s.rotation/4, time.Hour))
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			if err := s.Keys.RotateIfDue(ctx); err != nil {
				s.log.ErrorContext(ctx, "rotating signing keys", "err", err)
			}
			if err := s.Store.PruneLoginThrottle(ctx, time.Now().Add(-s.forget)); err != nil {
				s.log.ErrorContext(ctx, "pruning the login throttle", "err", err)
			}
		}
	}
}

// mailQueueSize bounds account email waiting to be sent.
const mailQueueSize = 1000

// newSender is SMTP when configured, else (coach dev only) the development
// mailbox, which is also returned to be served.
func newSender(cfg Config, log *slog.Logger) (mail.Sender, *mail.Mailbox, error) {
	if cfg.Mail.Host != "" {
		s, err := mail.NewSMTP(cfg.Mail)
		return s, nil, err
	}
	if !cfg.Dev {
		return nil, nil, errors.New("no SMTP server configured (set --smtp-host)")
	}
	log.Warn("no SMTP server configured: account email goes to the log and GET /auth/dev/mailbox")
	box := &mail.Mailbox{Log: log, Now: time.Now}
	return box, box, nil
}

// Close releases the database.
func (s *Service) Close() error { return s.DB.Close() }
