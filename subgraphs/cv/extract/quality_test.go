package extract

import (
	"strings"
	"testing"
)

func TestCheck(t *testing.T) {
	cv := strings.Repeat("Senior engineer with experience in Go, PostgreSQL and Kubernetes. Led a team of five.\n", 8)
	glued := strings.Repeat("Seniorengineerwithexperienceinbuildingdistributedsystems andteams\n", 10)
	tests := []struct {
		name string
		doc  Document
		want string
	}{
		{"a real CV", Document{Kind: PDF, Pages: 1, Text: cv}, VerdictOK},
		{"a DOCX CV", Document{Kind: DOCX, Text: cv}, VerdictOK},
		{"links are long but fine", Document{Kind: PDF, Pages: 1, Text: cv + "https://github.com/someone/a-very-long-repository-name-here\n"}, VerdictOK},
		{"image-only PDF", Document{Kind: PDF, Pages: 2, Text: ""}, VerdictScanned},
		{"a page number per page", Document{Kind: PDF, Pages: 3, Text: "1\n\n2\n\n3 Curriculum Vitae of someone with a long name"}, VerdictScanned},
		{"empty DOCX", Document{Kind: DOCX, Text: "  \n "}, VerdictEmpty},
		{"too short", Document{Kind: DOCX, Text: "Jane Doe\njane@example.com"}, VerdictEmpty},
		{"replacement characters", Document{Kind: PDF, Pages: 1, Text: cv + strings.Repeat("\uFFFD\uFFFD\uFFFD ", 40)}, VerdictGarbled},
		{"control characters", Document{Kind: PDF, Pages: 1, Text: strings.ReplaceAll(cv, "e", "\x03")}, VerdictGarbled},
		{"private-use glyphs", Document{Kind: PDF, Pages: 1, Text: strings.ReplaceAll(cv, "a", "\uE012")}, VerdictGarbled},
		{"words glued together", Document{Kind: PDF, Pages: 1, Text: glued}, VerdictGarbled},
		{"symbols", Document{Kind: PDF, Pages: 1, Text: cv + strings.Repeat("#$%&*+=<>~^ ", 100)}, VerdictGarbled},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v := Check(tt.doc)
			if v.Code != tt.want || v.OK != (tt.want == VerdictOK) {
				t.Fatalf("Check = %+v, want %s", v, tt.want)
			}
			if !v.OK && (!strings.Contains(v.Reason, "PDF") || !strings.Contains(v.Reason, "DOCX")) {
				t.Errorf("reason %q should ask for a text PDF or a DOCX", v.Reason)
			}
		})
	}
}
