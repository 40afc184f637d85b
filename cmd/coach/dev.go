package main

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"flag"
	"fmt"
	"net/url"

	"github.com/careercoach/coach/internal/bus/membus"
	"github.com/careercoach/coach/internal/config"
	"github.com/careercoach/coach/internal/httpserver"
	"github.com/careercoach/coach/internal/logging"
	router "github.com/careercoach/coach/router/server"
	"github.com/careercoach/coach/schema"
	"github.com/careercoach/coach/subgraphs/users/server"
)

// devMain runs the whole platform in one process on embedded defaults:
// SQLite files under --data-dir, one in-process bus shared by all services,
// each subgraph on its own loopback port as in production.
type devMain struct {
	env
	dataDir   string
	addr      string
	usersAddr string
	logLevel  string
	logFormat string
	users     server.Config
}

func (m *devMain) ParseFlags(args []string) error {
	fs := config.New("coach dev", m.getenv)
	fs.String(&m.dataDir, "data-dir", "COACH_DATA_DIR", "./data", "directory for the SQLite files")
	fs.String(&m.addr, "addr", "COACH_ADDR", "127.0.0.1:4000", "listen address of the router (the public origin)")
	fs.String(&m.usersAddr, "users-addr", "COACH_USERS_ADDR", "127.0.0.1:4001", "listen address of the users subgraph")
	fs.String(&m.logLevel, "log-level", "COACH_LOG_LEVEL", "info", "debug, info, warn or error")
	fs.String(&m.logFormat, "log-format", "COACH_LOG_FORMAT", "text", "text or json")
	bindUsers(fs, &m.users)
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			fs.Usage(m.stdout, "coach dev: every service in one process on embedded defaults")
		}
		return err
	}
	m.users.DataDir = m.dataDir
	m.users.OAuth.PublicURL = m.users.PublicURL
	// One process: a fresh random secret for the router's calls is enough.
	var b [24]byte
	_, _ = rand.Read(b[:])
	m.users.ServiceSecret = hex.EncodeToString(b[:])
	return errors.Join(config.CheckAddr("addr", m.addr), config.CheckAddr("users-addr", m.usersAddr), m.users.Validate())
}

func (m *devMain) Run(ctx context.Context) error {
	log, err := logging.New(m.stderr, m.logFormat, m.logLevel)
	if err != nil {
		return err
	}
	b := membus.New(log, membus.Options{})
	d, err := server.OpenDB(ctx, m.users, log)
	if err != nil {
		return errors.Join(err, b.Close())
	}
	users, err := server.New(ctx, m.users, d, b, log.With("service", "users"))
	if err != nil {
		return errors.Join(fmt.Errorf("starting users: %w", err), d.Close(), b.Close())
	}
	usersSrv := &httpserver.Server{Addr: m.usersAddr, Handler: users.Handler(), Log: log.With("service", "users")}

	usersBase := &url.URL{Scheme: "http", Host: m.usersAddr}
	rcfg := routerConfig(users.Verifier, m.users.ServiceSecret, map[string]string{"users": usersBase.String() + "/graphql"}, true)
	rcfg.SupergraphSDL = schema.Supergraph()
	withDevEdge(ctx, &rcfg, usersBase, m.users.ServiceSecret)
	rlog := log.With("service", "router")
	rh, err := router.New(rcfg, rlog)
	if err != nil {
		return errors.Join(fmt.Errorf("starting router: %w", err), users.Close(), b.Close())
	}
	routerSrv := &httpserver.Server{Addr: m.addr, Handler: httpserver.Wrap(rh, rlog), Log: rlog}
	runErr := runAll(ctx, usersSrv.Run, users.RunBackground, routerSrv.Run)
	return errors.Join(runErr, users.Close(), b.Close())
}
