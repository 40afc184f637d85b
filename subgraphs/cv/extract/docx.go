package extract

import (
	"archive/zip"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"path"
	"sort"
	"strings"
	"unicode/utf8"
)

// Zip-bomb limits beyond Limits.MaxUncompressedBytes (the whole archive).
// A Word CV has a few dozen entries and a document.xml well under 1 MB, and
// XML deflates ~10:1; a bomb deflates at ~1000:1. (OWASP file upload cheat
// sheet: limit entry count, per-entry and total uncompressed size.)
const (
	docxMaxEntries    = 1000
	docxMaxEntryBytes = 20 << 20 // one part, uncompressed
	docxMaxRatio      = 100      // per entry, uncompressed:compressed, checked above docxRatioFloor
	docxRatioFloor    = 1 << 20
)

// extractDOCX reads headers, the body and footers. Headers and footers are
// where contact details often live; the same text in several of them
// (first-page and default headers) is kept once.
func extractDOCX(ctx context.Context, data []byte, lim Limits) (Document, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return Document{}, fmt.Errorf("%w: zip: %v", ErrCorrupt, err)
	}
	if len(zr.File) > docxMaxEntries {
		return Document{}, fmt.Errorf("%w: %d zip entries, limit %d", ErrTooLarge, len(zr.File), docxMaxEntries)
	}
	var body *zip.File
	var headers, footers []*zip.File
	for _, f := range zr.File {
		dir, name := path.Split(f.Name)
		if dir != "word/" {
			continue
		}
		switch {
		case name == "document.xml":
			body = f
		case strings.HasPrefix(name, "header") && strings.HasSuffix(name, ".xml"):
			headers = append(headers, f)
		case strings.HasPrefix(name, "footer") && strings.HasSuffix(name, ".xml"):
			footers = append(footers, f)
		}
	}
	if body == nil {
		return Document{}, fmt.Errorf("%w: no word/document.xml", ErrUnsupported)
	}
	byName := func(fs []*zip.File) {
		sort.Slice(fs, func(i, j int) bool { return partNumber(fs[i].Name) < partNumber(fs[j].Name) })
	}
	byName(headers)
	byName(footers)

	budget := &byteBudget{left: lim.MaxUncompressedBytes}
	chars := &charBudget{limit: lim.MaxTextChars}
	dc := &deadlineCheck{ctx: ctx}
	seen := map[string]bool{}
	var parts []string
	add := func(f *zip.File, dedupe bool) error {
		rc, err := openEntry(f, budget)
		if err != nil {
			return err
		}
		defer rc.Close()
		text, err := wordXMLText(rc, dc, chars)
		if err != nil {
			return fmt.Errorf("%s: %w", f.Name, err)
		}
		text = strings.TrimSpace(text)
		if text == "" || (dedupe && seen[text]) {
			return nil
		}
		seen[text] = true
		parts = append(parts, text)
		return nil
	}
	for _, f := range headers {
		if err := add(f, true); err != nil {
			return Document{}, err
		}
	}
	if err := add(body, false); err != nil {
		return Document{}, err
	}
	for _, f := range footers {
		if err := add(f, true); err != nil {
			return Document{}, err
		}
	}
	return Document{Text: strings.Join(parts, "\n\n")}, nil
}

// partNumber orders header2.xml before header10.xml.
func partNumber(name string) string {
	base := strings.TrimSuffix(path.Base(name), ".xml")
	i := strings.IndexAny(base, "0123456789")
	if i < 0 {
		return base
	}
	return fmt.Sprintf("%s%08s", base[:i], base[i:])
}

// byteBudget is the uncompressed bytes left for the whole archive.
type byteBudget struct{ left int64 }

// openEntry opens one zip entry for streaming within the budgets, refusing
// entries whose declared size or compression ratio marks them as a bomb
// before inflating. The declared size may lie, so the reader counts too,
// also against docxMaxEntryBytes (a part with much text reaches the text
// limit first, which tells the user more).
func openEntry(f *zip.File, b *byteBudget) (io.ReadCloser, error) {
	if f.UncompressedSize64 > uint64(b.left) {
		return nil, fmt.Errorf("%w: %s declares %d bytes uncompressed", ErrTooLarge, f.Name, f.UncompressedSize64)
	}
	if f.UncompressedSize64 > docxRatioFloor && f.CompressedSize64 > 0 &&
		f.UncompressedSize64/f.CompressedSize64 > docxMaxRatio {
		return nil, fmt.Errorf("%w: %s compression ratio %d:1", ErrTooLarge, f.Name, f.UncompressedSize64/f.CompressedSize64)
	}
	rc, err := f.Open()
	if err != nil {
		return nil, fmt.Errorf("%w: %s: %v", ErrCorrupt, f.Name, err)
	}
	return &entryReader{rc: rc, total: b, left: docxMaxEntryBytes, name: f.Name}, nil
}

// entryReader inflates one entry, charging every byte to the archive's
// budget and to the entry's own limit.
type entryReader struct {
	rc    io.ReadCloser
	total *byteBudget
	left  int64 // this entry's limit
	name  string
}

func (r *entryReader) Read(p []byte) (int, error) {
	room := min(r.total.left, r.left)
	if room <= 0 {
		return 0, fmt.Errorf("%w: %s inflates beyond the limit", ErrTooLarge, r.name)
	}
	n, err := r.rc.Read(p[:min(int64(len(p)), room)])
	r.total.left -= int64(n)
	r.left -= int64(n)
	if err != nil && !errors.Is(err, io.EOF) {
		err = fmt.Errorf("%w: %s: %v", ErrCorrupt, r.name, err)
	}
	return n, err
}

func (r *entryReader) Close() error { return r.rc.Close() }

// charBudget counts extracted characters against Limits.MaxTextChars, so
// that a file with far more text than a CV stops being read at the limit.
type charBudget struct {
	used, limit int
}

func (c *charBudget) take(s string) error {
	c.used += utf8.RuneCountInString(s)
	if c.used > c.limit {
		return textTooLong(c.used, c.limit, false)
	}
	return nil
}
