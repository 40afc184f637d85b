package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/google/uuid"

	"github.com/careercoach/coach/internal/db"
	"github.com/careercoach/coach/subgraphs/progress"
)

const assessmentColumns = `id, user_id, skill, level, source, score, note, taken_at`

func scanAssessment(row scanner) (*progress.Assessment, error) {
	a := &progress.Assessment{}
	var source string
	var score sql.NullInt64
	if err := row.Scan(&a.ID, &a.UserID, &a.Skill, &a.Level, &source, &score, &a.Note, &a.TakenAt); err != nil {
		return nil, err
	}
	a.Source, a.TakenAt = progress.AssessmentSource(source), a.TakenAt.UTC()
	if score.Valid {
		v := int(score.Int64)
		a.Score = &v
	}
	return a, nil
}

// AddAssessment records a self-assessment (and the activity).
func (s *Store) AddAssessment(ctx context.Context, a *progress.Assessment) error {
	return s.db.WithTx(ctx, func(tx *sql.Tx) error {
		if err := insertAssessment(ctx, tx, a); err != nil {
			return err
		}
		return s.publishProfile(ctx, tx, a.UserID, a.TakenAt)
	})
}

func insertAssessment(ctx context.Context, tx *sql.Tx, a *progress.Assessment) error {
	if a.ID == "" {
		a.ID = uuid.NewString()
	}
	a.TakenAt = db.UTC(a.TakenAt)
	var score any
	if a.Score != nil {
		score = *a.Score
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO assessments (`+assessmentColumns+`) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
		a.ID, a.UserID, a.Skill, a.Level, string(a.Source), score, a.Note, a.TakenAt); err != nil {
		return fmt.Errorf("recording assessment: %w", err)
	}
	how := "self-assessed"
	if a.Source == progress.QuizMeasured {
		how = "quiz"
	}
	return addActivity(ctx, tx, progress.Activity{UserID: a.UserID, Kind: progress.AssessmentTaken, RefID: a.ID,
		Title: fmt.Sprintf("%s: level %d (%s)", a.Skill, a.Level, how), OccurredAt: a.TakenAt})
}

// Assessments returns the user's latest assessments (at most
// progress.MaxAssessmentHistory), oldest first (a chart's x axis), of one
// skill when skill is not empty.
func (s *Store) Assessments(ctx context.Context, userID, skill string) ([]*progress.Assessment, error) {
	q, args := `SELECT `+assessmentColumns+` FROM assessments WHERE user_id = $1`, []any{userID}
	if skill != "" {
		q, args = q+` AND skill = $2`, append(args, skill)
	}
	// The newest MaxAssessmentHistory, returned oldest first.
	args = append(args, progress.MaxAssessmentHistory)
	q = fmt.Sprintf(`SELECT * FROM (%s ORDER BY taken_at DESC, id DESC LIMIT $%d) recent ORDER BY taken_at, id`, q, len(args))
	rows, err := s.db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("loading assessments: %w", err)
	}
	defer rows.Close()
	var out []*progress.Assessment
	for rows.Next() {
		a, err := scanAssessment(rows)
		if err != nil {
			return nil, fmt.Errorf("scanning assessment: %w", err)
		}
		out = append(out, a)
	}
	return out, rows.Err()
}

const attemptColumns = `id, user_id, skill, question_ids, started_at, expires_at, submitted_at`

func scanAttempt(row scanner) (*progress.QuizAttempt, error) {
	a := &progress.QuizAttempt{}
	var ids string
	var submitted sql.NullTime
	if err := row.Scan(&a.ID, &a.UserID, &a.Skill, &ids, &a.StartedAt, &a.ExpiresAt, &submitted); err != nil {
		return nil, err
	}
	if err := json.Unmarshal([]byte(ids), &a.QuestionIDs); err != nil {
		return nil, fmt.Errorf("decoding quiz questions: %w", err)
	}
	a.StartedAt, a.ExpiresAt, a.SubmittedAt = a.StartedAt.UTC(), a.ExpiresAt.UTC(), nullTime(submitted)
	return a, nil
}

