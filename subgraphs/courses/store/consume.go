package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/careercoach/coach/internal/db"
	"github.com/careercoach/coach/subgraphs/courses"
)

// The methods of courses.EventStore, which courses.EventHandlers write
// through inside the transaction that records the event processed.
var _ courses.EventStore = (*Store)(nil)

// Canon makes a skill name canonical in the store's taxonomy (WithTaxonomy);
// without one, names stay as they are.
func (s *Store) Canon(name string) string {
	if s.canon == nil {
		return name
	}
	return s.canon(name)
}

// SaveCV records a CV analysis unless a later one is stored.
func (s *Store) SaveCV(ctx context.Context, tx *sql.Tx, p courses.CVAnalyzed, at time.Time) (bool, error) {
	return saveCV(ctx, tx, p, at)
}

// SaveGoal records a goal change unless a later one is stored.
func (s *Store) SaveGoal(ctx context.Context, tx *sql.Tx, g courses.GoalChanged, at time.Time) (bool, error) {
	return saveGoal(ctx, tx, g, at)
}

// SaveSkillProfile records a skill profile unless a later one is stored.
func (s *Store) SaveSkillProfile(ctx context.Context, tx *sql.Tx, p courses.SkillProfileChanged, at time.Time) (bool, error) {
	return saveSkillProfile(ctx, tx, p, at)
}

// SaveCompletedCourse records a completed course (never recommended again).
func (s *Store) SaveCompletedCourse(ctx context.Context, tx *sql.Tx, userID, courseID string, at time.Time) error {
	if _, err := tx.ExecContext(ctx, `INSERT INTO user_completed_courses (user_id, course_id, completed_at) VALUES ($1, $2, $3)
		ON CONFLICT (user_id, course_id) DO NOTHING`, userID, courseID, db.UTC(at)); err != nil {
		return fmt.Errorf("recording completed course %s of %s: %w", courseID, userID, err)
	}
	return nil
}

// Recompute stores the user's recommendations anew.
func (s *Store) Recompute(ctx context.Context, tx *sql.Tx, userID string) error {
	return recompute(ctx, tx, userID)
}

// PurgeUser deletes everything stored about the user.
func (s *Store) PurgeUser(ctx context.Context, tx *sql.Tx, userID string) error {
	return purgeUser(ctx, tx, userID)
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
