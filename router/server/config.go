// Package server is the router's HTTP edge: GraphQL over HTTP, limits,
// authentication hook, plan cache, persisted queries, health and metrics.
package server

import (
	"net/http"
	"time"
)

// Config configures the router. Zero values give safe defaults.
type Config struct {
	// SupergraphSDL is the supergraph itself; SupergraphPath a file that
	// holds it. With a path, the file is re-read when it changes (checked
	// at most every ReloadInterval) without dropping in-flight requests.
	SupergraphSDL  string
	SupergraphPath string
	ReloadInterval time.Duration // default 2s

	// SubgraphURLs overrides the URLs composed into the supergraph.
	SubgraphURLs map[string]string

	// DisableIntrospection rejects __schema and __type queries.
	DisableIntrospection bool
	Limits               Limits

	// RequestTimeout bounds a whole request (default 30s); SubgraphTimeout
	// each subgraph request (default 10s), overridable per subgraph.
	RequestTimeout   time.Duration
	SubgraphTimeout  time.Duration
	SubgraphTimeouts map[string]time.Duration
	// MaxConcurrency bounds concurrent subgraph requests per operation.
	MaxConcurrency int

	// Authenticate, when set, runs before parsing; an error answers 401.
	// It is where JWT verification plugs in.
	Authenticate func(*http.Request) error
	// TokenCookie names a session cookie holding the caller's token; when a
	// request has no Authorization header, the cookie's token is forwarded
	// as "Authorization: Bearer <token>".
	TokenCookie string
	// PropagateHeaders names client headers forwarded to subgraphs, in
	// addition to Authorization, which is always forwarded.
	PropagateHeaders []string
	// ServiceCredentialHeader and ServiceCredential are added to every
	// subgraph request.
	ServiceCredentialHeader string
	ServiceCredential       string
	// HTTPClient overrides the pooled subgraph client.
	HTTPClient *http.Client

	// PlanCacheSize is the number of cached plans (default 512); APQSize
	// the number of persisted queries kept (default 1024).
	PlanCacheSize int
	APQSize       int
}

// Limits protect the router from expensive operations. Zero disables a
// limit, except MaxBodyBytes (default 1 MiB).
type Limits struct {
	MaxDepth      int
	MaxAliases    int
	MaxRootFields int
	MaxTokens     int
	MaxBodyBytes  int64
	// MaxCost bounds the estimated cost: every field costs 1, multiplied
	// by ListSize for each enclosing list.
	MaxCost  int
	ListSize int
}

func (c *Config) defaults() {
	if c.ReloadInterval == 0 {
		c.ReloadInterval = 2 * time.Second
	}
	if c.RequestTimeout == 0 {
		c.RequestTimeout = 30 * time.Second
	}
	if c.SubgraphTimeout == 0 {
		c.SubgraphTimeout = 10 * time.Second
	}
	if c.PlanCacheSize == 0 {
		c.PlanCacheSize = 512
	}
	if c.APQSize == 0 {
		c.APQSize = 1024
	}
	if c.Limits.MaxBodyBytes == 0 {
		c.Limits.MaxBodyBytes = 1 << 20
	}
	if c.Limits.ListSize == 0 {
		c.Limits.ListSize = 10
	}
}
