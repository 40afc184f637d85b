// Package subgraphs serves the four subgraphs of the federation gateway
// benchmark (graphql-hive/graphql-gateways-benchmark): accounts,
// inventory, products and reviews, ported from its Rust subgraphs to
// gqlgen with the same schemas and data.
package subgraphs

import (
	"net/http"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/handler"
	"github.com/99designs/gqlgen/graphql/handler/extension"
	"github.com/99designs/gqlgen/graphql/handler/lru"
	"github.com/99designs/gqlgen/graphql/handler/transport"
	"github.com/vektah/gqlparser/v2/ast"

	accounts "github.com/careercoach/coach/bench/subgraphs/accounts/graph"
	inventory "github.com/careercoach/coach/bench/subgraphs/inventory/graph"
	products "github.com/careercoach/coach/bench/subgraphs/products/graph"
	reviews "github.com/careercoach/coach/bench/subgraphs/reviews/graph"
)

// Names are the subgraphs, each served at /<name> as the Rust server does.
var Names = []string{"accounts", "inventory", "products", "reviews"}

// SDLs are the subgraph schemas by name, for composition.
var SDLs = map[string]string{
	"accounts":  accounts.SchemaSDL,
	"inventory": inventory.SchemaSDL,
	"products":  products.SchemaSDL,
	"reviews":   reviews.SchemaSDL,
}

// Handler serves every subgraph at /<name> (POST JSON) and /health.
func Handler() http.Handler {
	mux := http.NewServeMux()
	mux.Handle("/accounts", serve(accounts.NewExecutableSchema(accounts.Config{Resolvers: &accounts.Resolver{}})))
	mux.Handle("/inventory", serve(inventory.NewExecutableSchema(inventory.Config{Resolvers: &inventory.Resolver{}})))
	mux.Handle("/products", serve(products.NewExecutableSchema(products.Config{Resolvers: &products.Resolver{}})))
	mux.Handle("/reviews", serve(reviews.NewExecutableSchema(reviews.Config{Resolvers: &reviews.Resolver{}})))
	mux.HandleFunc("/health", func(w http.ResponseWriter, _ *http.Request) { _, _ = w.Write([]byte("OK")) })
	return mux
}

// serve is a bare gqlgen server: POST only, a parsed-query cache (the
// router sends the same few operations), and introspection so that
// _service answers. No auth: these are public benchmark subgraphs.
func serve(es graphql.ExecutableSchema) http.Handler {
	srv := handler.New(es)
	srv.AddTransport(transport.POST{})
	srv.SetQueryCache(lru.New[*ast.QueryDocument](100))
	srv.Use(extension.Introspection{})
	return srv
}
