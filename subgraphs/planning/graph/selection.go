package graph

import (
	"context"

	"github.com/99designs/gqlgen/graphql"
)

// selectsLearningPath reports whether the current field's selection asks
// for CareerGoal.learningPath (directly, or in "... on CareerGoal" under
// _entities), so that priming its data is not wasted work.
func selectsLearningPath(ctx context.Context) bool {
	if graphql.GetFieldContext(ctx) == nil || graphql.GetOperationContext(ctx) == nil {
		return false
	}
	for _, f := range graphql.CollectFieldsCtx(ctx, []string{"CareerGoal"}) {
		if f.Name == "learningPath" {
			return true
		}
	}
	return false
}
