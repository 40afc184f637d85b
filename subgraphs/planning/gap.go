package planning

import "math"

// GapItem is one required skill compared with what the user holds.
type GapItem struct {
	Name          string // the role's (canonical) skill name
	RequiredLevel int
	Level         int // the user's level; 0 = not held
}

// SkillGap compares a user's skills with a role's requirements.
type SkillGap struct {
	Role       *Role
	Matched    []GapItem // held at or above the required level
	Missing    []GapItem // not held
	UnderLevel []GapItem // held below the required level
	// Readiness is the share of required skill levels the user already
	// covers, 0–100: Σ min(level, required) / Σ required.
	Readiness int
}

// Gap computes the skill gap between skills and role. Names are compared
// through c.Key, so aliases and spelling variants match.
func (c *Catalog) Gap(role *Role, skills []SkillLevel) SkillGap {
	have := map[string]int{}
	for _, s := range skills {
		k := c.Key(s.Name)
		have[k] = max(have[k], min(max(s.Level, 0), MaxLevel))
	}
	g := SkillGap{Role: role, Matched: []GapItem{}, Missing: []GapItem{}, UnderLevel: []GapItem{}}
	covered, total := 0, 0
	for _, req := range role.Skills {
		lvl := have[c.Key(req.Name)]
		it := GapItem{Name: req.Name, RequiredLevel: req.Level, Level: lvl}
		switch {
		case lvl == 0:
			g.Missing = append(g.Missing, it)
		case lvl < req.Level:
			g.UnderLevel = append(g.UnderLevel, it)
		default:
			g.Matched = append(g.Matched, it)
		}
		covered += min(lvl, req.Level)
		total += req.Level
	}
	if total > 0 {
		g.Readiness = int(math.Round(100 * float64(covered) / float64(total)))
	}
	return g
}

// Readiness is the readiness skills give for the role roleID; ok is false
// for a role not in the catalogue.
func (c *Catalog) Readiness(roleID string, skills []SkillLevel) (int, bool) {
	r, ok := c.Role(roleID)
	if !ok {
		return 0, false
	}
	return c.Gap(r, skills).Readiness, true
}
