package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/careercoach/coach/internal/db"
	"github.com/careercoach/coach/subgraphs/courses"
)

// courseWriter writes catalogue entries with statements prepared once per
// seed: the first seed writes thousands of courses in one transaction, and
// preparing each statement per course dominated its time on SQLite.
type courseWriter struct {
	upsert, delSkills, addSkill, delFTS, addFTS *sql.Stmt
}

func (s *Store) newCourseWriter(ctx context.Context, tx *sql.Tx) (*courseWriter, error) {
	w := &courseWriter{}
	stmts := []struct {
		dst   **sql.Stmt
		query string
	}{
		{&w.upsert, `INSERT INTO courses (id, title, provider, url, description, skills, level, duration_hours, free, rating, language, category, source, retired, content_hash, updated_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, FALSE, $14, $15)
		ON CONFLICT (id) DO UPDATE SET title = excluded.title, provider = excluded.provider, url = excluded.url,
			description = excluded.description, skills = excluded.skills, level = excluded.level,
			duration_hours = excluded.duration_hours, free = excluded.free, rating = excluded.rating,
			language = excluded.language, category = excluded.category, source = excluded.source,
			retired = FALSE, content_hash = excluded.content_hash, updated_at = excluded.updated_at`},
		{&w.delSkills, `DELETE FROM course_skills WHERE course_id = $1`},
		{&w.addSkill, `INSERT INTO course_skills (course_id, skill_key) VALUES ($1, $2) ON CONFLICT DO NOTHING`},
	}
	if s.db.Dialect() == db.SQLite {
		// FTS5 has no upsert: the document is replaced.
		stmts = append(stmts,
			struct {
				dst   **sql.Stmt
				query string
			}{&w.delFTS, `DELETE FROM courses_fts WHERE id = $1`},
			struct {
				dst   **sql.Stmt
				query string
			}{&w.addFTS, `INSERT INTO courses_fts (id, title, skills, provider, description) VALUES ($1, $2, $3, $4, $5)`})
	}
	for _, st := range stmts {
		p, err := tx.PrepareContext(ctx, st.query)
		if err != nil {
			w.close()
			return nil, fmt.Errorf("preparing the catalogue writes: %w", err)
		}
		*st.dst = p
	}
	return w, nil
}

func (w *courseWriter) close() {
	for _, st := range []*sql.Stmt{w.upsert, w.delSkills, w.addSkill, w.delFTS, w.addFTS} {
		if st != nil {
			st.Close()
		}
	}
}

// write upserts c and its skills index (and FTS document on SQLite);
// existed says whether rows of an earlier version may need replacing.
func (w *courseWriter) write(ctx context.Context, c *courses.Course, hash string, now time.Time, existed bool) error {
	skills, _ := json.Marshal(c.Skills) // a []string cannot fail
	var rating any
	if c.Rating != nil {
		rating = *c.Rating
	}
	if _, err := w.upsert.ExecContext(ctx, c.ID, c.Title, c.Provider, c.URL, c.Description, string(skills), string(c.Level),
		c.DurationHours, c.Free, rating, c.Language, c.Category, c.Source, hash, now); err != nil {
		return err
	}
	if existed {
		if _, err := w.delSkills.ExecContext(ctx, c.ID); err != nil {
			return err
		}
	}
	for _, sk := range c.Skills {
		if _, err := w.addSkill.ExecContext(ctx, c.ID, strings.ToLower(sk)); err != nil {
			return err
		}
	}
	if w.addFTS == nil {
		return nil
	}
	if existed {
		if _, err := w.delFTS.ExecContext(ctx, c.ID); err != nil {
			return err
		}
	}
	_, err := w.addFTS.ExecContext(ctx, c.ID, c.Title, strings.Join(c.Skills, " "), c.Provider, c.Description)
	return err
}
