package load

import (
	"context"
	"math/rand/v2"
)

// Op is one kind of request the web app makes, with its share of the mix.
type Op struct {
	Name   string
	Weight int
	Run    func(ctx context.Context, c *Client, u *User, cat *Catalog, rng *rand.Rand) error
}

// query returns an Op body that runs a fixed operation with variables from vars.
func query(q string, vars func(u *User, cat *Catalog, rng *rand.Rand) map[string]any) func(context.Context, *Client, *User, *Catalog, *rand.Rand) error {
	return func(ctx context.Context, c *Client, u *User, cat *Catalog, rng *rand.Rand) error {
		var v map[string]any
		if vars != nil {
			v = vars(u, cat, rng)
		}
		return c.Do(ctx, u.Token, q, v, nil)
	}
}

// The web app's dashboard query (web/src/features/dashboard/api): users,
// progress, cv, planning and courses in one request.
const dashboardQuery = `query Dashboard { me { id displayName headline location avatarUrl
  progress { coursesInProgress coursesCompleted hoursLearned hoursThisWeek milestonesAchieved milestonesTotal
    currentStreak longestStreak weeklyActivity { weekStart activeDays activities hours } }
  latestCV { id fileName status analysis { score seniority } }
  goals { id title status milestones { id title dueDate achieved overdue } }
  recommendedCourses(first: 3) { score reason course { id title provider url durationHours free } } } }`

// Mix is the operation mix: what a signed-in person does on each page,
// weighted by how often the page is used (the dashboard most).
func Mix() []Op {
	return []Op{
		{"dashboard", 25, query(dashboardQuery, nil)},
		{"courseSearch", 15, query(`query($q: String!) { courses(search: $q, first: 20) { totalCount
			edges { cursor node { id title provider level durationHours free rating skills myEnrollment { status percent } } }
			pageInfo { hasNextPage endCursor } } }`,
			func(_ *User, _ *Catalog, rng *rand.Rand) map[string]any {
				return map[string]any{"q": pick(rng, Searches)}
			})},
		{"recommendations", 10, query(`{ me { recommendedCourses(first: 10) { score reason matchedSkills
			course { id title provider url level durationHours free rating } } } }`, nil)},
		{"goalsWithPaths", 10, query(`{ me { goals { id title description status targetDate progressPercent
			targetRole { id title seniority } milestones { id title achieved dueDate }
			learningPath { skillsAnalyzedAt steps { position skill currentLevel targetLevel courses { id title durationHours free } } } } } }`, nil)},
		{"skillGap", 10, query(`query($r: ID!) { me { skillGap(targetRole: $r) { readinessPercent targetRole { id title }
			matched { name level requiredLevel } missing { name level requiredLevel } underLevel { name level requiredLevel } } } }`,
			func(u *User, _ *Catalog, _ *rand.Rand) map[string]any { return map[string]any{"r": u.RoleID} })},
		{"interviewQuestions", 8, query(`query($r: ID!) { interviewQuestions(roleId: $r, first: 10) { id kind difficulty skill text } }`,
			func(_ *User, cat *Catalog, rng *rand.Rand) map[string]any {
				return map[string]any{"r": pick(rng, cat.Roles)}
			})},
		{"cvStatus", 8, query(`{ me { latestCV { id fileName uploadedAt status pages
			analysis { score seniority strengths suggestions skills { name level years } } } } }`, nil)},
		{"enrollments", 6, query(`{ me { enrollments { id status percent hoursLearned updatedAt course { id title durationHours } } } }`, nil)},
		{"updateProgress", 5, updateProgress},
		{"enroll", 3, func(ctx context.Context, c *Client, u *User, cat *Catalog, rng *rand.Rand) error {
			return enroll(ctx, c, u, pick(rng, cat.Courses))
		}},
	}
}

// updateProgress moves one of the user's open courses on by 5–15 points,
// never to 100 (a completed course takes no more progress).
func updateProgress(ctx context.Context, c *Client, u *User, cat *Catalog, rng *rand.Rand) error {
	u.mu.Lock()
	course := ""
	for id, p := range u.progress {
		if p < 85 {
			course = id
			break
		}
	}
	if course == "" {
		u.mu.Unlock()
		return enroll(ctx, c, u, pick(rng, cat.Courses))
	}
	// Held across the request: progress never goes backwards, so two
	// clients of one user must not overtake each other.
	defer u.mu.Unlock()
	percent := u.progress[course] + 5 + rng.IntN(11)
	err := c.Do(ctx, u.Token, `mutation($c: ID!, $p: Int!) { updateCourseProgress(courseId: $c, percent: $p) { status percent } }`,
		map[string]any{"c": course, "p": percent}, nil)
	if err == nil {
		u.progress[course] = percent
	}
	return err
}

// Pick returns the op that x (uniform in [0, 1)) selects, each op having a
// share of the interval proportional to its weight.
func Pick(ops []Op, x float64) Op {
	total := 0
	for _, o := range ops {
		total += o.Weight
	}
	at := x * float64(total)
	for _, o := range ops {
		at -= float64(o.Weight)
		if at < 0 {
			return o
		}
	}
	return ops[len(ops)-1]
}
