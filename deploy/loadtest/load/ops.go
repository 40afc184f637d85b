package load

import (
	"context"
	"math/rand/v2"
)

// Op is one kind of request the web app makes, with its share of the mix.
type Op struct {
	Name   string
	Weight int
	// Sends are the GraphQL operations Run sends, each with variables of
	// the kind Run uses: tests check them against the router's limits.
	Sends []Request
	Run   func(ctx context.Context, c *Client, u *User, cat *Catalog, rng *rand.Rand) error
}

// Request is a GraphQL operation and the variables to send with it (nil
// for none).
type Request struct {
	Query string
	Vars  func(u *User, cat *Catalog, rng *rand.Rand) map[string]any
}

// Variables are r's variables for u.
func (r Request) Variables(u *User, cat *Catalog, rng *rand.Rand) map[string]any {
	if r.Vars == nil {
		return nil
	}
	return r.Vars(u, cat, rng)
}

// queryOp is an Op that runs one fixed operation.
func queryOp(name string, weight int, r Request) Op {
	return Op{Name: name, Weight: weight, Sends: []Request{r}, Run: func(ctx context.Context, c *Client, u *User, cat *Catalog, rng *rand.Rand) error {
		return c.Do(ctx, u.Token, r.Query, r.Variables(u, cat, rng), nil)
	}}
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
		queryOp("dashboard", 25, Request{dashboardQuery, nil}),
		queryOp("courseSearch", 15, Request{`query($q: String!) { courses(search: $q, first: 20) { totalCount
			edges { cursor node { id title provider level durationHours free rating skills myEnrollment { status percent } } }
			pageInfo { hasNextPage endCursor } } }`,
			func(_ *User, _ *Catalog, rng *rand.Rand) map[string]any {
				return map[string]any{"q": pick(rng, Searches)}
			}}),
		queryOp("recommendations", 10, Request{`{ me { recommendedCourses(first: 10) { score reason matchedSkills
			course { id title provider url level durationHours free rating } } } }`, nil}),
		queryOp("goalsWithPaths", 10, Request{`{ me { goals { id title description status targetDate progressPercent
			targetRole { id title seniority } milestones { id title achieved dueDate }
			learningPath { skillsAnalyzedAt steps { position skill currentLevel targetLevel courses { id title durationHours free } } } } } }`, nil}),
		queryOp("skillGap", 10, Request{`query($r: ID!) { me { skillGap(targetRole: $r) { readinessPercent targetRole { id title }
			matched { name level requiredLevel } missing { name level requiredLevel } underLevel { name level requiredLevel } } } }`,
			func(u *User, _ *Catalog, _ *rand.Rand) map[string]any { return map[string]any{"r": u.RoleID} }}),
		queryOp("interviewQuestions", 8, Request{`query($r: ID!) { interviewQuestions(roleId: $r, first: 10) { id kind difficulty skill text } }`,
			func(_ *User, cat *Catalog, rng *rand.Rand) map[string]any {
				return map[string]any{"r": pick(rng, cat.Roles)}
			}}),
		queryOp("cvStatus", 8, Request{`{ me { latestCV { id fileName uploadedAt status pages
			analysis { score seniority strengths suggestions skills { name level years } } } } }`, nil}),
		queryOp("enrollments", 6, Request{`{ me { enrollments { id status percent hoursLearned updatedAt course { id title durationHours } } } }`, nil}),
		{Name: "updateProgress", Weight: 5, Sends: []Request{{updateProgressQuery, progressVars}, {enrollQuery, enrollVars}}, Run: updateProgress},
		{Name: "enroll", Weight: 3, Sends: []Request{{enrollQuery, enrollVars}}, Run: func(ctx context.Context, c *Client, u *User, cat *Catalog, rng *rand.Rand) error {
			return enroll(ctx, c, u, pick(rng, cat.Courses))
		}},
	}
}

// What updateProgress and enroll send. The Requests' Vars are samples:
// both pick the course (and percent) themselves.
const (
	updateProgressQuery = `mutation($c: ID!, $p: Int!) { updateCourseProgress(courseId: $c, percent: $p) { status percent } }`
	enrollQuery         = `mutation($c: ID!) { enroll(courseId: $c) { status percent } }`
)

func progressVars(_ *User, cat *Catalog, rng *rand.Rand) map[string]any {
	return map[string]any{"c": pick(rng, cat.Courses), "p": 5 + rng.IntN(11)}
}

func enrollVars(_ *User, cat *Catalog, rng *rand.Rand) map[string]any {
	return map[string]any{"c": pick(rng, cat.Courses)}
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
	err := c.Do(ctx, u.Token, updateProgressQuery, map[string]any{"c": course, "p": percent}, nil)
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
