package cv

import (
	"context"
	"database/sql"
	"log/slog"

	"github.com/careercoach/coach/internal/bus"
)

// ConsumerGroup is the bus consumer group (and idempotency key) of cv.
const ConsumerGroup = "cv"

// PurgeUserFunc erases every CV of a user inside tx.
type PurgeUserFunc func(ctx context.Context, tx *sql.Tx, userID string) error

// EventHandlers are the domain events cv reads, each applied in the
// transaction that records it processed: user.deleted purges the user's CVs.
func EventHandlers(purge PurgeUserFunc, log *slog.Logger) bus.Handlers {
	return bus.Handlers{
		bus.UserDeleted: bus.On(func(ctx context.Context, tx *sql.Tx, _ bus.Event, p bus.UserDeletedPayload) error {
			log.InfoContext(ctx, "purging cvs of deleted user", "user", p.UserID)
			return purge(ctx, tx, p.UserID)
		}),
	}
}
