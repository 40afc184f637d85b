package jobad

import (
	"fmt"
	"math"
	"strings"

	"github.com/careercoach/coach/internal/skills"
)

// Held is something a person is known to have, with where that is known
// from. Without a Source it is no evidence and counts for nothing.
type Held struct {
	Name     string // canonical skill, certification or language name
	Level    int    // 1–5; 0 when the source gives no level
	Source   string // e.g. "skill profile (CV, quiz, courses)", "CV"
	Evidence string // the CV line, course or quiz that shows it, if known
}

// Person is what is known of the person a match is for. A nil or zero
// field is unknown, and the parts that need it say so instead of scoring.
type Person struct {
	Skills         []Held
	Certifications []Held
	Languages      []Held
	Years          *float64 // years of work experience
	Education      int      // highest level, EduHighSchool…EduDoctorate
	EducationFrom  string   // where the education is known from
	Occupations    []string // O*NET codes of the person's own job titles
	OccupationFrom string
}

// Part is one part of the match.
type Part string

// The parts of a match and their weights (points out of 100 when every
// part applies and is known).
const (
	PartHardSkills     Part = "HARD_SKILLS"
	PartSoftSkills     Part = "SOFT_SKILLS"
	PartTitle          Part = "TITLE"
	PartExperience     Part = "EXPERIENCE"
	PartEducation      Part = "EDUCATION"
	PartCertifications Part = "CERTIFICATIONS"
	PartLanguages      Part = "LANGUAGES"
)

// Parts lists the parts in display order with their weights.
var Parts = []struct {
	Part   Part
	Weight int
}{
	{PartHardSkills, 40}, {PartSoftSkills, 10}, {PartTitle, 10}, {PartExperience, 15},
	{PartEducation, 10}, {PartCertifications, 10}, {PartLanguages, 5},
}

// Status is how a requirement stands.
type Status string

// Requirement statuses.
const (
	Met     Status = "MET"
	Partly  Status = "PARTLY_MET" // held below the level asked for
	Missing Status = "MISSING"
	Unknown Status = "UNKNOWN" // Career Coach cannot know: not scored
)

// Item is one requirement of the ad as it stands for the person.
type Item struct {
	Requirement Requirement
	Part        Part
	Status      Status
	Held        *Held // what meets it, partly or fully
	Reason      string
	// Advice says what to do about a missing or partly met item; it never
	// suggests claiming what the person has no evidence of.
	Advice string
	// Gain is how many points the score would rise if this item were met
	// (0 for met and unknown items): the "what if".
	Gain int
	// credit 0–1 and weight (required 2, preferred 1) inside the part.
	credit, weight float64
}

// PartScore is the score of one part.
type PartScore struct {
	Part   Part
	Weight int
	// Points earned of Weight; meaningless when !Scored.
	Points float64
	// Scored is false when the ad asks nothing of this part or nothing
	// the part needs is known: its weight then goes to the other parts.
	Scored  bool
	Reasons []string
}

// Result is a match you can take apart.
type Result struct {
	Score int // 0–100, over the scored parts only
	// Coverage is the share of the ad's weight the score rests on, 0–1:
	// parts Career Coach cannot judge are left out, not guessed.
	Coverage float64
	Parts    []PartScore
	Items    []Item
}

// Matcher compares ads with people.
type Matcher struct {
	tax *skills.Taxonomy
	// related reports whether occupation a is related to b (O*NET related
	// occupations); nil knows none.
	related func(a, b string) bool
}

// NewMatcher builds a matcher; related may be nil.
func NewMatcher(tax *skills.Taxonomy, related func(a, b string) bool) *Matcher {
	return &Matcher{tax: tax, related: related}
}

// Match compares ad with p. A skill counts once and only with evidence:
// repeating a skill in the ad or holding it twice changes nothing.
func (m *Matcher) Match(ad *Ad, p Person) Result {
	held := m.index(p.Skills)
	certs := m.index(p.Certifications)
	langs := m.index(p.Languages)
	var items []Item
	for _, r := range ad.Requirements {
		it := Item{Requirement: r, weight: 1}
		if r.Required {
			it.weight = 2
		}
		switch r.Kind {
		case KindSkill:
			it.Part = PartHardSkills
			if r.Soft {
				it.Part = PartSoftSkills
			}
			m.judgeSkill(&it, held)
		case KindCertification:
			it.Part = PartCertifications
			m.judgeCert(&it, certs, held)
		case KindLanguage:
			it.Part = PartLanguages
			judgeLanguage(&it, langs, p.Languages == nil)
		case KindExperience:
			it.Part = PartExperience
			judgeYears(&it, p.Years)
		case KindEducation:
			it.Part = PartEducation
			judgeEducation(&it, p)
		}
		items = append(items, it)
	}
	if ad.Title.Occupation != nil {
		items = append(items, m.judgeTitle(ad.Title, p))
	}
	res := score(items)
	for i := range res.Items {
		it := &res.Items[i]
		it.Advice = advice(*it)
		if it.Status == Missing || it.Status == Partly {
			saved := it.credit
			it.credit = 1
			it.Gain = max(score(res.Items).Score-res.Score, 0)
			it.credit = saved
		}
	}
	return res
}

