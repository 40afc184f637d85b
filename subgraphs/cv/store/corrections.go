package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/careercoach/coach/internal/bus"
	"github.com/careercoach/coach/internal/db"
	"github.com/careercoach/coach/subgraphs/cv"
)

// analyzedEvent is the cv.analyzed event of an analysis.
func analyzedEvent(userID, cvID string, a *cv.Analysis) (bus.Event, error) {
	score := a.Score
	p := bus.CVAnalyzedPayload{UserID: userID, CVID: cvID, Score: &score, Seniority: string(a.Seniority),
		Skills: []bus.CVSkill{}, SuggestedRoles: []string{}}
	for _, sk := range a.Skills {
		es := bus.CVSkill{Name: sk.Name, Level: sk.Level, Source: sk.Source}
		if len(sk.Evidence) > 0 {
			es.Evidence = sk.Evidence[0].Snippet
		}
		p.Skills = append(p.Skills, es)
	}
	for _, r := range a.SuggestedRoles {
		p.SuggestedRoles = append(p.SuggestedRoles, r.Title)
	}
	return bus.NewEvent(userID, p)
}

type encoded struct{ sections, analysis, corrections string }

// encodeResult is a result as its stored JSON columns.
func encodeResult(r cv.Result) (encoded, error) {
	var e encoded
	secs, err := json.Marshal(r.Sections)
	if err != nil {
		return e, fmt.Errorf("encoding sections: %w", err)
	}
	a := *r.Analysis
	a.AnalysedAt = db.UTC(a.AnalysedAt)
	an, err := json.Marshal(&a)
	if err != nil {
		return e, fmt.Errorf("encoding analysis: %w", err)
	}
	e.sections, e.analysis = string(secs), string(an)
	if c := r.Corrections; c != nil && len(c.RemovedSkills)+len(c.AddedSkills)+len(c.Headings)+len(c.Entries) > 0 {
		b, err := json.Marshal(c)
		if err != nil {
			return e, fmt.Errorf("encoding corrections: %w", err)
		}
		e.corrections = string(b)
	}
	return e, nil
}

// CorrectionsOf returns the CV's corrections, nil when it has none.
func (s *Store) CorrectionsOf(ctx context.Context, cvID string) (*cv.Corrections, error) {
	var raw string
	err := s.db.QueryRowContext(ctx, `SELECT corrections FROM cvs WHERE id = $1`, cvID).Scan(&raw)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, cv.ErrNotFound
	}
	if err != nil {
		return nil, fmt.Errorf("loading corrections of cv %s: %w", cvID, err)
	}
	c, err := decodeCorrections(raw)
	if err != nil {
		return nil, fmt.Errorf("decoding corrections of cv %s: %w", cvID, err)
	}
	return c, nil
}

// decodeCorrections decodes the corrections column; "" is none (nil).
func decodeCorrections(raw string) (*cv.Corrections, error) {
	if raw == "" {
		return nil, nil
	}
	c := &cv.Corrections{}
	if err := json.Unmarshal([]byte(raw), c); err != nil {
		return nil, err
	}
	return c, nil
}

// SaveCorrections stores corrections and the reading they give; see
// cv.Store. The job row is updated first: that row lock orders this
// write against a claim or a requeue of the same CV, so a worker never
// reads corrections older than the ones it will overwrite, and against
// another SaveCorrections, so that the version check below sees the
// corrections a concurrent request committed.
func (s *Store) SaveCorrections(ctx context.Context, cvID string, r cv.Result, basedOn *time.Time, now time.Time) error {
	enc, err := encodeResult(r)
	if err != nil {
		return err
	}
	return s.db.WithTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE cv_jobs SET updated_at = $1 WHERE cv_id = $2 AND state IN ('done', 'failed')`, db.UTC(now), cvID)
		if err != nil {
			return fmt.Errorf("locking the job of cv %s: %w", cvID, err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return cv.ErrBusy
		}
		var raw string
		if err := tx.QueryRowContext(ctx, `SELECT corrections FROM cvs WHERE id = $1`, cvID).Scan(&raw); err != nil {
			return fmt.Errorf("loading corrections of cv %s: %w", cvID, err)
		}
		stored, err := decodeCorrections(raw)
		if err != nil {
			return fmt.Errorf("decoding corrections of cv %s: %w", cvID, err)
		}
		if !stored.IsVersion(basedOn) {
			return cv.ErrStaleCorrections
		}
		var userID string
		err = tx.QueryRowContext(ctx, `UPDATE cvs SET sections = $1, analysis = $2, corrections = $3, updated_at = $4
			WHERE id = $5 AND status = 'DONE' AND analysed_at IS NOT NULL RETURNING user_id`,
			enc.sections, enc.analysis, enc.corrections, db.UTC(now), cvID).Scan(&userID)
		if errors.Is(err, sql.ErrNoRows) {
			return cv.ErrBusy
		}
		if err != nil {
			return fmt.Errorf("storing corrections of cv %s: %w", cvID, err)
		}
		// Consumers keep the skills of the user's latest analysis: a fix of
		// an older CV changes what it says, not the user's profile.
		var latest string
		if err := tx.QueryRowContext(ctx, `SELECT id FROM cvs WHERE user_id = $1 AND status = 'DONE' AND analysed_at IS NOT NULL
			ORDER BY analysed_at DESC, id DESC LIMIT 1`, userID).Scan(&latest); err != nil {
			return fmt.Errorf("finding the latest analysis: %w", err)
		}
		if latest != cvID {
			return nil
		}
		ev, err := analyzedEvent(userID, cvID, r.Analysis)
		if err != nil {
			return err
		}
		return bus.Enqueue(ctx, tx, ev)
	})
}
