package server

import "github.com/careercoach/coach/internal/skills"

// skillNames canonicalises skill names for assessments and quizzes with the
// shared taxonomy, so "golang", "k8s" or "postgres" are stored under the
// names every other service uses.
func skillNames(tax *skills.Taxonomy) (func(string) (string, bool), error) {
	return func(name string) (string, bool) {
		s, ok := tax.Lookup(name)
		return s.Name, ok
	}, nil
}
