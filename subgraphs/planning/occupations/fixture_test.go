package occupations

import (
	"archive/zip"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/careercoach/coach/internal/rawdata"
)

// The fixtures in testdata are extracts of the real release files: the
// header and every row of a few occupations, re-saved as small workbooks.
// OCCUPATIONS_RAW=<dir with the files of sources.json> go test -run
// TestExtractFixtures regenerates them.
var fixtureONet = []string{"15-1252.00", "15-1299.08", "13-1021.00", "13-1022.00", "29-1141.00", "47-2111.00"}

var fixtureSOC = []string{"15-1252", "15-1299", "13-1020", "29-1141", "47-2111", "15-1250", "13-1021"}

func TestExtractFixtures(t *testing.T) {
	raw := os.Getenv("OCCUPATIONS_RAW")
	if raw == "" {
		t.Skip("OCCUPATIONS_RAW not set: fixtures are regenerated only on request")
	}
	sources, err := Sources()
	if err != nil {
		t.Fatal(err)
	}
	var out []Source
	for _, s := range sources {
		rows, err := readSheet(filepath.Join(raw, s.File), s.Sheet)
		if err != nil {
			t.Fatal(err)
		}
		kept := keepFixtureRows(rows)
		path := filepath.Join("testdata", s.File)
		if err := writeXLSX(path, cmpSheet(s.Sheet), kept); err != nil {
			t.Fatal(err)
		}
		sum, err := rawdata.SHA256(path)
		if err != nil {
			t.Fatal(err)
		}
		s.SHA256 = sum
		out = append(out, s)
	}
	js, err := json.MarshalIndent(out, "", " ")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile("testdata/sources.json", append(js, '\n'), 0o644); err != nil {
		t.Fatal(err)
	}
}

func cmpSheet(name string) string {
	if name == "" {
		return "Sheet1"
	}
	return name
}

// keepFixtureRows keeps the rows that name no code (titles, headers,
// category lists) and those whose every O*NET-SOC or SOC code belongs to a
// fixture occupation, so the extract is consistent in itself.
func keepFixtureRows(rows [][]string) [][]string {
	var kept [][]string
	for _, r := range rows {
		if fixtureRow(r) {
			kept = append(kept, r)
		}
	}
	return kept
}

func fixtureRow(r []string) bool {
	for _, c := range r {
		c = strings.TrimSpace(c)
		switch {
		case validONetCode(c) && !slices.Contains(fixtureONet, c):
			return false
		case validSOC(c) && !slices.Contains(fixtureSOC, c):
			return false
		}
	}
	return true
}

// writeXLSX writes a minimal workbook of inline strings: the same parts a
// spreadsheet program writes, which readSheet must find by relationship.
func writeXLSX(path, sheet string, rows [][]string) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	defer f.Close()
	zw := zip.NewWriter(f)
	parts := []struct{ name, body string }{
		{"[Content_Types].xml", `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`},
		{"_rels/.rels", `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`},
		{"xl/workbook.xml", `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="` + xmlEscape(sheet) + `" sheetId="1" r:id="rId7"/></sheets></workbook>`},
		{"xl/_rels/workbook.xml.rels", `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId7" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`},
		{"xl/worksheets/sheet1.xml", sheetXML(rows)},
	}
	for _, p := range parts {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: p.name, Method: zip.Deflate})
		if err != nil {
			return err
		}
		if _, err := w.Write([]byte(p.body)); err != nil {
			return err
		}
	}
	return zw.Close()
}

func sheetXML(rows [][]string) string {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`)
	for i, r := range rows {
		fmt.Fprintf(&b, `<row r="%d">`, i+1)
		for j, c := range r {
			if c == "" {
				continue // sparse, as spreadsheet programs write
			}
			fmt.Fprintf(&b, `<c r="%s%d" t="inlineStr"><is><t>%s</t></is></c>`, columnName(j), i+1, xmlEscape(c))
		}
		b.WriteString(`</row>`)
	}
	b.WriteString(`</sheetData></worksheet>`)
	return b.String()
}

func columnName(i int) string {
	name := ""
	for i++; i > 0; i = (i - 1) / 26 {
		name = string(rune('A'+(i-1)%26)) + name
	}
	return name
}

func xmlEscape(s string) string {
	var b strings.Builder
	_ = xml.EscapeText(&b, []byte(s)) // a strings.Builder never fails a write
	return b.String()
}
