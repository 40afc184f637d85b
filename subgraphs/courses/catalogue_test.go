package courses_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/careercoach/coach/subgraphs/courses"
)

func TestShippedCatalogueIsValid(t *testing.T) {
	cat, err := courses.Catalogue()
	if err != nil {
		t.Fatal(err)
	}
	if len(cat) < courses.MinCatalogueSize {
		t.Fatalf("%d courses", len(cat))
	}
	perCategory := map[string]int{}
	for _, c := range cat {
		perCategory[c.Category]++
	}
	for _, want := range courses.Categories {
		if perCategory[want] < 3 {
			t.Errorf("category %s has %d courses, want at least 3", want, perCategory[want])
		}
	}
}

func TestValidateCatalogueRejects(t *testing.T) {
	good := func() *courses.Course {
		return &courses.Course{ID: "a-course", Title: "A", Provider: "Coursera", URL: "https://example.org/a",
			Description: "d", Skills: []string{"Python"}, Level: courses.Beginner, DurationHours: 3, Language: "en", Category: "software"}
	}
	full := func(mod func(cat []*courses.Course) []*courses.Course) []*courses.Course {
		var cat []*courses.Course
		for i := range courses.MinCatalogueSize {
			c := good()
			c.ID = fmt.Sprintf("course-%d", i)
			c.URL = "https://example.org/" + c.ID
			c.Category = courses.Categories[i%len(courses.Categories)]
			cat = append(cat, c)
		}
		return mod(cat)
	}
	tests := []struct {
		name string
		mod  func(cat []*courses.Course) []*courses.Course
		want string
	}{
		{"too small", func(cat []*courses.Course) []*courses.Course { return cat[:10] }, "at least 300"},
		{"duplicate id", func(cat []*courses.Course) []*courses.Course { cat[1].ID = cat[0].ID; return cat }, "not unique"},
		{"duplicate url", func(cat []*courses.Course) []*courses.Course { cat[1].URL = cat[0].URL + "/"; return cat }, "share the URL"},
		{"http url", func(cat []*courses.Course) []*courses.Course { cat[0].URL = "http://example.org/a"; return cat }, "not an https URL"},
		{"unknown provider", func(cat []*courses.Course) []*courses.Course { cat[0].Provider = "Bob's Courses"; return cat }, "not a known provider"},
		{"bad level", func(cat []*courses.Course) []*courses.Course { cat[0].Level = "EXPERT"; return cat }, "level"},
		{"no skills", func(cat []*courses.Course) []*courses.Course { cat[0].Skills = nil; return cat }, "0 skills"},
		{"category uncovered", func(cat []*courses.Course) []*courses.Course {
			for _, c := range cat {
				if c.Category == "teaching" {
					c.Category = "software"
				}
			}
			return cat
		}, "no course in category teaching"},
	}
	if err := courses.ValidateCatalogue(full(func(c []*courses.Course) []*courses.Course { return c })); err != nil {
		t.Fatalf("the valid base catalogue is rejected: %v", err)
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := courses.ValidateCatalogue(full(tt.mod))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("err = %v, want it to mention %q", err, tt.want)
			}
		})
	}
}

func TestParseCatalogueReportsTheBadLine(t *testing.T) {
	tsv := "id\tcategory\tprovider\tlevel\thours\tfree\tlanguage\trating\ttitle\turl\tskills\tdescription\n" +
		"a\tsoftware\tCoursera\tbeginner\tlots\ttrue\ten\t\tT\thttps://x.org\tPython\tD\n"
	_, err := courses.ParseCatalogue(strings.NewReader(tsv))
	if err == nil || !strings.Contains(err.Error(), "line 2 (a)") {
		t.Fatalf("err = %v", err)
	}
}
