package extract

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"context"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"math/rand/v2"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/careercoach/coach/subgraphs/cv/extract/extracttest"
)

// lyingDOCX declares a tiny uncompressed size for a document.xml that
// inflates to size bytes: the check of declared sizes passes; archive/zip
// stops at the declared size (ErrFormat), and the counting reader is there
// for readers that do not.
func lyingDOCX(t testing.TB, size int) []byte {
	t.Helper()
	xml := []byte(`<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>` +
		strings.Repeat("<w:p/>", size/6) + `</w:body></w:document>`)
	var comp bytes.Buffer
	fw, _ := flate.NewWriter(&comp, flate.BestCompression)
	fw.Write(xml)
	fw.Close()
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	w, err := zw.CreateRaw(&zip.FileHeader{Name: "word/document.xml", Method: zip.Deflate, CRC32: crc32.ChecksumIEEE(xml),
		CompressedSize64: uint64(comp.Len()), UncompressedSize64: 1000})
	if err != nil {
		t.Fatal(err)
	}
	w.Write(comp.Bytes())
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestLargeDOCXIsRefusedAtTheTextLimit(t *testing.T) {
	data := extracttest.LargeDOCX(t, 41_000_000)
	if len(data) > 10<<20 {
		t.Fatalf("the attack file is %d bytes; it must fit the 10 MB upload limit", len(data))
	}
	t.Logf("attack DOCX: %.1f MB", float64(len(data))/(1<<20))

	t.Run("child process: refused within 128 MB of memory", func(t *testing.T) {
		_, err := Extract(context.Background(), data, Limits{MaxMemoryBytes: 128 << 20, Timeout: time.Minute})
		var tl *TextTooLongError
		if !errors.As(err, &tl) || !errors.Is(err, ErrTooLarge) || tl.Limit != DefaultLimits().MaxTextChars {
			t.Fatalf("err = %v, want a TextTooLongError at the default limit", err)
		}
		msg := UserMessage(err)
		if !strings.Contains(msg, "more than 100,000 characters of text; a CV has at most 100,000") {
			t.Fatalf("user message %q", msg)
		}
	})
	t.Run("in process: reading stops after a few hundred kilobytes", func(t *testing.T) {
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		_, err := ExtractInProcess(context.Background(), data, Limits{Timeout: time.Minute})
		runtime.ReadMemStats(&after)
		if !errors.Is(err, ErrTextTooLong) {
			t.Fatalf("err = %v, want ErrTextTooLong", err)
		}
		// The whole document.xml is ~45 MB; reading it all would allocate
		// far more than this.
		if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 32<<20 {
			t.Fatalf("allocated %d MB to refuse the file", alloc>>20)
		}
	})
	t.Run("a lower limit is honoured", func(t *testing.T) {
		small := extracttest.LargeDOCX(t, 3_000)
		_, err := ExtractInProcess(context.Background(), small, Limits{MaxTextChars: 1_000})
		if !errors.Is(err, ErrTextTooLong) {
			t.Fatalf("err = %v", err)
		}
		doc, err := ExtractInProcess(context.Background(), small, Limits{MaxTextChars: 10_000})
		if err != nil || len(doc.Text) < 3_000 {
			t.Fatalf("under the limit: %d chars, %v", len(doc.Text), err)
		}
	})
}

// A part without text is bounded by bytes: 30 MB of empty paragraphs
// fit the archive's 50 MB but not one part's 20 MB.
func TestZipEntryWithoutTextStopsAtTheEntryLimit(t *testing.T) {
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	w, _ := zw.Create("word/document.xml")
	io.WriteString(w, `<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>`)
	rng := rand.New(rand.NewPCG(3, 4))
	for range 1_200_000 { // random attributes deflate ~3:1, under the ratio check
		fmt.Fprintf(w, `<w:p w:rsidR="%08X"/>`, rng.Uint32())
	}
	io.WriteString(w, `</w:body></w:document>`)
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	_, err := ExtractInProcess(context.Background(), b.Bytes(), Limits{MaxUncompressedBytes: 50 << 20})
	if !errors.Is(err, ErrTooLarge) || !strings.Contains(err.Error(), "inflates beyond the limit") {
		t.Fatalf("err = %v, want ErrTooLarge from the counting reader", err)
	}
}

func TestZipEntryThatLiesAboutItsSize(t *testing.T) {
	data := lyingDOCX(t, 30<<20)
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	_, err := ExtractInProcess(context.Background(), data, Limits{})
	runtime.ReadMemStats(&after)
	if !errors.Is(err, ErrCorrupt) {
		t.Fatalf("err = %v, want ErrCorrupt", err)
	}
	if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 8<<20 {
		t.Fatalf("allocated %d MB before refusing", alloc>>20)
	}
}

func BenchmarkRefuseLargeDOCX(b *testing.B) {
	data := extracttest.LargeDOCX(b, 41_000_000)
	b.ResetTimer()
	for b.Loop() {
		if _, err := ExtractInProcess(context.Background(), data, Limits{Timeout: time.Minute}); !errors.Is(err, ErrTextTooLong) {
			b.Fatal(err)
		}
	}
}

// TestPDFWithTooManyGlyphsStopsAtTheGlyphBudget: the PDF counterpart, a
// page that shows a million glyphs; the glyph budget (4 per allowed
// character) stops the interpreter.
func TestPDFWithTooManyGlyphsStopsAtTheGlyphBudget(t *testing.T) {
	line := "(" + strings.Repeat("a", 2000) + ") Tj\n"
	data := craftPDF(t, []byte("BT /F1 10 Tf "+strings.Repeat(line, 500)+"ET\n"), 1)
	_, err := Extract(context.Background(), data, Limits{})
	if !errors.Is(err, ErrTextTooLong) {
		t.Fatalf("err = %v, want ErrTextTooLong", err)
	}
	if msg := UserMessage(err); !strings.Contains(msg, "more than 100,000 characters") {
		t.Fatalf("user message %q", msg)
	}
}
