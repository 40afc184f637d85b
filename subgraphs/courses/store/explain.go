package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/careercoach/coach/subgraphs/courses"
)

// ExplainWithModel replaces the template reasons of a user's stored
// recommendations with ones ex writes (a language model). The model is
// called outside any transaction; the reasons are stored only if the
// recommendations are still the ones they were written for, and only over
// template reasons, so a redelivered event does not pay for them twice.
func (s *Store) ExplainWithModel(ctx context.Context, userID string, ex courses.Explainer) (int, error) {
	var pending int
	if err := s.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM recommendations WHERE user_id = $1 AND reason_source = $2`,
		userID, sourceTemplate).Scan(&pending); err != nil {
		return 0, fmt.Errorf("counting template reasons of %s: %w", userID, err)
	}
	if pending == 0 {
		return 0, nil
	}
	p, err := loadProfile(ctx, s.db, userID)
	if err != nil {
		return 0, err
	}
	cat, err := allCourses(ctx, s.db)
	if err != nil {
		return 0, err
	}
	template, basis, err := courses.Recommend(ctx, p, cat, courses.TemplateExplainer{})
	if err != nil || len(template) == 0 {
		return 0, err
	}
	hash := inputHash(p, basis, template)
	ranked, _ := courses.Rank(p, cat)
	reasons, err := ex.Explain(ctx, courses.Requests(p, ranked, basis))
	if err != nil {
		return 0, fmt.Errorf("explaining recommendations of %s: %w", userID, err)
	}
	if len(reasons) != len(ranked) {
		return 0, fmt.Errorf("explainer returned %d reasons for %d courses", len(reasons), len(ranked))
	}
	n := 0
	err = s.db.WithTx(ctx, func(tx *sql.Tx) error {
		n = 0
		var stored string
		err := tx.QueryRowContext(ctx, `SELECT input_hash FROM recommendation_inputs WHERE user_id = $1`, userID).Scan(&stored)
		if errors.Is(err, sql.ErrNoRows) || (err == nil && stored != hash) {
			return nil // recomputed meanwhile: these reasons are for other rows
		}
		if err != nil {
			return fmt.Errorf("reading recommendation input of %s: %w", userID, err)
		}
		for i, r := range ranked {
			if reasons[i] == "" {
				continue
			}
			res, err := tx.ExecContext(ctx, `UPDATE recommendations SET reason = $1, reason_source = $2
				WHERE user_id = $3 AND course_id = $4 AND reason_source = $5`, reasons[i], sourceModel, userID, r.Course.ID, sourceTemplate)
			if err != nil {
				return fmt.Errorf("storing reason of %s for %s: %w", r.Course.ID, userID, err)
			}
			k, _ := res.RowsAffected()
			n += int(k)
		}
		return nil
	})
	return n, err
}
