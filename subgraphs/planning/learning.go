package planning

import (
	"cmp"
	"slices"
)

// LearningStep is one skill to learn on the way to a goal's target role.
type LearningStep struct {
	Position     int // 1-based
	Skill        string
	CurrentLevel int
	TargetLevel  int
	Courses      []CourseRef
}

// MaxCoursesPerStep bounds the course references of a learning step.
const MaxCoursesPerStep = 5

// LearningOrder orders the skills of a gap into learning steps: skills the
// role needs at a lower level are foundations and come first; among equals
// the larger gap first, then by name, so the order is stable.
func LearningOrder(g SkillGap) []LearningStep {
	items := append(slices.Clone(g.Missing), g.UnderLevel...)
	slices.SortStableFunc(items, func(a, b GapItem) int {
		return cmp.Or(
			cmp.Compare(a.RequiredLevel, b.RequiredLevel),
			cmp.Compare(b.RequiredLevel-b.Level, a.RequiredLevel-a.Level),
			cmp.Compare(a.Name, b.Name),
		)
	})
	steps := make([]LearningStep, len(items))
	for i, it := range items {
		steps[i] = LearningStep{Position: i + 1, Skill: it.Name, CurrentLevel: it.Level, TargetLevel: it.RequiredLevel, Courses: []CourseRef{}}
	}
	return steps
}
