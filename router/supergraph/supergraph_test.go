package supergraph

import (
	"os"
	"slices"
	"testing"
)

func load(t *testing.T, name string) *Supergraph {
	t.Helper()
	b, err := os.ReadFile("testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	sg, err := Parse(string(b))
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	return sg
}

func TestParseModel(t *testing.T) {
	sg := load(t, "basic.graphql")
	tests := []struct {
		name, typ, field string
		labels           Labels
		want             []string
	}{
		{"root field in one graph", "Query", "me", nil, []string{"accounts"}},
		{"external not resolvable", "User", "name", nil, []string{"accounts"}},
		{"no join__field means every graph of the type", "User", "id", nil, []string{"accounts", "reviews"}},
		{"requires field", "Book", "shippingEstimate", nil, []string{"reviews"}},
		{"unknown field", "User", "nope", nil, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := sg.FieldGraphs(tc.typ, tc.field, tc.labels)
			if !slices.Equal(got, tc.want) {
				t.Errorf("FieldGraphs(%s.%s) = %v, want %v", tc.typ, tc.field, got, tc.want)
			}
		})
	}
	t.Run("keys", func(t *testing.T) {
		keys := sg.Keys("reviews", "User")
		if len(keys) != 1 || keys[0].Raw != "id" || !keys[0].Resolvable {
			t.Errorf("keys = %+v", keys)
		}
	})
	t.Run("possible types per graph", func(t *testing.T) {
		if got := sg.PossibleTypesIn("products", "Product"); !slices.Equal(got, []string{"Book", "Furniture"}) {
			t.Errorf("PossibleTypesIn = %v", got)
		}
		if got := sg.PossibleTypesIn("products", "SearchResult"); !slices.Equal(got, []string{"Book", "Furniture"}) {
			t.Errorf("union members = %v", got)
		}
	})
	t.Run("requires parsed", func(t *testing.T) {
		fg, ok := sg.FieldIn("reviews", "Book", "shippingEstimate", nil)
		if !ok || len(fg.Requires) != 2 || fg.Requires[1].Name != "weight" {
			t.Errorf("requires = %+v ok=%v", fg, ok)
		}
	})
}

func TestAPISchema(t *testing.T) {
	sg := load(t, "basic.graphql")
	tests := []struct {
		name    string
		present func() bool
		want    bool
	}{
		{"inaccessible root field removed", func() bool { return sg.API.Query.Fields.ForName("secret") != nil }, false},
		{"inaccessible object field removed", func() bool { return sg.API.Types["User"].Fields.ForName("internal") != nil }, false},
		{"inaccessible enum value removed", func() bool { return sg.API.Types["Color"].EnumValues.ForName("SECRET") != nil }, false},
		{"join types removed", func() bool { return sg.API.Types["join__Graph"] != nil }, false},
		{"join directives removed", func() bool { return sg.API.Directives["join__field"] != nil }, false},
		{"accessible field kept", func() bool { return sg.API.Types["User"].Fields.ForName("name") != nil }, true},
		{"mutation kept", func() bool { return sg.API.Mutation != nil }, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := tc.present(); got != tc.want {
				t.Errorf("present = %v, want %v", got, tc.want)
			}
		})
	}
}

func TestParseRejects(t *testing.T) {
	tests := []struct{ name, sdl string }{
		{"not a supergraph", "type Query { a: Int }"},
		{"syntax error", "type Query {"},
		{"unknown graph", `enum join__Graph { A @join__graph(name: "a", url: "u") }
directive @join__type(graph: join__Graph!) repeatable on OBJECT
type Query @join__type(graph: B) { a: Int }`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if _, err := Parse(tc.sdl); err == nil {
				t.Error("Parse succeeded, want error")
			}
		})
	}
}

func TestFieldSetArguments(t *testing.T) {
	fs, err := ParseFieldSet(`price(currency: "USD") weight category { averagePrice(currency: "EUR") }`)
	if err != nil {
		t.Fatal(err)
	}
	eur, err := ParseFieldSet(`price(currency: "EUR")`)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, got, want string
	}{
		{"field without arguments keeps its name", fs[1].ResponseKey(), "weight"},
		{"argument kept", fs[0].Arguments[0].Value.String(), `"USD"`},
		{"nested argument kept", fs[2].Sub[0].Arguments[0].Name, "currency"},
		{"field with arguments gets its own key", fs[0].ResponseKey()[:len("price__fs_")], "price__fs_"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if tc.got != tc.want {
				t.Errorf("got %q, want %q", tc.got, tc.want)
			}
		})
	}
	t.Run("keys differ per arguments", func(t *testing.T) {
		if fs[0].ResponseKey() == eur[0].ResponseKey() {
			t.Errorf("USD and EUR share key %q", fs[0].ResponseKey())
		}
	})
}
