package store

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/careercoach/coach/internal/db"
	"github.com/careercoach/coach/subgraphs/planning"
)

// ReplaceUserSkills stores the skills of a cv.analyzed event unless a
// later analysis is already stored: events of two CVs may arrive out of
// order, and the newest analysis is the one that describes the user.
func (s *Store) ReplaceUserSkills(ctx context.Context, tx *sql.Tx, us planning.UserSkills, key func(string) string) error {
	var cur sql.NullTime
	err := tx.QueryRowContext(ctx, `SELECT analyzed_at FROM user_skill_sets WHERE user_id = $1`, us.UserID).Scan(&cur)
	if err != nil && err != sql.ErrNoRows {
		return fmt.Errorf("loading user skill set: %w", err)
	}
	if cur.Valid && cur.Time.After(db.UTC(us.AnalyzedAt)) {
		return nil
	}
	stmts := []struct {
		q    string
		args []any
	}{
		{`DELETE FROM user_skills WHERE user_id = $1`, []any{us.UserID}},
		{`DELETE FROM user_skill_sets WHERE user_id = $1`, []any{us.UserID}},
		{`INSERT INTO user_skill_sets (user_id, cv_id, analyzed_at) VALUES ($1, $2, $3)`, []any{us.UserID, us.CVID, db.UTC(us.AnalyzedAt)}},
	}
	for _, st := range stmts {
		if _, err := tx.ExecContext(ctx, st.q, st.args...); err != nil {
			return fmt.Errorf("replacing user skills: %w", err)
		}
	}
	// Two names of one skill (an alias and its canonical name) keep the higher level.
	best := map[string]planning.SkillLevel{}
	var order []string
	for _, sk := range us.Skills {
		k := key(sk.Name)
		if k == "" {
			continue
		}
		if prev, ok := best[k]; !ok {
			order = append(order, k)
			best[k] = sk
		} else if sk.Level > prev.Level {
			best[k] = sk
		}
	}
	for _, k := range order {
		sk := best[k]
		if _, err := tx.ExecContext(ctx, `INSERT INTO user_skills (user_id, skill_key, name, level) VALUES ($1, $2, $3, $4)`,
			us.UserID, k, sk.Name, sk.Level); err != nil {
			return fmt.Errorf("storing user skill: %w", err)
		}
	}
	return nil
}

// UserSkills loads the skill sets of userIDs in two queries.
func (s *Store) UserSkills(ctx context.Context, userIDs []string) (map[string]*planning.UserSkills, error) {
	out := map[string]*planning.UserSkills{}
	if len(userIDs) == 0 {
		return out, nil
	}
	q, args := db.InList(`SELECT user_id, cv_id, analyzed_at FROM user_skill_sets WHERE user_id IN (%s)`, nil, userIDs)
	rows, err := s.db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("loading user skill sets: %w", err)
	}
	for rows.Next() {
		us := &planning.UserSkills{Skills: []planning.SkillLevel{}}
		if err := rows.Scan(&us.UserID, &us.CVID, &us.AnalyzedAt); err != nil {
			rows.Close()
			return nil, fmt.Errorf("scanning user skill set: %w", err)
		}
		us.AnalyzedAt = us.AnalyzedAt.UTC()
		out[us.UserID] = us
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("loading user skill sets: %w", err)
	}
	q, args = db.InList(`SELECT user_id, name, level FROM user_skills WHERE user_id IN (%s) ORDER BY user_id, skill_key`, nil, userIDs)
	rows, err = s.db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("loading user skills: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var uid string
		var sk planning.SkillLevel
		if err := rows.Scan(&uid, &sk.Name, &sk.Level); err != nil {
			return nil, fmt.Errorf("scanning user skill: %w", err)
		}
		if us := out[uid]; us != nil {
			us.Skills = append(us.Skills, sk)
		}
	}
	return out, rows.Err()
}

// UpsertCourse replaces what the read model knows of one course; a retired
// course is removed, so learning paths no longer offer it.
func (s *Store) UpsertCourse(ctx context.Context, tx *sql.Tx, c planning.CourseCatalogued, key func(string) string) error {
	stmts := []struct {
		q    string
		args []any
	}{
		{`DELETE FROM course_skills WHERE course_id = $1`, []any{c.CourseID}},
		{`DELETE FROM courses WHERE course_id = $1`, []any{c.CourseID}},
	}
	if !c.Retired {
		stmts = append(stmts, struct {
			q    string
			args []any
		}{`INSERT INTO courses (course_id, title, duration_hours) VALUES ($1, $2, $3)`, []any{c.CourseID, c.Title, c.DurationHours}})
	}
	for _, st := range stmts {
		if _, err := tx.ExecContext(ctx, st.q, st.args...); err != nil {
			return fmt.Errorf("storing course %s: %w", c.CourseID, err)
		}
	}
	if c.Retired {
		return nil
	}
	seen := map[string]bool{}
	for _, name := range c.Skills {
		k := key(name)
		if k == "" || seen[k] {
			continue
		}
		seen[k] = true
		if _, err := tx.ExecContext(ctx, `INSERT INTO course_skills (course_id, skill_key) VALUES ($1, $2)`, c.CourseID, k); err != nil {
			return fmt.Errorf("storing course skill: %w", err)
		}
	}
	return nil
}

// CoursesForSkills returns, per skill key, up to perSkill courses teaching
// it, shortest first (a learner starts with a short course), in one query.
// A course of unknown length (0 hours) is not the shortest: it comes last.
func (s *Store) CoursesForSkills(ctx context.Context, keys []string, perSkill int) (map[string][]planning.CourseRef, error) {
	out := map[string][]planning.CourseRef{}
	if len(keys) == 0 {
		return out, nil
	}
	q, args := db.InList(`SELECT cs.skill_key, c.course_id, c.title, c.duration_hours FROM course_skills cs
		JOIN courses c ON c.course_id = cs.course_id
		WHERE cs.skill_key IN (%s) ORDER BY cs.skill_key, c.duration_hours = 0, c.duration_hours, c.course_id`, nil, keys)
	rows, err := s.db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("loading courses for skills: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var k string
		var c planning.CourseRef
		if err := rows.Scan(&k, &c.CourseID, &c.Title, &c.DurationHours); err != nil {
			return nil, fmt.Errorf("scanning course: %w", err)
		}
		if len(out[k]) < perSkill {
			out[k] = append(out[k], c)
		}
	}
	return out, rows.Err()
}

// PurgeUser deletes everything planning holds about a user (user.deleted).
func (s *Store) PurgeUser(ctx context.Context, tx *sql.Tx, userID string) error {
	for _, q := range []string{
		`DELETE FROM goals WHERE user_id = $1`,
		`DELETE FROM user_skills WHERE user_id = $1`,
		`DELETE FROM user_skill_sets WHERE user_id = $1`,
		`DELETE FROM interview_attempts WHERE user_id = $1`,
		`DELETE FROM readiness_snapshots WHERE user_id = $1`,
		`DELETE FROM job_targets WHERE user_id = $1`,
	} {
		if _, err := tx.ExecContext(ctx, q, userID); err != nil {
			return fmt.Errorf("purging user data: %w", err)
		}
	}
	return nil
}