// index keys what a person holds by canonical name; entries without a
// source are no evidence and are dropped, duplicates keep the highest level.
func (m *Matcher) index(hs []Held) map[string]Held {
	out := map[string]Held{}
	for _, h := range hs {
		if strings.TrimSpace(h.Source) == "" || strings.TrimSpace(h.Name) == "" {
			continue
		}
		k := m.key(h.Name)
		if old, ok := out[k]; !ok || h.Level > old.Level {
			out[k] = h
		}
	}
	return out
}

func (m *Matcher) key(name string) string {
	if s, ok := m.tax.Lookup(name); ok {
		return s.Name
	}
	return strings.ToLower(strings.TrimSpace(name))
}

func (m *Matcher) judgeSkill(it *Item, held map[string]Held) {
	r := it.Requirement
	h, ok := held[m.key(r.Name)]
	want := max(r.Level, 1)
	switch {
	case !ok:
		it.Status, it.Reason = Missing, fmt.Sprintf("Career Coach has no evidence of %s.", r.Name)
	case h.Level > 0 && h.Level < want:
		it.Status, it.Held, it.credit = Partly, &h, float64(h.Level)/float64(want)
		it.Reason = fmt.Sprintf("%s at level %d (%s); the ad asks for about level %d.", r.Name, h.Level, h.Source, want)
	default:
		it.Status, it.Held, it.credit = Met, &h, 1
		it.Reason = fmt.Sprintf("%s at level %d (%s).", r.Name, h.Level, h.Source)
	}
}

// judgeCert: a certification is met by the certification itself; the
// skill it proves (BLS → Basic Life Support) only partly meets it, since
// the skill is not the certificate.
func (m *Matcher) judgeCert(it *Item, certs, held map[string]Held) {
	r := it.Requirement
	if h, ok := certs[m.key(r.Name)]; ok {
		it.Status, it.Held, it.credit = Met, &h, 1
		it.Reason = fmt.Sprintf("%s (%s).", r.Name, h.Source)
		return
	}
	if r.Skill != "" {
		if h, ok := held[m.key(r.Skill)]; ok {
			it.Status, it.Held, it.credit = Partly, &h, 0.5
			it.Reason = fmt.Sprintf("You have %s (%s), which %s certifies; Career Coach does not know whether you hold the certificate.", r.Skill, h.Source, r.Name)
			return
		}
	}
	it.Status, it.Reason = Missing, fmt.Sprintf("Career Coach has no evidence of %s.", r.Name)
}

func judgeLanguage(it *Item, langs map[string]Held, unknown bool) {
	r := it.Requirement
	h, ok := langs[strings.ToLower(r.Name)]
	for k, v := range langs {
		if strings.EqualFold(k, r.Name) {
			h, ok = v, true
		}
	}
	switch {
	case ok && (r.Level == 0 || h.Level == 0 || h.Level >= r.Level):
		it.Status, it.Held, it.credit = Met, &h, 1
		it.Reason = fmt.Sprintf("%s (%s).", r.Name, h.Source)
	case ok:
		it.Status, it.Held, it.credit = Partly, &h, float64(h.Level)/float64(r.Level)
		it.Reason = fmt.Sprintf("%s at level %d of 5 (%s); the ad asks for level %d.", r.Name, h.Level, h.Source, r.Level)
	case unknown:
		it.Status, it.Reason = Unknown, "Career Coach does not know which languages you speak."
	default:
		it.Status, it.Reason = Missing, fmt.Sprintf("Career Coach has no evidence that you speak %s.", r.Name)
	}
}

func judgeYears(it *Item, years *float64) {
	r := it.Requirement
	switch {
	case years == nil:
		it.Status, it.Reason = Unknown, "Career Coach does not know your years of experience."
	case *years >= r.Years:
		it.Status, it.credit = Met, 1
		it.Reason = fmt.Sprintf("You have %.1f years; the ad asks for %g.", *years, r.Years)
	case *years > 0:
		it.Status, it.credit = Partly, *years/r.Years
		it.Reason = fmt.Sprintf("You have %.1f years; the ad asks for %g.", *years, r.Years)
	default:
		it.Status, it.Reason = Missing, fmt.Sprintf("The ad asks for %g years of experience.", r.Years)
	}
}

