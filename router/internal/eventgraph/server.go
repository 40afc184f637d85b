package eventgraph

import (
	"log/slog"
	"net/http"

	"github.com/careercoach/coach/internal/auth"
	"github.com/careercoach/coach/internal/gqlsrv"
	"github.com/careercoach/coach/router/internal/eventgraph/graph"
)

// SDL is the subgraph's schema, for composing test supergraphs.
var SDL = graph.SchemaSDL

// Handler serves the subgraph at any path with the project's shared
// gqlgen setup (WebSocket, multipart uploads, auth in connection_init).
func Handler(b *graph.Broker, v *auth.Verifier, secret string, maxUpload int64) http.Handler {
	log := slog.New(slog.DiscardHandler)
	gql := gqlsrv.New(graph.NewExecutableSchema(graph.Config{Resolvers: &graph.Resolver{Broker: b}}),
		gqlsrv.Options{Log: log, Verifier: v, ServiceSecret: secret, MaxUploadBytes: maxUpload, PublicIntrospection: true})
	return (&auth.Middleware{Verifier: v, ServiceSecret: secret, Log: log}).Wrap(gql)
}
