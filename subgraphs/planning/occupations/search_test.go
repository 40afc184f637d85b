package occupations

import (
	"strings"
	"testing"
)

func codes(os []*Occupation) []string {
	var out []string
	for _, o := range os {
		out = append(out, o.Code)
	}
	return out
}

func shippedIndex(t testing.TB) *Index {
	t.Helper()
	ds, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	return NewIndex(ds)
}

func TestMatchJobTitles(t *testing.T) {
	x := shippedIndex(t)
	tests := []struct {
		title string
		want  string // first occupation; "" for none
	}{
		{"Registered Nurse", "29-1141.00"},
		{"  registered   NURSE ", "29-1141.00"},
		{"Electricians", "47-2111.00"},
		{"Software Developers", "15-1252.00"},
		{"Accountants and Auditors", "13-2011.00"},
		{"Chief Executive Officer", "11-1011.00"},
		{"Astronaut of the Year", ""},
		{strings.Repeat("nurse ", 100), ""},
	}
	for _, tt := range tests {
		t.Run(tt.title[:min(len(tt.title), 30)], func(t *testing.T) {
			got := codes(x.Match(tt.title))
			if tt.want == "" {
				if len(got) != 0 {
					t.Fatalf("matched %v", got)
				}
				return
			}
			if len(got) == 0 || got[0] != tt.want {
				t.Fatalf("got %v, want %s first", got, tt.want)
			}
		})
	}
}

func TestSearchTitles(t *testing.T) {
	x := shippedIndex(t)
	tests := []struct {
		name, q, want string
		limit         int
	}{
		{"O*NET title first", "registered nurse", "29-1141.00", 5},
		{"last word as a prefix", "regist nur", "29-1141.00", 5},
		{"an alternate title", "electrician apprentice", "47-3013.00", 5}, // Helpers--Electricians
		{"nothing", "zzzqqq", "", 5},
		{"no words", " -- ", "", 5},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := codes(x.Search(tt.q, tt.limit))
			if len(got) > tt.limit {
				t.Fatalf("%d results over the limit %d", len(got), tt.limit)
			}
			if tt.want == "" {
				if len(got) != 0 {
					t.Fatalf("found %v", got)
				}
				return
			}
			if len(got) == 0 || got[0] != tt.want {
				t.Fatalf("got %v, want %s first", got, tt.want)
			}
		})
	}
	t.Run("distinct occupations up to the limit", func(t *testing.T) {
		got := codes(x.Search("manager", 20))
		seen := map[string]bool{}
		for _, c := range got {
			if seen[c] {
				t.Fatalf("%s twice in %v", c, got)
			}
			seen[c] = true
		}
		if len(got) != 20 {
			t.Fatalf("%d results", len(got))
		}
	})
}

func BenchmarkSearch(b *testing.B) {
	x := shippedIndex(b)
	qs := []string{"registered nurse", "software", "m", "data engineer", "electrician apprentice", "chief financial"}
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		x.Search(qs[i%len(qs)], 20)
	}
}

func BenchmarkMatch(b *testing.B) {
	x := shippedIndex(b)
	b.ResetTimer()
	for b.Loop() {
		x.Match("Registered Nurse")
	}
}
