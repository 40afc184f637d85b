package plan

import (
	"strings"
	"testing"
)

func sel(items ...*Item) *Selection { return &Selection{Items: items} }

// flat is an entity fetch from service for the objects at path, adding
// fields and requiring reqs (dotted names nest: "a.b").
func flat(service, path string, fields []string, reqs ...string) *Flatten {
	var items []*Item
	for _, f := range fields {
		items = append(items, &Item{Name: f})
	}
	var req []*Item
	for _, r := range reqs {
		it := &Item{Name: r}
		if a, b, ok := strings.Cut(r, "."); ok {
			it = &Item{Name: a, Sel: sel(&Item{Name: b})}
		}
		req = append(req, it)
	}
	f := &Fetch{Service: service,
		Requires:  sel(&Item{TypeCondition: "T", Sel: sel(append([]*Item{{Name: "__typename"}, {Name: "id"}}, req...)...)}),
		Selection: sel(&Item{TypeCondition: "T", Sel: sel(items...)})}
	return &Flatten{Path: strings.Split(path, "."), Node: f}
}

func TestJoinLater(t *testing.T) {
	tests := []struct {
		name  string
		steps [][]*Flatten
		moved bool
	}{
		{"joins the same subgraph's fetch of the same objects", [][]*Flatten{
			{flat("inv", "a.@", []string{"stock"}), flat("prod", "a.@", []string{"price"})},
			{flat("inv", "a.@", []string{"estimate"}, "price")},
		}, true},
		{"not when the later fetch requires what it adds", [][]*Flatten{
			{flat("inv", "a.@", []string{"stock"})},
			{flat("inv", "a.@", []string{"estimate"}, "stock")},
		}, false},
		{"not past a fetch that walks into what it adds", [][]*Flatten{
			{flat("inv", "a.@", []string{"items"})},
			{flat("x", "a.@.items.@", []string{"name"}), flat("inv", "a.@", []string{"estimate"})},
		}, false},
		{"past a fetch below it on another key", [][]*Flatten{
			{flat("inv", "a.@", []string{"stock"})},
			{flat("x", "a.@.other", []string{"name"}), flat("inv", "a.@", []string{"estimate"})},
		}, true},
		{"not past a fetch above it merging into its path", [][]*Flatten{
			{flat("inv", "a.@.b", []string{"stock"})},
			{flat("x", "a.@", []string{"b"}), flat("inv", "a.@.b", []string{"estimate"})},
		}, false},
		{"not past a fetch above it with nested requirements", [][]*Flatten{
			{flat("inv", "a.@.b", []string{"stock"})},
			{flat("x", "a.@", []string{"c"}, "b.stock"), flat("inv", "a.@.b", []string{"estimate"})},
		}, false},
		{"no partner: stays", [][]*Flatten{
			{flat("inv", "a.@", []string{"stock"})},
			{flat("inv", "b.@", []string{"estimate"})},
		}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			seq := &Sequence{}
			for _, step := range tt.steps {
				par := &Parallel{}
				for _, f := range step {
					par.Nodes = append(par.Nodes, f)
				}
				seq.Nodes = append(seq.Nodes, par)
			}
			got := joinLater(seq.Nodes)
			moved := false
			for i := range got {
				moved = moved || got[i] != seq.Nodes[i]
			}
			if moved != tt.moved {
				t.Fatalf("moved = %v, want %v", moved, tt.moved)
			}
			if !tt.moved {
				return
			}
			first, last := seq.Nodes[0].(*Parallel), seq.Nodes[len(seq.Nodes)-1].(*Parallel)
			gotFirst, gotLast := got[0].(*Parallel).Nodes, got[len(got)-1].(*Parallel).Nodes
			if len(gotFirst) != len(first.Nodes)-1 || len(gotLast) != len(last.Nodes)+1 || gotLast[len(gotLast)-1] != first.Nodes[0] {
				t.Errorf("steps now %v / %v: want the first fetch moved to the last step", gotFirst, gotLast)
			}
		})
	}
}

// TestJoinLaterKeepsOtherKinds: a step that is not a parallel one
// (a mutation's root fetch, say) is not crossed.
func TestJoinLaterKeepsOtherKinds(t *testing.T) {
	first := &Parallel{Nodes: []Node{flat("inv", "a.@", []string{"stock"})}}
	seq := &Sequence{Nodes: []Node{first, &Fetch{Service: "m"},
		&Parallel{Nodes: []Node{flat("inv", "a.@", []string{"estimate"})}}}}
	if got := joinLater(seq.Nodes); got[0] != seq.Nodes[0] || got[2] != seq.Nodes[2] {
		t.Fatalf("moved across a root fetch: %v", got)
	}
}
