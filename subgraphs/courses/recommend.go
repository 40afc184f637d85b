package courses

import (
	"math"
	"slices"
	"strings"
	"unicode"
)

// MaxRecommendations is how many recommendations are kept per user.
const MaxRecommendations = 50

// Goal is a user's active career goal as goal.changed described it.
type Goal struct {
	ID              string
	Title           string
	TargetRoleID    string
	TargetRoleTitle string
	RequiredSkills  []SkillLevel
}

// Profile is what the service knows about a user.
type Profile struct {
	UserID         string
	HasCV          bool
	Skills         []SkillLevel // the skill profile, or the latest analysed CV's skills before one exists
	SuggestedRoles []string     // role titles the CV analysis suggested
	Goal           *Goal        // the active goal, if any
	Completed      []string     // ids of courses the user completed: never recommended
	// Languages are the ISO 639-1 codes of the languages the user reads
	// besides English, which every user is assumed to read.
	Languages []string
}

// Reads reports whether the user reads lang. A course whose language is
// not recorded ("") is not held against it.
func (p Profile) Reads(lang string) bool {
	return lang == "" || strings.EqualFold(lang, "en") || slices.ContainsFunc(p.Languages, func(l string) bool { return strings.EqualFold(l, lang) })
}

// Basis says what a user's recommendations were computed from.
type Basis string

// The bases, from most to least informed.
const (
	BasisGoalAndCV Basis = "goal+cv" // the gap between CV skills and the goal's requirements
	BasisGoalOnly  Basis = "goal"    // no CV yet: every required skill counts as missing
	BasisCVOnly    Basis = "cv"      // no goal yet: the weakest CV skills and suggested roles
	BasisNone      Basis = ""        // nothing known: no recommendations
)

// Gap is one skill the user should build: from Have to Want (levels 0..5,
// 0 meaning the CV does not show it).
type Gap struct {
	Skill string
	Have  int
	Want  int
}

func (g Gap) deficit() int { return g.Want - g.Have }

// weakestSkills is how many of a goal-less user's weakest CV skills are targeted.
const weakestSkills = 6

// Gaps returns the skills to build, largest deficit first, and the basis.
func (p Profile) Gaps() ([]Gap, Basis) {
	have := map[string]int{}
	for _, s := range p.Skills {
		have[strings.ToLower(s.Name)] = s.Level
	}
	var gaps []Gap
	basis := BasisNone
	switch {
	case p.Goal != nil:
		basis = BasisGoalOnly
		if p.HasCV {
			basis = BasisGoalAndCV
		}
		for _, r := range p.Goal.RequiredSkills {
			if h := have[strings.ToLower(r.Name)]; h < r.Level {
				gaps = append(gaps, Gap{Skill: r.Name, Have: h, Want: r.Level})
			}
		}
	case p.HasCV:
		basis = BasisCVOnly
		weak := slices.Clone(p.Skills)
		slices.SortStableFunc(weak, func(a, b SkillLevel) int { return a.Level - b.Level })
		for _, s := range weak {
			if s.Level >= 4 || len(gaps) == weakestSkills {
				break
			}
			gaps = append(gaps, Gap{Skill: s.Name, Have: s.Level, Want: max(s.Level+1, 3)})
		}
	}
	slices.SortStableFunc(gaps, func(a, b Gap) int { return b.deficit() - a.deficit() })
	return gaps, basis
}

// Scored is a course ranked for a user, before its reason is written.
type Scored struct {
	Course        *Course
	Score         float64
	MatchedSkills []string // gap skills the course teaches, largest gap first
	RoleMatch     string   // the suggested role the course matches (cv basis only)
	// Foreign is set when the course is in a language the user does not
	// read: it is kept only because no course in their languages teaches
	// Uncovered (or matches UncoveredRole), and ranks after every course
	// they can read.
	Foreign       bool
	Uncovered     []string
	UncoveredRole string
}

// Weights of the score's parts; they sum to 1.
const (
	weightRelevance = 0.6 // coverage of the gap (and, without a goal, of suggested roles)
	weightLevel     = 0.2 // the course level suits the learner's current level
	weightRating    = 0.1
	weightCost      = 0.1 // free beats paid
	neutralRating   = 0.6 // for courses with no rating: neither rewarded nor punished much
)

