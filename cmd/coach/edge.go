package main

import (
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
