package planning

import (
	"cmp"
	"fmt"
	"slices"

	"github.com/careercoach/coach/subgraphs/planning/occupations"
)

// Career steps between occupations come from two places: O*NET's related
// occupations (each lists 20, most related first), and skill overlap, so
// that two occupations asking for much the same skills are one step
// apart even when O*NET does not relate them.
const (
	overlapNeighbours = 5   // skill-overlap steps added per occupation
	minOverlap        = 0.6 // weighted Jaccard similarity of their required skill levels
)

// edge is one career step with its cost (see stepCost).
type edge struct {
	to   int // index into Catalog.roles
	cost int
}

// linkGraph adds the occupations' steps and the steps between each
// hand-written role and its occupation (both ways), then prices every
// step once, so that finding a path does no skill comparisons.
func (c *Catalog) linkGraph(ds *occupations.Dataset) error {
	link := func(from, to *Role) {
		if from != to && !slices.Contains(from.Next, to.ID) {
			from.Next = append(from.Next, to.ID)
		}
	}
	for _, r := range c.named {
		occ := c.byID[r.ONetSOC]
		if occ == nil || !occ.Occupation {
			return fmt.Errorf("roles dataset: role %s: O*NET occupation %s is not in the catalogue", r.ID, r.ONetSOC)
		}
		link(r, occ)
		link(occ, r)
	}
	for _, o := range ds.Occupations {
		from := c.byID[o.Code]
		if from == nil {
			continue
		}
		for _, rel := range o.Related {
			if to := c.byID[rel.Code]; to != nil {
				link(from, to)
			}
		}
	}
	for i, nb := range c.overlapNeighbours() {
		for _, j := range nb {
			link(c.occupations[i], c.occupations[j])
		}
	}
	c.pos = make(map[string]int, len(c.roles))
	for i, r := range c.roles {
		c.pos[r.ID] = i
	}
	for _, r := range c.roles {
		r.next = make([]edge, len(r.Next))
		for i, id := range r.Next {
			r.next[i] = edge{to: c.pos[id], cost: c.stepCost(r, c.byID[id])}
		}
	}
	return nil
}

// overlapNeighbours returns, per occupation (c.occupations order), the
// indexes of the most similar others by weighted Jaccard similarity of
// their required skills (Σ min level / Σ max level over the union).
func (c *Catalog) overlapNeighbours() [][]int {
	type lv struct{ key, level int }
	keys := map[string]int{}
	vec := make([][]lv, len(c.occupations))
	for i, r := range c.occupations {
		for si, k := range c.skillKeys(r) {
			s := r.Skills[si]
			id, ok := keys[k]
			if !ok {
				id = len(keys)
				keys[k] = id
			}
			vec[i] = append(vec[i], lv{id, s.Level})
		}
		slices.SortFunc(vec[i], func(a, b lv) int { return cmp.Compare(a.key, b.key) })
		vec[i] = slices.CompactFunc(vec[i], func(a, b lv) bool { return a.key == b.key })
	}
	sim := func(a, b []lv) float64 {
		var lo, hi, i, j int
		for i < len(a) || j < len(b) {
			switch {
			case j == len(b) || (i < len(a) && a[i].key < b[j].key):
				hi += a[i].level
				i++
			case i == len(a) || b[j].key < a[i].key:
				hi += b[j].level
				j++
			default:
				lo += min(a[i].level, b[j].level)
				hi += max(a[i].level, b[j].level)
				i++
				j++
			}
		}
		if hi == 0 {
			return 0
		}
		return float64(lo) / float64(hi)
	}
	type cand struct {
		j int
		s float64
	}
	out := make([][]int, len(vec))
	for i := range vec {
		var best []cand
		for j := range vec {
			if i == j {
				continue
			}
			if s := sim(vec[i], vec[j]); s >= minOverlap {
				best = append(best, cand{j, s})
			}
		}
		slices.SortFunc(best, func(a, b cand) int { return cmp.Or(cmp.Compare(b.s, a.s), cmp.Compare(a.j, b.j)) })
		for _, b := range best[:min(overlapNeighbours, len(best))] {
			out[i] = append(out[i], b.j)
		}
	}
	return out
}
