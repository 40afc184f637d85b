package progress

// The skill scale shared by every service (see the contract): integers 1–5.
const (
	MinLevel = 1
	MaxLevel = 5
)

// LevelInfo names and describes one step of the scale, for the
// self-assessment form.
type LevelInfo struct {
	Level       int
	Name        string
	Description string
}

// Levels is the 1–5 scale, lowest first.
var Levels = []LevelInfo{
	{1, "Awareness", "You know what the skill is and when it is used, but have not applied it yourself."},
	{2, "Beginner", "You have used it on small tasks with guidance, tutorials or close review."},
	{3, "Intermediate", "You apply it independently on everyday work and know its common pitfalls."},
	{4, "Advanced", "You handle complex or unusual cases, make design decisions and review others' work."},
	{5, "Expert", "You are a reference for others: you set practices, teach it and solve the hardest problems."},
}
