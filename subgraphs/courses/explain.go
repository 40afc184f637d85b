package courses

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"golang.org/x/text/language"
	"golang.org/x/text/language/display"
)

// ExplainRequest is what an Explainer needs to say why a course suits a user.
type ExplainRequest struct {
	Basis          Basis
	Goal           *Goal    // nil without a goal
	Gaps           []Gap    // the user's whole gap, largest first
	Course         *Course  //
	MatchedSkills  []string // the gap skills this course teaches
	RoleMatch      string   // the suggested role it matches (cv basis)
	SuggestedRoles []string
}

// Explainer writes one reason per request, in order.
type Explainer interface {
	Explain(ctx context.Context, reqs []ExplainRequest) ([]string, error)
}

// TemplateExplainer writes reasons from fixed sentences: deterministic, so
// recomputing from the same input stores the same text.
type TemplateExplainer struct{}

// Explain implements Explainer.
func (TemplateExplainer) Explain(_ context.Context, reqs []ExplainRequest) ([]string, error) {
	out := make([]string, len(reqs))
	for i, r := range reqs {
		out[i] = TemplateReason(r)
	}
	return out, nil
}

// TemplateReason is the template explanation of one recommendation.
func TemplateReason(r ExplainRequest) string {
	var b strings.Builder
	c := r.Course
	switch r.Basis {
	case BasisGoalAndCV, BasisGoalOnly:
		role := r.Goal.TargetRoleTitle
		if role == "" {
			role = r.Goal.Title
		}
		fmt.Fprintf(&b, "Teaches %s, %d of the %d skills you still need for %s.", list(r.MatchedSkills), len(r.MatchedSkills), len(r.Gaps), role)
		if r.Basis == BasisGoalOnly {
			b.WriteString(" No CV has been analysed yet, so every required skill counts as missing.")
		}
	case BasisCVOnly:
		if len(r.MatchedSkills) > 0 {
			fmt.Fprintf(&b, "Builds %s, among the weakest skills in your CV.", list(r.MatchedSkills))
		}
		if r.RoleMatch != "" {
			if b.Len() > 0 {
				b.WriteString(" ")
			}
			fmt.Fprintf(&b, "Relevant to %s, a role your CV analysis suggested.", r.RoleMatch)
		}
		b.WriteString(" Set a career goal to get courses for the gap to a target role.")
	}
	b.WriteString(" " + facts(c))
	return strings.TrimSpace(b.String())
}

// facts says what the catalogue knows of a course's level, length and cost,
// and no more: a source that states no level or length is not guessed at.
func facts(c *Course) string {
	kind := "course"
	if c.Level.Valid() {
		kind = strings.ToLower(string(c.Level)) + " course"
	}
	length := ""
	if c.DurationHours > 0 {
		length = " (about " + hours(c.DurationHours) + ")"
	}
	art := article(c.Level)
	if !c.Level.Valid() {
		art = "A"
	}
	return fmt.Sprintf("%s %s%s, %s.", art, kind, length, cost(c.Free))
}

func list(xs []string) string {
	switch len(xs) {
	case 0:
		return "related skills"
	case 1:
		return xs[0]
	default:
		return strings.Join(xs[:len(xs)-1], ", ") + " and " + xs[len(xs)-1]
	}
}

func article(l Level) string {
	if l == Intermediate || l == Advanced {
		return "An"
	}
	return "A"
}

func hours(h float64) string {
	if h == 1 {
		return "1 hour"
	}
	return fmt.Sprintf("%g hours", h)
}

func cost(free bool) string {
	if free {
		return "free"
	}
	return "paid"
}

// Recommend ranks the catalogue for p and writes a reason per course with ex.
// Courses the user completed are left out: finishing a course never makes
// it the next recommendation.
func Recommend(ctx context.Context, p Profile, catalogue []*Course, ex Explainer) ([]*Recommendation, Basis, error) {
	var completed []*Course
	if len(p.Completed) > 0 {
		catalogue = slices.DeleteFunc(slices.Clone(catalogue), func(c *Course) bool {
			done := slices.Contains(p.Completed, c.ID)
			if done {
				completed = append(completed, c)
			}
			return done
		})
	}
	ranked, basis := Rank(p, catalogue)
	if len(ranked) == 0 {
		return nil, basis, nil
	}
	reqs := Requests(p, ranked, basis)
	reasons, err := ex.Explain(ctx, reqs)
	if err != nil {
		return nil, basis, fmt.Errorf("explain recommendations: %w", err)
	}
	if len(reasons) != len(ranked) {
		return nil, basis, fmt.Errorf("explainer returned %d reasons for %d courses", len(reasons), len(ranked))
	}
	out := make([]*Recommendation, len(ranked))
	for i, s := range ranked {
		if s.Foreign {
			// Added after the explainer so that no explainer can leave it out.
			reasons[i] = LanguageNote(s, completedReadable(p, completed, s.Uncovered)) + " " + reasons[i]
		}
		out[i] = &Recommendation{CourseID: s.Course.ID, Rank: i + 1, Score: s.Score, Reason: reasons[i],
			MatchedSkills: s.MatchedSkills, Course: s.Course}
	}
	return out, basis, nil
}

// LanguageNote tells the user that a course is in a language they did not
// say they read, and why it is shown anyway. completedSome says that a
// course they completed in a language they read teaches one of the
// uncovered skills: such courses are never recommended, but they exist.
func LanguageNote(s Scored, completedSome bool) string {
	what := "teaches " + list(s.Uncovered)
	if len(s.Uncovered) == 0 {
		what = "matches " + s.UncoveredRole
	}
	none := "no course in a language you read"
	if completedSome {
		none += " that you have not completed"
	}
	return fmt.Sprintf("Taught in %s: %s %s.", LanguageName(s.Course.Language), none, what)
}

// completedReadable reports whether one of the completed courses is in a
// language p reads and teaches one of skills.
func completedReadable(p Profile, completed []*Course, skills []string) bool {
	return slices.ContainsFunc(completed, func(c *Course) bool {
		return p.Reads(c.Language) && slices.ContainsFunc(c.Skills, func(sk string) bool {
			return slices.ContainsFunc(skills, func(u string) bool { return strings.EqualFold(u, sk) })
		})
	})
}

// LanguageName is the English name of an ISO 639-1 code, or the code
// itself when it is not one.
func LanguageName(code string) string {
	tag, err := language.Parse(code)
	if err != nil {
		return fmt.Sprintf("the language %q", code)
	}
	if name := display.English.Languages().Name(tag); name != "" {
		return name
	}
	return fmt.Sprintf("the language %q", code)
}

// Requests builds the explain requests for ranked courses.
func Requests(p Profile, ranked []Scored, basis Basis) []ExplainRequest {
	gaps, _ := p.Gaps()
	reqs := make([]ExplainRequest, len(ranked))
	for i, s := range ranked {
		reqs[i] = ExplainRequest{Basis: basis, Goal: p.Goal, Gaps: gaps, Course: s.Course,
			MatchedSkills: s.MatchedSkills, RoleMatch: s.RoleMatch, SuggestedRoles: p.SuggestedRoles}
	}
	return reqs
}
