package progress_test

import (
	"context"
	"database/sql"
	"testing"

	"github.com/careercoach/coach/internal/bus"
	"github.com/careercoach/coach/subgraphs/progress"
)

// courseRecorder records the courses applied; the other methods are not called.
type courseRecorder struct {
	progress.EventStore
	applied []progress.Course
}

func (r *courseRecorder) ApplyCourse(_ context.Context, _ *sql.Tx, c progress.Course) error {
	r.applied = append(r.applied, c)
	return nil
}

// A retirement announcement carries no title or skills: progress keeps
// what it knows of the course, the history of its learners (issue 25).
func TestRetiredCourseKeepsWhatProgressKnows(t *testing.T) {
	tests := []struct {
		name    string
		payload progress.CourseCatalogued
		applied int
	}{
		{"catalogued course is applied", progress.CourseCatalogued{CourseID: "k8s", Title: "Kubernetes Basics", Skills: []string{"Kubernetes"}}, 1},
		{"retired course is not overwritten", progress.CourseCatalogued{CourseID: "k8s", Retired: true}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := &courseRecorder{}
			ev, err := bus.NewEvent(tt.payload.CourseID, tt.payload)
			if err != nil {
				t.Fatal(err)
			}
			if err := bus.Dispatch(progress.EventHandlers(rec))(t.Context(), nil, ev); err != nil {
				t.Fatal(err)
			}
			if len(rec.applied) != tt.applied {
				t.Fatalf("applied %+v, want %d courses", rec.applied, tt.applied)
			}
		})
	}
}
