package db_test

import (
	"fmt"
	"testing"

	"github.com/careercoach/coach/internal/db"
)

func TestInList(t *testing.T) {
	tests := []struct {
		name     string
		prefix   []any
		vals     []string
		wantQ    string
		wantArgs string
	}{
		{name: "no prefix", vals: []string{"a", "b"}, wantQ: "x IN ($1, $2)", wantArgs: "[a b]"},
		{name: "after a prefix", prefix: []any{"u"}, vals: []string{"a"}, wantQ: "x IN ($2)", wantArgs: "[u a]"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			q, args := db.InList("x IN (%s)", tt.prefix, tt.vals)
			if q != tt.wantQ || fmt.Sprint(args) != tt.wantArgs {
				t.Errorf("InList = %q, %v; want %q, %s", q, args, tt.wantQ, tt.wantArgs)
			}
		})
	}
}
