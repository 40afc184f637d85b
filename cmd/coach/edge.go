package main

import (
	"context"
	"net/url"
	"strings"

	"github.com/careercoach/coach/internal/auth"
	"github.com/careercoach/coach/router/server"
)

// defaultWebDir is the built web app (`npm run build` in web/).
const defaultWebDir = "web/dist"

// withEdge makes the router the single public origin: the users service's
// /auth/* routes and JWKS proxied (the service credential vouches for the
// X-Forwarded-For the proxy adds), the web app from webDir, GraphiQL.
func withEdge(cfg *server.Config, usersBase *url.URL, secret, webDir string) {
	target := strings.TrimRight(usersBase.String(), "/")
	cfg.Proxies = []server.Proxy{
		{Path: "/auth/", Target: target, SetHeaders: map[string]string{auth.ServiceTokenHeader: secret}},
		{Path: "/.well-known/jwks.json", Target: target, SetHeaders: map[string]string{auth.ServiceTokenHeader: secret}},
	}
	cfg.WebDir = webDir
	cfg.GraphiQL = true
}

// devOrigins are the Vite dev server's: its proxy forwards the page's
// WebSocket with the page's Origin, which the router must accept.
var devOrigins = []string{"http://localhost:5173", "http://127.0.0.1:5173"}

// withDevEdge is withEdge for `coach dev`, which also serves the Vite dev
// server's pages.
func withDevEdge(ctx context.Context, cfg *server.Config, usersBase *url.URL, secret string) {
	withEdge(cfg, usersBase, secret, defaultWebDir)
	cfg.Shutdown = ctx
	cfg.CORS.AllowedOrigins = devOrigins
	cfg.CORS.AllowCredentials = true
}
