package extract

import (
	"context"
	"os"
	"testing"
)

// BenchmarkExtractTwoPagePDF: the 2-page corpus CV, in-process (parsing
// and layout) and through the child process (what the service pays).
func BenchmarkExtractTwoPagePDF(b *testing.B) {
	data, err := os.ReadFile("testdata/fpdf-two-page.pdf")
	if err != nil {
		b.Fatal(err)
	}
	b.Run("in-process", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := ExtractInProcess(context.Background(), data, Limits{}); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("child-process", func(b *testing.B) {
		for b.Loop() {
			if _, err := Extract(context.Background(), data, Limits{}); err != nil {
				b.Fatal(err)
			}
		}
	})
}
