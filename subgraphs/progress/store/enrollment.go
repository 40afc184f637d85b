package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/google/uuid"

	"github.com/careercoach/coach/internal/bus"
	"github.com/careercoach/coach/internal/db"
	"github.com/careercoach/coach/subgraphs/progress"
)

// The enrollment's course length comes along by LEFT JOIN (0 h for a course
// that left the catalogue).
const enrollmentSelect = `SELECT e.id, e.user_id, e.course_id, e.status, e.percent, e.started_at, e.updated_at, e.completed_at,
	COALESCE(c.duration_hours, 0), e.hours_reported FROM enrollments e LEFT JOIN courses c ON c.id = e.course_id `

func scanEnrollment(row scanner) (*progress.Enrollment, error) {
	e := &progress.Enrollment{}
	var status string
	var completed sql.NullTime
	if err := row.Scan(&e.ID, &e.UserID, &e.CourseID, &status, &e.Percent, &e.StartedAt, &e.UpdatedAt, &completed, &e.DurationHours, &e.HoursReported); err != nil {
		return nil, err
	}
	e.Status = progress.EnrollmentStatus(status)
	e.StartedAt, e.UpdatedAt, e.CompletedAt = e.StartedAt.UTC(), e.UpdatedAt.UTC(), nullTime(completed)
	return e, nil
}

func enrollment(ctx context.Context, q querier, userID, courseID string) (*progress.Enrollment, error) {
	e, err := scanEnrollment(q.QueryRowContext(ctx, enrollmentSelect+`WHERE e.user_id = $1 AND e.course_id = $2`, userID, courseID))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, progress.ErrNotEnrolled
	}
	if err != nil {
		return nil, fmt.Errorf("loading enrollment: %w", err)
	}
	return e, nil
}

// Enroll starts a course for the user; enrolling again returns the existing
// enrollment unchanged (a retried request must not restart progress).
func (s *Store) Enroll(ctx context.Context, userID, courseID string, now time.Time) (*progress.Enrollment, error) {
	var out *progress.Enrollment
	err := s.db.WithTx(ctx, func(tx *sql.Tx) error {
		c, err := courseByID(ctx, tx, courseID)
		if err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, `INSERT INTO enrollments (id, user_id, course_id, status, percent, started_at, updated_at)
			VALUES ($1, $2, $3, $4, 0, $5, $5) ON CONFLICT (user_id, course_id) DO NOTHING`,
			uuid.NewString(), userID, courseID, string(progress.InProgress), db.UTC(now))
		if err != nil {
			return fmt.Errorf("enrolling: %w", err)
		}
		if n, _ := res.RowsAffected(); n == 1 {
			if err := addActivity(ctx, tx, progress.Activity{UserID: userID, Kind: progress.CourseStarted, RefID: courseID,
				Title: "Started " + c.Title, OccurredAt: now}); err != nil {
				return err
			}
		}
		out, err = enrollment(ctx, tx, userID, courseID)
		return err
	})
	return out, err
}

// UpdateCourseProgress moves an in-progress course forward; 100 completes it.
func (s *Store) UpdateCourseProgress(ctx context.Context, userID, courseID string, percent int, hours float64, now time.Time) (*progress.Enrollment, error) {
	var out *progress.Enrollment
	err := s.db.WithTx(ctx, func(tx *sql.Tx) error {
		var err error
		out, err = s.advance(ctx, tx, userID, courseID, percent, hours, now)
		return err
	})
	return out, err
}

// CompleteCourse marks the course done and emits enrollment.completed in the
// same transaction. Completing a completed course returns it unchanged and
// emits nothing.
func (s *Store) CompleteCourse(ctx context.Context, userID, courseID string, hours float64, now time.Time) (*progress.Enrollment, error) {
	var out *progress.Enrollment
	err := s.db.WithTx(ctx, func(tx *sql.Tx) error {
		e, err := enrollment(ctx, tx, userID, courseID)
		if err != nil {
			return err
		}
		if e.Status == progress.Completed {
			out = e
			return nil
		}
		out, err = s.advance(ctx, tx, userID, courseID, 100, hours, now)
		return err
	})
	if errors.Is(err, progress.ErrConcurrentUpdate) || errors.Is(err, progress.ErrCourseCompleted) {
		// Lost a race with another request; if that one completed the
		// course, this one's answer is the same.
		if e, rerr := enrollment(ctx, s.db, userID, courseID); rerr == nil && e.Status == progress.Completed {
			return e, nil
		}
	}
	return out, err
}

