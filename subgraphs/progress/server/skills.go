package server

import "github.com/careercoach/coach/subgraphs/progress"

// skillNames canonicalises skill names for assessments. Until the shared
// taxonomy (internal/skills) is on main, the quiz bank's skills are the
// accepted set; with it, every taxonomy skill and alias is.
func skillNames(bank *progress.Bank) (func(string) (string, bool), error) {
	return bank.Canonical, nil
}
