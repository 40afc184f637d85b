package planning

import (
	"slices"
	"strings"

	"github.com/careercoach/coach/internal/apperr"
	"github.com/careercoach/coach/subgraphs/planning/occupations"
)

// Limits on role search input and pages.
const (
	MaxSearchQuery = 200 // bytes
	MaxSearchPage  = 50
	MaxRolesPage   = 200
)

// RoleHit is a role found by title, with the title that matched (the
// role's own, or an O*NET alternate title of its occupation).
type RoleHit struct {
	Role         *Role
	MatchedTitle string
}

// SearchRoles finds roles by title and alternate title: every word of q
// must start a word of the title. Hand-written roles come first, then
// occupations as the title index ranks them (O*NET titles before
// alternate titles, shorter before longer). category ("" = all) filters;
// the page is hits[offset:offset+first] of total. The caller bounds q,
// offset and first (ErrInvalid otherwise).
func (c *Catalog) SearchRoles(q, category string, offset, first int) (page []RoleHit, total int, err error) {
	if len(q) > MaxSearchQuery || strings.TrimSpace(q) == "" {
		return nil, 0, apperr.Errorf(apperr.Invalid, "query must be 1–%d bytes", MaxSearchQuery)
	}
	if first < 1 || first > MaxSearchPage || offset < 0 || offset > len(c.roles) {
		return nil, 0, apperr.Errorf(apperr.Invalid, "first must be 1–%d and offset 0–%d", MaxSearchPage, len(c.roles))
	}
	qt := c.searchTokens(q)
	var hits []RoleHit
	keep := func(r *Role) bool { return r != nil && (category == "" || r.Category == category) }
	for _, r := range c.named {
		if keep(r) && c.titleHas(r.Title, qt) {
			hits = append(hits, RoleHit{Role: r, MatchedTitle: r.Title})
		}
	}
	for _, h := range c.index.SearchTitles(q, len(c.occupations)) {
		if r := c.byID[h.Occupation.Code]; keep(r) {
			hits = append(hits, RoleHit{Role: r, MatchedTitle: h.Title})
		}
	}
	total = len(hits)
	if offset >= total {
		return []RoleHit{}, total, nil
	}
	return hits[offset:min(total, offset+first)], total, nil
}

func (c *Catalog) searchTokens(q string) []string {
	return occupations.Tokens(q, occupations.MaxQueryTokens)
}

// titleHas reports whether every query token starts a word of title.
func (c *Catalog) titleHas(title string, qt []string) bool {
	if len(qt) == 0 {
		return false
	}
	words := occupations.Tokens(title, -1)
	for _, t := range qt {
		if !slices.ContainsFunc(words, func(w string) bool { return strings.HasPrefix(w, t) }) {
			return false
		}
	}
	return true
}

// RolesForTitle returns the roles a job title names exactly (case,
// punctuation, spacing and plurals aside): a hand-written role of that
// title, then the occupations whose O*NET or alternate title it is. For
// recognising the titles in a CV; "RN" finds Registered Nurses.
func (c *Catalog) RolesForTitle(title string) []*Role {
	if len(title) > MaxSearchQuery {
		return nil
	}
	want := strings.Join(occupations.Tokens(title, -1), " ")
	if want == "" {
		return nil
	}
	var out []*Role
	for _, r := range c.named {
		if strings.Join(occupations.Tokens(r.Title, -1), " ") == want {
			out = append(out, r)
		}
	}
	for _, o := range c.index.Match(title) {
		if r := c.byID[o.Code]; r != nil {
			out = append(out, r)
		}
	}
	return out
}

// Page returns roles[offset:offset+first] of category ("" = all) and the
// category's total.
func (c *Catalog) Page(category string, offset, first int) ([]*Role, int, error) {
	if first < 1 || first > MaxRolesPage || offset < 0 {
		return nil, 0, apperr.Errorf(apperr.Invalid, "first must be 1–%d and offset at least 0", MaxRolesPage)
	}
	all := c.Roles(category)
	if offset >= len(all) {
		return []*Role{}, len(all), nil
	}
	return all[offset:min(len(all), offset+first)], len(all), nil
}

// CategoryCount is a category with the number of roles in it.
type CategoryCount struct {
	Category
	Roles int
}

// CategoryCounts lists every category with its role count, in browsing order.
func (c *Catalog) CategoryCounts() []CategoryCount {
	n := map[string]int{}
	for _, r := range c.roles {
		n[r.Category]++
	}
	out := make([]CategoryCount, len(AllCategories))
	for i, cat := range AllCategories {
		out[i] = CategoryCount{cat, n[cat.ID]}
	}
	return out
}

// RolesRequiring returns how many roles require each skill, by the
// skill's key (Catalog.Key): what "a skill three or more roles require" reads.
func (c *Catalog) RolesRequiring() map[string]int {
	out := map[string]int{}
	for _, r := range c.roles {
		for _, s := range r.Skills {
			out[c.Key(s.Name)]++
		}
	}
	return out
}
