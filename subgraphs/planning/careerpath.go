package planning

import (
	"container/heap"
	"slices"
)

// SkillStep is a skill to gain from one level to another.
type SkillStep struct {
	Name      string
	FromLevel int // 0 = not yet held
	ToLevel   int
}

// PathStep is one transition of a career path.
type PathStep struct {
	From, To     *Role
	SkillsToGain []SkillStep
}

// CareerPath is the cheapest sequence of transitions between two roles.
type CareerPath struct {
	From, To *Role
	Steps    []PathStep
}

// SkillsToGain lists what moving from one role to another asks for: each
// skill of to that from lacks or holds at a lower level, in to's order.
func (c *Catalog) SkillsToGain(from, to *Role) []SkillStep {
	have := make(map[string]int, len(from.Skills))
	for i, k := range c.skillKeys(from) {
		have[k] = from.Skills[i].Level
	}
	var out []SkillStep
	toKeys := c.skillKeys(to)
	for i, s := range to.Skills {
		if h := have[toKeys[i]]; h < s.Level {
			out = append(out, SkillStep{Name: s.Name, FromLevel: h, ToLevel: s.Level})
		}
	}
	return out
}

// stepCost weighs a transition by the skill levels to gain, plus one so
// that of two equally demanding routes the shorter wins.
func (c *Catalog) stepCost(from, to *Role) int {
	cost := 1
	for _, s := range c.SkillsToGain(from, to) {
		cost += s.ToLevel - s.FromLevel
	}
	return cost
}

// Path finds the cheapest career path from → to with Dijkstra's algorithm
// over the steps linkGraph priced. ok is false when to cannot be reached.
// from == to is an empty path.
func (c *Catalog) Path(from, to *Role) (CareerPath, bool) {
	src, dst := c.position(from), c.position(to)
	if src < 0 || dst < 0 {
		return CareerPath{}, false
	}
	dist := make([]int, len(c.roles))
	prev := make([]int, len(c.roles))
	for i := range dist {
		dist[i], prev[i] = -1, -1
	}
	dist[src] = 0
	pq := &costQueue{{id: src, cost: 0}}
	for pq.Len() > 0 {
		cur := heap.Pop(pq).(costItem)
		if cur.cost > dist[cur.id] {
			continue // stale entry
		}
		if cur.id == dst {
			break
		}
		for _, e := range c.roles[cur.id].next {
			nd := cur.cost + e.cost
			if d := dist[e.to]; d < 0 || nd < d {
				dist[e.to] = nd
				prev[e.to] = cur.id
				heap.Push(pq, costItem{id: e.to, cost: nd})
			}
		}
	}
	if dist[dst] < 0 {
		return CareerPath{}, false
	}
	var ids []int
	for id := dst; id != src; id = prev[id] {
		ids = append(ids, id)
	}
	ids = append(ids, src)
	slices.Reverse(ids)
	p := CareerPath{From: from, To: to, Steps: []PathStep{}}
	for i := 1; i < len(ids); i++ {
		a, b := c.roles[ids[i-1]], c.roles[ids[i]]
		p.Steps = append(p.Steps, PathStep{From: a, To: b, SkillsToGain: c.SkillsToGain(a, b)})
	}
	return p, true
}

// position is r's index in c.roles, -1 when r is not of this catalogue.
func (c *Catalog) position(r *Role) int {
	if c.byID[r.ID] != r {
		return -1
	}
	return c.pos[r.ID]
}

type costItem struct {
	id   int // index into Catalog.roles
	cost int
}

// costQueue is a min-heap on cost, ties broken by position for deterministic paths.
type costQueue []costItem

func (q costQueue) Len() int { return len(q) }
func (q costQueue) Less(i, j int) bool {
	if q[i].cost != q[j].cost {
		return q[i].cost < q[j].cost
	}
	return q[i].id < q[j].id
}
func (q costQueue) Swap(i, j int) { q[i], q[j] = q[j], q[i] }
func (q *costQueue) Push(x any)   { *q = append(*q, x.(costItem)) }
func (q *costQueue) Pop() any {
	old := *q
	it := old[len(old)-1]
	*q = old[:len(old)-1]
	return it
}

// ForPerson rewrites a path's skills to gain for someone holding have (their
// skill profile): a skill held at the step's level or above is dropped, and
// one held above the role's level starts from the person's level. So the
// path agrees with the skill gap: a skill the gap calls matched is never "new".
func (c *Catalog) ForPerson(p CareerPath, have []SkillLevel) CareerPath {
	held := map[string]int{}
	for _, s := range have {
		k := c.Key(s.Name)
		held[k] = max(held[k], min(max(s.Level, 0), MaxLevel))
	}
	out := CareerPath{From: p.From, To: p.To, Steps: make([]PathStep, len(p.Steps))}
	for i, st := range p.Steps {
		steps := []SkillStep{}
		for _, s := range st.SkillsToGain {
			if h := held[c.Key(s.Name)]; h > s.FromLevel {
				s.FromLevel = h
			}
			if s.FromLevel < s.ToLevel {
				steps = append(steps, s)
			}
		}
		out.Steps[i] = PathStep{From: st.From, To: st.To, SkillsToGain: steps}
	}
	return out
}
