package main

import (
	"net/http"
	"net/http/httputil"
	"net/url"

	"github.com/careercoach/coach/internal/auth"
)

// authProxy forwards /auth/* and the JWKS from the public origin to the users
// service, vouching for the client address with the service credential.
// The router-edge work will move this into the router's configurable routes.
func authProxy(usersBase *url.URL, secret string) http.Handler {
	return &httputil.ReverseProxy{Rewrite: func(r *httputil.ProxyRequest) {
		r.SetURL(usersBase)
		r.SetXForwarded()
		r.Out.Host = r.In.Host
		r.Out.Header.Set(auth.ServiceTokenHeader, secret)
	}}
}

// edge mounts the router and the auth routes on one origin.
func edge(router http.Handler, usersBase *url.URL, secret string) http.Handler {
	mux := http.NewServeMux()
	p := authProxy(usersBase, secret)
	mux.Handle("/auth/", p)
	mux.Handle("/.well-known/jwks.json", p)
	mux.Handle("/", router)
	return mux
}
