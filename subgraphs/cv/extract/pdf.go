package extract

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/ledongthuc/pdf"
)

// pdfBackend is the one seam to the PDF library: open a file, count its
// pages, give each page's glyphs with positions. Layout (words, lines,
// columns) is ours and does not know the library.
type pdfBackend interface {
	open(data []byte) (pdfFile, error)
}

type pdfFile interface {
	// numPages walks the page tree within bounds (see pageList).
	numPages(maxPages int) (int, error)
	pageGlyphs(ctx context.Context, n int, work *pdfWork) ([]glyph, error)
}

// pdfWork is what reading one PDF may cost beyond time and memory.
type pdfWork struct {
	bytes     *byteBudget // inflated stream bytes (flate bombs)
	glyphs    int         // glyphs left to draw
	forms     int         // form XObjects left to draw
	textLimit int         // Limits.MaxTextChars, for the error
}

// Per-document bounds of drawing work. A CV draws each character once or
// twice (fake bold) and a few forms (logos) per page; a file far beyond
// that is refused before its glyphs fill memory.
const (
	glyphsPerChar = 4
	maxFormDraws  = 10_000
)

// defaultPDF is github.com/ledongthuc/pdf (parser, xref, filters,
// decryption of empty-password files) under our own content interpreter.
var defaultPDF pdfBackend = ledongthucBackend{}

func extractPDF(ctx context.Context, data []byte, lim Limits) (Document, error) {
	if err := checkXrefChain(data); err != nil {
		return Document{}, err
	}
	f, err := defaultPDF.open(data)
	if err != nil {
		return Document{}, err
	}
	n, err := f.numPages(lim.MaxPages)
	if err != nil {
		return Document{}, err
	}
	if n <= 0 {
		return Document{}, fmt.Errorf("%w: PDF has no pages", ErrCorrupt)
	}
	work := &pdfWork{bytes: &byteBudget{left: lim.MaxUncompressedBytes}, glyphs: glyphsPerChar * lim.MaxTextChars,
		forms: maxFormDraws, textLimit: lim.MaxTextChars}
	chars := &charBudget{limit: lim.MaxTextChars}
	pages := make([][]string, 0, n)
	for i := 1; i <= n; i++ {
		if err := ctx.Err(); err != nil {
			return Document{}, err
		}
		gs, err := f.pageGlyphs(ctx, i, work)
		if err != nil {
			return Document{}, err
		}
		lines := joinBrokenWords(layoutPage(gs))
		for _, ln := range lines {
			if err := chars.take(ln); err != nil {
				return Document{}, err
			}
		}
		pages = append(pages, lines)
	}
	var b strings.Builder
	for _, lines := range dropRunningLines(pages) {
		for _, ln := range lines {
			b.WriteString(ln)
			b.WriteByte('\n')
		}
		b.WriteByte('\n')
	}
	return Document{Pages: n, Text: b.String()}, nil
}

// readBudgetFor is how many bytes the library may read from a file of
// size bytes: it re-reads objects on every lookup (no cache), and the
// corpus's files read at most ~9 times their size, but a loop the walks in
// pdf_structure.go cannot see (an object stream that /Extends itself) reads
// without end.
func readBudgetFor(size int) int64 { return 200*int64(size) + 4<<20 }

// readBudget is the file as the library sees it; past its budget every
// read aborts the extraction with ErrCycle.
type readBudget struct {
	r    io.ReaderAt
	left int64
}

func (b *readBudget) ReadAt(p []byte, off int64) (int, error) {
	if b.left -= int64(len(p)); b.left < 0 {
		panic(abort{fmt.Errorf("%w: the PDF library read the file over and over (a reference loop)", ErrCycle)})
	}
	return b.r.ReadAt(p, off)
}

type ledongthucBackend struct{}

type ledongthucFile struct {
	r     *pdf.Reader
	pages []pdf.Value // filled by numPages
}

func (ledongthucBackend) open(data []byte) (f pdfFile, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%w: %v", ErrCorrupt, r)
		}
	}()
	r, err := pdf.NewReader(&readBudget{r: bytes.NewReader(data), left: readBudgetFor(len(data))}, int64(len(data)))
	if err != nil {
		if errors.Is(err, pdf.ErrInvalidPassword) || strings.Contains(err.Error(), "encrypt") {
			return nil, fmt.Errorf("%w: %v", ErrEncrypted, err)
		}
		return nil, fmt.Errorf("%w: %v", ErrCorrupt, err)
	}
	return &ledongthucFile{r: r}, nil
}

// numPages refuses a file that declares too many pages before walking its
// tree, and walks the tree itself: the library's Page(n) has no bound.
func (f *ledongthucFile) numPages(maxPages int) (n int, err error) {
	defer func() {
		if r := recover(); r != nil {
			if a, ok := r.(abort); ok {
				err = a.err
				return
			}
			err = fmt.Errorf("%w: page tree: %v", ErrCorrupt, r)
		}
	}()
	root := f.r.Trailer().Key("Root").Key("Pages")
	if c := root.Key("Count").Int64(); c > int64(maxPages) {
		return 0, fmt.Errorf("%w: %d pages, limit %d", ErrTooLarge, c, maxPages)
	}
	f.pages, err = pageList(root, maxPages)
	return len(f.pages), err
}

func (f *ledongthucFile) pageGlyphs(ctx context.Context, n int, work *pdfWork) ([]glyph, error) {
	if n < 1 || n > len(f.pages) {
		return nil, nil
	}
	return pageGlyphs(ctx, pdf.Page{V: f.pages[n-1]}, work)
}
