package progress_test

import (
	"slices"
	"testing"

	"github.com/careercoach/coach/internal/skills"
	"github.com/careercoach/coach/subgraphs/planning"
	"github.com/careercoach/coach/subgraphs/progress"
)

// TestBankSkillsAreCanonical checks the contract for shipped datasets: every
// skill the quiz bank and the rubrics name resolves with Lookup to exactly
// that name, and no skill has both (a rubric means a quiz cannot measure it).
func TestBankSkillsAreCanonical(t *testing.T) {
	tax, bank, rubrics := loadAll(t)
	for _, name := range append(bank.Skills(), rubrics.Skills()...) {
		t.Run(name, func(t *testing.T) {
			s, ok := tax.Lookup(name)
			if !ok || s.Name != name {
				t.Fatalf("Lookup(%q) = %q, %v; want the canonical name itself", name, s.Name, ok)
			}
			if len(bank.Questions(name)) > 0 {
				if _, soft := rubrics.For(name); soft {
					t.Fatalf("%s has both a quiz and a rubric", name)
				}
			}
		})
	}
}

// TestRequiredSkillsHaveQuizzes computes, from the role catalogue the
// planning service serves, every skill three or more roles require: each
// skill of the taxonomy among them must have a quiz, or a rubric when it is a
// soft skill. Adding roles (or requirements) that make a new skill common
// fails here until its quiz is written. Requirements the taxonomy does not
// know (O*NET elements kept under O*NET's name, such as "Reading
// Comprehension") cannot be quizzed under a canonical name: they are counted
// and logged, not failed.
func TestRequiredSkillsHaveQuizzes(t *testing.T) {
	tax, bank, rubrics := loadAll(t)
	cat, err := planning.Load(planning.TaxonomyKey(tax))
	if err != nil {
		t.Fatal(err)
	}
	roles := map[string]int{}
	for _, r := range cat.Roles("") {
		seen := map[string]bool{}
		for _, s := range r.Skills {
			name := s.Name
			if c, ok := tax.Lookup(name); ok {
				name = c.Name
			}
			if !seen[name] {
				seen[name] = true
				roles[name]++
			}
		}
	}
	var common []string
	for name, n := range roles {
		if n >= 3 {
			common = append(common, name)
		}
	}
	slices.Sort(common)
	if len(common) < 20 {
		t.Fatalf("only %d skills are required by three or more roles: is the catalogue loaded?", len(common))
	}
	quizzed, rubric := 0, 0
	var unknown []string
	for _, name := range common {
		_, soft := rubrics.For(name)
		if s, ok := tax.Lookup(name); !ok || s.Name != name {
			unknown = append(unknown, name)
			continue
		}
		switch {
		case len(bank.Questions(name)) > 0:
			quizzed++
		case soft:
			rubric++
		default:
			t.Errorf("%s is required by %d roles but has neither a quiz nor a rubric", name, roles[name])
		}
	}
	t.Logf("%d skills required by 3+ roles: %d with a quiz, %d with a rubric, %d outside the taxonomy %v; %d skills have a quiz in all",
		len(common), quizzed, rubric, len(unknown), unknown, len(bank.Skills()))
}

func loadAll(t *testing.T) (*skills.Taxonomy, *progress.Bank, *progress.Rubrics) {
	t.Helper()
	tax, err := skills.Load()
	if err != nil {
		t.Fatal(err)
	}
	bank, err := progress.LoadBank()
	if err != nil {
		t.Fatal(err)
	}
	rubrics, err := progress.LoadRubrics()
	if err != nil {
		t.Fatal(err)
	}
	return tax, bank, rubrics
}