// Rank scores every catalogue course against the profile and returns the
// best ones (at most MaxRecommendations), best first, ties by course id. It
// is deterministic: the same profile and catalogue give the same result.
// Courses in languages the user reads come first; one in another language
// is kept only for a gap skill no readable course teaches, and is marked
// Foreign so that the user is told, never shown it as if it fitted.
func Rank(p Profile, catalogue []*Course) ([]Scored, Basis) {
	gaps, basis := p.Gaps()
	if basis == BasisNone {
		return nil, basis
	}
	total := 0
	byName := map[string]Gap{}
	for _, g := range gaps {
		total += g.deficit()
		byName[strings.ToLower(g.Skill)] = g
	}
	roles := roleTokens(p.SuggestedRoles)
	var out []Scored
	for _, c := range catalogue {
		var matched []Gap
		for _, s := range c.Skills {
			if g, ok := byName[strings.ToLower(s)]; ok {
				matched = append(matched, g)
			}
		}
		coverage := 0.0
		for _, g := range matched {
			coverage += float64(g.deficit()) / float64(total)
		}
		relevance, roleMatch := coverage, ""
		if basis == BasisCVOnly && len(roles) > 0 {
			var rm float64
			rm, roleMatch = bestRoleMatch(c, roles)
			relevance = 0.7*coverage + 0.3*rm
		}
		if relevance == 0 {
			continue
		}
		s := Scored{Course: c, RoleMatch: roleMatch}
		slices.SortStableFunc(matched, func(a, b Gap) int { return b.deficit() - a.deficit() })
		for _, g := range matched {
			s.MatchedSkills = append(s.MatchedSkills, g.Skill)
		}
		s.Score = round4(weightRelevance*relevance + weightLevel*levelFit(c.Level, matched) +
			weightRating*ratingPart(c.Rating) + weightCost*costPart(c.Free))
		s.Foreign = !p.Reads(c.Language)
		out = append(out, s)
	}
	out = keepForeignForUncovered(out)
	slices.SortFunc(out, func(a, b Scored) int {
		if a.Foreign != b.Foreign {
			if b.Foreign {
				return -1
			}
			return 1
		}
		if a.Score != b.Score {
			if a.Score > b.Score {
				return -1
			}
			return 1
		}
		return strings.Compare(a.Course.ID, b.Course.ID)
	})
	if len(out) > MaxRecommendations {
		out = out[:MaxRecommendations]
	}
	return out, basis
}

// keepForeignForUncovered drops the foreign-language courses that teach
// only skills (and match only roles) some readable course does, and
// records on the others what they are the only way to learn.
func keepForeignForUncovered(scored []Scored) []Scored {
	covered, roles := map[string]bool{}, map[string]bool{}
	for _, s := range scored {
		if !s.Foreign {
			for _, m := range s.MatchedSkills {
				covered[strings.ToLower(m)] = true
			}
			roles[s.RoleMatch] = true
		}
	}
	out := scored[:0]
	for _, s := range scored {
		if s.Foreign {
			for _, m := range s.MatchedSkills {
				if !covered[strings.ToLower(m)] {
					s.Uncovered = append(s.Uncovered, m)
				}
			}
			if s.RoleMatch != "" && !roles[s.RoleMatch] {
				s.UncoveredRole = s.RoleMatch
			}
			if len(s.Uncovered) == 0 && s.UncoveredRole == "" {
				continue
			}
		}
		out = append(out, s)
	}
	return out
}

// levelFit is 1 when the course's level is the one that suits the learner's
// current level in the matched skills, less the further it is.
// A course whose source states no level scores the neutral 0.5.
func levelFit(l Level, matched []Gap) float64 {
	if len(matched) == 0 || !l.Valid() {
		return 0.5
	}
	idx := map[Level]float64{Beginner: 0, Intermediate: 1, Advanced: 2}[l]
	sum := 0.0
	for _, g := range matched {
		sum += math.Max(0, 1-math.Abs(idx-idealLevel(g.Have))/2)
	}
	return sum / float64(len(matched))
}

// idealLevel maps a current skill level (0..5) to the course level index
// (0 beginner, 1 intermediate, 2 advanced) that builds on it best.
func idealLevel(have int) float64 {
	switch {
	case have <= 1:
		return 0
	case have == 2:
		return 0.5
	case have == 3:
		return 1
	default:
		return 2
	}
}

func ratingPart(r *float64) float64 {
	if r == nil {
		return neutralRating
	}
	return *r / 5
}

func costPart(free bool) float64 {
	if free {
		return 1
	}
	return 0
}

func round4(f float64) float64 { return math.Round(f*10000) / 10000 }

type role struct {
	title  string
	tokens []string
}

// stopWords are role-title words that say nothing about the subject.
var stopWords = map[string]bool{"senior": true, "junior": true, "lead": true, "principal": true, "staff": true,
	"and": true, "of": true, "the": true, "i": true, "ii": true, "iii": true, "associate": true, "head": true}

func roleTokens(titles []string) []role {
	var out []role
	for _, t := range titles {
		r := role{title: t}
		for _, w := range words(t) {
			if !stopWords[w] {
				r.tokens = append(r.tokens, w)
			}
		}
		if len(r.tokens) > 0 {
			out = append(out, r)
		}
	}
	return out
}

// bestRoleMatch is the share of a suggested role's title words that occur
// in the course's title, description or skills, for the best role.
func bestRoleMatch(c *Course, roles []role) (float64, string) {
	text := map[string]bool{}
	for _, w := range words(c.Title + " " + c.Description + " " + strings.Join(c.Skills, " ")) {
		text[w] = true
		text[strings.TrimSuffix(w, "s")] = true
	}
	best, title := 0.0, ""
	for _, r := range roles {
		n := 0
		for _, t := range r.tokens {
			if text[t] || text[strings.TrimSuffix(t, "s")] {
				n++
			}
		}
		if f := float64(n) / float64(len(r.tokens)); f > best {
			best, title = f, r.title
		}
	}
	// One word of "Data Engineer" in a description is not a match: short
	// titles must match whole, longer ones by two thirds.
	if best < 1 && (len(roleTokensOf(roles, title)) < 3 || best < 2.0/3) {
		return 0, ""
	}
	return best, title
}

func words(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

func roleTokensOf(roles []role, title string) []string {
	for _, r := range roles {
		if r.title == title {
			return r.tokens
		}
	}
	return nil
}
