package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/google/uuid"

	"github.com/careercoach/coach/internal/db"
	"github.com/careercoach/coach/subgraphs/progress"
)

const milestoneColumns = `id, goal_id, user_id, title, description, due_date, position, achieved_at, created_at, updated_at`

func scanMilestone(row scanner) (*progress.Milestone, error) {
	m := &progress.Milestone{}
	var achieved sql.NullTime
	if err := row.Scan(&m.ID, &m.GoalID, &m.UserID, &m.Title, &m.Description, &m.DueDate, &m.Position, &achieved, &m.CreatedAt, &m.UpdatedAt); err != nil {
		return nil, err
	}
	m.AchievedAt, m.CreatedAt, m.UpdatedAt = nullTime(achieved), m.CreatedAt.UTC(), m.UpdatedAt.UTC()
	return m, nil
}

// GoalOwners returns goal id → owner for the known goals among ids.
func (s *Store) GoalOwners(ctx context.Context, ids []string) (map[string]string, error) {
	out := map[string]string{}
	if len(ids) == 0 {
		return out, nil
	}
	err := eachChunk(ids, func(part []string) error {
		q, args := db.InList(`SELECT id, user_id FROM goals WHERE id IN (%s)`, nil, part)
		rows, err := s.db.QueryContext(ctx, q, args...)
		if err != nil {
			return fmt.Errorf("loading goal owners: %w", err)
		}
		defer rows.Close()
		for rows.Next() {
			var id, owner string
			if err := rows.Scan(&id, &owner); err != nil {
				return fmt.Errorf("scanning goal owner: %w", err)
			}
			out[id] = owner
		}
		return rows.Err()
	})
	return out, err
}

// requireGoal checks, inside tx, that userID owns goalID; a goal of someone
// else is reported exactly like an unknown one.
func requireGoal(ctx context.Context, tx *sql.Tx, userID, goalID string) error {
	var owner string
	err := tx.QueryRowContext(ctx, `SELECT user_id FROM goals WHERE id = $1`, goalID).Scan(&owner)
	if errors.Is(err, sql.ErrNoRows) || (err == nil && owner != userID) {
		return progress.ErrGoalNotFound
	}
	if err != nil {
		return fmt.Errorf("loading goal: %w", err)
	}
	return nil
}

func ownMilestone(ctx context.Context, q querier, userID, id string) (*progress.Milestone, error) {
	m, err := scanMilestone(q.QueryRowContext(ctx, `SELECT `+milestoneColumns+` FROM milestones WHERE id = $1 AND user_id = $2`, id, userID))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, progress.ErrMilestoneNotFound
	}
	if err != nil {
		return nil, fmt.Errorf("loading milestone: %w", err)
	}
	return m, nil
}

// CreateMilestone appends a milestone to a goal the user owns.
func (s *Store) CreateMilestone(ctx context.Context, userID string, in progress.MilestoneInput, now time.Time) (*progress.Milestone, error) {
	var out *progress.Milestone
	err := s.db.WithTx(ctx, func(tx *sql.Tx) error {
		if err := requireGoal(ctx, tx, userID, in.GoalID); err != nil {
			return err
		}
		var n, last int
		if err := tx.QueryRowContext(ctx, `SELECT COUNT(*), COALESCE(MAX(position), 0) FROM milestones WHERE goal_id = $1`, in.GoalID).Scan(&n, &last); err != nil {
			return fmt.Errorf("counting milestones: %w", err)
		}
		if n >= progress.MaxMilestonesPerGoal {
			return progress.ErrTooManyMilestones
		}
		id := uuid.NewString()
		if _, err := tx.ExecContext(ctx, `INSERT INTO milestones (`+milestoneColumns+`) VALUES ($1, $2, $3, $4, $5, $6, $7, NULL, $8, $8)`,
			id, in.GoalID, userID, in.Title, in.Description, in.DueDate, last+1, db.UTC(now)); err != nil {
			return fmt.Errorf("creating milestone: %w", err)
		}
		var err error
		out, err = ownMilestone(ctx, tx, userID, id)
		return err
	})
	return out, err
}

// UpdateMilestone edits the fields set in upd.
func (s *Store) UpdateMilestone(ctx context.Context, userID, id string, upd progress.MilestoneUpdate, now time.Time) (*progress.Milestone, error) {
	var out *progress.Milestone
	err := s.db.WithTx(ctx, func(tx *sql.Tx) error {
		if _, err := ownMilestone(ctx, tx, userID, id); err != nil {
			return err
		}
		sets, args := []string{}, []any{}
		add := func(col string, v *string) {
			if v != nil {
				args = append(args, *v)
				sets = append(sets, fmt.Sprintf("%s = $%d", col, len(args)))
			}
		}
		add("title", upd.Title)
		add("description", upd.Description)
		add("due_date", upd.DueDate)
		args = append(args, db.UTC(now), id, userID)
		sets = append(sets, fmt.Sprintf("updated_at = $%d", len(args)-2))
		q := `UPDATE milestones SET ` + strings.Join(sets, ", ") + fmt.Sprintf(` WHERE id = $%d AND user_id = $%d`, len(args)-1, len(args))
		if _, err := tx.ExecContext(ctx, q, args...); err != nil {
			return fmt.Errorf("updating milestone: %w", err)
		}
		var err error
		out, err = ownMilestone(ctx, tx, userID, id)
		return err
	})
	return out, err
}

