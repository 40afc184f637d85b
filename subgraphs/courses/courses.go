// Package courses is the Course Recommendation domain: the catalogue of
// real courses from public providers, search over it, and per-user course
// recommendations for the gap between a user's skills and their goal.
//
// The store/ package implements the Store interfaces on SQL (full-text search
// with PostgreSQL tsvector or SQLite FTS5); graph/ serves GraphQL; the
// ranking (Recommend) and explanations (Explainer) are pure and live here so
// that every adapter and test applies the same rules.
package courses

import "context"

// Level is how much a learner should already know to take a course.
type Level string

// The course levels, as stored and as GraphQL names them (lower-cased in the catalogue file).
const (
	Beginner     Level = "BEGINNER"
	Intermediate Level = "INTERMEDIATE"
	Advanced     Level = "ADVANCED"
)

// Valid reports whether l is one of the three levels.
func (l Level) Valid() bool { return l == Beginner || l == Intermediate || l == Advanced }

// Course is one catalogue entry.
type Course struct {
	ID            string // stable slug
	Title         string
	Provider      string
	URL           string
	Description   string
	Skills        []string // canonical taxonomy names, in catalogue order
	Level         Level
	DurationHours float64
	Free          bool
	Rating        *float64 // out of 5; nil when unknown
	Language      string   // ISO 639-1
	Category      string   // role category of the catalogue (software, data, ...); not exposed
}

// Filter selects catalogue courses; zero fields do not filter.
type Filter struct {
	Search string   // full-text query, free text
	Skills []string // at least one of these
	Level  Level
	Free   *bool
}

// Page is a window of results: Offset from the start of the ranked list.
type Page struct {
	Offset int
	Limit  int
}

// CourseList is one page of a query's results.
type CourseList struct {
	Courses []*Course
	Total   int // matches over all pages
}

// CatalogueStore reads and seeds the catalogue.
type CatalogueStore interface {
	// SearchCourses returns the page of courses matching f, ranked by
	// relevance when f.Search is set and by title otherwise.
	SearchCourses(ctx context.Context, f Filter, p Page) (*CourseList, error)
	// CoursesByIDs returns the courses that exist among ids, in no order.
	CoursesByIDs(ctx context.Context, ids []string) ([]*Course, error)
	// SeedCatalogue upserts every course; a course that is new or changed is
	// written and announced with course.catalogued in the same transaction.
	// It reports how many courses were written.
	SeedCatalogue(ctx context.Context, cat []*Course) (int, error)
}

// Recommendation is a stored, ranked course recommendation for a user.
type Recommendation struct {
	CourseID      string
	Rank          int // 1 is best
	Score         float64
	Reason        string
	MatchedSkills []string
	Course        *Course // filled when read for display
}

// RecommendationStore keeps what the service knows about users (skills from
// cv.analyzed, the active goal from goal.changed) and their recommendations.
type RecommendationStore interface {
	// RecommendationsFor returns the user's recommendations, best first, at
	// most limit, each with its course loaded.
	RecommendationsFor(ctx context.Context, userID string, limit int) ([]*Recommendation, error)
}

// Store is everything the courses service persists.
type Store interface {
	CatalogueStore
	RecommendationStore
	Ping(ctx context.Context) error
}
