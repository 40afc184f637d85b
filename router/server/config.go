// Package server is the router's HTTP edge: GraphQL over HTTP, limits,
// authentication hook, plan cache, persisted queries, health and metrics.
package server

import (
	"context"
	"net/http"
	"time"

	"github.com/careercoach/coach/internal/httpserver"
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
	// DeduplicateQueries lets a query join an identical one (operation,
	// variables, forwarded headers) that is already running and share its
	// answer, instead of fetching the same data again. It never serves an
	// answer older than the request; a mutation sent through the router
	// closes running queries to joiners.
	DeduplicateQueries bool
	// DeduplicateSubgraphRequests lets identical queries to a subgraph in
	// flight at the same time share one request (transport.Config's
	// ShareInFlight); a mutation closes those in flight to joiners.
	DeduplicateSubgraphRequests bool
	// HTTPClient overrides the pooled subgraph client.
	HTTPClient *http.Client

	// PlanCacheSize is the number of cached plans (default 512); APQSize
	// the number of persisted queries kept (default 1024).
	PlanCacheSize int
	APQSize       int

	// Subscriptions configures WebSocket and SSE operations.
	Subscriptions SubscriptionConfig
	// Uploads configures GraphQL multipart requests.
	Uploads UploadConfig
	// CORS configures cross-origin access; its origins may also open
	// WebSockets.
	CORS CORSConfig
	// GraphiQL serves the bundled GraphiQL at GET /graphql to browsers.
	GraphiQL bool
	// WebDir is a built web app served at / with a fallback to its
	// index.html for client-side routes; empty serves none.
	WebDir string
	// Proxies forward other paths to other services (auth routes).
	Proxies []Proxy
	// Shutdown, when it ends, closes open WebSockets and event streams, so
	// that a graceful http.Server.Shutdown is not held up by them.
	Shutdown context.Context
}

// SubscriptionConfig configures subscriptions.
type SubscriptionConfig struct {
	// URLs overrides a subgraph's WebSocket URL (default: its HTTP URL
	// with ws:// or wss://).
	URLs map[string]string
	// KeepAlive is the client ping interval (default 15s); InitTimeout the
	// wait for connection_init (default 10s).
	KeepAlive   time.Duration
	InitTimeout time.Duration
	// MaxConnectionsPerIP bounds open WebSockets and event streams per
	// client address (default 100); MaxPerConnection the operations on one
	// WebSocket (default 100).
	MaxConnectionsPerIP int
	MaxPerConnection    int
	// InitCredentialKey is the connection_init payload key that carries
	// ServiceCredential to subgraphs (gqlgen reads the payload, not the
	// upgrade headers); empty sends it only as a header.
	InitCredentialKey string
	// SubgraphPingInterval is how often a quiet subgraph subscription is
	// pinged; two silent intervals end it as lost (default 15s, negative
	// disables).
	SubgraphPingInterval time.Duration
	// Deduplicate shares one subgraph subscription (and the entity fetches
	// for each event) among clients with the same operation, variables and
	// credentials. A client joining a shared subscription gets only the
	// events from then on: a subgraph that sends the current state first to
	// each new subscriber needs it off.
	Deduplicate bool
}

// UploadConfig configures file uploads (GraphQL multipart request spec).
type UploadConfig struct {
	// MaxBytes bounds the whole multipart body (default 10 MiB); MaxFiles
	// the number of files (default 10).
	MaxBytes int64
	MaxFiles int
}

// CORSConfig configures Cross-Origin Resource Sharing.
type CORSConfig struct {
	// AllowedOrigins are exact origins ("https://app.example.com"); "*"
	// allows any origin without credentials.
	AllowedOrigins []string
	// AllowCredentials lets the listed origins send cookies.
	AllowCredentials bool
	// AllowHeaders are the request headers allowed besides the defaults.
	AllowHeaders []string
	// MaxAge is how long a browser may cache a preflight (default 10m).
	MaxAge time.Duration
}

// Limits protect the router from expensive operations. Zero disables a
// limit, except MaxBodyBytes (default 1 MiB) and those with a Default…
// constant below, which are always on.
type Limits struct {
	MaxDepth      int
	MaxAliases    int
	MaxRootFields int
	MaxTokens     int
	MaxBodyBytes  int64
	// MaxFields bounds the fields an operation selects once its fragments
	// are expanded: what planning and execution work through.
	MaxFields int
	// MaxBatch bounds the operations of one batched request.
	MaxBatch int
	// MaxFragments bounds a document's fragment definitions; MaxRepeats
	// the selections of one response key (or spreads of one fragment) in
	// one selection set. Validation's overlapping-fields rule and its walk
	// of each fragment grow with their squares.
	MaxFragments int
	MaxRepeats   int
	// MaxCost bounds a request's estimated cost (a batch's operations
	// summed): every field (and @defer fragment) costs 1, multiplied by the size of each
	// enclosing list: its first/last argument, else ListSize (default 10).
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
	if c.Subscriptions.MaxConnectionsPerIP == 0 {
		c.Subscriptions.MaxConnectionsPerIP = 100
	}
	if c.Subscriptions.SubgraphPingInterval == 0 {
		c.Subscriptions.SubgraphPingInterval = 15 * time.Second
	}
	if c.Uploads.MaxBytes == 0 {
		c.Uploads.MaxBytes = httpserver.DefaultMaxUploadBytes
	}
	if c.Uploads.MaxFiles == 0 {
		c.Uploads.MaxFiles = 10
	}
	if c.CORS.MaxAge == 0 {
		c.CORS.MaxAge = 10 * time.Minute
	}
	if c.Limits.MaxFields == 0 {
		c.Limits.MaxFields = DefaultMaxFields
	}
	if c.Limits.MaxBatch == 0 {
		c.Limits.MaxBatch = DefaultMaxBatch
	}
	if c.Limits.MaxFragments == 0 {
		c.Limits.MaxFragments = DefaultMaxFragments
	}
	if c.Limits.MaxRepeats == 0 {
		c.Limits.MaxRepeats = DefaultMaxRepeats
	}
	if c.Limits.ListSize == 0 {
		c.Limits.ListSize = 10
	}
}

// Defaults of the limits that are always on.
const (
	DefaultMaxFields = 5000
	// DefaultMaxBatch is Apollo Client's BatchHttpLink batchMax.
	DefaultMaxBatch     = 10
	DefaultMaxFragments = 100
	DefaultMaxRepeats   = 20
)
