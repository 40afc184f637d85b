package extract

import (
	"archive/zip"
	"bytes"
	"context"
	"errors"
	"strings"
	"testing"
)

// zipOf builds an archive from name → content, deflated.
func zipOf(t *testing.T, files map[string]string, order ...string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, name := range order {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write([]byte(files[name])); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func docxBytes(t *testing.T, d *docxBuilder) []byte {
	t.Helper()
	path := t.TempDir() + "/cv.docx"
	if err := d.write(path); err != nil {
		t.Fatal(err)
	}
	data, err := readFileLimited(path, 1<<20)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func TestDOCXStructure(t *testing.T) {
	d := &docxBuilder{}
	d.headerLine("Ana Ćirić", true)
	d.headerLine("ana@example.com | +385 1 234 5678", false)
	d.p("Backend Developer", true)
	d.textBox([]string{"Skills in a text box", "Go, SQL"})
	d.table([][]string{{"2020–2024", "Engineer at Acme"}, {"2018–2020", "Intern at Beta"}})
	d.footerLine("Zagreb, Croatia")
	doc, err := ExtractInProcess(context.Background(), docxBytes(t, d), Limits{})
	if err != nil {
		t.Fatal(err)
	}
	want := "Ana Ćirić\nana@example.com | +385 1 234 5678\n\nBackend Developer\nSkills in a text box\nGo, SQL\n2020–2024 | Engineer at Acme\n2018–2020 | Intern at Beta\n\nZagreb, Croatia"
	if doc.Text != want {
		t.Fatalf("text:\n%s\nwant:\n%s", doc.Text, want)
	}
	if doc.Kind != DOCX {
		t.Errorf("kind %q", doc.Kind)
	}
}

func TestDOCXSkipsNonContent(t *testing.T) {
	body := `<w:p><w:r><w:t>kept</w:t></w:r><w:del><w:r><w:delText>deleted</w:delText></w:r></w:del>` +
		`<w:r><w:instrText>HYPERLINK "x"</w:instrText></w:r><w:r><w:tab/><w:t>after tab</w:t><w:br/><w:t>next line</w:t></w:r></w:p>`
	doc := `<?xml version="1.0"?><w:document ` + docxNS + `><w:body>` + body + `</w:body></w:document>`
	data := zipOf(t, map[string]string{"word/document.xml": doc}, "word/document.xml")
	got, err := ExtractInProcess(context.Background(), data, Limits{})
	if err != nil {
		t.Fatal(err)
	}
	if got.Text != "kept after tab\nnext line" {
		t.Fatalf("text %q", got.Text)
	}
}

func TestDOCXHostile(t *testing.T) {
	wrap := func(body string) string {
		return `<?xml version="1.0"?><w:document ` + docxNS + `><w:body>` + body + `</w:body></w:document>`
	}
	xxe := `<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]><w:document ` + docxNS +
		`><w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>`
	bomb := wrap(`<w:p><w:r><w:t>` + strings.Repeat("a", 3<<20) + `</w:t></w:r></w:p>`)
	many := map[string]string{"word/document.xml": wrap("")}
	order := []string{"word/document.xml"}
	for i := 0; i <= docxMaxEntries; i++ {
		n := "word/media/x" + strings.Repeat("y", i%7) + string(rune('a'+i%26)) + itoaTest(i)
		many[n] = ""
		order = append(order, n)
	}
	deep := wrap(strings.Repeat("<w:p>", maxDepth) + strings.Repeat("</w:p>", maxDepth))
	tests := []struct {
		name string
		data []byte
		lim  Limits
		want error
	}{
		{"external entity is not expanded", zipOf(t, map[string]string{"word/document.xml": xxe}, "word/document.xml"), Limits{}, ErrCorrupt},
		{"entry inflating past the budget", zipOf(t, map[string]string{"word/document.xml": bomb}, "word/document.xml"), Limits{MaxUncompressedBytes: 1 << 20}, ErrTooLarge},
		{"compression ratio of a bomb", zipOf(t, map[string]string{"word/document.xml": bomb}, "word/document.xml"), Limits{}, ErrTooLarge},
		{"too many entries", zipOf(t, many, order...), Limits{}, ErrTooLarge},
		{"nesting too deep", zipOf(t, map[string]string{"word/document.xml": deep}, "word/document.xml"), Limits{}, ErrCorrupt},
		{"not XML", zipOf(t, map[string]string{"word/document.xml": "<w:document"}, "word/document.xml"), Limits{}, ErrCorrupt},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := ExtractInProcess(context.Background(), tt.data, tt.lim)
			if !errors.Is(err, tt.want) {
				t.Fatalf("err = %v, want %v", err, tt.want)
			}
			if strings.Contains(doc.Text, "root:") {
				t.Fatal("entity expanded")
			}
		})
	}
}

func itoaTest(i int) string {
	var b []byte
	for {
		b = append([]byte{byte('0' + i%10)}, b...)
		i /= 10
		if i == 0 {
			return string(b)
		}
	}
}

func TestSniff(t *testing.T) {
	docx := zipOf(t, map[string]string{"[Content_Types].xml": "<Types/>", "word/document.xml": "<x/>"}, "[Content_Types].xml", "word/document.xml")
	xlsx := zipOf(t, map[string]string{"xl/workbook.xml": "<x/>"}, "xl/workbook.xml")
	tests := []struct {
		name string
		data []byte
		want Kind
		err  error
	}{
		{"pdf", []byte("%PDF-1.7\n..."), PDF, nil},
		{"pdf after junk", append([]byte("garbage line\r\n"), "%PDF-1.4"...), PDF, nil},
		{"docx", docx, DOCX, nil},
		{"other zip", xlsx, "", ErrUnsupported},
		{"png", []byte("\x89PNG\r\n\x1a\n...."), "", ErrUnsupported},
		{"text", []byte("%!PS-Adobe-3.0"), "", ErrUnsupported},
		{"empty", nil, "", ErrUnsupported},
		{"truncated zip", []byte("PK\x03\x04rest"), "", ErrUnsupported},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Sniff(tt.data)
			if got != tt.want || !errors.Is(err, tt.err) {
				t.Fatalf("Sniff = %q, %v; want %q, %v", got, err, tt.want, tt.err)
			}
		})
	}
}
