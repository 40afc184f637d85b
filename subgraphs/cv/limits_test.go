package cv_test

import (
	"context"
	"errors"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/careercoach/coach/subgraphs/cv"
	"github.com/careercoach/coach/subgraphs/cv/extract"
)

// longCV repeats a real CV's text up to chars characters.
func longCV(t testing.TB, chars int) string {
	t.Helper()
	raw, err := os.ReadFile("extract/testdata/fpdf-two-page.pdf.txt")
	if err != nil {
		t.Fatal(err)
	}
	s := []rune(strings.Repeat(string(raw)+"\n", chars/len(raw)+1))
	return string(s[:chars])
}

// textExtractor returns fixed text: an Extractor that does not enforce
// the text limit itself.
type textExtractor string

func (textExtractor) Sniff([]byte) (string, error) { return cv.KindPDF, nil }
func (e textExtractor) Extract(context.Context, []byte) (cv.Extracted, error) {
	return cv.Extracted{Kind: cv.KindPDF, Pages: 1, Text: string(e)}, nil
}

func TestPipelineRefusesTextOverTheLimit(t *testing.T) {
	p := &cv.Pipeline{Extractor: textExtractor(longCV(t, 2_001)), Skills: taxonomy(t), Analyzer: cv.NewOffline(taxonomy(t)), MaxTextChars: 2_000}
	_, err := p.Run(context.Background(), []byte("x"), nil, nil)
	fe, ok := errors.AsType[*cv.FailureError](err)
	if !ok || fe.Code != cv.FailTooLarge || fe.Retryable || !strings.Contains(fe.Message, "2001 characters of text; a CV has at most 2000") {
		t.Fatalf("err = %v, want a final TOO_LARGE failure", err)
	}
	p.Extractor = textExtractor(longCV(t, 2_000))
	if _, err := p.Run(context.Background(), []byte("x"), nil, nil); err != nil {
		t.Fatalf("at the limit: %v", err)
	}
}

// BenchmarkAnalyseLongestCV measures the main process's share (parse,
// skills, offline analysis) of the longest text the limit lets through:
// issue 20 saw 72 s for 41 million characters.
func BenchmarkAnalyseLongestCV(b *testing.B) {
	text := longCV(b, extract.DefaultMaxTextChars)
	tax := taxonomy(b)
	p := &cv.Pipeline{Extractor: textExtractor(text), Skills: tax, Analyzer: cv.NewOffline(tax), Now: func() time.Time { return now }}
	for b.Loop() {
		if _, err := p.Run(context.Background(), []byte("x"), nil, nil); err != nil {
			b.Fatal(err)
		}
	}
}
