package filename_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/careercoach/coach/internal/filename"
)

func TestCheck(t *testing.T) {
	tests := []struct {
		name, in, want string // want: "" accepts, else a part of the message
	}{
		{"plain", "Ada Lovelace CV.pdf", ""},
		{"accents and CJK", "Łukasiewicz 履歴書.docx", ""},
		{"empty (the service names it)", "", ""},
		{"at the limit", strings.Repeat("a", filename.MaxBytes-4) + ".pdf", ""},
		{"over the limit", strings.Repeat("a", filename.MaxBytes) + ".pdf", "259 bytes long, at most 255"},
		{"NUL", "cv\x00.pdf", "control character (U+0000)"},
		{"line break", "cv\r\nContent-Type: text/html.pdf", "control character (U+000D)"},
		{"escape sequence", "cv\x1b[31m.pdf", "control character (U+001B)"},
		{"C1 control", "cv\u0085.pdf", "control character (U+0085)"},
		{"right-to-left override", "cv\u202Efdp.exe", "control character (U+202E)"},
		{"invalid UTF-8", "cv\xff.pdf", "not valid UTF-8"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := filename.Check(tt.in)
			if tt.want == "" {
				if err != nil {
					t.Fatalf("refused: %v", err)
				}
				return
			}
			if !errors.Is(err, filename.ErrInvalid) || !strings.Contains(err.Error(), tt.want) || !strings.Contains(err.Error(), "rename the file") {
				t.Fatalf("err = %v, want %q", err, tt.want)
			}
		})
	}
}
