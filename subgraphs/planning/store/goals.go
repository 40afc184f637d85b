package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/careercoach/coach/internal/bus"
	"github.com/careercoach/coach/internal/db"
	"github.com/careercoach/coach/subgraphs/planning"
)

const goalColumns = `id, user_id, title, description, target_role_id, target_date, status, created_at, updated_at`

func scanGoal(row scanner) (*planning.Goal, error) {
	g := &planning.Goal{}
	var date sql.NullTime
	var status string
	if err := row.Scan(&g.ID, &g.UserID, &g.Title, &g.Description, &g.TargetRoleID, &date, &status, &g.CreatedAt, &g.UpdatedAt); err != nil {
		return nil, err
	}
	g.Status = planning.GoalStatus(status)
	if date.Valid {
		d := date.Time.UTC()
		g.TargetDate = &d
	}
	g.CreatedAt, g.UpdatedAt = g.CreatedAt.UTC(), g.UpdatedAt.UTC()
	return g, nil
}

func nullDate(t *time.Time) any {
	if t == nil {
		return nil
	}
	return db.UTC(*t)
}

func enqueueGoal(ctx context.Context, tx *sql.Tx, ev planning.GoalEvent) error {
	e, err := bus.NewEvent(ev.UserID, ev)
	if err != nil {
		return err
	}
	return bus.Enqueue(ctx, tx, e)
}

// CreateGoal inserts g and its goal.changed event atomically; a user at
// the goal limit gets ErrTooManyGoals.
func (s *Store) CreateGoal(ctx context.Context, g *planning.Goal, ev planning.GoalEvent) (*planning.Goal, error) {
	out := g
	err := s.db.WithTx(ctx, func(tx *sql.Tx) error {
		// Two requests of one user must not both pass the checks below:
		// SQLite transactions are IMMEDIATE (one writer); on PostgreSQL a
		// transaction-scoped advisory lock per user serialises them.
		if s.db.Dialect() == db.Postgres {
			if _, err := tx.ExecContext(ctx, `SELECT pg_advisory_xact_lock(hashtext('planning.goal:' || $1))`, g.UserID); err != nil {
				return fmt.Errorf("locking the goals of the user: %w", err)
			}
		}
		existing, err := scanGoal(tx.QueryRowContext(ctx, `SELECT `+goalColumns+` FROM goals WHERE user_id = $1 AND target_role_id = $2
			AND status IN ($3, $4) ORDER BY created_at, id LIMIT 1`, g.UserID, g.TargetRoleID, string(planning.GoalActive), string(planning.GoalPaused)))
		switch {
		case err == nil:
			out = existing
			return nil
		case !errors.Is(err, sql.ErrNoRows):
			return fmt.Errorf("looking for a goal for the role: %w", err)
		}
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM goals WHERE user_id = $1`, g.UserID).Scan(&n); err != nil {
			return fmt.Errorf("counting goals: %w", err)
		}
		if n >= planning.MaxGoalsPerUser {
			return planning.ErrTooManyGoals
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO goals (`+goalColumns+`) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
			g.ID, g.UserID, g.Title, g.Description, g.TargetRoleID, nullDate(g.TargetDate), string(g.Status), db.UTC(g.CreatedAt), db.UTC(g.UpdatedAt)); err != nil {
			return fmt.Errorf("creating goal: %w", err)
		}
		if err := enqueueGoal(ctx, tx, ev); err != nil {
			return err
		}
		// The readiness history of the role starts when the goal does.
		if s.Readiness == nil {
			return nil
		}
		return s.RecordReadiness(ctx, tx, g.UserID, g.CreatedAt, s.Readiness)
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// goalForUpdate loads the owner's goal inside tx (locking it on PostgreSQL).
func (s *Store) goalForUpdate(ctx context.Context, tx *sql.Tx, userID, goalID string) (*planning.Goal, error) {
	q := `SELECT ` + goalColumns + ` FROM goals WHERE id = $1 AND user_id = $2`
	if s.db.Dialect() == db.Postgres {
		q += ` FOR UPDATE`
	}
	g, err := scanGoal(tx.QueryRowContext(ctx, q, goalID, userID))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, planning.ErrGoalNotFound
	}
	if err != nil {
		return nil, fmt.Errorf("loading goal: %w", err)
	}
	return g, nil
}

// UpdateGoal applies fn to the owner's goal and saves it with its event.
func (s *Store) UpdateGoal(ctx context.Context, userID, goalID string, fn func(g *planning.Goal) (planning.GoalEvent, error)) (*planning.Goal, error) {
	var out *planning.Goal
	err := s.db.WithTx(ctx, func(tx *sql.Tx) error {
		g, err := s.goalForUpdate(ctx, tx, userID, goalID)
		if err != nil {
			return err
		}
		ev, err := fn(g)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE goals SET title = $1, description = $2, target_role_id = $3, target_date = $4, status = $5, updated_at = $6 WHERE id = $7 AND user_id = $8`,
			g.Title, g.Description, g.TargetRoleID, nullDate(g.TargetDate), string(g.Status), db.UTC(g.UpdatedAt), g.ID, userID); err != nil {
			return fmt.Errorf("updating goal: %w", err)
		}
		out = g
		return enqueueGoal(ctx, tx, ev)
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// DeleteGoal deletes the owner's goal and records its event atomically.
func (s *Store) DeleteGoal(ctx context.Context, userID, goalID string, fn func(g *planning.Goal) planning.GoalEvent) error {
	err := s.db.WithTx(ctx, func(tx *sql.Tx) error {
		g, err := s.goalForUpdate(ctx, tx, userID, goalID)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM goals WHERE id = $1 AND user_id = $2`, goalID, userID); err != nil {
			return fmt.Errorf("deleting goal: %w", err)
		}
		return enqueueGoal(ctx, tx, fn(g))
	})
	return err
}

// GoalsByUser returns the user's goals, oldest first.
func (s *Store) GoalsByUser(ctx context.Context, userID string) ([]*planning.Goal, error) {
	return s.queryGoals(ctx, `SELECT `+goalColumns+` FROM goals WHERE user_id = $1 ORDER BY created_at, id`, userID)
}

// GoalsByIDs returns the owner's goals among ids in one query.
func (s *Store) GoalsByIDs(ctx context.Context, userID string, ids []string) ([]*planning.Goal, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	q, args := db.InList(`SELECT `+goalColumns+` FROM goals WHERE user_id = $1 AND id IN (%s)`, []any{userID}, ids)
	return s.queryGoals(ctx, q, args...)
}

func (s *Store) queryGoals(ctx context.Context, q string, args ...any) ([]*planning.Goal, error) {
	rows, err := s.db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("loading goals: %w", err)
	}
	defer rows.Close()
	var out []*planning.Goal
	for rows.Next() {
		g, err := scanGoal(rows)
		if err != nil {
			return nil, fmt.Errorf("scanning goal: %w", err)
		}
		out = append(out, g)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("loading goals: %w", err)
	}
	return out, nil
}
