package graph_test

import (
	"sync"
	"testing"

	"github.com/careercoach/coach/internal/skills"
	"github.com/careercoach/coach/subgraphs/progress"
)

var (
	taxOnce sync.Once
	tax     *skills.Taxonomy
	taxErr  error
)

// lookup canonicalises with the shared taxonomy, as the server wires it.
func lookup(tb testing.TB) func(string) (string, bool) {
	tb.Helper()
	taxOnce.Do(func() { tax, taxErr = skills.Load() })
	if taxErr != nil {
		tb.Fatal(taxErr)
	}
	return func(name string) (string, bool) {
		s, ok := tax.Lookup(name)
		return s.Name, ok
	}
}

func mustRubrics(tb testing.TB) *progress.Rubrics {
	tb.Helper()
	rs, err := progress.LoadRubrics()
	if err != nil {
		tb.Fatal(err)
	}
	return rs
}
