package planning

import (
	"embed"
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/careercoach/coach/internal/skills"
	"github.com/careercoach/coach/subgraphs/planning/occupations"
)

//go:embed data/*.json
var dataFiles embed.FS

// Seniorities are the role seniorities, as GraphQL names them.
var Seniorities = []string{"JUNIOR", "MID", "SENIOR", "STAFF", "LEAD", "EXECUTIVE"}

// IsCategory reports whether id is one of AllCategories.
func IsCategory(id string) bool {
	return slices.ContainsFunc(AllCategories, func(c Category) bool { return c.ID == id })
}

// Role is a job in the catalogue with the skills it needs: an O*NET
// occupation (Occupation true, ID its O*NET-SOC code) or one of the
// hand-written roles (ID a slug such as "data-engineer"), each a
// specialisation of the occupation ONetSOC names.
type Role struct {
	ID          string
	Title       string
	Category    string
	Seniority   string
	Description string
	ONetSOC     string // O*NET-SOC 2019 code the requirements were built from, e.g. 15-1252.00
	MarketSOC   string // SOC code of the published BLS figures, e.g. 15-1252; "" when BLS publishes none
	Skills      []SkillLevel
	Basis       []SkillBasis // Basis[i] is where Skills[i] comes from
	Next        []string     // role ids one transition away
	Occupation  bool
	JobZone     int      // O*NET job zone 1–5 (preparation needed); 0 = not rated
	AltTitles   []string // O*NET alternate titles (occupations only)
	next        []edge   // Next with each step's cost, for the path finder
	keys        []string // keys[i] is Catalog.Key(Skills[i]), computed once
}

// BasisOf returns where r's requirement of skill name comes from.
func (r *Role) BasisOf(name string) SkillBasis {
	for i, s := range r.Skills {
		if s.Name == name && i < len(r.Basis) {
			return r.Basis[i]
		}
	}
	return SkillBasis{Source: SourceCatalogue, Basis: "Career Coach role catalogue"}
}

// skillKeys returns the keys of r's skills, computed once per role.
func (c *Catalog) skillKeys(r *Role) []string {
	if len(r.keys) == len(r.Skills) {
		return r.keys
	}
	keys := make([]string, len(r.Skills))
	for i, s := range r.Skills {
		keys[i] = c.Key(s.Name)
	}
	return keys
}

// SkillKeyFunc maps a skill name or alias to the key two names of one
// skill share: the taxonomy's canonical name when it knows the skill.
type SkillKeyFunc func(name string) string

// Catalog is the embedded reference data; it is read-only after Load.
type Catalog struct {
	roles       []*Role // named, then occupations
	named       []*Role // the hand-written roles, in dataset order
	occupations []*Role // by title
	byID        map[string]*Role
	pos         map[string]int // index in roles
	index       *occupations.Index
	dataset     *occupations.Dataset
	taxonomy    *skills.Taxonomy
	market      *MarketData
	questions   []*Question
	qByID       map[string]*Question
	// Key compares skill names (never nil).
	Key SkillKeyFunc
}

// NormalizeSkill is the fallback skill key: letters, digits, '+' and '#'
// lower-cased, so "Node.js", "node js" and "NodeJS" compare equal while
// "C", "C++" and "C#" stay apart.
func NormalizeSkill(name string) string {
	var b strings.Builder
	for _, r := range name {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(unicode.ToLower(r))
		case r == '+' || r == '#':
			b.WriteRune(r)
		}
	}
	return b.String()
}

type rawRoles struct {
	Roles []struct {
		ID          string   `json:"id"`
		Title       string   `json:"title"`
		Category    string   `json:"category"`
		Seniority   string   `json:"seniority"`
		ONet        string   `json:"onet"`
		Market      string   `json:"market"`
		Description string   `json:"description"`
		Skills      []string `json:"skills"`
	} `json:"roles"`
	Transitions [][2]string `json:"transitions"`
}

// Load parses the embedded datasets and checks their integrity. key may be
// nil (NormalizeSkill is used).
func Load(key SkillKeyFunc) (*Catalog, error) {
	if key == nil {
		key = NormalizeSkill
	}
	c := &Catalog{byID: map[string]*Role{}, Key: key}
	if err := c.loadRoles(); err != nil {
		return nil, err
	}
	ds, err := occupations.Load()
	if err != nil {
		return nil, fmt.Errorf("load occupations dataset: %w", err)
	}
	tax, err := skills.Load()
	if err != nil {
		return nil, fmt.Errorf("load skills taxonomy: %w", err)
	}
	if err := c.loadOccupations(ds, tax); err != nil {
		return nil, err
	}
	c.roles = append(slices.Clone(c.named), c.occupations...)
	for _, r := range c.roles {
		r.keys = c.skillKeys(r)
	}
	c.index, c.dataset, c.taxonomy = occupations.NewIndex(ds), ds, tax
	if err := c.linkGraph(ds); err != nil {
		return nil, err
	}
	m, err := loadMarket(c, ds)
	if err != nil {
		return nil, err
	}
	c.market = m
	if err := c.loadQuestions(); err != nil {
		return nil, err
	}
	return c, nil
}

