package cv

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/careercoach/coach/subgraphs/cv/extract"
)

// BenchmarkParseAnalyze parses, dates and analyses the longest real CV
// (3 pages) with the offline engine.
func BenchmarkParseAnalyze(b *testing.B) {
	data, err := os.ReadFile(filepath.Join(realCorpus, "lualatex-awesome-cv.pdf"))
	if err != nil {
		b.Fatal(err)
	}
	doc, err := extract.ExtractInProcess(context.Background(), data, extract.DefaultLimits())
	if err != nil {
		b.Fatal(err)
	}
	text := Unwrap(doc.Text)
	now := time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC)
	o := NewOffline(nil)
	o.Now = func() time.Time { return now }
	b.ResetTimer()
	for b.Loop() {
		secs := Parse(text)
		if _, err := o.Analyze(context.Background(), AnalysisInput{Text: text, Sections: secs, FileDate: FileDate(data)}); err != nil {
			b.Fatal(err)
		}
	}
}
