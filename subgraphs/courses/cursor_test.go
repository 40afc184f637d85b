package courses_test

import (
	"errors"
	"testing"

	"github.com/careercoach/coach/subgraphs/courses"
)

func TestCursor(t *testing.T) {
	yes := true
	f := courses.Filter{Search: "Data", Skills: []string{"SQL", "Python"}, Level: courses.Beginner, Free: &yes}
	c := courses.EncodeCursor(f, 41)
	t.Run("round trip, whatever the skills' order and case", func(t *testing.T) {
		same := courses.Filter{Search: " data ", Skills: []string{"python", "SQL"}, Level: courses.Beginner, Free: &yes}
		if off, err := courses.DecodeCursor(c, same); err != nil || off != 41 {
			t.Fatalf("%d, %v", off, err)
		}
	})
	tests := []struct {
		name   string
		cursor string
		f      courses.Filter
	}{
		{"another query", c, courses.Filter{Search: "java"}},
		{"another free filter", c, courses.Filter{Search: "Data", Skills: []string{"SQL", "Python"}, Level: courses.Beginner}},
		{"not base64", "!!", f},
		{"forged offset", "YzE6LTE6eA", f},
		{"empty", "", f},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := courses.DecodeCursor(tt.cursor, tt.f); !errors.Is(err, courses.ErrBadCursor) {
				t.Fatalf("err = %v", err)
			}
		})
	}
}

func TestSearchTerms(t *testing.T) {
	got := courses.SearchTerms(`Machine-Learning "with" * Python3 OR c#`)
	want := []string{"machine", "learning", "with", "python3", "or", "c"}
	if len(got) != len(want) {
		t.Fatalf("got %q", got)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("got %q, want %q", got, want)
		}
	}
}
