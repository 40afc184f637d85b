package compose

import (
	"fmt"
	"sort"
	"strings"

	"github.com/vektah/gqlparser/v2/ast"
)

// reachable returns the subgraphs the router can move typ to from subgraph
// from, through resolvable keys whose fields are available on the way.
func (s *satisfier) reachable(typ string, from int) []int {
	seen := map[int]bool{from: true}
	queue := []int{from}
	var out []int
	for len(queue) > 0 {
		c := queue[0]
		queue = queue[1:]
		for k, sg := range s.m.sgs {
			if !seen[k] && s.hasUsableKey(sg.types[typ], c, typ) {
				seen[k] = true
				queue = append(queue, k)
				out = append(out, k)
			}
		}
	}
	sort.Ints(out)
	return out
}

// jumpsVia returns the subgraphs where interface itf has a resolvable key
// that subgraph from can provide on its implementation impl.
func (s *satisfier) jumpsVia(itf, impl string, from int) []int {
	var out []int
	for k, sg := range s.m.sgs {
		if k != from && s.hasUsableKey(sg.types[itf], from, impl) {
			out = append(out, k)
		}
	}
	return out
}

func (s *satisfier) hasUsableKey(target *sType, from int, typ string) bool {
	if target == nil {
		return false
	}
	for _, key := range target.keys {
		if key.resolvable && s.canProvide(from, typ, parseFieldSet(key.fields)) {
			return true
		}
	}
	return false
}

// canProvide reports whether the router, in subgraph i on typ, can collect
// the selection (a key's fields): locally or by fetching some fields from
// other subgraphs first, as Apollo's query graph allows.
func (s *satisfier) canProvide(i int, typ string, sel ast.SelectionSet) bool {
	if sel == nil || s.m.sgs[i].types[typ] == nil {
		return false
	}
	var b strings.Builder
	writeSelection(&b, sel)
	key := fmt.Sprintf("%d|%s|%s", i, typ, b.String())
	if s.provide[key] {
		return true
	}
	if s.inProgress[key] {
		return false // a cycle provides nothing
	}
	s.inProgress[key] = true
	ok := s.collect(i, typ, sel)
	delete(s.inProgress, key)
	// Only successes are remembered: a failure may be due to a cycle
	// through a caller that is still in progress.
	s.provide[key] = ok
	if !ok {
		delete(s.provide, key)
	}
	return ok
}

func (s *satisfier) collect(i int, typ string, sel ast.SelectionSet) bool {
	t := s.m.out.types[typ]
	if t == nil {
		return false
	}
	for _, x := range sel {
		switch x := x.(type) {
		case *ast.Field:
			if x.Name == "__typename" {
				continue
			}
			opts := s.fieldOptions(t, x.Name, satOption{sg: i})
			if len(opts) == 0 {
				return false
			}
			if len(x.SelectionSet) == 0 {
				continue
			}
			ft := s.m.out.types[t.field(x.Name).typ.Name()]
			found := false
			for _, o := range opts {
				if ft != nil && s.canProvide(o.sg, ft.name, x.SelectionSet) {
					found = true
					break
				}
			}
			if !found {
				return false
			}
		case *ast.InlineFragment:
			if x.TypeCondition != "" && x.TypeCondition != typ {
				continue // only matters for objects of that type
			}
			if !s.collect(i, typ, x.SelectionSet) {
				return false
			}
		}
	}
	return true
}
