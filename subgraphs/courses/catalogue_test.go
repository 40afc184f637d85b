package courses_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/careercoach/coach/subgraphs/courses"
)

func TestShippedCatalogueIsValid(t *testing.T) {
	cat, err := courses.LoadCatalogue()
	if err != nil {
		t.Fatal(err)
	}
	if len(cat.Courses) < courses.MinCatalogueSize {
		t.Fatalf("%d courses", len(cat.Courses))
	}
	for _, c := range cat.Courses {
		src, ok := cat.Source(c.Source)
		if !ok || src.License == "" || !strings.HasPrefix(src.URL(), "https://github.com/") {
			t.Fatalf("course %s: source %q is not described (%+v)", c.ID, c.Source, src)
		}
	}
	// The encoding is deterministic: decoding and encoding again gives the
	// committed bytes' content.
	b, err := courses.EncodeCatalogue(cat)
	if err != nil {
		t.Fatal(err)
	}
	again, err := courses.DecodeCatalogue(b)
	if err != nil || len(again.Courses) != len(cat.Courses) || again.Courses[0].ID != cat.Courses[0].ID {
		t.Fatalf("round trip: %v", err)
	}
}

func TestValidateCatalogueRejects(t *testing.T) {
	src := courses.Source{Key: "list.en", Name: "A list", License: "CC BY 4.0", Repository: "o/r",
		Commit: strings.Repeat("a", 40), Path: "courses.md"}
	good := func() *courses.Course {
		return &courses.Course{ID: "a-course", Title: "A", Provider: "Coursera", URL: "https://example.org/a",
			Description: "d", Skills: []string{"Python"}, Level: courses.Beginner, DurationHours: 3, Language: "en",
			Category: "software", Source: "list.en"}
	}
	full := func(mod func(cat *courses.Catalogue)) *courses.Catalogue {
		cat := &courses.Catalogue{Sources: []courses.Source{src}}
		for i := range courses.MinCatalogueSize {
			c := good()
			c.ID = fmt.Sprintf("course-%d", i)
			c.URL = "https://example.org/" + c.ID
			cat.Courses = append(cat.Courses, c)
		}
		mod(cat)
		return cat
	}
	tests := []struct {
		name string
		mod  func(cat *courses.Catalogue)
		want string
	}{
		{"too small", func(cat *courses.Catalogue) { cat.Courses = cat.Courses[:10] }, "at least 2000"},
		{"duplicate id", func(cat *courses.Catalogue) { cat.Courses[1].ID = cat.Courses[0].ID }, "not unique"},
		{"duplicate url", func(cat *courses.Catalogue) { cat.Courses[1].URL = cat.Courses[0].URL + "/" }, "share the URL"},
		{"same page with www", func(cat *courses.Catalogue) {
			cat.Courses[1].URL = strings.Replace(cat.Courses[0].URL, "https://", "https://www.", 1)
		}, "share the URL"},
		{"http url", func(cat *courses.Catalogue) { cat.Courses[0].URL = "http://example.org/a" }, "not an https URL"},
		{"no provider", func(cat *courses.Catalogue) { cat.Courses[0].Provider = "" }, "provider is empty"},
		{"bad level", func(cat *courses.Catalogue) { cat.Courses[0].Level = "EXPERT" }, "level"},
		{"no skills", func(cat *courses.Catalogue) { cat.Courses[0].Skills = nil }, "0 skills"},
		{"unknown source", func(cat *courses.Catalogue) { cat.Courses[0].Source = "memory" }, `source "memory" is not one of`},
		{"source without licence", func(cat *courses.Catalogue) { cat.Sources[0].License = "" }, "lacks its name, licence"},
		{"negative hours", func(cat *courses.Catalogue) { cat.Courses[0].DurationHours = -1 }, "out of range"},
		{"id with capitals", func(cat *courses.Catalogue) { cat.Courses[0].ID = "A-course" }, "lower-case slug"},
		{"id with double hyphen", func(cat *courses.Catalogue) { cat.Courses[0].ID = "a--course" }, "lower-case slug"},
		{"id ending in a hyphen", func(cat *courses.Catalogue) { cat.Courses[0].ID = "a-course-" }, "lower-case slug"},
		{"id with a space", func(cat *courses.Catalogue) { cat.Courses[0].ID = "a course" }, "lower-case slug"},
		{"empty id", func(cat *courses.Catalogue) { cat.Courses[0].ID = "" }, "lower-case slug"},
		{"language name", func(cat *courses.Catalogue) { cat.Courses[0].Language = "english" }, "ISO 639-1"},
		{"upper-case language", func(cat *courses.Catalogue) { cat.Courses[0].Language = "EN" }, "ISO 639-1"},
		{"no language", func(cat *courses.Catalogue) { cat.Courses[0].Language = "" }, "ISO 639-1"},
	}
	if err := courses.ValidateCatalogue(full(func(*courses.Catalogue) {})); err != nil {
		t.Fatalf("the valid base catalogue is rejected: %v", err)
	}
	unknown := full(func(cat *courses.Catalogue) { cat.Courses[0].Level, cat.Courses[0].DurationHours = "", 0 })
	if err := courses.ValidateCatalogue(unknown); err != nil {
		t.Fatalf("a course whose source states no level or length is rejected: %v", err)
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

func TestDecodeCatalogueRefusesGarbage(t *testing.T) {
	if _, err := courses.DecodeCatalogue([]byte("not gzip")); err == nil {
		t.Fatal("decoded garbage")
	}
}
