// Package graph serves the courses subgraph over GraphQL (gqlgen).
package graph

import (
	"github.com/careercoach/coach/internal/skills"
	"github.com/careercoach/coach/subgraphs/courses"
)

//go:generate go tool gqlgen generate --config ../gqlgen.yml

// Resolver holds the services the resolvers call; it is built once per server.
type Resolver struct {
	Catalogue       courses.CatalogueStore
	Recommendations courses.RecommendationStore
	// Skills makes the skills filter accept aliases ("k8s"); may be nil.
	Skills *skills.Taxonomy
	// Sources describes where each course comes from (Course.source); nil
	// leaves every source null.
	Sources *courses.Catalogue
}
