package cv_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/careercoach/coach/subgraphs/cv"
)

// TestParseCorpus parses the known text of every CV in the extraction
// corpus: each has a name, an email, positions with dates and titles, and
// education.
func TestParseCorpus(t *testing.T) {
	files, _ := filepath.Glob("extract/testdata/*.txt")
	if len(files) < 5 {
		t.Fatalf("corpus has %d text files", len(files))
	}
	for _, f := range files {
		t.Run(strings.TrimSuffix(filepath.Base(f), ".txt"), func(t *testing.T) {
			raw, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			s := cv.Parse(cv.Unwrap(string(raw)))
			if s.Contact.Name == "" || s.Contact.Email == "" {
				t.Errorf("contact %+v", s.Contact)
			}
			if len(s.Experience) < 2 {
				t.Errorf("%d positions", len(s.Experience))
			}
			for i, e := range s.Experience {
				if e.Title == "" || e.Company == "" || e.StartDate == "" || (e.EndDate == "" && !e.Current) {
					t.Errorf("position %d %+v", i, e)
				}
			}
			if len(s.Education) == 0 || s.Education[0].Degree == "" || s.Education[0].Institution == "" {
				t.Errorf("education %+v", s.Education)
			}
		})
	}
}
