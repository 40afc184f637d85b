package execute

import "testing"

func TestIndexAt(t *testing.T) {
	o := newObject(3)
	o.add("a", 1)
	o.add("b", 2)
	o.add("c", 3)
	tests := []struct {
		name string
		obj  *Object
		key  string
		hint int
		want int
	}{
		{"hint right", o, "b", 1, 1},
		{"hint wrong", o, "c", 0, 2},
		{"hint past the end", o, "a", 7, 0},
		{"hint negative", o, "b", -1, 1},
		{"absent", o, "z", 1, -1},
		{"nil object", nil, "a", 0, -1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.obj.indexAt(tt.key, tt.hint); got != tt.want {
				t.Errorf("indexAt(%q, %d) = %d, want %d", tt.key, tt.hint, got, tt.want)
			}
		})
	}
}
