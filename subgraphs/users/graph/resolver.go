// Package graph serves the users subgraph over GraphQL (gqlgen).
package graph

import "github.com/careercoach/coach/subgraphs/users"

//go:generate go tool gqlgen generate --config ../gqlgen.yml

// Resolver holds the service the resolvers call (they translate, it
// decides); it is built once per server.
type Resolver struct {
	Users *users.Service
}
