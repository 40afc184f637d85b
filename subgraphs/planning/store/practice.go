package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"

	"github.com/careercoach/coach/internal/db"
	"github.com/careercoach/coach/subgraphs/planning"
)

// AddAttempt stores an answered interview question with its feedback.
func (s *Store) AddAttempt(ctx context.Context, a *planning.Attempt) error {
	fb, err := json.Marshal(a.Feedback)
	if err != nil {
		return fmt.Errorf("encode feedback: %w", err)
	}
	return s.db.WithTx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `INSERT INTO interview_attempts (id, user_id, question_id, answer, feedback, created_at) VALUES ($1, $2, $3, $4, $5, $6)`,
			a.ID, a.UserID, a.QuestionID, a.Answer, string(fb), db.UTC(a.CreatedAt)); err != nil {
			return fmt.Errorf("storing interview attempt: %w", err)
		}
		// Keep the newest MaxPracticeHistory attempts: history is for
		// practice, and an unbounded table is a way to fill the disk.
		if _, err := tx.ExecContext(ctx, `DELETE FROM interview_attempts WHERE user_id = $1 AND id NOT IN (
			SELECT id FROM interview_attempts WHERE user_id = $1 ORDER BY created_at DESC, id DESC LIMIT $2)`, a.UserID, planning.MaxPracticeHistory); err != nil {
			return fmt.Errorf("pruning interview history: %w", err)
		}
		return nil
	})
}

// Attempts returns the user's latest attempts, newest first; a non-empty
// questionID keeps only that question's.
func (s *Store) Attempts(ctx context.Context, userID, questionID string, first int) ([]*planning.Attempt, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id, user_id, question_id, answer, feedback, created_at FROM interview_attempts
		WHERE user_id = $1 AND ($2 = '' OR question_id = $2) ORDER BY created_at DESC, id DESC LIMIT $3`, userID, questionID, first)
	if err != nil {
		return nil, fmt.Errorf("loading interview attempts: %w", err)
	}
	defer rows.Close()
	var out []*planning.Attempt
	for rows.Next() {
		a := &planning.Attempt{}
		var fb string
		if err := rows.Scan(&a.ID, &a.UserID, &a.QuestionID, &a.Answer, &fb, &a.CreatedAt); err != nil {
			return nil, fmt.Errorf("scanning interview attempt: %w", err)
		}
		if err := json.Unmarshal([]byte(fb), &a.Feedback); err != nil {
			return nil, fmt.Errorf("decoding feedback of attempt %s: %w", a.ID, err)
		}
		a.CreatedAt = a.CreatedAt.UTC()
		out = append(out, a)
	}
	return out, rows.Err()
}
