package extract

import (
	"context"
	"strings"
	"testing"
)

func TestPDFText(t *testing.T) {
	helv := "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
	diffs := func(d string) string {
		return "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding << /BaseEncoding /WinAnsiEncoding /Differences [" + d + "] >> >>"
	}
	tests := []struct {
		name, font, content, form, want string
	}{
		{"WinAnsi accents", helv, `BT /F1 12 Tf 72 700 Td (Jos\351 M\374ller) Tj ET`, "", "José Müller"},
		{"Differences by glyph name", diffs("65 /eacute /oslash"), `BT /F1 12 Tf 72 700 Td (AB) Tj ET`, "", "éø"},
		{"an unknown glyph name is not guessed", diffs("65 /g17"), `BT /F1 12 Tf 72 700 Td (A) Tj ET`, "", "\uFFFD"},
		{"TJ kerning gaps make words", helv, `BT /F1 12 Tf 72 700 Td [(Senior)-400(Engineer)-20(s)] TJ ET`, "", "Senior Engineers"},
		{"Td moves make lines", helv, `BT /F1 12 Tf 72 700 Td (first) Tj 0 -14 Td (second) Tj ET`, "", "first\nsecond"},
		{"off-page text is dropped", helv, `BT /F1 12 Tf 72 700 Td (seen) Tj -900 0 Td (hidden) Tj ET`, "", "seen"},
		{"form XObjects are read", helv, `BT /F1 12 Tf 72 700 Td (page) Tj ET /X1 Do`, `BT /F1 12 Tf 72 700 Td (form) Tj ET`, "page\nform"},
		{"fake bold is read once", helv, `BT /F1 12 Tf 72 700 Td (Bold) Tj ET BT /F1 12 Tf 72.3 700 Td (Bold) Tj ET`, "", "Bold"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data := craftPDFWith(t, []byte(tt.content), 1, tt.font, tt.form)
			doc, err := ExtractInProcess(context.Background(), data, Limits{})
			if err != nil {
				t.Fatal(err)
			}
			if doc.Text != tt.want {
				t.Fatalf("text %q, want %q", doc.Text, tt.want)
			}
		})
	}
}

func TestPDFPanicsAreErrors(t *testing.T) {
	// A page tree whose Kids entry is not a page: the library trips over
	// it; the caller must get an error (or empty text), never a crash.
	data := rawPDF([]string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids 5 /Count 3 >>",
	})
	doc, err := ExtractInProcess(context.Background(), data, Limits{})
	if err == nil && strings.TrimSpace(doc.Text) != "" {
		t.Fatalf("got text %q from a page-less PDF", doc.Text)
	}
}
