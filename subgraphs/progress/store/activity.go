package store

import (
	"context"
	"fmt"
	"time"

	"github.com/careercoach/coach/subgraphs/progress"
)

// Activity returns the user's newest first items.
func (s *Store) Activity(ctx context.Context, userID string, first int) ([]*progress.Activity, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id, user_id, kind, ref_id, title, hours, occurred_at FROM activity
		WHERE user_id = $1 ORDER BY occurred_at DESC, id LIMIT $2`, userID, first)
	if err != nil {
		return nil, fmt.Errorf("loading activity: %w", err)
	}
	defer rows.Close()
	var out []*progress.Activity
	for rows.Next() {
		a := &progress.Activity{}
		var kind string
		if err := rows.Scan(&a.ID, &a.UserID, &kind, &a.RefID, &a.Title, &a.Hours, &a.OccurredAt); err != nil {
			return nil, fmt.Errorf("scanning activity: %w", err)
		}
		a.Kind, a.OccurredAt = progress.ActivityKind(kind), a.OccurredAt.UTC()
		out = append(out, a)
	}
	return out, rows.Err()
}

// ActiveDays returns the distinct UTC days with activity.
func (s *Store) ActiveDays(ctx context.Context, userID string) ([]time.Time, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT DISTINCT day FROM activity WHERE user_id = $1`, userID)
	if err != nil {
		return nil, fmt.Errorf("loading active days: %w", err)
	}
	defer rows.Close()
	var out []time.Time
	for rows.Next() {
		var day string
		if err := rows.Scan(&day); err != nil {
			return nil, fmt.Errorf("scanning active day: %w", err)
		}
		d, err := time.Parse(time.DateOnly, day)
		if err != nil {
			return nil, fmt.Errorf("parsing active day %q: %w", day, err)
		}
		out = append(out, d)
	}
	return out, rows.Err()
}

// DayStats aggregates the user's activity per UTC day from since on.
func (s *Store) DayStats(ctx context.Context, userID string, since time.Time) ([]progress.DayStat, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT day, COUNT(*), COALESCE(SUM(hours), 0) FROM activity
		WHERE user_id = $1 AND day >= $2 GROUP BY day ORDER BY day`, userID, since.UTC().Format(time.DateOnly))
	if err != nil {
		return nil, fmt.Errorf("loading daily activity: %w", err)
	}
	defer rows.Close()
	var out []progress.DayStat
	for rows.Next() {
		var st progress.DayStat
		var day string
		if err := rows.Scan(&day, &st.Activities, &st.Hours); err != nil {
			return nil, fmt.Errorf("scanning daily activity: %w", err)
		}
		if st.Day, err = time.Parse(time.DateOnly, day); err != nil {
			return nil, fmt.Errorf("parsing day %q: %w", day, err)
		}
		out = append(out, st)
	}
	return out, rows.Err()
}

// Totals counts the user's courses, hours and milestones in one round trip.
func (s *Store) Totals(ctx context.Context, userID string) (progress.Totals, error) {
	var t progress.Totals
	err := s.db.QueryRowContext(ctx, `SELECT
		(SELECT COUNT(*) FROM enrollments WHERE user_id = $1 AND status = $2),
		(SELECT COUNT(*) FROM enrollments WHERE user_id = $1 AND status = $3),
		(SELECT COALESCE(SUM(hours_reported), 0) FROM enrollments WHERE user_id = $1),
		(SELECT COUNT(*) FROM milestones WHERE user_id = $1 AND achieved_at IS NOT NULL),
		(SELECT COUNT(*) FROM milestones WHERE user_id = $1)`,
		userID, string(progress.InProgress), string(progress.Completed)).
		Scan(&t.CoursesInProgress, &t.CoursesCompleted, &t.HoursLearned, &t.MilestonesAchieved, &t.MilestonesTotal)
	if err != nil {
		return t, fmt.Errorf("loading progress totals: %w", err)
	}
	return t, nil
}
