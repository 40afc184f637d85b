package gqlsrv

import (
	"context"

	"github.com/99designs/gqlgen/graphql"

	"github.com/careercoach/coach/internal/auth"
)

// OwnEntities answers a batch of User entity representations for a
// subgraph whose User fields are private: out[i] is entity(reps[i]) for the
// caller's own representations and nil for the rest, and the refusal
// (UNAUTHENTICATED, or NOT_FOUND for anyone else's id, see auth.OwnUsers) is
// added to the response beside what did resolve.
func OwnEntities[R, T any](ctx context.Context, reps []R, id func(R) *string, entity func(R) *T) []*T {
	ids := make([]*string, len(reps))
	for i, rep := range reps {
		ids[i] = id(rep)
	}
	own, err := auth.OwnUsers(ctx, ids)
	out := make([]*T, len(reps))
	for i, rep := range reps {
		if own[i] {
			out[i] = entity(rep)
		}
	}
	if err != nil {
		graphql.AddError(ctx, err)
	}
	return out
}
