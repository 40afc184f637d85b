package store

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"time"

	"github.com/careercoach/coach/internal/bus"
	"github.com/careercoach/coach/internal/db"
	"github.com/careercoach/coach/subgraphs/courses"
)

const courseColumns = `c.id, c.title, c.provider, c.url, c.description, c.skills, c.level, c.duration_hours, c.free, c.rating, c.language, c.category, c.source`

type scanner interface{ Scan(dest ...any) error }

func scanCourse(row scanner, extra ...any) (*courses.Course, error) {
	c := &courses.Course{}
	var skills, level string
	var rating sql.NullFloat64
	dest := append([]any{&c.ID, &c.Title, &c.Provider, &c.URL, &c.Description, &skills, &level, &c.DurationHours, &c.Free, &rating, &c.Language, &c.Category, &c.Source}, extra...)
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

// allCourses loads the current catalogue (for ranking): retired courses
// are never recommended.
func allCourses(ctx context.Context, q querier) ([]*courses.Course, error) {
	rows, err := q.QueryContext(ctx, `SELECT `+courseColumns+` FROM courses c WHERE NOT c.retired ORDER BY c.id`)
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
// catalogue. Courses no longer in the catalogue are kept, since other
// services hold references to them, but retired: they resolve by id and are
// neither searched nor recommended, and announced with course.catalogued
// marked retired. Retiring counts as a write (the recommendations that held
// them must be recomputed).
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
		rows, err := tx.QueryContext(ctx, `SELECT id, content_hash, retired FROM courses`)
		if err != nil {
			return fmt.Errorf("reading catalogue hashes: %w", err)
		}
		for rows.Next() {
			var id, h string
			var retired bool
			if err := rows.Scan(&id, &h, &retired); err != nil {
				rows.Close()
				return fmt.Errorf("reading catalogue hashes: %w", err)
			}
			if retired {
				h = "" // shipped again: rewrite it, which un-retires it
			}
			have[id] = h
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return fmt.Errorf("reading catalogue hashes: %w", err)
		}
		now := db.UTC(time.Now())
		shipped := make(map[string]bool, len(cat))
		for _, c := range cat {
			shipped[c.ID] = true
		}
		for id := range have {
			if shipped[id] {
				continue
			}
			res, err := tx.ExecContext(ctx, `UPDATE courses SET retired = TRUE, updated_at = $2 WHERE id = $1 AND NOT retired`, id, now)
			if err != nil {
				return fmt.Errorf("retiring course %s: %w", id, err)
			}
			if n, _ := res.RowsAffected(); n > 0 {
				ev, err := bus.NewEvent(id, bus.CourseCataloguedPayload{CourseID: id, Retired: true})
				if err != nil {
					return fmt.Errorf("announcing retired course %s: %w", id, err)
				}
				if err := bus.Enqueue(ctx, tx, ev); err != nil {
					return fmt.Errorf("announcing retired course %s: %w", id, err)
				}
				written++
			}
		}
		w, err := s.newCourseWriter(ctx, tx)
		if err != nil {
			return err
		}
		defer w.close()
		for _, c := range cat {
			h := contentHash(c)
			old, existed := have[c.ID]
			if old == h {
				continue
			}
			if err := w.write(ctx, c, h, now, existed); err != nil {
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
