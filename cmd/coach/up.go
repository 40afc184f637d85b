//go:build !routeronly

package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"time"

	"github.com/careercoach/coach/deploy/stack"
	"github.com/careercoach/coach/internal/config"
	"github.com/careercoach/coach/internal/mail"
	"github.com/careercoach/coach/subgraphs/users"
)

// upMain runs the production topology on this machine: the router and every
// subgraph as separate processes on PostgreSQL and Redis (`make up`).
type upMain struct {
	env
	databaseURL, redisURL string
	supergraph, webDir    string
	metricsAddr           string
	dataDir               string
	basePort              int
	restart               stack.Supervision
	kek                   string
	mail                  mail.Config
}

func (m *upMain) ParseFlags(args []string) error {
	fs := config.New("coach up", m.getenv)
	fs.String(&m.databaseURL, "database-url", "COACH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/postgres?sslmode=disable", "PostgreSQL server; each subgraph uses its own database careercoach_<name>, created if missing")
	fs.String(&m.redisURL, "redis-url", "COACH_REDIS_URL", "redis://127.0.0.1:6379/0", "Redis for pub/sub and events")
	fs.String(&m.supergraph, "supergraph", "COACH_SUPERGRAPH", "schema/supergraph.graphql", "supergraph the router serves")
	fs.String(&m.webDir, "web-dir", "COACH_WEB_DIR", "web/dist", "built web app the router serves (empty: none)")
	fs.String(&m.dataDir, "data-dir", "COACH_DATA_DIR", "./data", "working directory of the processes (and up.pid)")
	fs.String(&m.metricsAddr, "metrics-addr", "COACH_METRICS_ADDR", "127.0.0.1:8088", "listen address of the router's /metrics (empty: off)")
	fs.Int(&m.basePort, "base-port", "COACH_BASE_PORT", 4000, "router port; subgraphs listen on the next five ports")
	fs.Duration(&m.restart.Backoff, "restart-backoff", "COACH_RESTART_BACKOFF", time.Second, "wait before restarting a crashed process; doubles with each crash in a row")
	fs.Duration(&m.restart.MaxBackoff, "restart-backoff-max", "COACH_RESTART_BACKOFF_MAX", time.Minute, "longest wait before a restart")
	fs.Duration(&m.restart.HealthyAfter, "restart-healthy-after", "COACH_RESTART_HEALTHY_AFTER", 2*time.Minute, "time up after which a crash counts as the first again")
	fs.Secret(&m.kek, "key-encryption-key", "COACH_KEY_ENCRYPTION_KEY", "the users service's key-encryption key (base64 of 32 random bytes); required")
	mail.Bind(fs, &m.mail)
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			fs.Usage(m.stdout, "coach up: router + five subgraphs as separate processes on PostgreSQL and Redis")
		}
		return err
	}
	var errs []error
	if m.metricsAddr != "" {
		errs = append(errs, config.CheckAddr("metrics-addr", m.metricsAddr))
	}
	if m.restart.Backoff <= 0 || m.restart.MaxBackoff < m.restart.Backoff || m.restart.HealthyAfter <= 0 {
		errs = append(errs, fmt.Errorf("--restart-backoff (%s) and --restart-healthy-after (%s) must be positive and --restart-backoff-max (%s) at least --restart-backoff",
			m.restart.Backoff, m.restart.HealthyAfter, m.restart.MaxBackoff))
	}
	if _, err := users.ParseKeyEncryptionKey(m.kek); err != nil {
		errs = append(errs, fmt.Errorf("--key-encryption-key (COACH_KEY_ENCRYPTION_KEY) is required, as the users service's: %w", err))
	}
	if m.mail.Host == "" {
		errs = append(errs, errors.New("no SMTP server configured: set --smtp-host (COACH_SMTP_HOST) and the other --smtp-* settings; the users service sends account email (verification, password reset) through it"))
	}
	return errors.Join(errors.Join(errs...), m.mail.Validate(), config.CheckURL("database-url", m.databaseURL, "postgres", "postgresql"),
		config.CheckURL("redis-url", m.redisURL, "redis", "rediss"))
}

func (m *upMain) Run(ctx context.Context) error {
	self, err := os.Executable()
	if err != nil {
		return fmt.Errorf("finding the coach binary: %w", err)
	}
	if err := os.MkdirAll(m.dataDir, 0o700); err != nil {
		return fmt.Errorf("creating %s: %w", m.dataDir, err)
	}
	web := m.webDir
	if web != "" {
		if _, err := os.Stat(filepath.Join(web, "index.html")); err != nil {
			fmt.Fprintf(m.stderr, "coach up: no built web app in %s; serving the API only\n", web)
			web = ""
		}
	}
	pidFile := filepath.Join(m.dataDir, "up.pid")
	if err := os.WriteFile(pidFile, []byte(strconv.Itoa(os.Getpid())+"\n"), 0o600); err != nil {
		return fmt.Errorf("writing %s: %w", pidFile, err)
	}
	defer os.Remove(pidFile)
	st, err := stack.Start(ctx, stack.Options{Binary: self, DatabaseURL: m.databaseURL, RedisURL: m.redisURL,
		BasePort: m.basePort, Supergraph: m.supergraph, WebDir: web, MetricsAddr: m.metricsAddr, DataDir: m.dataDir, Logs: m.stdout,
		KeyEncryptionKey: m.kek, Mail: m.mail})
	if err != nil {
		return err
	}
	fmt.Fprintf(m.stdout, "coach up: Career Coach on %s (Ctrl-C or `make down` stops every process; a crashed one is restarted)\n", st.URL())
	st.Supervise(ctx, m.restart)
	return st.Stop()
}