// StartQuiz returns the user's open (unsubmitted, unexpired) attempt for the
// skill, so that reloading the quiz page does not burn attempts, or else
// stores a as a new attempt, at most maxPerDay per skill in 24 hours.
func (s *Store) StartQuiz(ctx context.Context, a *progress.QuizAttempt, maxPerDay int) (*progress.QuizAttempt, error) {
	var out *progress.QuizAttempt
	err := s.db.WithTx(ctx, func(tx *sql.Tx) error {
		if s.db.Dialect() == db.Postgres {
			// Two tabs starting the same quiz would both find no open
			// attempt under READ COMMITTED and store one each (SQLite's
			// immediate transactions already serialise this).
			if _, err := tx.ExecContext(ctx, `SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, "quiz\n"+a.UserID+"\n"+a.Skill); err != nil {
				return fmt.Errorf("locking the quiz start: %w", err)
			}
		}
		open, err := scanAttempt(tx.QueryRowContext(ctx, `SELECT `+attemptColumns+` FROM quiz_attempts
			WHERE user_id = $1 AND skill = $2 AND submitted_at IS NULL AND expires_at > $3 ORDER BY started_at DESC LIMIT 1`,
			a.UserID, a.Skill, db.UTC(a.StartedAt)))
		if err == nil {
			out = open
			return nil
		}
		if !errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("loading open quiz: %w", err)
		}
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM quiz_attempts WHERE user_id = $1 AND skill = $2 AND started_at > $3`,
			a.UserID, a.Skill, db.UTC(a.StartedAt.Add(-24*time.Hour))).Scan(&n); err != nil {
			return fmt.Errorf("counting quizzes: %w", err)
		}
		if n >= maxPerDay {
			return progress.ErrTooManyQuizzes
		}
		ids, err := json.Marshal(a.QuestionIDs)
		if err != nil {
			return fmt.Errorf("encoding quiz questions: %w", err)
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO quiz_attempts (`+attemptColumns+`) VALUES ($1, $2, $3, $4, $5, $6, NULL)`,
			a.ID, a.UserID, a.Skill, string(ids), db.UTC(a.StartedAt), db.UTC(a.ExpiresAt)); err != nil {
			return fmt.Errorf("storing quiz: %w", err)
		}
		a.StartedAt, a.ExpiresAt = db.UTC(a.StartedAt), db.UTC(a.ExpiresAt)
		out = a
		return nil
	})
	return out, err
}

// SubmitQuiz marks the attempt submitted and records score's assessment in
// one transaction. The conditional UPDATE is what makes a second submission
// (even a concurrent one) fail: only one can flip submitted_at from NULL.
func (s *Store) SubmitQuiz(ctx context.Context, userID, attemptID string, now time.Time,
	score func(*progress.QuizAttempt) (*progress.Assessment, error)) (*progress.QuizAttempt, *progress.Assessment, error) {
	var att *progress.QuizAttempt
	var out *progress.Assessment
	err := s.db.WithTx(ctx, func(tx *sql.Tx) error {
		var err error
		att, err = scanAttempt(tx.QueryRowContext(ctx, `SELECT `+attemptColumns+` FROM quiz_attempts WHERE id = $1 AND user_id = $2`, attemptID, userID))
		if errors.Is(err, sql.ErrNoRows) {
			return progress.ErrQuizNotFound
		}
		if err != nil {
			return fmt.Errorf("loading quiz: %w", err)
		}
		if att.SubmittedAt != nil {
			return progress.ErrQuizSubmitted
		}
		if !now.Before(att.ExpiresAt) {
			return progress.ErrQuizExpired
		}
		res, err := tx.ExecContext(ctx, `UPDATE quiz_attempts SET submitted_at = $1 WHERE id = $2 AND submitted_at IS NULL`, db.UTC(now), attemptID)
		if err != nil {
			return fmt.Errorf("submitting quiz: %w", err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return progress.ErrQuizSubmitted
		}
		if out, err = score(att); err != nil {
			return err
		}
		if err := insertAssessment(ctx, tx, out); err != nil {
			return err
		}
		return s.publishProfile(ctx, tx, userID, now)
	})
	if err != nil {
		return nil, nil, err
	}
	return att, out, nil
}
