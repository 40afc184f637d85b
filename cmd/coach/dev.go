//go:build !routeronly

package main

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"net/url"
	"strings"

	"github.com/careercoach/coach/internal/ai"
	"github.com/careercoach/coach/internal/auth"
	"github.com/careercoach/coach/internal/bus"
	"github.com/careercoach/coach/internal/bus/membus"
	"github.com/careercoach/coach/internal/config"
	"github.com/careercoach/coach/internal/httpserver"
	"github.com/careercoach/coach/internal/logging"
	router "github.com/careercoach/coach/router/server"
	"github.com/careercoach/coach/schema"
	courses "github.com/careercoach/coach/subgraphs/courses/server"
	cvserver "github.com/careercoach/coach/subgraphs/cv/server"
	planning "github.com/careercoach/coach/subgraphs/planning/server"
	progress "github.com/careercoach/coach/subgraphs/progress/server"
	"github.com/careercoach/coach/subgraphs/users/server"
)

// devMain runs the whole platform in one process on embedded defaults:
// SQLite files under --data-dir, one in-process bus shared by all services,
// each subgraph on its own loopback port as in production.
type devMain struct {
	env
	dataDir   string
	addr      string
	metrics   string             // listen address of the router's /metrics; empty: off
	addrs     map[string]*string // subgraph name → listen address
	logLevel  string
	logFormat string
	secret    string
	users     server.Config
	cv        cvserver.Config
	ai        ai.Config
	// HTTP limits of the router and of the subgraphs (--subgraph-…).
	routerHTTP, subgraphHTTP config.HTTPLimits
}

// devSubgraphs are the subgraphs `coach dev` runs, with their default ports.
var devSubgraphs = []struct{ name, addr string }{
	{"users", "127.0.0.1:4001"},
	{"cv", "127.0.0.1:4002"},
	{"planning", "127.0.0.1:4003"},
	{"progress", "127.0.0.1:4004"},
	{"courses", "127.0.0.1:4005"},
}

func (m *devMain) ParseFlags(args []string) error {
	fs := config.New("coach dev", m.getenv)
	fs.String(&m.dataDir, "data-dir", "COACH_DATA_DIR", "./data", "directory for the SQLite files")
	fs.String(&m.addr, "addr", "COACH_ADDR", "127.0.0.1:4000", "listen address of the router (the public origin)")
	fs.String(&m.metrics, "metrics-addr", "COACH_METRICS_ADDR", "", "listen address of the router's /metrics (Prometheus; e.g. 127.0.0.1:8088; empty: off)")
	m.addrs = map[string]*string{}
	for _, s := range devSubgraphs {
		m.addrs[s.name] = new(string)
		fs.String(m.addrs[s.name], s.name+"-addr", "COACH_"+strings.ToUpper(s.name)+"_ADDR", s.addr, "listen address of the "+s.name+" subgraph")
	}
	fs.String(&m.logLevel, "log-level", "COACH_LOG_LEVEL", "info", "debug, info, warn or error")
	fs.String(&m.logFormat, "log-format", "COACH_LOG_FORMAT", "text", "text or json")
	config.BindHTTPLimits(fs, &m.routerHTTP, "", config.PublicHTTPLimits())
	config.BindHTTPLimits(fs, &m.subgraphHTTP, "subgraph-", config.InternalHTTPLimits())
	bindUsers(fs, &m.users)
	m.cv = cvserver.DefaultConfig()
	bindCV(fs, &m.cv, "cv-")
	// A test hook for the browser tests, so only `coach dev` has it: the
	// production service (`coach cv`) cannot be slowed by a stray setting.
	fs.Duration(&m.cv.StageDelay, "cv-stage-delay", "COACH_CV_STAGE_DELAY", 0, "test hook: hold each CV analysis stage this long so that progress can be watched")
	ai.Bind(fs, &m.ai) // one AI configuration for every service
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			fs.Usage(m.stdout, "coach dev: every service in one process on embedded defaults")
		}
		return err
	}
	m.users.DataDir, m.users.Dev = m.dataDir, true
	m.users.OAuth.PublicURL = m.users.PublicURL
	// One process: a fresh random secret for the router's calls is enough.
	var b [24]byte
	_, _ = rand.Read(b[:])
	m.secret = hex.EncodeToString(b[:])
	m.users.ServiceSecret = m.secret
	m.cv.DataDir, m.cv.ServiceSecret, m.cv.AI = m.dataDir, m.secret, m.ai
	errs := []error{config.CheckAddr("addr", m.addr), m.users.Validate(), m.ai.Validate(), m.cv.Validate(),
		m.routerHTTP.Validate(""), m.subgraphHTTP.Validate("subgraph-")}
	if m.metrics != "" {
		errs = append(errs, config.CheckAddr("metrics-addr", m.metrics))
	}
	for _, s := range devSubgraphs {
		errs = append(errs, config.CheckAddr(s.name+"-addr", *m.addrs[s.name]))
	}
	return errors.Join(errs...)
}

