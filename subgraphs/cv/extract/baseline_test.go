package extract

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ledongthuc/pdf"
)

// TestLibraryBaseline measures what the library's own plain-text API
// recovers from the corpus, beside our layout on its glyphs, and checks
// ours is never worse. It is the measurement behind the choice of
// building on glyph positions (see README.md).
func TestLibraryBaseline(t *testing.T) {
	files, _ := filepath.Glob("testdata/*.pdf")
	var b strings.Builder
	fmt.Fprintf(&b, "\n%-30s %14s %10s\n", "file", "GetPlainText", "ours")
	for _, path := range files {
		want, err := os.ReadFile(path + ".txt")
		if err != nil {
			continue // a gate-only file
		}
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		exp := words(string(want))
		plain := "(no answer in 5 s)"
		if text, ok := plainText(data, 5*time.Second); ok {
			plain = fmt.Sprintf("%.3f", recall(exp, words(text)))
		}
		doc, err := ExtractInProcess(context.Background(), data, Limits{})
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		ours := recall(exp, words(doc.Text))
		fmt.Fprintf(&b, "%-30s %14s %10.3f\n", filepath.Base(path), plain, ours)
		if p, err := parseFloat(plain); err == nil && ours < p {
			t.Errorf("%s: our recall %.3f is below the library's plain text %.3f", path, ours, p)
		}
	}
	t.Log(b.String())
}

// plainText runs the library's GetPlainText, giving up after d: it is
// known to hang on some files (the goroutine is then abandoned).
func plainText(data []byte, d time.Duration) (string, bool) {
	done := make(chan string, 1)
	go func() {
		defer func() {
			if recover() != nil {
				done <- ""
			}
		}()
		r, err := pdf.NewReader(bytes.NewReader(data), int64(len(data)))
		if err != nil {
			done <- ""
			return
		}
		rd, err := r.GetPlainText()
		if err != nil {
			done <- ""
			return
		}
		b, _ := io.ReadAll(rd)
		done <- string(b)
	}()
	select {
	case s := <-done:
		return s, true
	case <-time.After(d):
		return "", false
	}
}

func parseFloat(s string) (float64, error) {
	var f float64
	_, err := fmt.Sscanf(s, "%f", &f)
	return f, err
}
