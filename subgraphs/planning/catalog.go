package planning

import (
	"embed"
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode"
)

//go:embed data/*.json
var dataFiles embed.FS

// Role categories and seniorities, as GraphQL names them.
var (
	Categories  = []string{"SOFTWARE", "DATA", "PRODUCT", "DESIGN", "CLOUD", "SECURITY", "MANAGEMENT", "MARKETING", "SALES", "FINANCE", "HR", "EDUCATION", "HEALTHCARE"}
	Seniorities = []string{"JUNIOR", "MID", "SENIOR", "STAFF", "LEAD", "EXECUTIVE"}
)

// Role is a job in the catalogue with the skills it needs.
type Role struct {
	ID          string
	Title       string
	Category    string
	Seniority   string
	Description string
	ONetSOC     string // O*NET-SOC 2019 code the requirements were built from, e.g. 15-1252.00
	MarketSOC   string // SOC code of the published BLS figures, e.g. 15-1252
	Skills      []SkillLevel
	Next        []string // role ids one transition away
}

// SkillKeyFunc maps a skill name or alias to the key two names of one
// skill share: the taxonomy's canonical name when it knows the skill.
type SkillKeyFunc func(name string) string

// Catalog is the embedded reference data; it is read-only after Load.
type Catalog struct {
	roles     []*Role
	byID      map[string]*Role
	market    *MarketData
	questions []*Question
	qByID     map[string]*Question
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
	m, err := loadMarket(c)
	if err != nil {
		return nil, err
	}
	c.market = m
	if err := c.loadQuestions(); err != nil {
		return nil, err
	}
	return c, nil
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
		if role.ID == "" || role.Title == "" || !slices.Contains(Categories, r.Category) || !slices.Contains(Seniorities, r.Seniority) {
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
		}
		if len(role.Skills) == 0 {
			return fmt.Errorf("roles dataset: role %q has no skills", r.ID)
		}
		c.roles = append(c.roles, role)
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

// Roles returns the roles of category ("" = all), in catalogue order.
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

// SkillNames returns every skill name the datasets use, sorted, unique.
func (c *Catalog) SkillNames() []string {
	set := map[string]bool{}
	for _, r := range c.roles {
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