func (m *devMain) Run(ctx context.Context) error {
	log, err := logging.New(m.stderr, m.logFormat, m.logLevel)
	if err != nil {
		return err
	}
	b := membus.New(log, membus.Options{})
	users, err := m.startUsers(ctx, b, log)
	if err != nil {
		return errors.Join(err, b.Close())
	}
	started := map[string]service{"users": users}
	closeAll := func() error {
		var errs []error
		for _, s := range started {
			errs = append(errs, s.Close())
		}
		return errors.Join(append(errs, b.Close())...)
	}
	for _, s := range devSubgraphs[1:] {
		svc, err := m.startSubgraph(ctx, s.name, b, users.Verifier, log.With("service", s.name))
		if err != nil {
			return errors.Join(fmt.Errorf("starting %s: %w", s.name, err), closeAll())
		}
		started[s.name] = svc
	}

	urls := map[string]string{}
	var fns []func(context.Context) error
	for _, s := range devSubgraphs {
		addr := *m.addrs[s.name]
		urls[s.name] = (&url.URL{Scheme: "http", Host: addr, Path: "/graphql"}).String()
		srv := &httpserver.Server{Addr: addr, Handler: started[s.name].Handler(), Log: log.With("service", s.name), Limits: m.subgraphHTTP}
		fns = append(fns, srv.Run, started[s.name].RunBackground)
	}
	usersBase := &url.URL{Scheme: "http", Host: *m.addrs["users"]}
	rcfg := routerConfig(users.Verifier, m.secret, urls, true)
	rcfg.SupergraphSDL = schema.Supergraph()
	withDevEdge(ctx, &rcfg, usersBase, m.secret)
	rlog := log.With("service", "router")
	rh, err := router.New(rcfg, rlog)
	if err != nil {
		return errors.Join(fmt.Errorf("starting router: %w", err), closeAll())
	}
	routerSrv := &httpserver.Server{Addr: m.addr, Handler: httpserver.Wrap(rh, rlog), Log: rlog, Limits: m.routerHTTP}
	fns = append(fns, routerSrv.Run)
	if m.metrics != "" {
		fns = append(fns, (&httpserver.Server{Addr: m.metrics, Handler: rh.MetricsHandler(), Log: rlog.With("listener", "metrics")}).Run)
	}
	runErr := runAll(ctx, fns...)
	return errors.Join(runErr, closeAll())
}

// startUsers opens and builds the users service (its verifier serves the others).
func (m *devMain) startUsers(ctx context.Context, b bus.Bus, log *slog.Logger) (*server.Service, error) {
	d, err := server.OpenDB(ctx, m.users, log)
	if err != nil {
		return nil, err
	}
	users, err := server.New(ctx, m.users, d, b, log.With("service", "users"))
	if err != nil {
		return nil, errors.Join(fmt.Errorf("starting users: %w", err), d.Close())
	}
	return users, nil
}

// startSubgraph opens the database of one subgraph on SQLite and builds it.
func (m *devMain) startSubgraph(ctx context.Context, name string, b bus.Bus, v *auth.Verifier, log *slog.Logger) (service, error) {
	switch name {
	case "cv":
		return openSubgraph(ctx, m.cv, cvserver.OpenDB, cvserver.New, b, v, log)
	case "planning":
		cfg := planning.Config{DataDir: m.dataDir, ServiceSecret: m.secret, AI: m.ai}
		return openSubgraph(ctx, cfg, planning.OpenDB, planning.New, b, v, log)
	case "progress":
		cfg := progress.Config{DataDir: m.dataDir, ServiceSecret: m.secret}
		return openSubgraph(ctx, cfg, progress.OpenDB, progress.New, b, v, log)
	case "courses":
		return openCourses(ctx, courses.Config{DataDir: m.dataDir, ServiceSecret: m.secret}, m.ai, b, v, log)
	}
	return nil, fmt.Errorf("coach dev does not know the %s subgraph", name)
}
