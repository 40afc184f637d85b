package store

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/careercoach/coach/internal/db"
	"github.com/careercoach/coach/subgraphs/courses"
)

// Reason sources: who wrote a stored reason.
const (
	sourceTemplate = "template"
	sourceModel    = "model"
)

// RecommendationsFor returns a user's stored recommendations, best first,
// with their courses, in one query.
func (s *Store) RecommendationsFor(ctx context.Context, userID string, limit int) ([]*courses.Recommendation, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT r.course_id, r.rank, r.score, r.reason, r.matched_skills, `+courseColumns+`
		FROM recommendations r JOIN courses c ON c.id = r.course_id
		WHERE r.user_id = $1 ORDER BY r.rank LIMIT $2`, userID, limit)
	if err != nil {
		return nil, fmt.Errorf("loading recommendations of %s: %w", userID, err)
	}
	defer rows.Close()
	var out []*courses.Recommendation
	for rows.Next() {
		r := &courses.Recommendation{}
		var matched string
		c, err := scanCourse(prefixScanner{row: rows, lead: []any{&r.CourseID, &r.Rank, &r.Score, &r.Reason, &matched}})
		if err != nil {
			return nil, fmt.Errorf("scanning recommendation: %w", err)
		}
		if err := json.Unmarshal([]byte(matched), &r.MatchedSkills); err != nil {
			return nil, fmt.Errorf("recommendation %s matched skills: %w", r.CourseID, err)
		}
		r.Course = c
		out = append(out, r)
	}
	return out, rows.Err()
}

// prefixScanner puts the first len(lead) columns into lead, the rest into
// what the caller of Scan asks for.
type prefixScanner struct {
	row  scanner
	lead []any
}

func (p prefixScanner) Scan(dest ...any) error { return p.row.Scan(append(p.lead, dest...)...) }

// recompute ranks the catalogue for the user and stores the result in tx,
// replacing the previous recommendations as a whole. When the ranking is the
// one already stored (same input hash), nothing is written: recomputation is
// idempotent and keeps reasons a model wrote earlier.
func recompute(ctx context.Context, tx *sql.Tx, userID string) error {
	p, err := loadProfile(ctx, tx, userID)
	if err != nil {
		return err
	}
	cat, err := allCourses(ctx, tx)
	if err != nil {
		return err
	}
	recs, basis, err := courses.Recommend(ctx, p, cat, courses.TemplateExplainer{})
	if err != nil {
		return err
	}
	hash := inputHash(p, basis, recs)
	var stored string
	err = tx.QueryRowContext(ctx, `SELECT input_hash FROM recommendation_inputs WHERE user_id = $1`, userID).Scan(&stored)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return fmt.Errorf("reading recommendation input of %s: %w", userID, err)
	}
	if stored == hash {
		return nil
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM recommendations WHERE user_id = $1`, userID); err != nil {
		return fmt.Errorf("replacing recommendations of %s: %w", userID, err)
	}
	if err := insertRecommendations(ctx, tx, userID, recs); err != nil {
		return err
	}
	_, err = tx.ExecContext(ctx, `INSERT INTO recommendation_inputs (user_id, input_hash, basis, updated_at) VALUES ($1, $2, $3, $4)
		ON CONFLICT (user_id) DO UPDATE SET input_hash = excluded.input_hash, basis = excluded.basis, updated_at = excluded.updated_at`,
		userID, hash, string(basis), db.UTC(time.Now()))
	if err != nil {
		return fmt.Errorf("recording recommendation input of %s: %w", userID, err)
	}
	return nil
}

// insertRecommendations writes recs in multi-row INSERTs (bounded so that no
// statement exceeds SQLite's variable limit).
func insertRecommendations(ctx context.Context, tx *sql.Tx, userID string, recs []*courses.Recommendation) error {
	const perStatement = 50
	for start := 0; start < len(recs); start += perStatement {
		batch := recs[start:min(start+perStatement, len(recs))]
		args := []any{userID}
		values := make([]string, len(batch))
		for i, r := range batch {
			matched, _ := json.Marshal(nonNil(r.MatchedSkills))
			n := len(args)
			args = append(args, r.CourseID, r.Rank, r.Score, r.Reason, sourceTemplate, string(matched))
			values[i] = fmt.Sprintf("($1, $%d, $%d, $%d, $%d, $%d, $%d)", n+1, n+2, n+3, n+4, n+5, n+6)
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO recommendations (user_id, course_id, rank, score, reason, reason_source, matched_skills) VALUES `+
			strings.Join(values, ", "), args...); err != nil {
			return fmt.Errorf("storing recommendations of %s: %w", userID, err)
		}
	}
	return nil
}

// inputHash fingerprints everything the stored rows depend on.
func inputHash(p courses.Profile, basis courses.Basis, recs []*courses.Recommendation) string {
	h := sha256.New()
	enc := json.NewEncoder(h)
	_ = enc.Encode(basis) // writes to a hash: cannot fail
	_ = enc.Encode(p)
	for _, r := range recs {
		_ = enc.Encode([]any{r.CourseID, r.Rank, r.Score, r.Reason, r.MatchedSkills})
	}
	return hex.EncodeToString(h.Sum(nil))
}