// advance sets percent (never backwards), logs the learning time the user
// reported with the step (none when they reported none) and, at 100,
// completes the course.
func (s *Store) advance(ctx context.Context, tx *sql.Tx, userID, courseID string, percent int, hours float64, now time.Time) (*progress.Enrollment, error) {
	e, err := enrollment(ctx, tx, userID, courseID)
	if err != nil {
		return nil, err
	}
	if e.Status == progress.Completed {
		return nil, progress.ErrCourseCompleted
	}
	if percent < e.Percent {
		return nil, progress.ErrProgressBackwards
	}
	if percent == e.Percent && hours == 0 {
		return e, nil
	}
	c, err := courseByID(ctx, tx, courseID)
	if errors.Is(err, progress.ErrCourseNotFound) {
		c = progress.Course{ID: courseID, Title: "a course"} // left the catalogue meanwhile
	} else if err != nil {
		return nil, err
	}
	status, completedAt := progress.InProgress, sql.NullTime{}
	if percent == 100 {
		status, completedAt = progress.Completed, sql.NullTime{Time: db.UTC(now), Valid: true}
	}
	// Conditional on the percent read above: of two concurrent updates (on
	// PostgreSQL both may read the same row) only one applies, so learning
	// time is logged once and enrollment.completed is emitted once.
	res, err := tx.ExecContext(ctx, `UPDATE enrollments SET percent = $1, status = $2, completed_at = $3, updated_at = $4,
		hours_reported = hours_reported + $8 WHERE id = $5 AND percent = $6 AND status = $7`,
		percent, string(status), completedAt, db.UTC(now), e.ID, e.Percent, string(progress.InProgress), hours)
	if err != nil {
		return nil, fmt.Errorf("updating enrollment: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return nil, progress.ErrConcurrentUpdate
	}
	act := progress.Activity{UserID: userID, Kind: progress.CourseProgressed, RefID: courseID,
		Title: fmt.Sprintf("%d%% of %s", percent, c.Title), Hours: hours, OccurredAt: now}
	if status == progress.Completed {
		act.Kind, act.Title = progress.CourseCompleted, "Completed "+c.Title
	}
	if err := addActivity(ctx, tx, act); err != nil {
		return nil, err
	}
	if status == progress.Completed {
		ev, err := bus.NewEvent(userID, progress.EnrollmentCompletedEvent{UserID: userID, CourseID: courseID,
			Skills: nonNil(c.Skills), CompletedAt: db.UTC(now)})
		if err != nil {
			return nil, err
		}
		ev.OccurredAt = now
		if err := bus.Enqueue(ctx, tx, ev); err != nil {
			return nil, err
		}
		if err := s.publishProfile(ctx, tx, userID, now); err != nil {
			return nil, err
		}
	}
	return enrollment(ctx, tx, userID, courseID)
}

// Enrollments lists the user's enrollments, most recently active first.
func (s *Store) Enrollments(ctx context.Context, userID string, status *progress.EnrollmentStatus) ([]*progress.Enrollment, error) {
	q, args := enrollmentSelect+`WHERE e.user_id = $1`, []any{userID}
	if status != nil {
		q, args = q+` AND e.status = $2`, append(args, string(*status))
	}
	rows, err := s.db.QueryContext(ctx, q+` ORDER BY e.updated_at DESC, e.id`, args...)
	if err != nil {
		return nil, fmt.Errorf("loading enrollments: %w", err)
	}
	defer rows.Close()
	var out []*progress.Enrollment
	for rows.Next() {
		e, err := scanEnrollment(rows)
		if err != nil {
			return nil, fmt.Errorf("scanning enrollment: %w", err)
		}
		out = append(out, e)
	}
	return out, rows.Err()
}

// EnrollmentsForCourses returns the user's enrollments in any of courseIDs,
// by course id, in one query.
func (s *Store) EnrollmentsForCourses(ctx context.Context, userID string, courseIDs []string) (map[string]*progress.Enrollment, error) {
	out := map[string]*progress.Enrollment{}
	if len(courseIDs) == 0 {
		return out, nil
	}
	err := eachChunk(courseIDs, func(part []string) error {
		q, args := db.InList(enrollmentSelect+`WHERE e.user_id = $1 AND e.course_id IN (%s)`, []any{userID}, part)
		rows, err := s.db.QueryContext(ctx, q, args...)
		if err != nil {
			return fmt.Errorf("loading enrollments: %w", err)
		}
		defer rows.Close()
		for rows.Next() {
			e, err := scanEnrollment(rows)
			if err != nil {
				return fmt.Errorf("scanning enrollment: %w", err)
			}
			out[e.CourseID] = e
		}
		return rows.Err()
	})
	return out, err
}
