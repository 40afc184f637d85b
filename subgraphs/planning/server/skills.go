package server

import (
	"fmt"

	"github.com/careercoach/coach/internal/skills"
	"github.com/careercoach/coach/subgraphs/planning"
)

// skillKey compares skill names through the shared taxonomy.
func skillKey() (planning.SkillKeyFunc, error) {
	t, err := skills.Load()
	if err != nil {
		return nil, fmt.Errorf("loading skills taxonomy: %w", err)
	}
	return planning.TaxonomyKey(t), nil
}
