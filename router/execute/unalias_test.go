package execute

import (
	"encoding/json"
	"testing"

	"github.com/careercoach/coach/router/plan"
)

func TestUnalias(t *testing.T) {
	idAlias := &plan.Item{Name: "id", Alias: "id__alias_0", MergeKey: "id"}
	sel := &plan.Selection{Items: []*plan.Item{
		{Name: "accounts", Sel: &plan.Selection{Items: []*plan.Item{
			{TypeCondition: "User", Sel: &plan.Selection{Items: []*plan.Item{{Name: "id"}}}},
			{TypeCondition: "Admin", Sel: &plan.Selection{Items: []*plan.Item{idAlias,
				{Name: "similar", Sel: &plan.Selection{Items: []*plan.Item{
					{TypeCondition: "Admin", Sel: &plan.Selection{Items: []*plan.Item{idAlias}}},
				}}},
			}}},
		}}},
	}}
	tests := []struct {
		name, in, want string
	}{
		{"aliased field moves back to its key at every depth",
			`{"accounts":[{"__typename":"User","id":"u1"},{"__typename":"Admin","id__alias_0":"a1","similar":[{"__typename":"Admin","id__alias_0":null}]}]}`,
			`{"accounts":[{"__typename":"User","id":"u1"},{"__typename":"Admin","id":"a1","similar":[{"__typename":"Admin","id":null}]}]}`},
		{"absent alias leaves data alone",
			`{"accounts":[{"__typename":"User","id":"u1"}]}`,
			`{"accounts":[{"__typename":"User","id":"u1"}]}`},
		{"null list is kept", `{"accounts":null}`, `{"accounts":null}`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var data map[string]any
			if err := json.Unmarshal([]byte(tc.in), &data); err != nil {
				t.Fatal(err)
			}
			o := ObjectOf(data)
			unalias(o, sel)
			got, _ := json.Marshal(o)
			if string(got) != tc.want {
				t.Errorf("got  %s\nwant %s", got, tc.want)
			}
		})
	}
}

func TestUnaliasPath(t *testing.T) {
	sel := &plan.Selection{Items: []*plan.Item{
		{Name: "accounts", Sel: &plan.Selection{Items: []*plan.Item{
			{TypeCondition: "Admin", Sel: &plan.Selection{Items: []*plan.Item{
				{Name: "id", Alias: "id__alias_0", MergeKey: "id"},
				{Name: "name"},
			}}},
		}}},
	}}
	tests := []struct {
		name     string
		in, want []any
	}{
		{"alias replaced", []any{"accounts", 1, "id__alias_0"}, []any{"accounts", 1, "id"}},
		{"plain path kept", []any{"accounts", 0, "name"}, []any{"accounts", 0, "name"}},
		{"unknown key kept", []any{"other", 0}, []any{"other", 0}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, _ := json.Marshal(unaliasPath(tc.in, sel))
			want, _ := json.Marshal(tc.want)
			if string(got) != string(want) {
				t.Errorf("got %s, want %s", got, want)
			}
		})
	}
}

func TestHasAlias(t *testing.T) {
	tests := []struct {
		name string
		sel  *plan.Selection
		want bool
	}{
		{"none", sel(&plan.Item{Name: "a"}, &plan.Item{Name: "b", Alias: "c"}), false},
		{"merge key equal to the response key", sel(&plan.Item{Name: "a", MergeKey: "a"}), false},
		{"at the top", sel(&plan.Item{Name: "a", Alias: "_m", MergeKey: "a"}), true},
		{"in a fragment, nested", sel(&plan.Item{TypeCondition: "T", Sel: sel(&plan.Item{Name: "x", Sel: sel(
			&plan.Item{Name: "a", Alias: "_m", MergeKey: "a"})})}), true},
		{"nil", nil, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := hasAlias(tt.sel); got != tt.want {
				t.Errorf("hasAlias = %v, want %v", got, tt.want)
			}
		})
	}
}
