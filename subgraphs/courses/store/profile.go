package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/careercoach/coach/internal/db"
	"github.com/careercoach/coach/subgraphs/courses"
)

// saveCV records what a cv.analyzed event says, unless a later analysis is
// already stored (events may arrive out of order).
func saveCV(ctx context.Context, tx *sql.Tx, p courses.CVAnalyzed, at time.Time) (bool, error) {
	skills, _ := json.Marshal(p.Skills)
	roles, _ := json.Marshal(nonNil(p.SuggestedRoles))
	res, err := tx.ExecContext(ctx, `INSERT INTO user_profiles (user_id, cv_id, skills, suggested_roles, analyzed_at)
		VALUES ($1, $2, $3, $4, $5)
		ON CONFLICT (user_id) DO UPDATE SET cv_id = excluded.cv_id, skills = excluded.skills,
			suggested_roles = excluded.suggested_roles, analyzed_at = excluded.analyzed_at
		WHERE user_profiles.analyzed_at <= excluded.analyzed_at`,
		p.UserID, p.CVID, string(skills), string(roles), db.UTC(at))
	if err != nil {
		return false, fmt.Errorf("saving CV skills of %s: %w", p.UserID, err)
	}
	n, err := res.RowsAffected()
	return n > 0, err
}

// saveSkillProfile records the user's combined skill profile unless a later
// one is already stored.
func saveSkillProfile(ctx context.Context, tx *sql.Tx, p courses.SkillProfileChanged, at time.Time) (bool, error) {
	skills, _ := json.Marshal(nonNilSkills(p.Skills))
	res, err := tx.ExecContext(ctx, `INSERT INTO user_skill_profiles (user_id, skills, updated_at) VALUES ($1, $2, $3)
		ON CONFLICT (user_id) DO UPDATE SET skills = excluded.skills, updated_at = excluded.updated_at
		WHERE user_skill_profiles.updated_at <= excluded.updated_at`,
		p.UserID, string(skills), db.UTC(at))
	if err != nil {
		return false, fmt.Errorf("saving skill profile of %s: %w", p.UserID, err)
	}
	n, err := res.RowsAffected()
	return n > 0, err
}

func nonNilSkills(s []courses.SkillLevel) []courses.SkillLevel {
	if s == nil {
		return []courses.SkillLevel{}
	}
	return s
}

// saveGoal records what a goal.changed event says about one goal, unless a
// later change of that goal is already stored. A deleted goal stays as a
// tombstone.
func saveGoal(ctx context.Context, tx *sql.Tx, g courses.GoalChanged, at time.Time) (bool, error) {
	req, _ := json.Marshal(g.RequiredSkills)
	res, err := tx.ExecContext(ctx, `INSERT INTO user_goals (user_id, goal_id, status, title, target_role_id, target_role_title, required_skills, deleted, changed_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
		ON CONFLICT (user_id, goal_id) DO UPDATE SET status = excluded.status, title = excluded.title,
			target_role_id = excluded.target_role_id, target_role_title = excluded.target_role_title,
			required_skills = excluded.required_skills, deleted = excluded.deleted, changed_at = excluded.changed_at
		WHERE user_goals.changed_at <= excluded.changed_at`,
		g.UserID, g.GoalID, g.Status, g.Title, g.TargetRoleID, g.TargetRoleTitle, string(req), g.Change == "deleted", db.UTC(at))
	if err != nil {
		return false, fmt.Errorf("saving goal %s of %s: %w", g.GoalID, g.UserID, err)
	}
	n, err := res.RowsAffected()
	return n > 0, err
}

// loadProfile reads what is known about a user: the latest CV analysis and
// the active goal (the most recently changed goal whose status is ACTIVE).
func loadProfile(ctx context.Context, q querier, userID string) (courses.Profile, error) {
	p := courses.Profile{UserID: userID}
	var skills, roles string
	err := q.QueryRowContext(ctx, `SELECT skills, suggested_roles FROM user_profiles WHERE user_id = $1`, userID).Scan(&skills, &roles)
	switch {
	case errors.Is(err, sql.ErrNoRows):
	case err != nil:
		return p, fmt.Errorf("loading profile of %s: %w", userID, err)
	default:
		p.HasCV = true
		if err := errors.Join(json.Unmarshal([]byte(skills), &p.Skills), json.Unmarshal([]byte(roles), &p.SuggestedRoles)); err != nil {
			return p, fmt.Errorf("decoding profile of %s: %w", userID, err)
		}
	}
	// The combined profile (CV, quizzes, self-ratings, courses) replaces the
	// CV's skills once progress has sent one.
	err = q.QueryRowContext(ctx, `SELECT skills FROM user_skill_profiles WHERE user_id = $1`, userID).Scan(&skills)
	switch {
	case errors.Is(err, sql.ErrNoRows):
	case err != nil:
		return p, fmt.Errorf("loading skill profile of %s: %w", userID, err)
	default:
		p.Skills = nil
		if err := json.Unmarshal([]byte(skills), &p.Skills); err != nil {
			return p, fmt.Errorf("decoding skill profile of %s: %w", userID, err)
		}
	}
	if p.Completed, err = completedCourses(ctx, q, userID); err != nil {
		return p, err
	}
	g := &courses.Goal{}
	var req string
	err = q.QueryRowContext(ctx, `SELECT goal_id, title, target_role_id, target_role_title, required_skills FROM user_goals
		WHERE user_id = $1 AND deleted = $2 AND LOWER(status) = 'active'
		ORDER BY changed_at DESC, goal_id LIMIT 1`, userID, false).Scan(&g.ID, &g.Title, &g.TargetRoleID, &g.TargetRoleTitle, &req)
	switch {
	case errors.Is(err, sql.ErrNoRows):
	case err != nil:
		return p, fmt.Errorf("loading active goal of %s: %w", userID, err)
	default:
		if err := json.Unmarshal([]byte(req), &g.RequiredSkills); err != nil {
			return p, fmt.Errorf("decoding goal %s: %w", g.ID, err)
		}
		p.Goal = g
	}
	return p, nil
}

// purgeUser deletes everything stored about a user.
func purgeUser(ctx context.Context, tx *sql.Tx, userID string) error {
	for _, table := range []string{"recommendations", "recommendation_inputs", "user_goals", "user_profiles", "user_skill_profiles", "user_completed_courses"} {
		if _, err := tx.ExecContext(ctx, `DELETE FROM `+table+` WHERE user_id = $1`, userID); err != nil {
			return fmt.Errorf("purging %s of %s: %w", table, userID, err)
		}
	}
	return nil
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// completedCourses lists the ids of the courses the user completed.
func completedCourses(ctx context.Context, q querier, userID string) ([]string, error) {
	rows, err := q.QueryContext(ctx, `SELECT course_id FROM user_completed_courses WHERE user_id = $1 ORDER BY course_id`, userID)
	if err != nil {
		return nil, fmt.Errorf("loading completed courses of %s: %w", userID, err)
	}
	defer rows.Close()
	var ids []string
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return nil, fmt.Errorf("loading completed courses of %s: %w", userID, err)
		}
		ids = append(ids, id)
	}
	return ids, rows.Err()
}
