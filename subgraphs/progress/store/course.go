package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/careercoach/coach/internal/db"
	"github.com/careercoach/coach/subgraphs/progress"
)

// UpsertCourse stores the catalogue's latest word on a course.
func (s *Store) UpsertCourse(ctx context.Context, c progress.Course) error {
	return upsertCourse(ctx, s.db, c)
}

func upsertCourse(ctx context.Context, q querier, c progress.Course) error {
	skills, err := json.Marshal(nonNil(c.Skills))
	if err != nil {
		return fmt.Errorf("encoding course skills: %w", err)
	}
	_, err = q.ExecContext(ctx, `INSERT INTO courses (id, title, skills, duration_hours, level, updated_at) VALUES ($1, $2, $3, $4, $5, $6)
		ON CONFLICT (id) DO UPDATE SET title = excluded.title, skills = excluded.skills, duration_hours = excluded.duration_hours,
		level = excluded.level, updated_at = excluded.updated_at`,
		c.ID, c.Title, string(skills), c.DurationHours, c.Level, db.UTC(time.Now()))
	if err != nil {
		return fmt.Errorf("storing course %s: %w", c.ID, err)
	}
	return nil
}

// CoursesByIDs returns the known courses among ids.
func (s *Store) CoursesByIDs(ctx context.Context, ids []string) (map[string]progress.Course, error) {
	out := map[string]progress.Course{}
	if len(ids) == 0 {
		return out, nil
	}
	err := eachChunk(ids, func(part []string) error {
		q, args := db.InList(`SELECT id, title, skills, duration_hours, level FROM courses WHERE id IN (%s)`, nil, part)
		rows, err := s.db.QueryContext(ctx, q, args...)
		if err != nil {
			return fmt.Errorf("loading courses: %w", err)
		}
		defer rows.Close()
		for rows.Next() {
			c, err := scanCourse(rows)
			if err != nil {
				return err
			}
			out[c.ID] = c
		}
		return rows.Err()
	})
	return out, err
}

func courseByID(ctx context.Context, q querier, id string) (progress.Course, error) {
	c, err := scanCourse(q.QueryRowContext(ctx, `SELECT id, title, skills, duration_hours, level FROM courses WHERE id = $1`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return c, progress.ErrCourseNotFound
	}
	return c, err
}

func scanCourse(row scanner) (progress.Course, error) {
	var c progress.Course
	var skills string
	if err := row.Scan(&c.ID, &c.Title, &skills, &c.DurationHours, &c.Level); err != nil {
		if errors.Is(err, sql.ErrNoRows) {
			return c, err
		}
		return c, fmt.Errorf("scanning course: %w", err)
	}
	if err := json.Unmarshal([]byte(skills), &c.Skills); err != nil {
		return c, fmt.Errorf("decoding skills of course %s: %w", c.ID, err)
	}
	return c, nil
}

func nonNil(xs []string) []string {
	if xs == nil {
		return []string{}
	}
	return xs
}
