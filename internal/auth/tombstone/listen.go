package tombstone

import (
	"context"
	"database/sql"
	"fmt"
	"log/slog"
	"time"

	"github.com/careercoach/coach/internal/bus"
)

// Topic is the pub/sub topic on which the users service announces a
// deletion (the subject as the message) the moment it commits. It is the
// fast path: pub/sub is at most once, so the durable user.deleted event
// still records the tombstone (and erases the data) when a message is lost,
// but a service listening here refuses the account within milliseconds
// even while its event consumer works through a backlog.
const Topic = "auth:deleted"

// Announce publishes subject on Topic; a failure is logged, since the
// durable event follows anyway.
func Announce(ctx context.Context, b bus.Bus, subject string, log *slog.Logger) {
	if err := b.Publish(ctx, Topic, []byte(subject)); err != nil {
		log.WarnContext(ctx, "announcing a deleted account; the durable event will follow", "err", err)
	}
}

// Listen records a tombstone in st for every subject announced on Topic
// until ctx ends. The subject is refused in memory first: on PostgreSQL
// the INSERT waits while the durable user.deleted handler, which records
// the same tombstone first thing, holds its key uncommitted for the whole
// erase, and meanwhile writes would still be accepted.
func Listen(ctx context.Context, b bus.Bus, st *Store, log *slog.Logger) error {
	msgs, err := b.Subscribe(ctx, Topic)
	if err != nil {
		return fmt.Errorf("listening for deleted accounts: %w", err)
	}
	for m := range msgs {
		subject := string(m)
		if subject == "" || len(subject) > 200 {
			log.WarnContext(ctx, "ignoring a malformed deleted-account announcement", "bytes", len(m))
			continue
		}
		st.known.Store(subject, struct{}{})
		if err := st.db.WithTx(ctx, func(tx *sql.Tx) error { return Record(ctx, tx, subject, time.Now()) }); err != nil && ctx.Err() == nil {
			log.ErrorContext(ctx, "recording an announced deleted account; the durable event will follow", "err", err)
		}
	}
	return nil
}
