package extract

import (
	"bytes"
	"compress/zlib"
	"fmt"
	"strings"
	"testing"
)

// craftPDF is a PDF of pages identical pages showing content (deflated)
// in Helvetica (WinAnsi).
func craftPDF(t testing.TB, content []byte, pages int) []byte {
	return craftPDFWith(t, content, pages, "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>", "")
}

// craftPDFWith sets the font dictionary (object 5) and adds a form
// XObject /X1 (object 6) holding formContent when it is not empty.
func craftPDFWith(t testing.TB, content []byte, pages int, font, formContent string) []byte {
	t.Helper()
	var z bytes.Buffer
	zw := zlib.NewWriter(&z)
	if _, err := zw.Write(content); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	kids := make([]string, pages)
	for i := range kids {
		kids[i] = "3 0 R"
	}
	xobj := ""
	if formContent != "" {
		xobj = " /XObject << /X1 6 0 R >>"
	}
	objs := []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d >>", strings.Join(kids, " "), pages),
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >>" + xobj + " >> /Contents 4 0 R >>",
		fmt.Sprintf("<< /Length %d /Filter /FlateDecode >>\nstream\n%s\nendstream", z.Len(), z.Bytes()),
		font,
	}
	if formContent != "" {
		objs = append(objs, fmt.Sprintf("<< /Type /XObject /Subtype /Form /BBox [0 0 595 842] /Matrix [1 0 0 1 0 -100] /Resources << /Font << /F1 5 0 R >> >> /Length %d >>\nstream\n%s\nendstream", len(formContent), formContent))
	}
	return rawPDF(objs)
}

// textPDF shows lines of text, 14 pt apart.
func textPDF(t testing.TB, lines ...string) []byte {
	var c strings.Builder
	c.WriteString("BT /F1 10 Tf 56 780 Td 14 TL\n")
	for _, l := range lines {
		fmt.Fprintf(&c, "(%s) Tj T*\n", l)
	}
	c.WriteString("ET\n")
	return craftPDF(t, []byte(c.String()), 1)
}

// slowPDF's content stream is tens of megabytes of text-positioning
// operators: nothing to show, but the interpreter must read them all.
func slowPDF(t testing.TB) []byte {
	return craftPDF(t, bytes.Repeat([]byte("1 0 Td 0 1 Td\n"), 2<<20), 1)
}

// greedyPDF shows the same 2,000-glyph string millions of times: each
// glyph costs the interpreter ~100 bytes, so memory grows ~50x the stream.
func greedyPDF(t testing.TB) []byte {
	line := "(" + strings.Repeat("a", 2000) + ") Tj\n"
	return craftPDF(t, []byte("BT /F1 10 Tf "+strings.Repeat(line, 20000)+"ET\n"), 1)
}

// encryptedPDF has a Standard security handler whose user password is not
// empty, so it cannot be opened without one.
func encryptedPDF() []byte {
	objs := []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
		"<< /Filter /Standard /V 2 /R 3 /Length 128 /P -4 /O <" + strings.Repeat("ab", 32) + "> /U <" + strings.Repeat("cd", 32) + "> >>",
	}
	b := rawPDF(objs)
	return bytes.Replace(b, []byte("/Root 1 0 R >>"), []byte("/Root 1 0 R /Encrypt 4 0 R /ID [<"+strings.Repeat("01", 16)+"> <"+strings.Repeat("01", 16)+">] >>"), 1)
}
