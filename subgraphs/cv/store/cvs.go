package store

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/google/uuid"

	"github.com/careercoach/coach/internal/db"
	"github.com/careercoach/coach/subgraphs/cv"
)

const cvColumns = `id, user_id, file_name, kind, size_bytes, sha256, uploaded_at, status, percent, message,
	fail_code, fail_message, retryable, text, pages, sections, analysis, corrections, updated_at`

type scanner interface{ Scan(dest ...any) error }

func scanCV(row scanner) (*cv.CV, error) {
	c := &cv.CV{}
	var status, failCode, failMsg, sections, analysis, corrections string
	var retryable bool
	if err := row.Scan(&c.ID, &c.UserID, &c.FileName, &c.Kind, &c.SizeBytes, &c.SHA256, &c.UploadedAt, &status,
		&c.Percent, &c.Message, &failCode, &failMsg, &retryable, &c.Text, &c.Pages, &sections, &analysis, &corrections, &c.UpdatedAt); err != nil {
		return nil, err
	}
	c.Status = cv.Stage(status)
	if failCode != "" {
		c.Failure = &cv.Failure{Code: failCode, Message: failMsg, Retryable: retryable}
	}
	if sections != "" {
		c.Sections = &cv.Sections{}
		if err := json.Unmarshal([]byte(sections), c.Sections); err != nil {
			return nil, fmt.Errorf("decoding sections of cv %s: %w", c.ID, err)
		}
	}
	if analysis != "" {
		c.Analysis = &cv.Analysis{}
		if err := json.Unmarshal([]byte(analysis), c.Analysis); err != nil {
			return nil, fmt.Errorf("decoding analysis of cv %s: %w", c.ID, err)
		}
	}
	if corrections != "" {
		c.Corrections = &cv.Corrections{}
		if err := json.Unmarshal([]byte(corrections), c.Corrections); err != nil {
			return nil, fmt.Errorf("decoding corrections of cv %s: %w", c.ID, err)
		}
	}
	return c, nil
}

// CreateCV stores the file, the CV row and its queued job in one transaction.
func (s *Store) CreateCV(ctx context.Context, u cv.Upload, now time.Time) (*cv.CV, error) {
	sum := sha256.Sum256(u.Data)
	c := &cv.CV{ID: uuid.NewString(), UserID: u.UserID, FileName: u.FileName, Kind: u.Kind,
		SizeBytes: int64(len(u.Data)), SHA256: hex.EncodeToString(sum[:]), UploadedAt: db.UTC(now),
		Status: cv.StageQueued, Message: "Waiting to be analysed", UpdatedAt: db.UTC(now)}
	err := s.db.WithTx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `INSERT INTO cvs (id, user_id, file_name, kind, size_bytes, sha256, uploaded_at, status, message, updated_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $7)`,
			c.ID, c.UserID, c.FileName, c.Kind, c.SizeBytes, c.SHA256, c.UploadedAt, string(c.Status), c.Message); err != nil {
			return fmt.Errorf("inserting cv: %w", err)
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO cv_files (cv_id, data) VALUES ($1, $2)`, c.ID, u.Data); err != nil {
			return fmt.Errorf("inserting cv file: %w", err)
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO cv_jobs (cv_id, user_id, state, max_attempts, run_after, created_at, updated_at)
			VALUES ($1, $2, 'queued', $3, $4, $4, $4)`, c.ID, c.UserID, s.MaxAttempts, c.UploadedAt); err != nil {
			return fmt.Errorf("queueing cv job: %w", err)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return c, nil
}

