package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/google/uuid"

	"github.com/careercoach/coach/internal/db"
	"github.com/careercoach/coach/subgraphs/planning"
)

// RecordReadiness stores, for every role the user has an ACTIVE goal for,
// the readiness the user's current skills give (readiness computes it), when
// it differs from the last snapshot of that role. See planning.EventStore.
func (s *Store) RecordReadiness(ctx context.Context, tx *sql.Tx, userID string, at time.Time, readiness func(roleID string, skills []planning.SkillLevel) (int, bool)) error {
	roles, err := activeGoalRoles(ctx, tx, userID)
	if err != nil || len(roles) == 0 {
		return err
	}
	var skills []planning.SkillLevel
	rows, err := tx.QueryContext(ctx, `SELECT name, level FROM user_skills WHERE user_id = $1`, userID)
	if err != nil {
		return fmt.Errorf("loading user skills: %w", err)
	}
	for rows.Next() {
		var sk planning.SkillLevel
		if err := rows.Scan(&sk.Name, &sk.Level); err != nil {
			rows.Close()
			return fmt.Errorf("loading user skills: %w", err)
		}
		skills = append(skills, sk)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return fmt.Errorf("loading user skills: %w", err)
	}
	for _, role := range roles {
		r, ok := readiness(role, skills)
		if !ok {
			continue
		}
		var last int
		err := tx.QueryRowContext(ctx, `SELECT readiness FROM readiness_snapshots WHERE user_id = $1 AND role_id = $2
			ORDER BY taken_at DESC, id DESC LIMIT 1`, userID, role).Scan(&last)
		switch {
		case err == nil && last == r:
			continue
		case err != nil && !errors.Is(err, sql.ErrNoRows):
			return fmt.Errorf("loading the last readiness: %w", err)
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO readiness_snapshots (id, user_id, role_id, readiness, taken_at) VALUES ($1, $2, $3, $4, $5)`,
			uuid.NewString(), userID, role, r, db.UTC(at)); err != nil {
			return fmt.Errorf("storing readiness: %w", err)
		}
	}
	return nil
}

func activeGoalRoles(ctx context.Context, tx *sql.Tx, userID string) ([]string, error) {
	rows, err := tx.QueryContext(ctx, `SELECT DISTINCT target_role_id FROM goals WHERE user_id = $1 AND status = $2 ORDER BY target_role_id`,
		userID, string(planning.GoalActive))
	if err != nil {
		return nil, fmt.Errorf("loading goal roles: %w", err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return nil, fmt.Errorf("loading goal roles: %w", err)
		}
		out = append(out, id)
	}
	return out, rows.Err()
}

// ReadinessHistory returns the user's latest first snapshots for roleID,
// oldest first.
func (s *Store) ReadinessHistory(ctx context.Context, userID, roleID string, first int) ([]planning.ReadinessPoint, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT readiness, taken_at FROM readiness_snapshots WHERE user_id = $1 AND role_id = $2
		ORDER BY taken_at DESC, id DESC LIMIT $3`, userID, roleID, first)
	if err != nil {
		return nil, fmt.Errorf("loading readiness history: %w", err)
	}
	defer rows.Close()
	out := []planning.ReadinessPoint{}
	for rows.Next() {
		var p planning.ReadinessPoint
		if err := rows.Scan(&p.Readiness, &p.At); err != nil {
			return nil, fmt.Errorf("loading readiness history: %w", err)
		}
		p.At = p.At.UTC()
		out = append(out, p)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("loading readiness history: %w", err)
	}
	for i, j := 0, len(out)-1; i < j; i, j = i+1, j-1 {
		out[i], out[j] = out[j], out[i]
	}
	return out, nil
}
