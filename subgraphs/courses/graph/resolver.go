// Package graph serves the courses subgraph over GraphQL (gqlgen).
package graph

import "github.com/careercoach/coach/subgraphs/courses"

//go:generate go tool gqlgen generate --config ../gqlgen.yml

// Resolver holds the services the resolvers call; it is built once per server.
type Resolver struct {
	Catalogue       courses.CatalogueStore
	Recommendations courses.RecommendationStore
}
