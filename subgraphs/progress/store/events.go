package store

import (
	"context"
	"database/sql"
	"fmt"
	"log/slog"
	"time"

	"github.com/careercoach/coach/internal/auth/tombstone"
	"github.com/careercoach/coach/internal/bus"
	"github.com/careercoach/coach/internal/db"
	"github.com/careercoach/coach/subgraphs/progress"
)

// ApplyCourse implements progress.EventStore.
func (s *Store) ApplyCourse(ctx context.Context, tx *sql.Tx, c progress.Course) error {
	return upsertCourse(ctx, tx, c)
}

// ApplyGoalChanged implements progress.EventStore.
func (s *Store) ApplyGoalChanged(ctx context.Context, tx *sql.Tx, g progress.GoalChanged) error {
	return applyGoalChanged(ctx, tx, g)
}

// ApplyCVAnalyzed implements progress.EventStore.
func (s *Store) ApplyCVAnalyzed(ctx context.Context, tx *sql.Tx, p progress.CVAnalyzedEvent, at time.Time) error {
	if err := addActivity(ctx, tx, progress.Activity{UserID: p.UserID, Kind: progress.CVAnalyzed, RefID: p.CVID,
		Title: progress.CVActivityTitle(p.Score), OccurredAt: at}); err != nil {
		return err
	}
	newest, err := replaceCVSkills(ctx, tx, p, at)
	if err != nil || !newest {
		return err
	}
	return s.publishProfile(ctx, tx, p.UserID, at)
}

// PurgeUser implements progress.EventStore.
func (s *Store) PurgeUser(ctx context.Context, tx *sql.Tx, userID string) error {
	return purgeUser(ctx, tx, userID)
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

// EventHandler applies progress's event handlers (progress.EventHandlers)
// in a transaction, keeping deleted accounts' tombstones.
func (s *Store) EventHandler() bus.TxHandler {
	return tombstone.Handle(bus.Dispatch(progress.EventHandlers(s)))
}

// Handler is the bus handler the service consumes with: EventHandler made
// idempotent per event id.
func (s *Store) Handler(log *slog.Logger) bus.Handler {
	return bus.Idempotent(s.db, progress.ConsumerGroup, log, s.EventHandler())
}
