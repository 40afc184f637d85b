package compose

import "testing"

func TestValidLabel(t *testing.T) {
	tests := []struct {
		label string
		want  bool
	}{
		{"percent(0)", true},
		{"percent(25)", true},
		{"percent(100)", true},
		{"percent(33.33333333)", true},
		{"percent(101)", false},
		{"percent(33.333333333)", false},
		{"percent()", false},
		{"percent(5.)", false},
		{"percent(-1)", false},
		{"beta", true},
		{"team/beta:v1.2_x-y", true},
		{"1beta", false},
		{"beta!", false},
		{"", false},
	}
	for _, tt := range tests {
		t.Run(tt.label, func(t *testing.T) {
			if got := validLabel(tt.label); got != tt.want {
				t.Errorf("validLabel(%q) = %v, want %v", tt.label, got, tt.want)
			}
		})
	}
}

func TestAssignGraphNames(t *testing.T) {
	sgs := []*subgraph{{name: "users"}, {name: "my-cv"}, {name: "my_cv"}, {name: "2fa"}}
	assignGraphNames(sgs)
	want := []string{"USERS", "MY_CV", "MY_CV_1", "_2FA"}
	for i, sg := range sgs {
		if sg.graph != want[i] {
			t.Errorf("graph name of %q = %q, want %q", sg.name, sg.graph, want[i])
		}
	}
}
