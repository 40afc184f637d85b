package progress_test

import (
	"testing"

	"github.com/careercoach/coach/internal/skills"
	"github.com/careercoach/coach/subgraphs/progress"
)

// TestBankSkillsAreCanonical checks the contract for shipped datasets: every
// skill the quiz bank names resolves with Lookup to exactly that name.
func TestBankSkillsAreCanonical(t *testing.T) {
	tax, err := skills.Load()
	if err != nil {
		t.Fatal(err)
	}
	bank, err := progress.LoadBank()
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range bank.Skills() {
		t.Run(name, func(t *testing.T) {
			s, ok := tax.Lookup(name)
			if !ok || s.Name != name {
				t.Fatalf("Lookup(%q) = %q, %v; want the canonical name itself", name, s.Name, ok)
			}
		})
	}
}
