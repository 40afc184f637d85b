package extract

import (
	"context"
	"errors"
	"os"
	"testing"
	"time"
)

// FuzzExtract feeds mutated corpus files to the parsers in-process: any
// result must be a document or one of the sentinel errors, never a crash
// or a hang past the deadline. (Extract adds the child process on top.)
func FuzzExtract(f *testing.F) {
	for _, name := range []string{"fpdf-core-font.pdf", "garbled.pdf", "word-style.docx", "scanned.pdf"} {
		data, err := os.ReadFile("testdata/" + name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		lim := Limits{Timeout: 2 * time.Second, MaxUncompressedBytes: 8 << 20}
		_, err := ExtractInProcess(context.Background(), data, lim)
		if err == nil {
			return
		}
		for _, s := range []error{ErrUnsupported, ErrTooLarge, ErrTimeout, ErrEncrypted, ErrCorrupt} {
			if errors.Is(err, s) {
				return
			}
		}
		t.Fatalf("error without a sentinel: %v", err)
	})
}
