package plan

import "testing"

func TestPruneDropsEmptySelections(t *testing.T) {
	s := &Selection{}
	s.field("id", "id", nil, false)
	s.field("product", "product", nil, true)                                  // every sub-field went elsewhere
	s.fragment("Book")                                                        // explored, nothing selected
	s.field("shop", "shop", nil, true).Sel.field("owner", "owner", nil, true) // empty two levels down
	s.field("kept", "kept", nil, true).Sel.field("name", "name", nil, false)
	s.prune()
	if got, want := s.Compact(), "{ id kept { name } }"; got != want {
		t.Errorf("pruned = %s, want %s", got, want)
	}
}
