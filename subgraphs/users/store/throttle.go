package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/careercoach/coach/internal/db"
	"github.com/careercoach/coach/subgraphs/users"
)

// LoginThrottle reads a key's state; a key never seen is the zero state.
func (s *Store) LoginThrottle(ctx context.Context, key string) (users.ThrottleState, error) {
	var st users.ThrottleState
	err := s.db.QueryRowContext(ctx, `SELECT failures, next_at, last_at, version FROM login_throttle WHERE key = $1`, key).
		Scan(&st.Failures, &st.NextAt, &st.LastAt, &st.Version)
	if errors.Is(err, sql.ErrNoRows) {
		return users.ThrottleState{}, nil
	}
	if err != nil {
		return users.ThrottleState{}, fmt.Errorf("loading login throttle: %w", err)
	}
	return st, nil
}

// SwapLoginThrottle is a compare-and-swap in one statement on both engines:
// an INSERT that does nothing if another attempt created the row first, or
// an UPDATE conditional on the version read.
func (s *Store) SwapLoginThrottle(ctx context.Context, key string, version int64, next users.ThrottleState) (bool, error) {
	var res sql.Result
	var err error
	if version == 0 {
		res, err = s.db.ExecContext(ctx, `INSERT INTO login_throttle (key, failures, next_at, last_at, version)
			VALUES ($1, $2, $3, $4, 1) ON CONFLICT (key) DO NOTHING`, key, next.Failures, db.UTC(next.NextAt), db.UTC(next.LastAt))
	} else {
		res, err = s.db.ExecContext(ctx, `UPDATE login_throttle SET failures = $1, next_at = $2, last_at = $3, version = version + 1
			WHERE key = $4 AND version = $5`, next.Failures, db.UTC(next.NextAt), db.UTC(next.LastAt), key, version)
	}
	if err != nil {
		return false, fmt.Errorf("updating login throttle: %w", err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return false, fmt.Errorf("updating login throttle: %w", err)
	}
	return n == 1, nil
}

// CountInWindow is an upsert on both engines: the SET expressions read
// the row as it was, so a window that ended restarts at one.
func (s *Store) CountInWindow(ctx context.Context, key string, now time.Time, window time.Duration) (int, error) {
	var n int
	err := s.db.QueryRowContext(ctx, `INSERT INTO login_throttle (key, failures, next_at, last_at, version) VALUES ($1, 1, $3, $2, 1)
		ON CONFLICT (key) DO UPDATE SET
			failures = CASE WHEN login_throttle.next_at <= $2 THEN 1 ELSE login_throttle.failures + 1 END,
			last_at = CASE WHEN login_throttle.next_at <= $2 THEN $2 ELSE login_throttle.last_at END,
			next_at = CASE WHEN login_throttle.next_at <= $2 THEN $3 ELSE login_throttle.next_at END,
			version = login_throttle.version + 1
		RETURNING failures`, key, db.UTC(now), db.UTC(now.Add(window))).Scan(&n)
	if err != nil {
		return 0, fmt.Errorf("counting %s: %w", key, err)
	}
	return n, nil
}

// RefundLoginAttempt takes back one counted attempt.
func (s *Store) RefundLoginAttempt(ctx context.Context, key string) error {
	if _, err := s.db.ExecContext(ctx, `UPDATE login_throttle SET failures = failures - 1, version = version + 1
		WHERE key = $1 AND failures > 0`, key); err != nil {
		return fmt.Errorf("refunding login attempt: %w", err)
	}
	return nil
}

// ClearLoginThrottle forgets a key (after a successful sign-in).
func (s *Store) ClearLoginThrottle(ctx context.Context, key string) error {
	if _, err := s.db.ExecContext(ctx, `DELETE FROM login_throttle WHERE key = $1`, key); err != nil {
		return fmt.Errorf("clearing login throttle: %w", err)
	}
	return nil
}

// PruneLoginThrottle removes keys that have been quiet since before.
func (s *Store) PruneLoginThrottle(ctx context.Context, before time.Time) error {
	if _, err := s.db.ExecContext(ctx, `DELETE FROM login_throttle WHERE last_at < $1 AND next_at < $1`, db.UTC(before)); err != nil {
		return fmt.Errorf("pruning login throttle: %w", err)
	}
	return nil
}
