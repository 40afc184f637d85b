package gqlsrv

import (
	"context"
	"log/slog"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/careercoach/coach/internal/apperr"
	"github.com/careercoach/coach/internal/auth"
)

// refuseRevoked checks again, once the request has been read and just
// before the operation runs, that the caller's account has not been deleted:
// the token check happened at the first byte, and a slow body (an upload
// trickling in) would otherwise carry it to a write long after the deletion.
func refuseRevoked(v *auth.Verifier, log *slog.Logger) graphql.OperationMiddleware {
	return func(ctx context.Context, next graphql.OperationHandler) graphql.ResponseHandler {
		id, ok := auth.FromContext(ctx)
		if !ok || v == nil || v.Revoked == nil {
			return next(ctx)
		}
		revoked, err := v.Revoked.Revoked(ctx, id.UserID)
		var e *gqlerror.Error
		switch {
		case err != nil:
			log.ErrorContext(ctx, "checking for a deleted account", "err", err)
			e = &gqlerror.Error{Message: auth.RevocationCheckMessage(err), Extensions: map[string]any{"code": apperr.Unavailable}}
		case revoked:
			e = &gqlerror.Error{Message: "this account has been deleted", Extensions: map[string]any{"code": apperr.Unauthenticated}}
		default:
			return next(ctx)
		}
		return graphql.OneShot(&graphql.Response{Errors: gqlerror.List{e}})
	}
}
