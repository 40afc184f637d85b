package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/careercoach/coach/internal/bus"
	"github.com/careercoach/coach/internal/db"
	"github.com/careercoach/coach/subgraphs/progress"
)

// SkillProfile combines every kind of evidence the user has into the profile.
func (s *Store) SkillProfile(ctx context.Context, userID string, now time.Time) ([]progress.ProfileSkill, error) {
	ev, err := skillEvidence(ctx, s.db, userID)
	if err != nil {
		return nil, err
	}
	return s.Profiler.Build(ev, now), nil
}

// publishProfile announces the user's profile after a change of its
// evidence, in the transaction of the change (the outbox), so consumers
// (planning's gap and paths, courses' recommendations) see every change.
func (s *Store) publishProfile(ctx context.Context, tx *sql.Tx, userID string, now time.Time) error {
	// A CV analysed before progress kept CV skills (cv_skills came later)
	// has left only its activity item: a profile without it would replace
	// the CV's skills that planning and courses hold with less. Such a
	// profile waits for the next analysis (reanalyzeCV or a new upload).
	var legacyCV bool
	err := tx.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM activity WHERE user_id = $1 AND kind = $2)
		AND NOT EXISTS (SELECT 1 FROM cv_analyses WHERE user_id = $1)`, userID, string(progress.CVAnalyzed)).Scan(&legacyCV)
	if err != nil {
		return fmt.Errorf("checking the CV evidence: %w", err)
	}
	if legacyCV {
		return nil
	}
	ev, err := skillEvidence(ctx, tx, userID)
	if err != nil {
		return err
	}
	e, err := bus.NewEvent(userID, progress.NewProfileEvent(userID, s.Profiler.Build(ev, now), now))
	if err != nil {
		return err
	}
	e.OccurredAt = now
	return bus.Enqueue(ctx, tx, e)
}

// skillEvidence loads the user's evidence: assessments (self-ratings and
// quizzes), the latest CV's skills and completed courses. Three queries
// whatever the data size.
func skillEvidence(ctx context.Context, q querier, userID string) ([]progress.Evidence, error) {
	var out []progress.Evidence
	rows, err := q.QueryContext(ctx, `SELECT skill, level, source, score, taken_at FROM assessments WHERE user_id = $1`, userID)
	if err != nil {
		return nil, fmt.Errorf("loading assessments for the profile: %w", err)
	}
	for rows.Next() {
		var e progress.Evidence
		var score sql.NullInt64
		if err := rows.Scan(&e.Skill, &e.Level, &e.Source, &score, &e.At); err != nil {
			rows.Close()
			return nil, fmt.Errorf("scanning assessment: %w", err)
		}
		if score.Valid {
			e.Detail = fmt.Sprintf("quiz score %d%%", score.Int64)
		}
		out = append(out, e)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("loading assessments for the profile: %w", err)
	}

	rows, err = q.QueryContext(ctx, `SELECT skill, level, evidence, analysed_at FROM cv_skills WHERE user_id = $1`, userID)
	if err != nil {
		return nil, fmt.Errorf("loading CV skills: %w", err)
	}
	for rows.Next() {
		e := progress.Evidence{Source: progress.FromCV}
		if err := rows.Scan(&e.Skill, &e.Level, &e.Detail, &e.At); err != nil {
			rows.Close()
			return nil, fmt.Errorf("scanning CV skill: %w", err)
		}
		out = append(out, e)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("loading CV skills: %w", err)
	}

	rows, err = q.QueryContext(ctx, `SELECT c.title, c.skills, c.level, e.completed_at FROM enrollments e JOIN courses c ON c.id = e.course_id
		WHERE e.user_id = $1 AND e.status = $2 AND e.completed_at IS NOT NULL`, userID, string(progress.Completed))
	if err != nil {
		return nil, fmt.Errorf("loading completed courses: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var title, skills, level string
		var at time.Time
		if err := rows.Scan(&title, &skills, &level, &at); err != nil {
			return nil, fmt.Errorf("scanning completed course: %w", err)
		}
		var names []string
		if err := json.Unmarshal([]byte(skills), &names); err != nil {
			return nil, fmt.Errorf("decoding skills of course %q: %w", title, err)
		}
		for _, n := range names {
			out = append(out, progress.Evidence{Skill: n, Level: progress.CourseLevel(level), Source: progress.FromCourse, Detail: title, At: at})
		}
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("loading completed courses: %w", err)
	}
	for i := range out {
		out[i].At = out[i].At.UTC()
	}
	return out, nil
}

// replaceCVSkills stores the skills of a cv.analyzed event unless a later
// analysis is stored already (events of two CVs may arrive out of order).
func replaceCVSkills(ctx context.Context, tx *sql.Tx, p progress.CVAnalyzedEvent, at time.Time) (bool, error) {
	var cur time.Time
	err := tx.QueryRowContext(ctx, `SELECT analysed_at FROM cv_analyses WHERE user_id = $1`, p.UserID).Scan(&cur)
	switch {
	case err == nil && cur.After(db.UTC(at)):
		return false, nil
	case err != nil && !errors.Is(err, sql.ErrNoRows):
		return false, fmt.Errorf("loading the latest CV analysis: %w", err)
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO cv_analyses (user_id, cv_id, analysed_at) VALUES ($1, $2, $3)
		ON CONFLICT (user_id) DO UPDATE SET cv_id = excluded.cv_id, analysed_at = excluded.analysed_at`, p.UserID, p.CVID, db.UTC(at)); err != nil {
		return false, fmt.Errorf("recording the CV analysis: %w", err)
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM cv_skills WHERE user_id = $1`, p.UserID); err != nil {
		return false, fmt.Errorf("replacing CV skills: %w", err)
	}
	for _, s := range p.Skills {
		_, err := tx.ExecContext(ctx, `INSERT INTO cv_skills (user_id, skill, level, evidence, cv_id, analysed_at) VALUES ($1, $2, $3, $4, $5, $6)
			ON CONFLICT (user_id, skill) DO UPDATE SET level = CASE WHEN excluded.level > cv_skills.level THEN excluded.level ELSE cv_skills.level END`,
			p.UserID, s.Name, s.Level, s.Evidence, p.CVID, db.UTC(at))
		if err != nil {
			return false, fmt.Errorf("storing CV skill: %w", err)
		}
	}
	return true, nil
}
