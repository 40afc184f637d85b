package extract

import (
	"archive/zip"
	"bytes"
	"fmt"
)

// Kind is the type of an uploaded document, decided by its content.
type Kind string

// The kinds Extract reads.
const (
	PDF  Kind = "pdf"
	DOCX Kind = "docx"
)

// pdfSearchWindow is how far into the file the %PDF- header may start:
// readers accept leading junk (some mailers prepend a line), PDF 32000
// implementations conventionally look at the first 1024 bytes.
const pdfSearchWindow = 1024

// Sniff decides the kind by content (magic bytes; a zip archive holding
// word/document.xml), never by file name. Anything else is ErrUnsupported.
func Sniff(data []byte) (Kind, error) {
	head := data[:min(len(data), pdfSearchWindow)]
	if bytes.Contains(head, []byte("%PDF-")) {
		return PDF, nil
	}
	if bytes.HasPrefix(data, []byte("PK\x03\x04")) {
		zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
		if err != nil {
			return "", fmt.Errorf("%w: zip archive: %v", ErrUnsupported, err)
		}
		for _, f := range zr.File {
			if f.Name == "word/document.xml" {
				return DOCX, nil
			}
		}
		return "", fmt.Errorf("%w: zip archive without word/document.xml", ErrUnsupported)
	}
	return "", ErrUnsupported
}
