package extract

import "testing"

func TestDrawnText(t *testing.T) {
	tests := []struct {
		name string
		s    string
		ems  float64
		want string
	}{
		{"soft hyphen drawn as a hyphen", "\u00AD", 0.33, "-"},
		{"soft hyphen drawn as an en dash", "\u00AD", 0.5, "–"},
		{"soft hyphen drawn as an em dash", "\u00AD", 1, "—"},
		{"private-use icon", "\uF095", 0.6, ""},
		{"private-use pair", "\uE000\uE001", 0.6, ""},
		{"letter", "a", 0.5, "a"},
		{"letter beside private use", "a\uE000", 0.5, "a\uE000"},
		{"space", " ", 0.25, " "},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := drawnText(tt.s, tt.ems); got != tt.want {
				t.Errorf("drawnText(%q, %v) = %q, want %q", tt.s, tt.ems, got, tt.want)
			}
		})
	}
}

func TestIsIconFont(t *testing.T) {
	tests := []struct {
		base string
		want bool
	}{
		{"SYUXMJ+FontAwesome7Free-Solid", true},
		{"VMYLBG+FontAwesome5Free-Solid", true},
		{"RVRLQT+FontAwesome", true},
		{"YEEOJD+SimpleIconsFiltered", true},
		{"Font Awesome 6 Brands", true},
		{"Material-Icons", true},
		{"OWYBUZ+Roboto-Light", false},
		{"BUKNFV+Lato-Regular", false},
		{"Awesome-Sans", false},
		{"", false},
	}
	for _, tt := range tests {
		t.Run(tt.base, func(t *testing.T) {
			if got := isIconFont(tt.base); got != tt.want {
				t.Errorf("isIconFont(%q) = %v, want %v", tt.base, got, tt.want)
			}
		})
	}
}