// SetMilestoneAchieved marks a milestone achieved (recording the activity)
// or not achieved again. Taking an achievement back removes its activity, so
// ticking and unticking a milestone cannot keep a streak alive.
func (s *Store) SetMilestoneAchieved(ctx context.Context, userID, id string, achieved bool, now time.Time) (*progress.Milestone, error) {
	var out *progress.Milestone
	err := s.db.WithTx(ctx, func(tx *sql.Tx) error {
		m, err := ownMilestone(ctx, tx, userID, id)
		if err != nil {
			return err
		}
		if (m.AchievedAt != nil) == achieved {
			out = m
			return nil
		}
		// Conditional on the state read above, so that of two concurrent
		// "achieve" calls only one records the activity.
		q := `UPDATE milestones SET achieved_at = $1, updated_at = $2 WHERE id = $3 AND achieved_at IS NULL`
		at := sql.NullTime{Time: db.UTC(now), Valid: true}
		if !achieved {
			q, at = `UPDATE milestones SET achieved_at = $1, updated_at = $2 WHERE id = $3 AND achieved_at IS NOT NULL`, sql.NullTime{}
		}
		res, err := tx.ExecContext(ctx, q, at, db.UTC(now), id)
		if err != nil {
			return fmt.Errorf("updating milestone: %w", err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			// A concurrent request made the same change first: same answer.
			out, err = ownMilestone(ctx, tx, userID, id)
			return err
		}
		if achieved {
			if err := addActivity(ctx, tx, progress.Activity{UserID: userID, Kind: progress.MilestoneAchieved, RefID: id,
				Title: m.Title, OccurredAt: now}); err != nil {
				return err
			}
		} else if _, err := tx.ExecContext(ctx, `DELETE FROM activity WHERE user_id = $1 AND kind = $2 AND ref_id = $3`,
			userID, string(progress.MilestoneAchieved), id); err != nil {
			return fmt.Errorf("removing the milestone's activity: %w", err)
		}
		out, err = ownMilestone(ctx, tx, userID, id)
		return err
	})
	return out, err
}

// ReorderMilestones sets a goal's order; ids must list each of its
// milestones exactly once, so that a stale client cannot lose one.
func (s *Store) ReorderMilestones(ctx context.Context, userID, goalID string, ids []string, now time.Time) ([]*progress.Milestone, error) {
	var out []*progress.Milestone
	err := s.db.WithTx(ctx, func(tx *sql.Tx) error {
		if err := requireGoal(ctx, tx, userID, goalID); err != nil {
			return err
		}
		current, err := goalMilestones(ctx, tx, []string{goalID})
		if err != nil {
			return err
		}
		have := map[string]bool{}
		for _, m := range current[goalID] {
			have[m.ID] = true
		}
		seen := map[string]bool{}
		for _, id := range ids {
			if !have[id] || seen[id] {
				return progress.ErrReorderMismatch
			}
			seen[id] = true
		}
		if len(seen) != len(have) {
			return progress.ErrReorderMismatch
		}
		for i, id := range ids {
			if _, err := tx.ExecContext(ctx, `UPDATE milestones SET position = $1, updated_at = $2 WHERE id = $3`, i+1, db.UTC(now), id); err != nil {
				return fmt.Errorf("reordering milestones: %w", err)
			}
		}
		byGoal, err := goalMilestones(ctx, tx, []string{goalID})
		out = byGoal[goalID]
		return err
	})
	return out, err
}

// DeleteMilestone removes one of the user's milestones.
func (s *Store) DeleteMilestone(ctx context.Context, userID, id string) error {
	res, err := s.db.ExecContext(ctx, `DELETE FROM milestones WHERE id = $1 AND user_id = $2`, id, userID)
	if err != nil {
		return fmt.Errorf("deleting milestone: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return progress.ErrMilestoneNotFound
	}
	return nil
}

// MilestonesForGoals returns, in one query, the milestones of those of
// goalIDs that userID owns, in order. Goals of other users are left out.
func (s *Store) MilestonesForGoals(ctx context.Context, userID string, goalIDs []string) (map[string][]*progress.Milestone, error) {
	out := map[string][]*progress.Milestone{}
	err := eachChunk(goalIDs, func(part []string) error {
		q, args := db.InList(`SELECT `+milestoneColumns+` FROM milestones WHERE user_id = $1 AND goal_id IN (%s) ORDER BY goal_id, position, created_at`, []any{userID}, part)
		got, err := queryMilestones(ctx, s.db, q, args)
		for k, v := range got {
			out[k] = v
		}
		return err
	})
	return out, err
}

func goalMilestones(ctx context.Context, q querier, goalIDs []string) (map[string][]*progress.Milestone, error) {
	query, args := db.InList(`SELECT `+milestoneColumns+` FROM milestones WHERE goal_id IN (%s) ORDER BY goal_id, position, created_at`, nil, goalIDs)
	return queryMilestones(ctx, q, query, args)
}

func queryMilestones(ctx context.Context, q querier, query string, args []any) (map[string][]*progress.Milestone, error) {
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("loading milestones: %w", err)
	}
	defer rows.Close()
	out := map[string][]*progress.Milestone{}
	for rows.Next() {
		m, err := scanMilestone(rows)
		if err != nil {
			return nil, fmt.Errorf("scanning milestone: %w", err)
		}
		out[m.GoalID] = append(out[m.GoalID], m)
	}
	return out, rows.Err()
}
