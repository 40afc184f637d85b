// Package jobad reads a job advertisement offline: the title (mapped to an
// O*NET occupation), the required and preferred skills (the shared skills
// taxonomy's matcher, the one the CV analysis uses), years of experience,
// education, certifications and languages. Every requirement keeps the
// sentence it came from. Match (match.go) compares an ad with what a person
// is known to hold, in parts that can be taken apart.
//
// The walk over an ad is linear and bounded: an ad is at most MaxAdBytes,
// it is read once line by line, and every pattern runs on one sentence.
package jobad

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/careercoach/coach/internal/skills"
	"github.com/careercoach/coach/subgraphs/planning/occupations"
)

// MaxAdBytes bounds an ad: long ads run to ~1,500 words (~10 KB); this is
// three times that.
const MaxAdBytes = 30_000

// ErrAdTooLong and ErrAdEmpty are the input errors Parse returns.
var (
	ErrAdTooLong = fmt.Errorf("the job ad is over %d bytes: paste the ad without the rest of the page", MaxAdBytes)
	ErrAdEmpty   = errors.New("the job ad is empty")
	ErrAdInvalid = errors.New("the job ad is not valid UTF-8 text")
)

// Kind is what a requirement asks for.
type Kind string

// Requirement kinds.
const (
	KindSkill         Kind = "SKILL"
	KindExperience    Kind = "EXPERIENCE"
	KindEducation     Kind = "EDUCATION"
	KindCertification Kind = "CERTIFICATION"
	KindLanguage      Kind = "LANGUAGE"
)

// Requirement is one thing the ad asks for.
type Requirement struct {
	Kind Kind
	// Name is the canonical skill name, the education level's name
	// ("Bachelor's degree"), the certification, the language, or for
	// experience "N+ years of experience".
	Name     string
	Category string // the skill's taxonomy category
	Soft     bool   // a soft skill (communication, teamwork, ...)
	Required bool   // false: preferred ("a plus", "nice to have")
	// Level is the skill level asked for (1–5), the education level
	// (EduHighSchool…EduDoctorate) or the language's CEFR-like level
	// (1 basic … 5 native); 0 when the ad does not say.
	Level int
	Years float64 // experience: minimum years
	// Skill is the taxonomy skill a certification proves ("BLS" → Basic
	// Life Support), or the skill an experience requirement is about.
	Skill    string
	Sentence string // the ad's sentence it came from, as written
}

// Title is the ad's job title and the occupation it maps to.
type Title struct {
	Text       string // as given or as read from the ad
	Occupation *occupations.Occupation
	// Confidence of the mapping, 0–1: 1 for a title O*NET lists, lower
	// when seniority words had to go, the title had to be shortened, or
	// several occupations share it and the ad's skills chose.
	Confidence float64
	How        string // how the occupation was chosen, for the user
}

// Ad is a parsed job ad.
type Ad struct {
	Title        Title
	Requirements []Requirement
}

// Parser reads ads. It is immutable and safe for concurrent use.
type Parser struct {
	tax    *skills.Taxonomy
	titles *titleMapper
}

// NewParser builds a parser over the skills taxonomy and the occupation
// catalogue (idx indexes ds).
func NewParser(tax *skills.Taxonomy, ds *occupations.Dataset, idx *occupations.Index) *Parser {
	return &Parser{tax: tax, titles: newTitleMapper(tax, ds, idx)}
}

// Parse reads text, whose title is title ("" to read it from the ad).
func (p *Parser) Parse(ctx context.Context, text, title string) (*Ad, error) {
	switch {
	case len(text) > MaxAdBytes:
		return nil, ErrAdTooLong
	case !utf8.ValidString(text) || !utf8.ValidString(title):
		return nil, ErrAdInvalid
	case strings.TrimSpace(text) == "":
		return nil, ErrAdEmpty
	}
	sents, firstLine, err := sentences(ctx, text)
	if err != nil {
		return nil, err
	}
	ad := &Ad{}
	var c collector
	for i, s := range sents {
		if i%64 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, fmt.Errorf("reading the job ad: %w", err)
			}
		}
		p.read(s, &c)
	}
	ad.Requirements = c.out
	if strings.TrimSpace(title) == "" {
		title = firstLine
	}
	ad.Title = p.titles.mapTitle(title, skillNames(ad.Requirements))
	return ad, nil
}

