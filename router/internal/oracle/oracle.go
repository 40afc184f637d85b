// Package oracle is the router's differential test. Three gqlgen subgraphs
// (catalog, reviews, ratings) serve one in-memory data set (package data) through
// the router; a single-schema gqlgen server (reference) serves the same
// data with the supergraph's API schema. A seeded generator writes valid and
// invalid operations; the router must answer each exactly as the reference
// does: the same data, byte for byte, and the same errors by path and code.
//
// The schema covers an entity interface (Media, given popularity by the
// ratings subgraph's @interfaceObject), a union (SearchResult), entities
// keyed across subgraphs (Book, Author), @requires (readingHours needs
// pages), @provides (a review's author name), @shareable (Book.title),
// lists, and nullable and non-null fields that fail; a subscription in
// reviews (reviewNow: one event); and a mutation in each of catalog and reviews (the router's subgraphs and the reference
// then keep data sets of their own, which must stay equal).
package oracle

import (
	"net/http"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/handler"
	"github.com/99designs/gqlgen/graphql/handler/transport"
	"github.com/careercoach/coach/router/internal/oracle/catalog"
	catalogGraph "github.com/careercoach/coach/router/internal/oracle/catalog/graph"
	"github.com/careercoach/coach/router/internal/oracle/data"
	"github.com/careercoach/coach/router/internal/oracle/ratings"
	ratingsGraph "github.com/careercoach/coach/router/internal/oracle/ratings/graph"
	referenceGraph "github.com/careercoach/coach/router/internal/oracle/reference/graph"
	"github.com/careercoach/coach/router/internal/oracle/reviews"
	reviewsGraph "github.com/careercoach/coach/router/internal/oracle/reviews/graph"
)

// Subgraph is a test subgraph: its name, SDL and handler.
type Subgraph struct {
	Name    string
	SDL     string
	Handler http.Handler
}

// Subgraphs returns the test subgraphs serving d.
func Subgraphs(d *data.Set) []Subgraph {
	return []Subgraph{
		{Name: "catalog", SDL: catalog.SDL, Handler: serve(catalogGraph.NewExecutableSchema(catalogGraph.Config{Resolvers: &catalogGraph.Resolver{Data: d}}))},
		{Name: "reviews", SDL: reviews.SDL, Handler: serve(reviewsGraph.NewExecutableSchema(reviewsGraph.Config{Resolvers: &reviewsGraph.Resolver{Data: d}}))},
		{Name: "ratings", SDL: ratings.SDL, Handler: serve(ratingsGraph.NewExecutableSchema(ratingsGraph.Config{Resolvers: &ratingsGraph.Resolver{Data: d}}))},
	}
}

// Reference returns the single-schema reference server over d.
func Reference(d *data.Set) http.Handler {
	return serve(referenceGraph.NewExecutableSchema(referenceGraph.Config{Resolvers: &referenceGraph.Resolver{Data: d}}))
}

// ReferenceSDL is the reference's schema: the API schema the generator
// writes operations against.
var ReferenceSDL = referenceGraph.SchemaSDL

// serve is gqlgen's handler with POST only: the reference and the
// subgraphs differ from each other in nothing but their schema.
func serve(es graphql.ExecutableSchema) http.Handler {
	h := handler.New(es)
	// Subscriptions: the router opens them on the subgraph over
	// graphql-transport-ws; the test asks the reference over SSE. SSE goes
	// first: POST would take its requests too.
	h.AddTransport(transport.SSE{})
	h.AddTransport(&transport.Websocket{})
	h.AddTransport(transport.POST{})
	return h
}
