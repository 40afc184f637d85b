package execute

import (
	"strings"
	"testing"

	"github.com/careercoach/coach/router/plan"
)

// flat is an entity fetch from service for the objects at path, adding
// fields and requiring reqs (dotted names nest: "a.b").
func flat(service, path string, fields []string, reqs ...string) *plan.Flatten {
	var items []*plan.Item
	for _, f := range fields {
		items = append(items, &plan.Item{Name: f})
	}
	var req []*plan.Item
	for _, r := range reqs {
		it := &plan.Item{Name: r}
		if a, b, ok := strings.Cut(r, "."); ok {
			it = &plan.Item{Name: a, Sel: sel(&plan.Item{Name: b})}
		}
		req = append(req, it)
	}
	f := &plan.Fetch{Service: service,
		Requires:  sel(&plan.Item{TypeCondition: "T", Sel: sel(append([]*plan.Item{{Name: "__typename"}, {Name: "id"}}, req...)...)}),
		Selection: sel(&plan.Item{TypeCondition: "T", Sel: sel(items...)})}
	return &plan.Flatten{Path: strings.Split(path, "."), Node: f}
}

func TestDeferredSteps(t *testing.T) {
	tests := []struct {
		name  string
		steps [][]*plan.Flatten
		moved bool
	}{
		{"joins the same subgraph's fetch of the same objects", [][]*plan.Flatten{
			{flat("inv", "a.@", []string{"stock"}), flat("prod", "a.@", []string{"price"})},
			{flat("inv", "a.@", []string{"estimate"}, "price")},
		}, true},
		{"not when the later fetch requires what it adds", [][]*plan.Flatten{
			{flat("inv", "a.@", []string{"stock"})},
			{flat("inv", "a.@", []string{"estimate"}, "stock")},
		}, false},
		{"not past a fetch that walks into what it adds", [][]*plan.Flatten{
			{flat("inv", "a.@", []string{"items"})},
			{flat("x", "a.@.items.@", []string{"name"}), flat("inv", "a.@", []string{"estimate"})},
		}, false},
		{"past a fetch below it on another key", [][]*plan.Flatten{
			{flat("inv", "a.@", []string{"stock"})},
			{flat("x", "a.@.other", []string{"name"}), flat("inv", "a.@", []string{"estimate"})},
		}, true},
		{"not past a fetch above it merging into its path", [][]*plan.Flatten{
			{flat("inv", "a.@.b", []string{"stock"})},
			{flat("x", "a.@", []string{"b"}), flat("inv", "a.@.b", []string{"estimate"})},
		}, false},
		{"not past a fetch above it with nested requirements", [][]*plan.Flatten{
			{flat("inv", "a.@.b", []string{"stock"})},
			{flat("x", "a.@", []string{"c"}, "b.stock"), flat("inv", "a.@.b", []string{"estimate"})},
		}, false},
		{"no partner: stays", [][]*plan.Flatten{
			{flat("inv", "a.@", []string{"stock"})},
			{flat("inv", "b.@", []string{"estimate"})},
		}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			seq := &plan.Sequence{}
			for _, step := range tt.steps {
				par := &plan.Parallel{}
				for _, f := range step {
					par.Nodes = append(par.Nodes, f)
				}
				seq.Nodes = append(seq.Nodes, par)
			}
			got := deferredSteps(seq)
			if (got != nil) != tt.moved {
				t.Fatalf("moved = %v, want %v", got != nil, tt.moved)
			}
			if !tt.moved {
				return
			}
			first, last := seq.Nodes[0].(*plan.Parallel), seq.Nodes[len(seq.Nodes)-1].(*plan.Parallel)
			if len(got[first]) != len(first.Nodes)-1 || len(got[last]) != len(last.Nodes)+1 || got[last][len(got[last])-1] != first.Nodes[0] {
				t.Errorf("steps now %v / %v: want the first fetch moved to the last step", got[first], got[last])
			}
		})
	}
}

// TestDeferredStepsKeepsOtherKinds: a step that is not a parallel one
// (a mutation's root fetch, say) is not crossed.
func TestDeferredStepsKeepsOtherKinds(t *testing.T) {
	first := &plan.Parallel{Nodes: []plan.Node{flat("inv", "a.@", []string{"stock"})}}
	seq := &plan.Sequence{Nodes: []plan.Node{first, &plan.Fetch{Service: "m"},
		&plan.Parallel{Nodes: []plan.Node{flat("inv", "a.@", []string{"estimate"})}}}}
	if got := deferredSteps(seq); got != nil {
		t.Fatalf("moved across a root fetch: %v", got)
	}
}
