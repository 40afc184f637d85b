package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/careercoach/coach/internal/bus"
	"github.com/careercoach/coach/internal/db"
	"github.com/careercoach/coach/subgraphs/cv"
)

// claimSQL leases a runnable job in one statement, fairly between users
// (OWASP ASVS 4 V11 business-logic limits: one user cannot take every
// worker): a user with a running job gets no second one (the partial
// unique index cv_jobs_one_running_per_user enforces it under races), and
// the user claimed least recently goes first (round robin), then the
// oldest job. On PostgreSQL the inner SELECT skips rows other workers are
// claiming right now; SQLite serialises writers, so the single statement
// is enough there.
const claimSQL = `UPDATE cv_jobs SET state = 'running', lease_owner = $1, lease_until = $2, attempts = attempts + 1,
		claimed_at = $3, updated_at = $3
	WHERE cv_id = (
		SELECT j.cv_id FROM cv_jobs j
		WHERE ((j.state = 'queued' AND j.run_after <= $3) OR (j.state = 'running' AND j.lease_until < $3))
		  AND j.attempts < j.max_attempts
		  AND NOT EXISTS (SELECT 1 FROM cv_jobs r WHERE r.user_id = j.user_id AND r.state = 'running' AND r.cv_id <> j.cv_id)
		ORDER BY (SELECT MAX(u.claimed_at) FROM cv_jobs u WHERE u.user_id = j.user_id) NULLS FIRST, j.run_after, j.cv_id
		LIMIT 1 %s)
	RETURNING cv_id, user_id, attempts`

// claimTries bounds retries of a claim that lost a race for a user's one
// running slot (PostgreSQL reports it as a unique violation).
const claimTries = 3

// ClaimJob leases the next runnable job to owner, or returns nil.
func (s *Store) ClaimJob(ctx context.Context, owner string, now time.Time, lease time.Duration) (*cv.Job, error) {
	lock := ""
	if s.db.Dialect() == db.Postgres {
		lock = "FOR UPDATE SKIP LOCKED"
	}
	until := db.UTC(now.Add(lease))
	for try := 1; ; try++ {
		j := &cv.Job{Owner: owner, LeaseEnd: until}
		err := s.db.QueryRowContext(ctx, fmt.Sprintf(claimSQL, lock), owner, until, db.UTC(now)).Scan(&j.CVID, &j.UserID, &j.Attempt)
		switch {
		case errors.Is(err, sql.ErrNoRows):
			return nil, nil
		case db.IsUniqueViolation(err) && try < claimTries:
			continue // another worker just took this user's slot; the next try skips the user
		case err != nil:
			return nil, fmt.Errorf("claiming cv job: %w", err)
		}
		return j, nil
	}
}

// fence updates the job only while j still holds its lease: the owner and
// the attempt number together identify this claim, so a worker that lost
// the job (and even re-claimed it later) cannot write with an old claim.
func fence(ctx context.Context, tx *sql.Tx, j *cv.Job, set string, args ...any) error {
	n := len(args)
	q := fmt.Sprintf(`UPDATE cv_jobs SET %s WHERE cv_id = $%d AND lease_owner = $%d AND attempts = $%d AND state = 'running'`, set, n+1, n+2, n+3)
	res, err := tx.ExecContext(ctx, q, append(args, j.CVID, j.Owner, j.Attempt)...)
	if err != nil {
		return fmt.Errorf("updating cv job %s: %w", j.CVID, err)
	}
	if k, _ := res.RowsAffected(); k == 0 {
		return cv.ErrLeaseLost
	}
	return nil
}

// Heartbeat extends the lease.
func (s *Store) Heartbeat(ctx context.Context, j *cv.Job, now time.Time, lease time.Duration) error {
	return s.db.WithTx(ctx, func(tx *sql.Tx) error {
		until := db.UTC(now.Add(lease))
		if err := fence(ctx, tx, j, `lease_until = $1, updated_at = $2`, until, db.UTC(now)); err != nil {
			return err
		}
		j.LeaseEnd = until
		return nil
	})
}

// SetProgress stores the current step on the CV.
func (s *Store) SetProgress(ctx context.Context, j *cv.Job, p cv.Progress, now time.Time) error {
	return s.db.WithTx(ctx, func(tx *sql.Tx) error {
		if err := fence(ctx, tx, j, `updated_at = $1`, db.UTC(now)); err != nil {
			return err
		}
		return setCVStatus(ctx, tx, j.CVID, p.Stage, p.Percent, p.Message, nil, now)
	})
}

