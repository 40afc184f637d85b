// Package graph serves the cv subgraph over GraphQL (gqlgen).
package graph

import (
	"github.com/careercoach/coach/internal/bus"
	"github.com/careercoach/coach/subgraphs/cv"
)

//go:generate go tool gqlgen generate --config ../gqlgen.yml

// maxEntityBatch bounds an _entities batch: its ids go into one statement.
const maxEntityBatch = 500

// Resolver holds the services the resolvers call; it is built once per server.
type Resolver struct {
	CVs *cv.Service
	Bus bus.Bus
}
