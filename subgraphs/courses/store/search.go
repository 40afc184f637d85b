package store

import (
	"context"
	"fmt"
	"strings"

	"github.com/careercoach/coach/internal/db"
	"github.com/careercoach/coach/subgraphs/courses"
)

// SearchCourses returns a page of the courses matching f. With search terms
// the order is by relevance (PostgreSQL ts_rank over the weighted tsvector;
// SQLite FTS5 bm25 with the same column weights), otherwise by title; the
// course id breaks ties so that pages never overlap.
func (s *Store) SearchCourses(ctx context.Context, f courses.Filter, p courses.Page) (*courses.CourseList, error) {
	terms := courses.SearchTerms(f.Search)
	var (
		from, order string
		where       []string
		args        []any
	)
	arg := func(v any) string {
		args = append(args, v)
		return fmt.Sprintf("$%d", len(args))
	}
	switch {
	case len(terms) > 0 && s.db.Dialect() == db.Postgres:
		// Every term must match, as a prefix ("kube" finds Kubernetes).
		q := make([]string, len(terms))
		for i, t := range terms {
			q[i] = t + ":*"
		}
		tsq := "to_tsquery('english', " + arg(strings.Join(q, " & ")) + ")"
		from = "courses c"
		where = append(where, "c.search @@ "+tsq)
		order = "ts_rank(c.search, " + tsq + ") DESC, c.id"
	case len(terms) > 0:
		q := make([]string, len(terms))
		for i, t := range terms {
			q[i] = `"` + t + `"*`
		}
		from = "courses_fts JOIN courses c ON c.id = courses_fts.id"
		where = append(where, "courses_fts MATCH "+arg(strings.Join(q, " ")))
		// bm25 is lower for better matches; weights follow the column order
		// id, title, skills, provider, description.
		order = "bm25(courses_fts, 0, 10, 10, 4, 1), c.id"
	case s.db.Dialect() == db.Postgres:
		from, order = "courses c", `c.title COLLATE "C", c.id` // byte order, as on SQLite
	default:
		from, order = "courses c", "c.title, c.id"
	}
	where = append(where, "NOT c.retired") // retired courses resolve by id only
	if len(f.Skills) > 0 {
		ph := make([]string, len(f.Skills))
		for i, sk := range f.Skills {
			ph[i] = arg(strings.ToLower(strings.TrimSpace(sk)))
		}
		where = append(where, "c.id IN (SELECT course_id FROM course_skills WHERE skill_key IN ("+strings.Join(ph, ", ")+"))")
	}
	if f.Level != "" {
		where = append(where, "c.level = "+arg(string(f.Level)))
	}
	if f.Language != "" {
		where = append(where, "c.language = "+arg(f.Language))
	}
	if f.Free != nil {
		where = append(where, "c.free = "+arg(*f.Free))
	}
	cond := ""
	if len(where) > 0 {
		cond = " WHERE " + strings.Join(where, " AND ")
	}

	if s.db.Dialect() == db.Postgres {
		return s.pageWithCount(ctx, from+cond, order, args, p)
	}
	// SQLite is in-process (no round trip to save) and refuses bm25 beside
	// a window function: count, then read the page.
	out := &courses.CourseList{}
	if err := s.db.QueryRowContext(ctx, "SELECT COUNT(*) FROM "+from+cond, args...).Scan(&out.Total); err != nil {
		return nil, fmt.Errorf("counting courses: %w", err)
	}
	if out.Total == 0 || p.Offset >= out.Total {
		return out, nil
	}
	query := "SELECT " + courseColumns + " FROM " + from + cond + " ORDER BY " + order +
		" LIMIT " + arg(p.Limit) + " OFFSET " + arg(p.Offset)
	rows, err := s.db.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("searching courses: %w", err)
	}
	if out.Courses, err = scanCourses(rows); err != nil {
		return nil, err
	}
	return out, nil
}

// pageWithCount reads a page and the total number of matches in one round
// trip (a window count over the matches the ranking visits anyway); only a
// page past the end, which carries no count, needs a second query.
func (s *Store) pageWithCount(ctx context.Context, fromWhere, order string, args []any, p courses.Page) (*courses.CourseList, error) {
	n := len(args)
	query := fmt.Sprintf("SELECT %s, COUNT(*) OVER () FROM %s ORDER BY %s LIMIT $%d OFFSET $%d", courseColumns, fromWhere, order, n+1, n+2)
	rows, err := s.db.QueryContext(ctx, query, append(args[:n:n], p.Limit, p.Offset)...)
	if err != nil {
		return nil, fmt.Errorf("searching courses: %w", err)
	}
	defer rows.Close()
	out := &courses.CourseList{}
	for rows.Next() {
		c, err := scanCourse(rows, &out.Total)
		if err != nil {
			return nil, fmt.Errorf("scanning course: %w", err)
		}
		out.Courses = append(out.Courses, c)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("searching courses: %w", err)
	}
	if len(out.Courses) == 0 && p.Offset > 0 {
		if err := s.db.QueryRowContext(ctx, "SELECT COUNT(*) FROM "+fromWhere, args...).Scan(&out.Total); err != nil {
			return nil, fmt.Errorf("counting courses: %w", err)
		}
	}
	return out, nil
}
