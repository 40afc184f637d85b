package store

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/careercoach/coach/internal/bus"
	"github.com/careercoach/coach/internal/db"
	"github.com/careercoach/coach/subgraphs/courses"
)

const courseColumns = `c.id, c.title, c.provider, c.url, c.description, c.skills, c.level, c.duration_hours, c.free, c.rating, c.language, c.category`

type scanner interface{ Scan(dest ...any) error }

func scanCourse(row scanner, extra ...any) (*courses.Course, error) {
	c := &courses.Course{}
	var skills, level string
	var rating sql.NullFloat64
	dest := append([]any{&c.ID, &c.Title, &c.Provider, &c.URL, &c.Description, &skills, &level, &c.DurationHours, &c.Free, &rating, &c.Language, &c.Category}, extra...)
	if err := row.Scan(dest...); err != nil {
		return nil, err
	}
	if err := json.Unmarshal([]byte(skills), &c.Skills); err != nil {
		return nil, fmt.Errorf("course %s skills: %w", c.ID, err)
	}
	c.Level = courses.Level(level)
	if rating.Valid {
		c.Rating = &rating.Float64
	}
	return c, nil
}

func scanCourses(rows *sql.Rows) ([]*courses.Course, error) {
	defer rows.Close()
	var out []*courses.Course
	for rows.Next() {
		c, err := scanCourse(rows)
		if err != nil {
			return nil, fmt.Errorf("scanning course: %w", err)
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// CoursesByIDs returns the courses that exist among ids, in one query.
func (s *Store) CoursesByIDs(ctx context.Context, ids []string) ([]*courses.Course, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	args := make([]any, len(ids))
	for i, id := range ids {
		args[i] = id
	}
	rows, err := s.db.QueryContext(ctx, `SELECT `+courseColumns+` FROM courses c WHERE c.id IN (`+placeholders(1, len(ids))+`)`, args...)
	if err != nil {
		return nil, fmt.Errorf("loading courses: %w", err)
	}
	return scanCourses(rows)
}

// allCourses loads the catalogue (for ranking).
func allCourses(ctx context.Context, q querier) ([]*courses.Course, error) {
	rows, err := q.QueryContext(ctx, `SELECT `+courseColumns+` FROM courses c ORDER BY c.id`)
	if err != nil {
		return nil, fmt.Errorf("loading catalogue: %w", err)
	}
	return scanCourses(rows)
}

// contentHash fingerprints a catalogue entry: a different hash means the
// entry changed and must be rewritten and announced.
func contentHash(c *courses.Course) string {
	b, _ := json.Marshal(c) // plain struct of strings and numbers: cannot fail
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}

// seedLockKey is the PostgreSQL advisory lock held while seeding.
const seedLockKey int64 = 0x636f757273657364 // "coursesd"

// SeedCatalogue upserts the catalogue in one transaction. Only new or changed
// courses are written; each is announced with course.catalogued through the
// outbox in the same transaction, so consumers see exactly the committed
// catalogue. Courses no longer in the catalogue are kept: other services
// hold references to them.
func (s *Store) SeedCatalogue(ctx context.Context, cat []*courses.Course) (int, error) {
	written := 0
	err := s.db.WithTx(ctx, func(tx *sql.Tx) error {
		written = 0
		if s.db.Dialect() == db.Postgres {
			// Replicas starting together seed one after the other, so each
			// course is written and announced once (SQLite has one writer).
			if _, err := tx.ExecContext(ctx, `SELECT pg_advisory_xact_lock($1)`, seedLockKey); err != nil {
				return fmt.Errorf("taking the seed lock: %w", err)
			}
		}
		have := map[string]string{}
		rows, err := tx.QueryContext(ctx, `SELECT id, content_hash FROM courses`)
		if err != nil {
			return fmt.Errorf("reading catalogue hashes: %w", err)
		}
		for rows.Next() {
			var id, h string
			if err := rows.Scan(&id, &h); err != nil {
				rows.Close()
				return fmt.Errorf("reading catalogue hashes: %w", err)
			}
			have[id] = h
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return fmt.Errorf("reading catalogue hashes: %w", err)
		}
		now := db.UTC(time.Now())
		for _, c := range cat {
			h := contentHash(c)
			if have[c.ID] == h {
				continue
			}
			if err := s.writeCourse(ctx, tx, c, h, now); err != nil {
				return fmt.Errorf("writing course %s: %w", c.ID, err)
			}
			ev, err := bus.NewEvent(c.ID, bus.CourseCataloguedPayload{CourseID: c.ID, Title: c.Title, Skills: c.Skills, DurationHours: c.DurationHours, Level: string(c.Level)})
			if err != nil {
				return err
			}
			if err := bus.Enqueue(ctx, tx, ev); err != nil {
				return err
			}
			written++
		}
		return nil
	})
	if err != nil {
		return 0, fmt.Errorf("seeding catalogue: %w", err)
	}
	return written, nil
}

func (s *Store) writeCourse(ctx context.Context, tx *sql.Tx, c *courses.Course, hash string, now time.Time) error {
	skills, _ := json.Marshal(c.Skills)
	var rating any
	if c.Rating != nil {
		rating = *c.Rating
	}
	_, err := tx.ExecContext(ctx, `INSERT INTO courses (id, title, provider, url, description, skills, level, duration_hours, free, rating, language, category, content_hash, updated_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
		ON CONFLICT (id) DO UPDATE SET title = excluded.title, provider = excluded.provider, url = excluded.url,
			description = excluded.description, skills = excluded.skills, level = excluded.level,
			duration_hours = excluded.duration_hours, free = excluded.free, rating = excluded.rating,
			language = excluded.language, category = excluded.category, content_hash = excluded.content_hash,
			updated_at = excluded.updated_at`,
		c.ID, c.Title, c.Provider, c.URL, c.Description, string(skills), string(c.Level), c.DurationHours, c.Free, rating,
		c.Language, c.Category, hash, now)
	if err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM course_skills WHERE course_id = $1`, c.ID); err != nil {
		return err
	}
	args := []any{c.ID}
	var values []string
	seen := map[string]bool{}
	for _, sk := range c.Skills {
		key := strings.ToLower(sk)
		if seen[key] {
			continue
		}
		seen[key] = true
		args = append(args, key)
		values = append(values, fmt.Sprintf("($1, $%d)", len(args)))
	}
	if len(values) > 0 {
		if _, err := tx.ExecContext(ctx, `INSERT INTO course_skills (course_id, skill_key) VALUES `+strings.Join(values, ", "), args...); err != nil {
			return err
		}
	}
	if s.db.Dialect() == db.SQLite {
		// FTS5 has no upsert: replace the document.
		if _, err := tx.ExecContext(ctx, `DELETE FROM courses_fts WHERE id = $1`, c.ID); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO courses_fts (id, title, skills, provider, description) VALUES ($1, $2, $3, $4, $5)`,
			c.ID, c.Title, strings.Join(c.Skills, " "), c.Provider, c.Description); err != nil {
			return err
		}
	}
	return nil
}