func setCVStatus(ctx context.Context, tx *sql.Tx, id string, st cv.Stage, percent int, msg string, f *cv.Failure, now time.Time) error {
	if f == nil {
		f = &cv.Failure{}
	}
	res, err := tx.ExecContext(ctx, `UPDATE cvs SET status = $1, percent = $2, message = $3, fail_code = $4, fail_message = $5, retryable = $6, updated_at = $7 WHERE id = $8`,
		string(st), percent, msg, f.Code, f.Message, f.Retryable, db.UTC(now), id)
	if err != nil {
		return fmt.Errorf("updating cv %s: %w", id, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return cv.ErrNotFound
	}
	return nil
}

// CompleteJob stores the result, marks the CV DONE and enqueues cv.analyzed,
// all in one transaction, and only while j holds its lease.
func (s *Store) CompleteJob(ctx context.Context, j *cv.Job, r cv.Result, now time.Time) error {
	enc, err := encodeResult(r)
	if err != nil {
		return err
	}
	ev, err := analyzedEvent(j.UserID, j.CVID, r.Analysis)
	if err != nil {
		return err
	}
	return s.db.WithTx(ctx, func(tx *sql.Tx) error {
		if err := fence(ctx, tx, j, `state = 'done', lease_owner = '', lease_until = NULL, last_error = '', updated_at = $1`, db.UTC(now)); err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, `UPDATE cvs SET status = 'DONE', percent = 100, message = 'Analysis complete', fail_code = '', fail_message = '',
			retryable = FALSE, text = $1, pages = $2, sections = $3, analysis = $4, corrections = $5, analysed_at = $6, updated_at = $6 WHERE id = $7`,
			r.Text, r.Pages, enc.sections, enc.analysis, enc.corrections, db.UTC(now), j.CVID)
		if err != nil {
			return fmt.Errorf("storing analysis of cv %s: %w", j.CVID, err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return cv.ErrNotFound
		}
		return bus.Enqueue(ctx, tx, ev)
	})
}

// FailJob records a failure; see cv.JobStore.
func (s *Store) FailJob(ctx context.Context, j *cv.Job, f cv.Failure, now time.Time, retryAfter time.Duration) (bool, error) {
	final := !f.Retryable || j.Attempt >= s.MaxAttempts
	err := s.db.WithTx(ctx, func(tx *sql.Tx) error {
		if !final {
			if err := fence(ctx, tx, j, `state = 'queued', run_after = $1, lease_owner = '', lease_until = NULL, last_error = $2, updated_at = $3`,
				db.UTC(now.Add(retryAfter)), f.Code+": "+f.Message, db.UTC(now)); err != nil {
				return err
			}
			return setCVStatus(ctx, tx, j.CVID, cv.StageQueued, 0, "Retrying shortly", nil, now)
		}
		if err := fence(ctx, tx, j, `state = 'failed', lease_owner = '', lease_until = NULL, last_error = $1, updated_at = $2`,
			f.Code+": "+f.Message, db.UTC(now)); err != nil {
			return err
		}
		return setCVStatus(ctx, tx, j.CVID, cv.StageFailed, 100, "Analysis failed", &f, now)
	})
	return final, err
}

// ReleaseJob puts a claimed job back in the queue without counting the attempt.
func (s *Store) ReleaseJob(ctx context.Context, j *cv.Job, now time.Time) error {
	return s.db.WithTx(ctx, func(tx *sql.Tx) error {
		if err := fence(ctx, tx, j, `state = 'queued', attempts = attempts - 1, run_after = $1, lease_owner = '', lease_until = NULL, updated_at = $1`, db.UTC(now)); err != nil {
			return err
		}
		return setCVStatus(ctx, tx, j.CVID, cv.StageQueued, 0, "Waiting to be analysed", nil, now)
	})
}

// ExpireJobs fails running jobs whose lease expired on their last attempt.
func (s *Store) ExpireJobs(ctx context.Context, now time.Time) ([]string, error) {
	var ids []string
	err := s.db.WithTx(ctx, func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, `UPDATE cv_jobs SET state = 'failed', lease_owner = '', lease_until = NULL,
			last_error = 'interrupted', updated_at = $1
			WHERE state = 'running' AND lease_until < $1 AND attempts >= max_attempts RETURNING cv_id`, db.UTC(now))
		if err != nil {
			return fmt.Errorf("expiring cv jobs: %w", err)
		}
		for rows.Next() {
			var id string
			if err := rows.Scan(&id); err != nil {
				rows.Close()
				return fmt.Errorf("expiring cv jobs: %w", err)
			}
			ids = append(ids, id)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return fmt.Errorf("expiring cv jobs: %w", err)
		}
		f := &cv.Failure{Code: cv.FailInterrupted, Message: "the analysis was interrupted too many times; try again", Retryable: true}
		for _, id := range ids {
			if err := setCVStatus(ctx, tx, id, cv.StageFailed, 100, "Analysis failed", f, now); err != nil && !errors.Is(err, cv.ErrNotFound) {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return ids, nil
}

// Requeue starts a new analysis of a finished CV; the previous analysis
// stays visible until the new one replaces it.
func (s *Store) Requeue(ctx context.Context, cvID string, now time.Time) (*cv.CV, error) {
	err := s.db.WithTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE cv_jobs SET state = 'queued', attempts = 0, run_after = $1, lease_owner = '',
			lease_until = NULL, last_error = '', updated_at = $1 WHERE cv_id = $2 AND state IN ('done', 'failed')`, db.UTC(now), cvID)
		if err != nil {
			return fmt.Errorf("requeueing cv %s: %w", cvID, err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			var one int
			err := tx.QueryRowContext(ctx, `SELECT 1 FROM cv_jobs WHERE cv_id = $1`, cvID).Scan(&one)
			if errors.Is(err, sql.ErrNoRows) {
				return cv.ErrNotFound
			}
			if err != nil {
				return fmt.Errorf("requeueing cv %s: %w", cvID, err)
			}
			return cv.ErrBusy
		}
		return setCVStatus(ctx, tx, cvID, cv.StageQueued, 0, "Waiting to be analysed", nil, now)
	})
	if err != nil {
		return nil, err
	}
	return s.CVByID(ctx, cvID)
}
