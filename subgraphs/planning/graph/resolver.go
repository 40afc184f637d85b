// Package graph serves the planning subgraph over GraphQL (gqlgen).
package graph

import (
	"time"

	"github.com/careercoach/coach/subgraphs/planning"
)

//go:generate go tool gqlgen generate --config ../gqlgen.yml

// Resolver holds what the resolvers call; it is built once per server.
type Resolver struct {
	Store    planning.Store
	Catalog  *planning.Catalog
	Practice *planning.Practice
	Jobs     *planning.JobMatcher
	Now      func() time.Time
}

// Bounds on ids and entity batches, so one request cannot build an
// unbounded SQL IN list.
const (
	maxIDLen       = 100
	maxEntityBatch = 500
)