// Occupations returns the O*NET dataset the catalogue was built from, its
// title index and the skills taxonomy, for readers (the job-ad parser) that
// need them too: the dataset is decoded once per process. All read-only.
func (c *Catalog) Occupations() (*occupations.Dataset, *occupations.Index, *skills.Taxonomy) {
	return c.dataset, c.index, c.taxonomy
}

func (c *Catalog) loadRoles() error {
	raw, err := dataFiles.ReadFile("data/roles.json")
	if err != nil {
		return fmt.Errorf("read roles dataset: %w", err)
	}
	var rr rawRoles
	if err := json.Unmarshal(raw, &rr); err != nil {
		return fmt.Errorf("parse roles dataset: %w", err)
	}
	for _, r := range rr.Roles {
		role := &Role{ID: r.ID, Title: r.Title, Category: r.Category, Seniority: r.Seniority, Description: r.Description,
			ONetSOC: r.ONet, MarketSOC: r.Market}
		if role.ID == "" || role.Title == "" || !IsCategory(r.Category) || !slices.Contains(Seniorities, r.Seniority) {
			return fmt.Errorf("roles dataset: role %q: missing id/title or unknown category/seniority", r.ID)
		}
		if _, dup := c.byID[role.ID]; dup {
			return fmt.Errorf("roles dataset: duplicate role %q", role.ID)
		}
		seen := map[string]bool{}
		for _, s := range r.Skills {
			i := strings.LastIndexByte(s, ':')
			lvl, err := strconv.Atoi(s[i+1:])
			if i <= 0 || err != nil || lvl < 1 || lvl > MaxLevel {
				return fmt.Errorf("roles dataset: role %q: skill %q is not Name:level (1-5)", r.ID, s)
			}
			name := s[:i]
			if seen[c.Key(name)] {
				return fmt.Errorf("roles dataset: role %q lists %q twice", r.ID, name)
			}
			seen[c.Key(name)] = true
			role.Skills = append(role.Skills, SkillLevel{Name: name, Level: lvl})
			role.Basis = append(role.Basis, SkillBasis{Source: SourceCatalogue,
				Basis: "Career Coach role catalogue: skills chosen from the O*NET profile, levels by editorial judgement (hand-written)"})
		}
		if len(role.Skills) == 0 {
			return fmt.Errorf("roles dataset: role %q has no skills", r.ID)
		}
		c.named = append(c.named, role)
		c.byID[role.ID] = role
	}
	for _, t := range rr.Transitions {
		from, ok1 := c.byID[t[0]]
		_, ok2 := c.byID[t[1]]
		if !ok1 || !ok2 || t[0] == t[1] {
			return fmt.Errorf("roles dataset: bad transition %v", t)
		}
		if slices.Contains(from.Next, t[1]) {
			return fmt.Errorf("roles dataset: duplicate transition %v", t)
		}
		from.Next = append(from.Next, t[1])
	}
	return nil
}

// NamedRoles returns the hand-written roles, in dataset order.
func (c *Catalog) NamedRoles() []*Role {
	return slices.Clone(c.named)
}

// Roles returns the roles of category ("" = all): the hand-written roles
// in dataset order, then the occupations by title.
func (c *Catalog) Roles(category string) []*Role {
	if category == "" {
		return slices.Clone(c.roles)
	}
	var out []*Role
	for _, r := range c.roles {
		if r.Category == category {
			out = append(out, r)
		}
	}
	return out
}

// Role returns a role by id.
func (c *Catalog) Role(id string) (*Role, bool) {
	r, ok := c.byID[id]
	return r, ok
}

// NextRoles returns the roles one transition away from r.
func (c *Catalog) NextRoles(r *Role) []*Role {
	out := make([]*Role, 0, len(r.Next))
	for _, id := range r.Next {
		out = append(out, c.byID[id])
	}
	return out
}

// SkillNames returns every skill name the hand-written datasets (named
// roles, interview questions) use, sorted, unique.
func (c *Catalog) SkillNames() []string {
	set := map[string]bool{}
	for _, r := range c.named {
		for _, s := range r.Skills {
			set[s.Name] = true
		}
	}
	for _, q := range c.questions {
		if q.Skill != "" {
			set[q.Skill] = true
		}
	}
	out := make([]string, 0, len(set))
	for s := range set {
		out = append(out, s)
	}
	slices.Sort(out)
	return out
}
