package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/careercoach/coach/internal/db"
	"github.com/careercoach/coach/subgraphs/planning"
)

var _ planning.JobTargetStore = (*Store)(nil)

const jobTargetColumns = `id, user_id, title, company, ad_text, status, history, goal_id, created_at, updated_at`

func scanJobTarget(row scanner) (*planning.JobTarget, error) {
	t := &planning.JobTarget{}
	var status, history string
	var goal sql.NullString
	if err := row.Scan(&t.ID, &t.UserID, &t.Title, &t.Company, &t.Text, &status, &history, &goal, &t.CreatedAt, &t.UpdatedAt); err != nil {
		return nil, err
	}
	t.Status, t.GoalID = planning.JobStatus(status), goal.String
	if err := json.Unmarshal([]byte(history), &t.History); err != nil {
		return nil, fmt.Errorf("decoding the status history of job target %s: %w", t.ID, err)
	}
	for i := range t.History {
		t.History[i].At = t.History[i].At.UTC()
	}
	t.CreatedAt, t.UpdatedAt = t.CreatedAt.UTC(), t.UpdatedAt.UTC()
	return t, nil
}

func nullString(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// CreateJobTarget inserts t; a user at the limit gets ErrTooManyJobTargets.
func (s *Store) CreateJobTarget(ctx context.Context, t *planning.JobTarget) error {
	history, err := json.Marshal(t.History)
	if err != nil {
		return fmt.Errorf("encoding the status history: %w", err)
	}
	return s.db.WithTx(ctx, func(tx *sql.Tx) error {
		// Two saves of one user must not both pass the count (see CreateGoal).
		if s.db.Dialect() == db.Postgres {
			if _, err := tx.ExecContext(ctx, `SELECT pg_advisory_xact_lock(hashtext('planning.jobtarget:' || $1))`, t.UserID); err != nil {
				return fmt.Errorf("locking the saved jobs of the user: %w", err)
			}
		}
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM job_targets WHERE user_id = $1`, t.UserID).Scan(&n); err != nil {
			return fmt.Errorf("counting saved jobs: %w", err)
		}
		if n >= planning.MaxJobTargetsPerUser {
			return planning.ErrTooManyJobTargets
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO job_targets (`+jobTargetColumns+`) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
			t.ID, t.UserID, t.Title, t.Company, t.Text, string(t.Status), string(history), nullString(t.GoalID),
			db.UTC(t.CreatedAt), db.UTC(t.UpdatedAt)); err != nil {
			return fmt.Errorf("saving job target: %w", err)
		}
		return nil
	})
}

// JobTargets returns the user's saved jobs, newest first.
func (s *Store) JobTargets(ctx context.Context, userID string) ([]*planning.JobTarget, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT `+jobTargetColumns+` FROM job_targets WHERE user_id = $1 ORDER BY created_at DESC, id`, userID)
	if err != nil {
		return nil, fmt.Errorf("loading saved jobs: %w", err)
	}
	defer rows.Close()
	out := []*planning.JobTarget{}
	for rows.Next() {
		t, err := scanJobTarget(rows)
		if err != nil {
			return nil, fmt.Errorf("scanning saved job: %w", err)
		}
		out = append(out, t)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("loading saved jobs: %w", err)
	}
	return out, nil
}

// JobTarget returns the owner's saved job.
func (s *Store) JobTarget(ctx context.Context, userID, id string) (*planning.JobTarget, error) {
	t, err := scanJobTarget(s.db.QueryRowContext(ctx, `SELECT `+jobTargetColumns+` FROM job_targets WHERE id = $1 AND user_id = $2`, id, userID))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, planning.ErrJobTargetNotFound
	}
	if err != nil {
		return nil, fmt.Errorf("loading saved job: %w", err)
	}
	return t, nil
}

// UpdateJobTarget applies fn to the owner's saved job and stores it.
func (s *Store) UpdateJobTarget(ctx context.Context, userID, id string, fn func(t *planning.JobTarget) error) (*planning.JobTarget, error) {
	var out *planning.JobTarget
	err := s.db.WithTx(ctx, func(tx *sql.Tx) error {
		q := `SELECT ` + jobTargetColumns + ` FROM job_targets WHERE id = $1 AND user_id = $2`
		if s.db.Dialect() == db.Postgres {
			q += ` FOR UPDATE`
		}
		t, err := scanJobTarget(tx.QueryRowContext(ctx, q, id, userID))
		if errors.Is(err, sql.ErrNoRows) {
			return planning.ErrJobTargetNotFound
		}
		if err != nil {
			return fmt.Errorf("loading saved job: %w", err)
		}
		if err := fn(t); err != nil {
			return err
		}
		history, err := json.Marshal(t.History)
		if err != nil {
			return fmt.Errorf("encoding the status history: %w", err)
		}
		if _, err := tx.ExecContext(ctx, `UPDATE job_targets SET status = $1, history = $2, goal_id = $3, updated_at = $4 WHERE id = $5 AND user_id = $6`,
			string(t.Status), string(history), nullString(t.GoalID), db.UTC(t.UpdatedAt), id, userID); err != nil {
			return fmt.Errorf("updating saved job: %w", err)
		}
		out = t
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// DeleteJobTarget deletes the owner's saved job.
func (s *Store) DeleteJobTarget(ctx context.Context, userID, id string) error {
	res, err := s.db.ExecContext(ctx, `DELETE FROM job_targets WHERE id = $1 AND user_id = $2`, id, userID)
	if err != nil {
		return fmt.Errorf("deleting saved job: %w", err)
	}
	if n, err := res.RowsAffected(); err != nil {
		return fmt.Errorf("deleting saved job: %w", err)
	} else if n == 0 {
		return planning.ErrJobTargetNotFound
	}
	return nil
}
