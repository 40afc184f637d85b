package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/careercoach/coach/internal/auth/tombstone"
	"github.com/careercoach/coach/internal/bus"
	"github.com/careercoach/coach/internal/db"
	"github.com/careercoach/coach/subgraphs/progress"
)

// HandleEvent applies one consumed event inside the transaction that
// bus.Idempotent records it in; events of other types are ignored. A
// malformed payload is an error, so the event is retried and then stays
// visible in the logs rather than being silently dropped.
func (s *Store) HandleEvent(ctx context.Context, tx *sql.Tx, ev bus.Event) error {
	switch ev.Type {
	case bus.CourseCatalogued:
		c, err := progress.ParseCourseCatalogued(ev.Payload)
		if err != nil {
			return err
		}
		return upsertCourse(ctx, tx, c)
	case bus.GoalChanged:
		g, err := progress.ParseGoalChanged(ev.Payload)
		if err != nil {
			return err
		}
		return applyGoalChanged(ctx, tx, g)
	case bus.CVAnalyzed:
		p, err := progress.ParseCVAnalyzed(ev.Payload)
		if err != nil {
			return err
		}
		at := ev.OccurredAt
		if at.IsZero() {
			at = time.Now()
		}
		if err := addActivity(ctx, tx, progress.Activity{UserID: p.UserID, Kind: progress.CVAnalyzed, RefID: p.CVID,
			Title: progress.CVActivityTitle(p.Score), OccurredAt: at}); err != nil {
			return err
		}
		newest, err := replaceCVSkills(ctx, tx, p, at)
		if err != nil || !newest {
			return err
		}
		return s.publishProfile(ctx, tx, p.UserID, at)
	case bus.UserDeleted:
		userID, err := progress.ParseUserDeleted(ev.Payload, ev.Subject)
		if err != nil {
			return err
		}
		return purgeUser(ctx, tx, userID)
	}
	return nil
}

func applyGoalChanged(ctx context.Context, tx *sql.Tx, g progress.GoalChanged) error {
	if g.Change == "deleted" {
		for _, q := range []string{`DELETE FROM milestones WHERE goal_id = $1 AND user_id = $2`, `DELETE FROM goals WHERE id = $1 AND user_id = $2`} {
			if _, err := tx.ExecContext(ctx, q, g.GoalID, g.UserID); err != nil {
				return fmt.Errorf("deleting goal %s: %w", g.GoalID, err)
			}
		}
		return nil
	}
	// A goal never changes owner; the WHERE keeps a forged or buggy event
	// from handing someone else's milestones to a new user.
	_, err := tx.ExecContext(ctx, `INSERT INTO goals (id, user_id, updated_at) VALUES ($1, $2, $3)
		ON CONFLICT (id) DO UPDATE SET updated_at = excluded.updated_at WHERE goals.user_id = excluded.user_id`,
		g.GoalID, g.UserID, db.UTC(time.Now()))
	if err != nil {
		return fmt.Errorf("storing goal %s: %w", g.GoalID, err)
	}
	return nil
}

// purgeUser deletes every row of the user (user.deleted).
func purgeUser(ctx context.Context, tx *sql.Tx, userID string) error {
	for _, table := range []string{"enrollments", "milestones", "goals", "assessments", "quiz_attempts", "activity", "cv_skills", "cv_analyses"} {
		if _, err := tx.ExecContext(ctx, `DELETE FROM `+table+` WHERE user_id = $1`, userID); err != nil {
			return fmt.Errorf("purging %s of user: %w", table, err)
		}
	}
	return nil
}

// Consumer is the consumer group (and idempotency key) of this service.
const Consumer = "progress"

// Handler is the bus handler the service consumes with: HandleEvent,
// keeping deleted accounts' tombstones, made idempotent per event id.
func (s *Store) Handler() bus.Handler {
	return bus.Idempotent(s.db, Consumer, tombstone.Handle(s.HandleEvent))
}