func judgeEducation(it *Item, p Person) {
	r := it.Requirement
	switch {
	case p.Education == 0:
		it.Status, it.Reason = Unknown, "Career Coach does not know your education."
	case p.Education >= r.Level:
		it.Status, it.credit = Met, 1
		it.Reason = fmt.Sprintf("%s (%s).", EducationName(p.Education), p.EducationFrom)
	default:
		it.Status, it.credit = Partly, float64(p.Education)/float64(r.Level)
		it.Reason = fmt.Sprintf("%s (%s); the ad asks for a %s.", EducationName(p.Education), p.EducationFrom, r.Name)
	}
}

// judgeTitle compares the ad's occupation with the person's own.
func (m *Matcher) judgeTitle(t Title, p Person) Item {
	o := t.Occupation
	it := Item{Part: PartTitle, weight: 2, Requirement: Requirement{Kind: "TITLE", Name: o.Title, Required: true,
		Sentence: t.Text}}
	if p.Occupations == nil {
		it.Status, it.Reason = Unknown, fmt.Sprintf("Career Coach does not know your job titles, so it cannot compare them with %s.", o.Title)
		return it
	}
	for _, c := range p.Occupations {
		if c == o.Code {
			it.Status, it.credit = Met, 1
			it.Reason = fmt.Sprintf("You have worked as %s (%s).", o.Title, p.OccupationFrom)
			return it
		}
	}
	for _, c := range p.Occupations {
		if m.related != nil && m.related(o.Code, c) {
			it.Status, it.credit = Partly, 0.5
			it.Reason = fmt.Sprintf("Your work (%s) is in an occupation O*NET relates to %s.", p.OccupationFrom, o.Title)
			return it
		}
	}
	it.Status, it.Reason = Missing, fmt.Sprintf("None of your job titles is %s or related to it.", o.Title)
	return it
}

// score sums the items into parts and the total.
func score(items []Item) Result {
	res := Result{Items: items}
	var earned, scoredWeight, adWeight float64
	for _, pw := range Parts {
		ps := PartScore{Part: pw.Part, Weight: pw.Weight}
		var got, total float64
		asked, unknown := 0, 0
		for _, it := range items {
			if it.Part != pw.Part {
				continue
			}
			asked++
			if it.Status == Unknown {
				unknown++
				continue
			}
			got += it.credit * it.weight
			total += it.weight
		}
		if asked > 0 {
			adWeight += float64(pw.Weight)
		}
		switch {
		case asked == 0:
			ps.Reasons = append(ps.Reasons, "The ad asks nothing here.")
		case total == 0:
			ps.Reasons = append(ps.Reasons, "Not scored: Career Coach cannot judge this part (see the requirements).")
		default:
			ps.Scored = true
			ps.Points = math.Round(10*float64(pw.Weight)*got/total) / 10
			earned += float64(pw.Weight) * got / total
			scoredWeight += float64(pw.Weight)
			ps.Reasons = append(ps.Reasons, fmt.Sprintf("%.1f of %d requirement weight met (required counts twice).", got, int(total)))
			if unknown > 0 {
				ps.Reasons = append(ps.Reasons, fmt.Sprintf("%d requirement(s) not scored: Career Coach cannot know them.", unknown))
			}
		}
		res.Parts = append(res.Parts, ps)
	}
	if scoredWeight > 0 {
		res.Score = int(math.Round(100 * earned / scoredWeight))
	}
	if adWeight > 0 {
		res.Coverage = math.Round(100*scoredWeight/adWeight) / 100
	}
	return res
}

// advice for one item. Where the person may have what Career Coach has no
// evidence of, the advice is to show the evidence (the CV line), never to
// add the word.
func advice(it Item) string {
	r := it.Requirement
	switch {
	case it.Status == Unknown:
		return "Compare this with your CV yourself; Career Coach cannot check it."
	case it.Status == Met:
		return ""
	case it.Part == PartHardSkills || it.Part == PartSoftSkills:
		if it.Status == Partly {
			return fmt.Sprintf("If your work shows more %s than level %d, extend the CV bullet where you used it with what you did and its result, or take a quiz to measure it; otherwise practise it.", r.Name, it.Held.Level)
		}
		return fmt.Sprintf("If you have used %s, add it to your CV in the experience section, as a bullet of the position where you used it; if you have not, learn it before claiming it.", r.Name)
	case it.Part == PartCertifications:
		return fmt.Sprintf("If you hold %s, list it in your CV's certifications section with its date; otherwise plan it as a milestone.", r.Name)
	case it.Part == PartLanguages:
		return fmt.Sprintf("If you speak %s, add it to your CV's languages with your level.", r.Name)
	case it.Part == PartExperience:
		return "Make the dates of your positions clear in your CV; years cannot be added, but related work (projects, volunteering) can be shown."
	case it.Part == PartEducation:
		return fmt.Sprintf("The ad asks for a %s; check whether it accepts equivalent experience.", r.Name)
	}
	return ""
}
