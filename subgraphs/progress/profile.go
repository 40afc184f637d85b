package progress

import (
	"cmp"
	"maps"
	"math"
	"slices"
	"time"
)

// EvidenceSource is one kind of evidence of a skill.
type EvidenceSource string

// Evidence sources, from the most to the least trusted at equal age.
const (
	FromQuiz    EvidenceSource = "QUIZ"    // measured by a quiz
	FromSelf    EvidenceSource = "SELF"    // the user's own rating: a correction outranks the CV
	FromCourse  EvidenceSource = "COURSE"  // a completed course that teaches the skill
	FromCV      EvidenceSource = "CV"      // found in the latest analysed CV
	FromRelated EvidenceSource = "RELATED" // inferred from a narrower skill (taxonomy)
)

// Evidence is one observation of a user's level in a skill.
type Evidence struct {
	Skill  string // canonical name
	Level  int    // 1–5
	Source EvidenceSource
	Detail string // CV snippet, course title, quiz score, narrower skill
	At     time.Time
}

// ProfileSkill is one skill of the combined profile.
type ProfileSkill struct {
	Name       string
	Level      int
	Confidence float64 // 0–1
	// Sources holds the newest evidence of each source, the deciding one first.
	Sources []Evidence
}

// Base weights of the combining rule (see Profiler.Build).
var sourceWeight = map[EvidenceSource]float64{
	FromQuiz:    1.0,
	FromSelf:    0.75,
	FromCourse:  0.7,
	FromCV:      0.6,
	FromRelated: 0.4,
}

const (
	// cvEvidenceBonus: a CV claim backed by evidence text counts more than a
	// bare keyword.
	cvEvidenceBonus = 0.1
	// agreeBonus is added to the confidence for every other source that
	// agrees with the level within one step.
	agreeBonus = 0.1
	// DefaultHalfLife: evidence loses half its weight every two years.
	DefaultHalfLife = 2 * 365 * 24 * time.Hour
)

// CourseLevel is the skill level a completed course of the catalogue's
// level demonstrates.
func CourseLevel(courseLevel string) int {
	switch courseLevel {
	case "ADVANCED":
		return 4
	case "INTERMEDIATE":
		return 3
	}
	return 2 // BEGINNER, or a course whose level is not known
}

// Profiler combines evidence into a profile. Broader names the broader
// skills a skill demonstrates (skills.Taxonomy.Broader); nil infers none.
type Profiler struct {
	Broader  func(name string) []string
	HalfLife time.Duration // 0 = DefaultHalfLife
}

// Build combines evidence into one profile, sorted by name. The rule:
//
//  1. Per skill and source only the newest evidence counts.
//  2. Each has a weight: its source's base weight (quiz 1.0 > self-rating
//     0.75 > completed course 0.7 > CV 0.6, +0.1 with evidence text >
//     related 0.4), halved for every HalfLife of age.
//  3. The heaviest evidence sets the level; a completed course newer than it
//     raises the level to the course's (you learned since you were rated).
//  4. Confidence is the deciding weight plus 0.1 for every other source
//     that agrees within one level, capped at 1.
//  5. A skill at level L counts as level L−1 (at least 1) of each broader
//     skill (Tableau → Data Visualization), as RELATED evidence that never
//     outranks direct evidence of equal age.
func (p Profiler) Build(evidence []Evidence, now time.Time) []ProfileSkill {
	direct := newestBySource(evidence)
	out := map[string]ProfileSkill{}
	for name, ev := range direct {
		out[name] = p.combine(name, ev, now)
	}
	if p.Broader != nil {
		related := map[string][]Evidence{}
		for _, name := range slices.Sorted(maps.Keys(out)) {
			s := out[name]
			for _, b := range p.Broader(name) {
				related[b] = append(related[b], Evidence{Skill: b, Level: max(s.Level-1, 1), Source: FromRelated,
					Detail: name, At: s.Sources[0].At})
			}
		}
		for b, evs := range related {
			best := slices.MaxFunc(evs, func(a, c Evidence) int { return cmp.Or(cmp.Compare(a.Level, c.Level), cmp.Compare(c.Detail, a.Detail)) })
			all := append(direct[b], best)
			out[b] = p.combine(b, all, now)
		}
	}
	list := make([]ProfileSkill, 0, len(out))
	for _, s := range out {
		list = append(list, s)
	}
	slices.SortFunc(list, func(a, b ProfileSkill) int { return cmp.Compare(a.Name, b.Name) })
	return list
}

func (p Profiler) weight(e Evidence, now time.Time) float64 {
	w := sourceWeight[e.Source]
	if e.Source == FromCV && e.Detail != "" {
		w += cvEvidenceBonus
	}
	half := p.HalfLife
	if half <= 0 {
		half = DefaultHalfLife
	}
	if age := now.Sub(e.At); age > 0 {
		w *= math.Pow(0.5, float64(age)/float64(half))
	}
	return w
}

// combine applies steps 2–4 of the rule to one skill's evidence (one per source).
func (p Profiler) combine(name string, evs []Evidence, now time.Time) ProfileSkill {
	evs = slices.Clone(evs)
	slices.SortStableFunc(evs, func(a, b Evidence) int {
		return cmp.Or(cmp.Compare(p.weight(b, now), p.weight(a, now)), b.At.Compare(a.At), cmp.Compare(a.Source, b.Source))
	})
	top := evs[0]
	level := top.Level
	for _, e := range evs[1:] {
		if e.Source == FromCourse && e.At.After(top.At) {
			level = max(level, e.Level)
		}
	}
	conf := p.weight(top, now)
	for _, e := range evs[1:] {
		if abs(e.Level-level) <= 1 {
			conf += agreeBonus
		}
	}
	return ProfileSkill{Name: name, Level: min(max(level, 1), 5), Confidence: math.Round(min(conf, 1)*100) / 100, Sources: evs}
}

// newestBySource keeps the newest evidence per skill and source.
func newestBySource(evidence []Evidence) map[string][]Evidence {
	type key struct {
		skill  string
		source EvidenceSource
	}
	newest := map[key]Evidence{}
	for _, e := range evidence {
		if e.Skill == "" || e.Level < 1 {
			continue
		}
		k := key{e.Skill, e.Source}
		if cur, ok := newest[k]; !ok || e.At.After(cur.At) || (e.At.Equal(cur.At) && e.Level > cur.Level) {
			newest[k] = e
		}
	}
	out := map[string][]Evidence{}
	for k, e := range newest {
		out[k.skill] = append(out[k.skill], e)
	}
	return out
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
