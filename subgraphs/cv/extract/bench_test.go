package extract

import (
	"context"
	"os"
	"strings"
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

// A page of lines that each end in a broken word joins into one line; the
// join is linear in the page (it was quadratic: 40,000 such lines took 10 s).
func BenchmarkJoinBrokenWordsChain(b *testing.B) {
	lines := strings.Split(strings.Repeat("ab-\n", 40_000), "\n")
	for b.Loop() {
		joinBrokenWords(lines)
	}
}
