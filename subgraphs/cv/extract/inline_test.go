package extract

import (
	"context"
	"testing"
)

func TestInlineImageDoesNotEatText(t *testing.T) {
	bin := string([]byte{0x28, 0xff, 0x00, 0x3c, 0x5b, 0x29, 0x28, 0x0a, 0x80, 0x42, 0x54})
	content := "BT /F1 12 Tf 72 700 Td (before) Tj ET q 10 0 0 10 0 0 cm BI /W 4 /H 2 /BPC 8 /CS /G ID " + bin + " EI Q BT /F1 12 Tf 72 680 Td (after) Tj ET"
	doc, err := ExtractInProcess(context.Background(), craftPDF(t, []byte(content), 1), Limits{})
	if err != nil {
		t.Fatal(err)
	}
	if doc.Text != "before\nafter" {
		t.Fatalf("text %q, want the text on both sides of the inline image", doc.Text)
	}
}

func TestStripInlineImages(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"none", "BT (ID) Tj ET", "BT (ID) Tj ET"},
		{"one", "q BI /W 1 ID \x00EI\x01 EI Q", "q   Q"},
		{"two", "BI ID x EI a BI ID y EI", "  a  "},
		{"unterminated", "a BI ID xxxx", "a  "},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, _ := stripInlineImages([]byte(tt.in))
			if string(got) != tt.want {
				t.Fatalf("got %q, want %q", got, tt.want)
			}
		})
	}
}
