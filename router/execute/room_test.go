package execute

import (
	"bytes"
	"context"
	"maps"
	"net/http/httptest"
	"slices"
	"testing"

	"github.com/careercoach/coach/bench"
	"github.com/careercoach/coach/bench/subgraphs"
	"github.com/careercoach/coach/router/plan"
)

func sel(items ...*plan.Item) *plan.Selection { return &plan.Selection{Items: items} }

// TestRoomsFromPlan: each fetch's room is what later fetches merge where
// its objects end up; entities themselves are merged and dropped, so they
// get none, and planner aliases are found under the key the subgraph uses.
func TestRoomsFromPlan(t *testing.T) {
	users := &plan.Fetch{Service: "accounts",
		Selection: sel(&plan.Item{Name: "users", Sel: sel(&plan.Item{Name: "__typename"}, &plan.Item{Name: "id"})})}
	product := &plan.Item{Name: "product", Sel: sel(&plan.Item{Name: "__typename"}, &plan.Item{Name: "upc"})}
	userReviews := &plan.Item{Name: "reviews", Alias: "_r", MergeKey: "reviews", Sel: sel(&plan.Item{Name: "body"}, product)}
	reviews := &plan.Fetch{Service: "reviews", Requires: sel(),
		Selection: sel(&plan.Item{TypeCondition: "User", Sel: sel(userReviews)})}
	products := &plan.Fetch{Service: "products", Requires: sel(),
		Selection: sel(&plan.Item{TypeCondition: "Product", Sel: sel(
			&plan.Item{Name: "__typename"}, &plan.Item{Name: "name"}, &plan.Item{Name: "price"})})}
	stock := &plan.Fetch{Service: "inventory", Requires: sel(),
		Selection: sel(&plan.Item{TypeCondition: "Product", Sel: sel(&plan.Item{Name: "inStock"})})}
	p := &plan.Plan{Shape: &plan.Shape{}, Root: &plan.Sequence{Nodes: []plan.Node{
		users,
		&plan.Flatten{Path: []string{"users", "@"}, Node: reviews},
		&plan.Parallel{Nodes: []plan.Node{
			&plan.Flatten{Path: []string{"users", "@", "reviews", "@", "product"}, Node: products},
			&plan.Flatten{Path: []string{"users", "@", "reviews", "@", "product"}, Node: stock},
		}},
	}}}
	c := compile(p)
	tests := []struct {
		name  string
		f     *plan.Fetch
		path  []string
		extra int
	}{
		{"root objects gain the users' reviews", users, []string{"data", "users"}, 1},
		{"entities are merged, not kept", reviews, []string{"data", "_entities"}, 0},
		{"aliased field, its objects", reviews, []string{"data", "_entities", "_r"}, 0},
		{"products gain both fetches' fields", reviews, []string{"data", "_entities", "_r", "product"}, 3},
		{"the last step's entities", products, []string{"data", "_entities"}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := c.state(tt.f).room
			for _, k := range tt.path {
				r = r.Child(k)
			}
			if got := roomExtra(r); got != tt.extra {
				t.Errorf("room at %v = %d, want %d", tt.path, got, tt.extra)
			}
		})
	}
	if r := c.state(stock).room; r != nil {
		t.Errorf("inventory's response has room %+v; nothing merges into it", r)
	}
}

func roomExtra(r *Room) int {
	if r == nil {
		return 0
	}
	return r.Extra
}

// TestRoomsFitTheBenchmark: objects decoded with their plan's room end up
// exactly full on the benchmark's query, none grown by a merge or given
// room no merge used.
func TestRoomsFitTheBenchmark(t *testing.T) {
	sg := httptest.NewServer(subgraphs.Handler())
	defer sg.Close()
	fetch := httpFetcher(sg.URL, nil)
	sized := FetcherFunc(func(ctx context.Context, service string, req *Request) (*Response, error) {
		resp, err := fetch.Fetch(ctx, service, req)
		if err != nil || resp.Data == nil {
			return resp, err
		}
		// What the transport's decoder does, from encoding/json's maps.
		resp.Object = withRoom(resp.Data, req.Room.Child("data")).(*Object)
		resp.Data = nil
		return resp, nil
	})
	p := benchPlan(t)
	r := &run{e: &Executor{Fetcher: sized}, c: compiledFor(p), data: newObject(4), sem: make(chan struct{}, 8)}
	r.exec(context.Background(), p.Root)
	var check func(v any, path []any)
	checked := 0
	check = func(v any, path []any) {
		switch x := v.(type) {
		case *Object:
			if path != nil && cap(x.members) != len(x.members) {
				t.Fatalf("object at %v: %d members in room for %d", path, len(x.members), cap(x.members))
			}
			checked++
			for _, m := range x.members {
				check(m.val, append(slices.Clip(path), m.key))
			}
		case []any:
			for i, e := range x {
				check(e, append(slices.Clip(path), i))
			}
		}
	}
	check(r.data, nil)
	if checked < 100 {
		t.Fatalf("checked %d objects: the benchmark's data did not arrive", checked)
	}
	data, ok := r.shapeObject(nil, r.c.root, r.data, p.RootType, nil)
	if !ok || !bytes.Contains(bench.Expected(), data) {
		t.Fatalf("response data differs from the benchmark's: %.200s", data)
	}
}

// withRoom converts a map tree to Objects sized by room.
func withRoom(v any, room *Room) any {
	switch x := v.(type) {
	case map[string]any:
		extra := 0
		if room != nil {
			extra = room.Extra
		}
		keys := slices.Sorted(maps.Keys(x))
		sized := newObject(len(keys) + extra)
		for _, k := range keys {
			sized.add(k, withRoom(x[k], room.Child(k)))
		}
		return sized
	case []any:
		for i, e := range x {
			x[i] = withRoom(e, room)
		}
	}
	return v
}
