package coursedata

import (
	"bytes"
	"context"
	"flag"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/careercoach/coach/internal/skills"
	"github.com/careercoach/coach/subgraphs/courses"
)

var update = flag.Bool("update", false, "rewrite testdata/catalogue.golden.json")

func testSources(t *testing.T) []Source {
	t.Helper()
	b, err := os.ReadFile("testdata/sources.json")
	if err != nil {
		t.Fatal(err)
	}
	s, err := ParseSources(b)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func taxonomy(t *testing.T) *skills.Taxonomy {
	t.Helper()
	tax, err := skills.Load()
	if err != nil {
		t.Fatal(err)
	}
	return tax
}

// The build over excerpts of the real files gives the golden catalogue
// (refresh with -update after a deliberate change), and the same bytes
// every time.
func TestBuildIsDeterministic(t *testing.T) {
	tax := taxonomy(t)
	legacy := map[string]string{courses.NormalizeURL("https://www.youtube.com/playlist?list=PLDN4rrl48XKpZkf03iYFl-O29szjTrs_O"): "abdul-bari-algorithms"}
	build := func() ([]byte, map[string]*Stats) {
		cat, stats, err := Build(t.Context(), "testdata", testSources(t), tax, legacy)
		if err != nil {
			t.Fatal(err)
		}
		b, err := courses.EncodeCatalogue(cat)
		if err != nil {
			t.Fatal(err)
		}
		return b, stats
	}
	first, stats := build()
	if again, _ := build(); !bytes.Equal(first, again) {
		t.Fatal("two builds from the same files differ")
	}
	cat, err := courses.DecodeCatalogue(first)
	if err != nil {
		t.Fatal(err)
	}
	var pretty bytes.Buffer
	for _, c := range cat.Courses {
		pretty.WriteString(strings.Join([]string{c.ID, c.Source, c.Category, c.Provider, string(c.Level), ftoa(c.DurationHours), c.Language,
			c.Title, c.URL, strings.Join(c.Skills, ";"), c.Description}, "\t") + "\n")
	}
	golden := filepath.Join("testdata", "catalogue.golden.tsv")
	if *update {
		if err := os.WriteFile(golden, pretty.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(pretty.Bytes(), want) {
		t.Fatalf("catalogue differs from %s (run with -update after a deliberate change):\n%s", golden, pretty.String())
	}
	en := stats["fpb.en"]
	if en.NotHTTPS != 2 || en.Legacy != 1 || en.Kept == 0 || en.SiteHome == 0 {
		t.Fatalf("fpb.en stats %+v", en)
	}
}

func ftoa(f float64) string {
	if f == 0 {
		return ""
	}
	return strconv.FormatFloat(f, 'f', -1, 64)
}

// A raw file that is not the recorded one is refused before anything is read.
func TestBuildRefusesChangedFiles(t *testing.T) {
	dir := t.TempDir()
	sources := testSources(t)
	for _, s := range sources {
		b, err := os.ReadFile(filepath.Join("testdata", s.File))
		if err != nil {
			t.Fatal(err)
		}
		if s.Key == "fpb.en" {
			b = append(b, "* [Injected](https://example.org/course) - someone\n"...)
		}
		if err := os.WriteFile(filepath.Join(dir, s.File), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	_, _, err := Build(t.Context(), dir, sources, taxonomy(t), nil)
	if err == nil || !strings.Contains(err.Error(), "fpb-free-courses-en.md has SHA-256") {
		t.Fatalf("err = %v", err)
	}
	if err := os.Remove(filepath.Join(dir, "fpb-free-courses-ar.md")); err != nil {
		t.Fatal(err)
	}
	_, _, err = Build(t.Context(), dir, sources[2:], taxonomy(t), nil)
	if err == nil || !strings.Contains(err.Error(), "download it from https://raw.githubusercontent.com/EbookFoundation/free-programming-books/") {
		t.Fatalf("err = %v", err)
	}
}

func TestBuildHonoursCancellation(t *testing.T) {
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	if _, _, err := Build(ctx, "testdata", testSources(t), taxonomy(t), nil); err == nil || !strings.Contains(err.Error(), "canceled") {
		t.Fatalf("err = %v", err)
	}
}

// The shipped manifest records, for every source, a licence that allows
// redistributing what the catalogue ships, and its exact file.
func TestShippedSources(t *testing.T) {
	sources, err := Sources()
	if err != nil {
		t.Fatal(err)
	}
	open := map[string]bool{"CC BY 4.0": true, "MIT": true}
	seen := map[string]bool{}
	for _, s := range sources {
		if !open[s.License] || len(s.Commit) != 40 || len(s.SHA256) != 64 || s.Path == "" || s.Repository == "" || seen[s.File] {
			t.Errorf("source %+v", s)
		}
		seen[s.File] = true
		if s.Format != FormatFPB && s.Format != FormatOSSU {
			t.Errorf("source %s: format %q", s.Key, s.Format)
		}
	}
	if _, err := LegacyIDs(); err != nil {
		t.Fatal(err)
	}
}

// With the raw files at hand (COURSES_RAW=<dir>), the committed catalogue
// must be exactly what the build makes of them.
func TestCommittedCatalogueIsCurrent(t *testing.T) {
	dir := os.Getenv("COURSES_RAW")
	if dir == "" {
		t.Skip("set COURSES_RAW to the directory `coach data fetch --set courses` filled")
	}
	sources, err := Sources()
	if err != nil {
		t.Fatal(err)
	}
	legacy, err := LegacyIDs()
	if err != nil {
		t.Fatal(err)
	}
	cat, _, err := Build(t.Context(), dir, sources, taxonomy(t), legacy)
	if err != nil {
		t.Fatal(err)
	}
	b, err := courses.EncodeCatalogue(cat)
	if err != nil {
		t.Fatal(err)
	}
	committed, err := os.ReadFile(filepath.Join("..", "data", courses.DataFile))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(b, committed) {
		t.Fatal("data/catalogue.json.gz is not what the build makes of the sources: run coach data build --set courses")
	}
}
