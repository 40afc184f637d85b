// Package graph serves the progress subgraph over GraphQL (gqlgen).
package graph

import (
	"time"

	"github.com/careercoach/coach/subgraphs/progress"
)

//go:generate go tool gqlgen generate --config ../gqlgen.yml

// maxEntityBatch bounds an _entities batch: its ids go into one statement.
const maxEntityBatch = 500

// Resolver holds what the resolvers call; it is built once per server.
type Resolver struct {
	Store   progress.Store
	Quizzes *progress.Quizzes
	// Skill canonicalises a skill name (taxonomy Lookup); false: unknown.
	Skill func(name string) (string, bool)
	Now   func() time.Time
}
