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

// Course is one catalogue entry. Level "" and DurationHours 0 mean the
// source does not state them: the catalogue never guesses.
type Course struct {
	ID            string   `json:"id"` // stable slug
	Title         string   `json:"title"`
	Provider      string   `json:"provider"`
	URL           string   `json:"url"`
	Description   string   `json:"description"`
	Skills        []string `json:"skills"` // canonical taxonomy names
	Level         Level    `json:"level,omitempty"`
	DurationHours float64  `json:"hours,omitempty"`
	Free          bool     `json:"free"`
	Rating        *float64 `json:"rating,omitempty"` // out of 5; nil when unknown
	Language      string   `json:"language"`         // ISO 639-1
	Category      string   `json:"category"`         // role family (software, data, ...); not exposed
	Source        string   `json:"source"`           // key of the Source it was read from
}

// Filter selects catalogue courses; zero fields do not filter.
type Filter struct {
	Search string   // full-text query, free text
	Skills []string // at least one of these
	Level  Level
	Free   *bool
	// Language is an ISO 639-1 code: only courses taught in it.
	Language string
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
