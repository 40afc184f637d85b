package store_test

import (
	"testing"

	"github.com/careercoach/coach/internal/dbtest"
	"github.com/careercoach/coach/subgraphs/courses"
	"github.com/careercoach/coach/subgraphs/courses/store"
)

// BenchmarkSearchCourses measures a ranked full-text query with a filter
// over the shipped catalogue, per engine:
//
//	go test ./subgraphs/courses/store -run '^$' -bench SearchCourses -benchtime 200x
func BenchmarkSearchCourses(b *testing.B) {
	cat, err := courses.Catalogue()
	if err != nil {
		b.Fatal(err)
	}
	for _, dialect := range dbtest.Dialects() {
		b.Run(string(dialect), func(b *testing.B) {
			st := store.New(dbtest.Open(b, dialect, store.Migrations()...))
			if _, err := st.SeedCatalogue(b.Context(), cat); err != nil {
				b.Fatal(err)
			}
			queries := []courses.Filter{
				{Search: "machine learning python"},
				{Search: "kube", Level: courses.Beginner},
				{Search: "data", Skills: []string{"SQL", "Python"}},
				{Skills: []string{"Cybersecurity"}},
			}
			for i := 0; b.Loop(); i++ {
				res, err := st.SearchCourses(b.Context(), queries[i%len(queries)], courses.Page{Limit: 20})
				if err != nil || res.Total == 0 {
					b.Fatalf("%+v: %v", res, err)
				}
			}
		})
	}
}
