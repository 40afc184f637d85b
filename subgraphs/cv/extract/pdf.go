package extract

import (
	"bytes"
	"context"
	"errors"
	"fmt"
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
	numPages() int
	pageGlyphs(ctx context.Context, n int, budget *byteBudget) ([]glyph, error)
}

// defaultPDF is github.com/ledongthuc/pdf (parser, xref, filters,
// decryption of empty-password files) under our own content interpreter.
var defaultPDF pdfBackend = ledongthucBackend{}

func extractPDF(ctx context.Context, data []byte, lim Limits) (Document, error) {
	f, err := defaultPDF.open(data)
	if err != nil {
		return Document{}, err
	}
	n := f.numPages()
	if n <= 0 {
		return Document{}, fmt.Errorf("%w: PDF has no pages", ErrCorrupt)
	}
	if n > lim.MaxPages {
		return Document{}, fmt.Errorf("%w: %d pages, limit %d", ErrTooLarge, n, lim.MaxPages)
	}
	budget := &byteBudget{left: lim.MaxUncompressedBytes}
	pages := make([][]string, 0, n)
	for i := 1; i <= n; i++ {
		if err := ctx.Err(); err != nil {
			return Document{}, err
		}
		gs, err := f.pageGlyphs(ctx, i, budget)
		if err != nil {
			return Document{}, err
		}
		pages = append(pages, joinBrokenWords(layoutPage(gs)))
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

type ledongthucBackend struct{}

type ledongthucFile struct{ r *pdf.Reader }

func (ledongthucBackend) open(data []byte) (f pdfFile, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%w: %v", ErrCorrupt, r)
		}
	}()
	r, err := pdf.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		if errors.Is(err, pdf.ErrInvalidPassword) || strings.Contains(err.Error(), "encrypt") {
			return nil, fmt.Errorf("%w: %v", ErrEncrypted, err)
		}
		return nil, fmt.Errorf("%w: %v", ErrCorrupt, err)
	}
	return ledongthucFile{r}, nil
}

func (f ledongthucFile) numPages() int { return f.r.NumPage() }

func (f ledongthucFile) pageGlyphs(ctx context.Context, n int, budget *byteBudget) ([]glyph, error) {
	p := f.r.Page(n)
	if p.V.IsNull() {
		return nil, nil
	}
	return pageGlyphs(ctx, p, budget)
}
