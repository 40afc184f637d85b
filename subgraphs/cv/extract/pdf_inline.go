package extract

import (
	"bytes"
	"fmt"

	"github.com/ledongthuc/pdf"
)

func isPDFSpace(c byte) bool {
	return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == 0
}

// token reports whether b[i:i+len(t)] is the operator t standing alone.
func isToken(b []byte, i int, t string) bool {
	if i < 0 || i+len(t) > len(b) || string(b[i:i+len(t)]) != t {
		return false
	}
	before := i == 0 || isPDFSpace(b[i-1])
	after := i+len(t) == len(b) || isPDFSpace(b[i+len(t)])
	return before && after
}

// stripInlineImages removes each BI … ID <data> EI sequence. The data ends
// at the first EI that stands alone as a token, as readers conventionally
// decide (PDF 32000-1 §8.9.7).
func stripInlineImages(b []byte) ([]byte, bool) {
	if !bytes.Contains(b, []byte("ID")) {
		return b, false
	}
	var out []byte
	changed := false
	last := 0
	for i := 0; i+1 < len(b); i++ {
		if b[i] != 'B' || !isToken(b, i, "BI") {
			continue
		}
		id := -1
		for j := i + 2; j+1 < len(b); j++ {
			if b[j] == 'I' && isToken(b, j, "ID") {
				id = j
				break
			}
		}
		if id < 0 {
			break
		}
		end := -1
		for k := id + 3; k+1 < len(b); k++ {
			if b[k] == 'E' && isToken(b, k, "EI") {
				end = k + 2
				break
			}
		}
		if end < 0 {
			end = len(b)
		}
		out = append(out, b[last:i]...)
		out = append(out, ' ')
		last, i, changed = end, end-1, true
	}
	if !changed {
		return b, false
	}
	return append(out, b[last:]...), true
}

// wrapStream makes a pdf.Value of a content stream held in memory, by
// parsing a one-object PDF around it.
func wrapStream(content []byte) (v pdf.Value, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("wrap content: %v", r)
		}
	}()
	var b bytes.Buffer
	b.WriteString("%PDF-1.4\n")
	off := b.Len()
	fmt.Fprintf(&b, "1 0 obj\n<< /Length %d >>\nstream\n", len(content))
	b.Write(content)
	b.WriteString("\nendstream\nendobj\n")
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 2\n0000000000 65535 f \n%010d 00000 n \ntrailer\n<< /Size 2 /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", off, xref)
	r, err := pdf.NewReader(bytes.NewReader(b.Bytes()), int64(b.Len()))
	if err != nil {
		return pdf.Value{}, err
	}
	return r.Trailer().Key("Root"), nil
}