// CVByID returns one CV.
func (s *Store) CVByID(ctx context.Context, id string) (*cv.CV, error) {
	c, err := scanCV(s.db.QueryRowContext(ctx, `SELECT `+cvColumns+` FROM cvs WHERE id = $1`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, cv.ErrNotFound
	}
	if err != nil {
		return nil, fmt.Errorf("loading cv %s: %w", id, err)
	}
	return c, nil
}

// CVsByIDs returns the CVs among ids, in one query.
func (s *Store) CVsByIDs(ctx context.Context, ids []string) ([]*cv.CV, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	q, args := db.InList(`SELECT `+cvColumns+` FROM cvs WHERE id IN (%s)`, nil, ids)
	return s.list(ctx, q, args...)
}

// CVsByUser lists the user's CVs, newest first.
func (s *Store) CVsByUser(ctx context.Context, userID string) ([]*cv.CV, error) {
	return s.list(ctx, `SELECT `+cvColumns+` FROM cvs WHERE user_id = $1 ORDER BY uploaded_at DESC, id DESC`, userID)
}

// LatestAnalysis returns the user's most recently analysed CV, or nil.
func (s *Store) LatestAnalysis(ctx context.Context, userID string) (*cv.CV, error) {
	c, err := scanCV(s.db.QueryRowContext(ctx, `SELECT `+cvColumns+` FROM cvs
		WHERE user_id = $1 AND status = 'DONE' AND analysed_at IS NOT NULL ORDER BY analysed_at DESC, id DESC LIMIT 1`, userID))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("loading latest analysis: %w", err)
	}
	return c, nil
}

// CountCVs counts the user's CVs.
func (s *Store) CountCVs(ctx context.Context, userID string) (int, error) {
	var n int
	if err := s.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM cvs WHERE user_id = $1`, userID).Scan(&n); err != nil {
		return 0, fmt.Errorf("counting cvs: %w", err)
	}
	return n, nil
}

func (s *Store) list(ctx context.Context, q string, args ...any) ([]*cv.CV, error) {
	rows, err := s.db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("loading cvs: %w", err)
	}
	defer rows.Close()
	var out []*cv.CV
	for rows.Next() {
		c, err := scanCV(rows)
		if err != nil {
			return nil, fmt.Errorf("scanning cv: %w", err)
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// FileData returns the stored file.
func (s *Store) FileData(ctx context.Context, cvID string) ([]byte, error) {
	var data []byte
	err := s.db.QueryRowContext(ctx, `SELECT data FROM cv_files WHERE cv_id = $1`, cvID).Scan(&data)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, cv.ErrNotFound
	}
	if err != nil {
		return nil, fmt.Errorf("loading file of cv %s: %w", cvID, err)
	}
	return data, nil
}

// DeleteCV removes the CV, its file and its job together.
func (s *Store) DeleteCV(ctx context.Context, id string) error {
	return s.db.WithTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `DELETE FROM cvs WHERE id = $1`, id)
		if err != nil {
			return fmt.Errorf("deleting cv: %w", err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return cv.ErrNotFound
		}
		for _, q := range []string{`DELETE FROM cv_files WHERE cv_id = $1`, `DELETE FROM cv_jobs WHERE cv_id = $1`} {
			if _, err := tx.ExecContext(ctx, q, id); err != nil {
				return fmt.Errorf("deleting cv data: %w", err)
			}
		}
		return nil
	})
}

// DeleteUserData removes every CV of the user; deleting nothing is fine.
func (s *Store) DeleteUserData(ctx context.Context, userID string) error {
	return s.db.WithTx(ctx, func(tx *sql.Tx) error { return DeleteUserDataTx(ctx, tx, userID) })
}

// DeleteUserDataTx is DeleteUserData inside tx (the user.deleted consumer
// runs it in the transaction that marks the event processed).
func DeleteUserDataTx(ctx context.Context, tx *sql.Tx, userID string) error {
	for _, q := range []string{
		`DELETE FROM cv_files WHERE cv_id IN (SELECT id FROM cvs WHERE user_id = $1)`,
		`DELETE FROM cv_jobs WHERE user_id = $1`,
		`DELETE FROM cvs WHERE user_id = $1`,
	} {
		if _, err := tx.ExecContext(ctx, q, userID); err != nil {
			return fmt.Errorf("purging cvs of user %s: %w", userID, err)
		}
	}
	return nil
}
