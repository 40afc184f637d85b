package execute

// Slab hands out Objects and their member storage from shared chunks: a
// decoded subgraph response has hundreds of small objects that live and
// die together, and two allocations per object were a third of a
// request's. An object's members are capped at what it asked for, so
// growing one (a merge) moves it out instead of overwriting a neighbour.
// The zero Slab is ready; chunks start at the sizes Reserve suggests and
// double, so a small response wastes little.
type Slab struct {
	objs     []Object
	mems     []member
	nextObjs int
	nextMems int
}

const (
	minSlabObjects = 8
	minSlabMembers = 32
	maxSlabObjects = 512
	maxSlabMembers = 2048
)

// Reserve sizes the first chunks for about objects objects holding
// members members in all.
func (s *Slab) Reserve(objects, members int) {
	s.nextObjs, s.nextMems = objects, members
}

// NewObject returns an empty Object with room for n keys.
func (s *Slab) NewObject(n int) *Object {
	if len(s.objs) == 0 {
		s.objs = make([]Object, chunk(&s.nextObjs, minSlabObjects, maxSlabObjects))
	}
	o := &s.objs[0]
	s.objs = s.objs[1:]
	if n > len(s.mems) {
		if n > maxSlabMembers/8 { // a big object gets its own
			o.members = make([]member, 0, n)
			return o
		}
		s.mems = make([]member, max(chunk(&s.nextMems, minSlabMembers, maxSlabMembers), n))
	}
	o.members = s.mems[:0:n]
	s.mems = s.mems[n:]
	return o
}

// chunk returns the size of the next chunk, within [lo, hi], and doubles
// it for the one after.
func chunk(next *int, lo, hi int) int {
	n := min(max(*next, lo), hi)
	*next = min(n*2, hi)
	return n
}
