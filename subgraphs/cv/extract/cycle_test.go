package extract

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"strings"
	"testing"
)

// The looping PDFs of issue 20 (item 8) and their relatives: each ran to
// the 10 s timeout; each must now fail at once with ErrCycle (a damaged
// file, never retried).

var onePage = []string{
	"<< /Type /Catalog /Pages 2 0 R >>",
	"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
	"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
	"<< /Length 44 >>\nstream\nBT /F1 10 Tf 56 780 Td (Ada Lovelace) Tj ET\nendstream",
	"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
}

func withObj(objs []string, i int, obj string) []string {
	out := append([]string(nil), objs...)
	out[i-1] = obj
	return out
}

// prevSelfPDF's trailer names its own cross-reference table as /Prev.
func prevSelfPDF() []byte {
	b := rawPDF(onePage)
	off, _ := lastStartxref(b)
	return bytes.Replace(b, []byte("/Root 1 0 R >>"), fmt.Appendf(nil, "/Root 1 0 R /Prev %d >>", off), 1)
}

// prevPairPDF has two cross-reference sections whose /Prev name each other.
func prevPairPDF() []byte {
	b := rawPDF(onePage)
	first, _ := lastStartxref(b)
	b = bytes.Replace(b, []byte("/Root 1 0 R >>"), []byte("/Root 1 0 R /Prev 0000000000 >>"), 1)
	b = b[:bytes.LastIndex(b, []byte("startxref"))]
	second := len(b)
	fmt.Fprintf(&bytesWriter{&b}, "xref\n0 1\n0000000000 65535 f \ntrailer\n<< /Size 6 /Root 1 0 R /Prev %d >>\nstartxref\n%d\n%%%%EOF\n", first, second)
	return bytes.Replace(b, []byte("/Prev 0000000000"), fmt.Appendf(nil, "/Prev %010d", second), 1)
}

type bytesWriter struct{ b *[]byte }

func (w *bytesWriter) Write(p []byte) (int, error) { *w.b = append(*w.b, p...); return len(p), nil }

// xrefStreamPDF writes objs with a cross-reference stream (object n+1)
// instead of a table; entries overrides rows (type, field2, field3), and
// extra is added to the stream's dictionary.
func xrefStreamPDF(objs []string, entries map[int][3]int, extra func(self int) string) []byte {
	var b bytes.Buffer
	offs := writeObjects(&b, "1.5", objs)
	self := b.Len()
	n := len(objs) + 2
	var rows bytes.Buffer
	for i := range n {
		row := [3]int{1, 0, 0}
		switch {
		case i == 0:
			row = [3]int{0, 0, 255}
		case i <= len(objs):
			row[1] = offs[i-1]
		default:
			row[1] = self
		}
		if e, ok := entries[i]; ok {
			row = e
		}
		rows.WriteByte(byte(row[0]))
		rows.Write(binary.BigEndian.AppendUint32(nil, uint32(row[1])))
		rows.WriteByte(byte(row[2]))
	}
	fmt.Fprintf(&b, "%d 0 obj\n<< /Type /XRef /Size %d /W [1 4 1] /Root 1 0 R%s /Length %d >>\nstream\n", n-1, n, extra(self), rows.Len())
	b.Write(rows.Bytes())
	fmt.Fprintf(&b, "\nendstream\nendobj\nstartxref\n%d\n%%%%EOF\n", self)
	return b.Bytes()
}

func TestLoopingPDFsFailAtOnce(t *testing.T) {
	noExtra := func(int) string { return "" }
	tests := []struct {
		name string
		data []byte
		want string // in the error
	}{
		{"/Pages lists itself", rawPDF(withObj(onePage, 2, "<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 1 >>")), "nested deeper"},
		{"/Pages lists itself twice (a wide loop)", rawPDF(withObj(onePage, 2, "<< /Type /Pages /Kids ["+strings.Repeat("2 0 R ", 8)+"] /Count 1 >>")), "page tree"},
		{"xref table /Prev names itself", prevSelfPDF(), "returns to offset"},
		{"two xref tables name each other", prevPairPDF(), "returns to offset"},
		{"xref stream /Prev names itself", xrefStreamPDF(onePage, nil, func(self int) string { return fmt.Sprintf(" /Prev %d", self) }), "returns to offset"},
		{"object stream that contains itself", xrefStreamPDF(withObj(onePage, 1, "<< /Type /Catalog /Pages 6 0 R >>"),
			map[int][3]int{6: {2, 6, 0}}, noExtra), "recursed"},
		{"object stream that /Extends itself", xrefStreamPDF(append(append([]string(nil), onePage...),
			"<< /Type /ObjStm /N 1 /First 4 /Extends 6 0 R /Length 9 >>\nstream\n9 0 << >>\nendstream"),
			map[int][3]int{2: {2, 6, 0}}, noExtra), "over and over"},
		{"form XObject drawing itself", rawPDF(withObj(withObj(onePage, 3,
			"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /X 4 0 R >> >> /Contents 4 0 R >>"), 4,
			"<< /Type /XObject /Subtype /Form /BBox [0 0 1 1] /Resources << /XObject << /X 4 0 R >> >> /Length 99 >>\nstream\n"+
				strings.Repeat("/X Do ", 16)+"\nendstream")), ""}, // the read budget or the form budget, whichever ends first
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Extract(context.Background(), tt.data, Limits{})
			if !errors.Is(err, ErrCycle) || !errors.Is(err, ErrCorrupt) || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("err = %v, want ErrCycle (%q)", err, tt.want)
			}
			if msg := UserMessage(err); !strings.Contains(msg, "loops back on itself") {
				t.Fatalf("user message %q", msg)
			}
		})
	}
}

// TestParentLoopIsBounded: a page whose /Parent is itself, and whose
// resources must be looked up the tree, is read (without resources).
func TestParentLoopIsBounded(t *testing.T) {
	data := rawPDF(withObj(onePage, 3, "<< /Type /Page /Parent 3 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>"))
	if _, err := Extract(context.Background(), data, Limits{}); err != nil {
		t.Fatalf("err = %v, want a document without text", err)
	}
}

// The well-formed variants of the files above still read.
func TestCycleChecksAcceptWellFormedFiles(t *testing.T) {
	for name, data := range map[string][]byte{
		"xref table":  rawPDF(onePage),
		"xref stream": xrefStreamPDF(onePage, nil, func(int) string { return "" }),
	} {
		t.Run(name, func(t *testing.T) {
			doc, err := Extract(context.Background(), data, Limits{})
			if err != nil || !strings.Contains(doc.Text, "Ada Lovelace") {
				t.Fatalf("doc %q, err %v", doc.Text, err)
			}
		})
	}
}
