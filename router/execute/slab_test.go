package execute

import "testing"

func TestSlabObjectsDoNotShareRoom(t *testing.T) {
	var s Slab
	s.Reserve(2, 4)
	a := s.NewObject(2)
	b := s.NewObject(2)
	a.add("x", 1)
	a.add("y", 2)
	b.add("z", 3)
	a.add("w", 4) // beyond a's room: must not overwrite b
	if got, _ := b.Get("z"); got != 3 || b.Len() != 1 {
		t.Fatalf("b = %v (len %d), want z=3 only", got, b.Len())
	}
	for k, want := range map[string]any{"x": 1, "y": 2, "w": 4} {
		if got, _ := a.Get(k); got != want {
			t.Errorf("a[%s] = %v, want %v", k, got, want)
		}
	}
}

func TestSlabChunks(t *testing.T) {
	tests := []struct {
		name    string
		objects int
		sizes   []int
	}{
		{"zero slab", 0, []int{0, 1, 5}},
		{"many small", 3, []int{1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1}},
		{"one bigger than a chunk", 1, []int{3, maxSlabMembers, 2}},
		{"bigger than the first chunk", 1, []int{minSlabMembers + 1, 1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var s Slab
			s.Reserve(tt.objects, 0)
			var objs []*Object
			for i, n := range tt.sizes {
				o := s.NewObject(n)
				if o.Len() != 0 || cap(o.members) != n {
					t.Fatalf("object %d: len %d cap %d, want 0 and %d", i, o.Len(), cap(o.members), n)
				}
				for j := range n {
					o.add(string(rune('a'+j%26))+string(rune('0'+i%10)), i)
				}
				objs = append(objs, o)
			}
			for i, o := range objs {
				for _, m := range o.members {
					if m.val != i {
						t.Fatalf("object %d holds %v: another object wrote into its room", i, m.val)
					}
				}
			}
		})
	}
}
