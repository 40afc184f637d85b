package planning

import (
	"context"
	"database/sql"
	"encoding/json"
	"log/slog"

	"github.com/careercoach/coach/internal/bus"
)

// ConsumerGroup is the bus consumer group (and idempotency key) of planning.
const ConsumerGroup = "planning"

// HandleEvent applies one consumed event inside the idempotency
// transaction (see bus.Idempotent); types planning does not read are
// ignored. A malformed payload is logged and skipped: retrying it would
// never succeed and would only hold up the events behind it.
func HandleEvent(cat *Catalog, h EventHandlers, log *slog.Logger) bus.TxHandler {
	return func(ctx context.Context, tx *sql.Tx, ev bus.Event) error {
		switch ev.Type {
		case bus.UserDeleted:
			var p struct {
				UserID string `json:"userId"`
			}
			if err := json.Unmarshal(ev.Payload, &p); err != nil || p.UserID == "" {
				p.UserID = ev.Subject // the subject is always the user id
			}
			if p.UserID == "" {
				log.ErrorContext(ctx, "skipping malformed event", "type", ev.Type, "id", ev.ID)
				return nil
			}
			return h.PurgeUser(ctx, tx, p.UserID)
		case bus.SkillProfileChanged:
			us, err := ParseSkillProfile(ev.Payload, ev.OccurredAt)
			if err != nil {
				log.ErrorContext(ctx, "skipping malformed event", "type", ev.Type, "id", ev.ID, "err", err)
				return nil
			}
			if err := h.ReplaceUserSkills(ctx, tx, us, cat.Key); err != nil {
				return err
			}
			return h.RecordReadiness(ctx, tx, us.UserID, us.AnalyzedAt, cat.Readiness)
		case bus.CourseCatalogued:
			c, err := ParseCourseCatalogued(ev.Payload)
			if err != nil {
				log.ErrorContext(ctx, "skipping malformed event", "type", ev.Type, "id", ev.ID, "err", err)
				return nil
			}
			return h.UpsertCourse(ctx, tx, c, cat.Key)
		}
		return nil
	}
}
