package store

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/careercoach/coach/internal/bus"
	"github.com/careercoach/coach/internal/db"
	"github.com/careercoach/coach/subgraphs/courses"
)

// Handle applies one domain event inside tx (the transaction bus.Idempotent
// opened, which also records the event as processed):
//   - cv.analyzed stores the user's skills and suggested roles,
//   - skillprofile.changed stores the combined skill profile (it replaces
//     the CV's skills once present), enrollment.completed a completed course,
//   - goal.changed stores the goal (a deleted goal becomes a tombstone),
//   - both then recompute the user's recommendations in the same tx,
//   - user.deleted purges everything about the user.
//
// Other event types are ignored. A payload that can never be applied
// returns an error wrapping courses.ErrBadEvent. It reports the user whose
// recommendations may have changed ("" if none).
func (s *Store) Handle(ctx context.Context, tx *sql.Tx, ev bus.Event) (string, error) {
	switch ev.Type {
	case bus.CVAnalyzed:
		p, err := courses.DecodeCVAnalyzed(ev.Payload, ev.Subject, s.canon)
		if err != nil {
			return "", fmt.Errorf("%w: %s %s: %v", courses.ErrBadEvent, ev.Type, ev.ID, err)
		}
		changed, err := saveCV(ctx, tx, p, ev.OccurredAt)
		if err != nil || !changed {
			return "", err
		}
		return p.UserID, recompute(ctx, tx, p.UserID)
	case bus.GoalChanged:
		g, err := courses.DecodeGoalChanged(ev.Payload, ev.Subject, s.canon)
		if err != nil {
			return "", fmt.Errorf("%w: %s %s: %v", courses.ErrBadEvent, ev.Type, ev.ID, err)
		}
		changed, err := saveGoal(ctx, tx, g, ev.OccurredAt)
		if err != nil || !changed {
			return "", err
		}
		return g.UserID, recompute(ctx, tx, g.UserID)
	case bus.SkillProfileChanged:
		p, err := courses.DecodeSkillProfile(ev.Payload, ev.Subject, s.canon)
		if err != nil {
			return "", fmt.Errorf("%w: %s %s: %v", courses.ErrBadEvent, ev.Type, ev.ID, err)
		}
		changed, err := saveSkillProfile(ctx, tx, p, ev.OccurredAt)
		if err != nil || !changed {
			return "", err
		}
		return p.UserID, recompute(ctx, tx, p.UserID)
	case bus.EnrollmentCompleted:
		e, err := courses.DecodeEnrollmentCompleted(ev.Payload, ev.Subject)
		if err != nil {
			return "", fmt.Errorf("%w: %s %s: %v", courses.ErrBadEvent, ev.Type, ev.ID, err)
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO user_completed_courses (user_id, course_id, completed_at) VALUES ($1, $2, $3)
			ON CONFLICT (user_id, course_id) DO NOTHING`, e.UserID, e.CourseID, db.UTC(ev.OccurredAt)); err != nil {
			return "", fmt.Errorf("recording completed course %s of %s: %w", e.CourseID, e.UserID, err)
		}
		return e.UserID, recompute(ctx, tx, e.UserID)
	case bus.UserDeleted:
		u, err := courses.DecodeUserDeleted(ev.Payload, ev.Subject)
		if err != nil {
			return "", fmt.Errorf("%w: %s %s: %v", courses.ErrBadEvent, ev.Type, ev.ID, err)
		}
		return "", purgeUser(ctx, tx, u.UserID)
	default:
		return "", nil
	}
}

// RecomputeAll recomputes every known user's recommendations, one
// transaction per user; run after the catalogue changed. It reports how many
// users it visited.
func (s *Store) RecomputeAll(ctx context.Context) (int, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT user_id FROM user_profiles UNION SELECT user_id FROM user_goals`)
	if err != nil {
		return 0, fmt.Errorf("listing users: %w", err)
	}
	var ids []string
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			rows.Close()
			return 0, fmt.Errorf("listing users: %w", err)
		}
		ids = append(ids, id)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return 0, fmt.Errorf("listing users: %w", err)
	}
	for i, id := range ids {
		if err := s.db.WithTx(ctx, func(tx *sql.Tx) error { return recompute(ctx, tx, id) }); err != nil {
			return i, err
		}
	}
	return len(ids), nil
}
