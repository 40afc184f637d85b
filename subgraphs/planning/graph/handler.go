package graph

import (
	"context"

	"github.com/99designs/gqlgen/graphql"

	"github.com/careercoach/coach/internal/gqlsrv"
)

// NewHandler returns the planning GraphQL handler: the shared gqlsrv
// behaviour plus per-operation batch loaders.
func NewHandler(r *Resolver, o gqlsrv.Options) *gqlsrv.Server {
	srv := gqlsrv.New(NewExecutableSchema(Config{Resolvers: r}), o)
	srv.AroundOperations(func(ctx context.Context, next graphql.OperationHandler) graphql.ResponseHandler {
		return next(r.WithLoaders(ctx))
	})
	return srv
}
