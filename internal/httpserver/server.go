// Package httpserver runs an HTTP server with the behaviour every service
// needs: request ids and logs, panic recovery, health endpoints, and a
// graceful shutdown when the context ends (SIGTERM/SIGINT in main).
package httpserver

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"time"

	"github.com/careercoach/coach/internal/config"
)

// Server is one listening HTTP server.
type Server struct {
	Addr    string
	Handler http.Handler
	Log     *slog.Logger
	// ShutdownTimeout bounds how long in-flight requests may finish.
	ShutdownTimeout time.Duration
	// Ready, if set, receives the bound address once listening (tests use ":0").
	Ready func(addr net.Addr)
	// Limits bound slow clients and open connections; a zero field takes
	// its value from config.PublicHTTPLimits.
	Limits config.HTTPLimits
}

// Run listens and serves until ctx ends, then shuts down gracefully.
func (s *Server) Run(ctx context.Context) error {
	ln, err := net.Listen("tcp", s.Addr)
	if err != nil {
		return fmt.Errorf("listening on %s: %w", s.Addr, err)
	}
	return s.Serve(ctx, ln)
}

// Serve is Run on an existing listener.
func (s *Server) Serve(ctx context.Context, ln net.Listener) error {
	timeout := s.ShutdownTimeout
	if timeout == 0 {
		timeout = 15 * time.Second
	}
	l := withDefaults(s.Limits, config.PublicHTTPLimits())
	ln = newConnLimiter(ln, l.MaxConnections, l.MaxConnectionsPerIP, s.Log)
	// No ReadTimeout or WriteTimeout: they would cut long uploads, event
	// streams and WebSockets; pacedBodies bounds slow bodies instead.
	srv := &http.Server{
		Handler:           pacedBodies(s.Handler, l.BodyTimeout, l.BodyMinRate),
		ReadHeaderTimeout: l.ReadHeaderTimeout,
		IdleTimeout:       l.IdleTimeout,
		BaseContext:       func(net.Listener) context.Context { return context.WithoutCancel(ctx) },
		ErrorLog:          slog.NewLogLogger(s.Log.Handler(), slog.LevelWarn),
	}
	if s.Ready != nil {
		s.Ready(ln.Addr())
	}
	s.Log.Info("listening", "addr", ln.Addr().String())
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return fmt.Errorf("serving on %s: %w", ln.Addr(), err)
	case <-ctx.Done():
	}
	sctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	shutdownErr := srv.Shutdown(sctx)
	if serveErr := <-errc; !errors.Is(serveErr, http.ErrServerClosed) {
		return errors.Join(shutdownErr, serveErr)
	}
	if shutdownErr != nil {
		return fmt.Errorf("shutting down %s: %w", ln.Addr(), shutdownErr)
	}
	s.Log.Info("stopped", "addr", ln.Addr().String())
	return nil
}

// withDefaults fills l's zero fields from def.
func withDefaults(l, def config.HTTPLimits) config.HTTPLimits {
	return config.HTTPLimits{
		ReadHeaderTimeout:   cmp.Or(l.ReadHeaderTimeout, def.ReadHeaderTimeout),
		BodyTimeout:         cmp.Or(l.BodyTimeout, def.BodyTimeout),
		BodyMinRate:         cmp.Or(l.BodyMinRate, def.BodyMinRate),
		IdleTimeout:         cmp.Or(l.IdleTimeout, def.IdleTimeout),
		MaxConnections:      cmp.Or(l.MaxConnections, def.MaxConnections),
		MaxConnectionsPerIP: cmp.Or(l.MaxConnectionsPerIP, def.MaxConnectionsPerIP),
	}
}
