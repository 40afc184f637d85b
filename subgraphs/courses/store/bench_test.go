package store_test

import (
	"slices"
	"testing"
	"time"

	"github.com/careercoach/coach/internal/dbtest"
	"github.com/careercoach/coach/subgraphs/courses"
	"github.com/careercoach/coach/subgraphs/courses/store"
)

// BenchmarkSearchCourses measures ranked full-text queries (with and
// without filters, short prefixes included) over the whole shipped
// catalogue, per engine, and reports the 95th percentile latency:
//
//	go test ./subgraphs/courses/store -run '^$' -bench SearchCourses -benchtime 400x
func BenchmarkSearchCourses(b *testing.B) {
	shipped, err := courses.LoadCatalogue()
	if err != nil {
		b.Fatal(err)
	}
	yes := true
	queries := []courses.Filter{
		{Search: "machine learning python"},
		{Search: "kube"},
		{Search: "py"},
		{Search: "data"},
		{Search: "javascript tutorial for beginners"},
		{Search: "introduction", Free: &yes},
		{Search: "security", Level: courses.Advanced},
		{Search: "data", Skills: []string{"SQL", "Python"}},
		{Skills: []string{"Cybersecurity"}},
		{Skills: []string{"JavaScript", "React", "Node.js"}},
		{},
	}
	for _, dialect := range dbtest.Dialects() {
		b.Run(string(dialect), func(b *testing.B) {
			st := store.New(dbtest.Open(b, dialect, store.Migrations()...))
			if _, err := st.SeedCatalogue(b.Context(), shipped.Courses); err != nil {
				b.Fatal(err)
			}
			// floor: the same pool's round trip with no work (Ping), to tell
			// the engine's time from the machine's load.
			var took, floor []time.Duration
			for i := 0; b.Loop(); i++ {
				f := queries[i%len(queries)]
				start := time.Now()
				res, err := st.SearchCourses(b.Context(), f, courses.Page{Limit: 20})
				took = append(took, time.Since(start))
				if err != nil || res.Total == 0 {
					b.Fatalf("%+v: %+v %v", f, res, err)
				}
				start = time.Now()
				if err := st.Ping(b.Context()); err != nil {
					b.Fatal(err)
				}
				floor = append(floor, time.Since(start))
			}
			slices.Sort(took)
			slices.Sort(floor)
			b.ReportMetric(float64(floor[len(floor)*95/100].Microseconds())/1000, "ping-p95-ms")
			b.ReportMetric(float64(took[len(took)*95/100].Microseconds())/1000, "p95-ms")
			b.ReportMetric(float64(took[len(took)/2].Microseconds())/1000, "p50-ms")
			b.ReportMetric(float64(len(shipped.Courses)), "courses")
		})
	}
}
