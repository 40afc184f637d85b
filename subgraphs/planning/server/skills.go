package server

import "github.com/careercoach/coach/subgraphs/planning"

// skillKey is how skill names compare. Until the shared taxonomy
// (internal/skills) is merged it is the spelling-insensitive fallback.
func skillKey() planning.SkillKeyFunc { return planning.NormalizeSkill }