// read extracts the requirements of one sentence.
func (p *Parser) read(s sentence, c *collector) {
	if s.mode == modeIgnore || negated(s.lower) {
		return
	}
	required := func(at int) bool { return s.requiredAt(at) }
	certs := findCerts(s.text)
	langs := findLanguages(s, p.tax)
	level := skillLevel(s.lower)
	edus := findEducation(s)
	from := subjectEnd(s.lower)
	var about []string
	for _, m := range p.tax.Find(s.text) {
		if m.Start < from || overlaps(certs, m.Start, m.End) || overlapsLang(langs, m.Start, m.End) ||
			IsLanguage(m.Skill.Name) || degreeField(s.text, edus, m.Start) {
			continue
		}
		about = append(about, m.Skill.Name)
		c.add(Requirement{Kind: KindSkill, Name: m.Skill.Name, Category: m.Skill.Category, Soft: isSoft(m.Skill),
			Required: required(m.Start), Level: level, Sentence: s.text})
	}
	for _, ct := range certs {
		r := Requirement{Kind: KindCertification, Name: ct.name, Required: required(ct.start), Sentence: s.text}
		if sk, ok := p.tax.Lookup(ct.skill); ok && ct.skill != "" {
			r.Skill = sk.Name
		}
		c.add(r)
	}
	for _, l := range langs {
		c.add(Requirement{Kind: KindLanguage, Name: l.name, Level: l.level, Required: required(l.start), Sentence: s.text})
	}
	for _, y := range findYears(s.lower) {
		r := Requirement{Kind: KindExperience, Name: yearsName(y.n), Years: y.n, Required: required(y.at), Sentence: s.text}
		if len(about) == 1 {
			r.Skill = about[0]
		}
		c.add(r)
	}
	for _, e := range edus {
		c.add(Requirement{Kind: KindEducation, Name: eduNames[e.level], Level: e.level, Required: required(e.start), Sentence: s.text})
	}
}

// subjectEnd: in "Apex Electric is hiring ..." or "Lincoln High School
// seeks ..." what stands before the verb is the employer, not a skill.
func subjectEnd(low string) int {
	for _, v := range []string{" is hiring", " are hiring", " is looking for", " are looking for", " seeks ", " is seeking"} {
		if i := strings.Index(low, v); i >= 0 {
			return i + len(v)
		}
	}
	return 0
}

// degreeField: skills after a degree in the same part of the sentence are
// its field of study ("Bachelor's degree in Accounting or Finance"), not
// skills asked for.
// edus are in order; a field runs from the degree to the next ";".
func degreeField(text string, edus []edu, at int) bool {
	i := sort.Search(len(edus), func(i int) bool { return edus[i].end > at }) - 1
	if i < 0 {
		return false
	}
	e := edus[i]
	semi := strings.IndexByte(text[e.end:], ';')
	return semi < 0 || at < e.end+semi
}

func yearsName(y float64) string {
	return fmt.Sprintf("%g+ years of experience", y)
}

// collector keeps each requirement once: a skill the ad names five times
// is one requirement, required if any mention requires it, from the first
// sentence that named it.
type collector struct {
	out  []Requirement
	seen map[string]int
}

func (c *collector) add(r Requirement) {
	if c.seen == nil {
		c.seen = map[string]int{}
	}
	k := string(r.Kind) + "\x00" + strings.ToLower(r.Name)
	if i, ok := c.seen[k]; ok {
		old := &c.out[i]
		if r.Required && !old.Required {
			old.Required, old.Sentence = true, r.Sentence
		}
		old.Level = max(old.Level, r.Level)
		if old.Skill == "" {
			old.Skill = r.Skill
		}
		return
	}
	c.seen[k] = len(c.out)
	c.out = append(c.out, r)
}

func skillNames(rs []Requirement) []string {
	var out []string
	for _, r := range rs {
		if r.Kind == KindSkill {
			out = append(out, r.Name)
		}
	}
	return out
}

func overlaps(cs []cert, start, end int) bool {
	for _, c := range cs {
		if start < c.end && c.start < end {
			return true
		}
	}
	return false
}
