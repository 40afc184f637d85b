package occupations

import (
	"archive/zip"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"path"
	"strconv"
	"strings"
)

// The O*NET Excel release and the BLS tables are .xlsx workbooks. Reading
// them needs only three parts of the package (workbook, relationships,
// shared strings) and one sheet, so a small reader here replaces a large
// spreadsheet dependency. Limits guard against hostile or broken files.
const (
	maxXMLPart   = 256 << 20 // uncompressed bytes of one part
	maxSheetCols = 64
)

// readSheet returns the rows of the named sheet (or the first sheet when
// name is ""), each as its cell texts by column; empty cells are "".
func readSheet(file, name string) ([][]string, error) {
	zr, err := zip.OpenReader(file)
	if err != nil {
		return nil, fmt.Errorf("opening workbook %s: %w", file, err)
	}
	defer zr.Close()
	parts := make(map[string]*zip.File, len(zr.File))
	for _, f := range zr.File {
		parts[f.Name] = f
	}
	target, err := sheetPath(parts, name)
	if err != nil {
		return nil, fmt.Errorf("workbook %s: %w", file, err)
	}
	shared, err := sharedStrings(parts)
	if err != nil {
		return nil, fmt.Errorf("workbook %s: %w", file, err)
	}
	rows, err := sheetRows(parts, target, shared)
	if err != nil {
		return nil, fmt.Errorf("workbook %s, sheet %q: %w", file, name, err)
	}
	return rows, nil
}

func openPart(parts map[string]*zip.File, name string) (io.ReadCloser, error) {
	f := parts[name]
	if f == nil {
		return nil, fmt.Errorf("part %s missing", name)
	}
	if f.UncompressedSize64 > maxXMLPart {
		return nil, fmt.Errorf("part %s is %d bytes, over the %d limit", name, f.UncompressedSize64, maxXMLPart)
	}
	rc, err := f.Open()
	if err != nil {
		return nil, fmt.Errorf("opening part %s: %w", name, err)
	}
	return rc, nil
}

func decodePart(parts map[string]*zip.File, name string, v any) error {
	rc, err := openPart(parts, name)
	if err != nil {
		return err
	}
	defer rc.Close()
	if err := xml.NewDecoder(io.LimitReader(rc, maxXMLPart)).Decode(v); err != nil {
		return fmt.Errorf("reading part %s: %w", name, err)
	}
	return nil
}

func sheetPath(parts map[string]*zip.File, name string) (string, error) {
	var wb struct {
		Sheets []struct {
			Name string `xml:"name,attr"`
			RID  string `xml:"http://schemas.openxmlformats.org/officeDocument/2006/relationships id,attr"`
		} `xml:"sheets>sheet"`
	}
	if err := decodePart(parts, "xl/workbook.xml", &wb); err != nil {
		return "", err
	}
	var rels struct {
		Rel []struct {
			ID     string `xml:"Id,attr"`
			Target string `xml:"Target,attr"`
		} `xml:"Relationship"`
	}
	if err := decodePart(parts, "xl/_rels/workbook.xml.rels", &rels); err != nil {
		return "", err
	}
	for _, s := range wb.Sheets {
		if name != "" && s.Name != name {
			continue
		}
		for _, r := range rels.Rel {
			if r.ID == s.RID {
				if strings.HasPrefix(r.Target, "/") {
					return strings.TrimPrefix(r.Target, "/"), nil
				}
				return path.Join("xl", r.Target), nil
			}
		}
		return "", fmt.Errorf("sheet %q has no relationship target", s.Name)
	}
	return "", fmt.Errorf("no sheet named %q", name)
}

// richText is a shared or inline string: plain <t> or rich-text runs.
type richText struct {
	T    string `xml:"t"`
	Runs []struct {
		T string `xml:"t"`
	} `xml:"r"`
}

func (r richText) String() string {
	if len(r.Runs) == 0 {
		return r.T
	}
	var b strings.Builder
	for _, run := range r.Runs {
		b.WriteString(run.T)
	}
	return b.String()
}

func sharedStrings(parts map[string]*zip.File) ([]string, error) {
	if parts["xl/sharedStrings.xml"] == nil {
		return nil, nil // a workbook of inline strings and numbers only
	}
	var sst struct {
		SI []richText `xml:"si"`
	}
	if err := decodePart(parts, "xl/sharedStrings.xml", &sst); err != nil {
		return nil, err
	}
	out := make([]string, len(sst.SI))
	for i, si := range sst.SI {
		out[i] = si.String()
	}
	return out, nil
}

type xlsxCell struct {
	Ref    string   `xml:"r,attr"`
	Type   string   `xml:"t,attr"`
	V      string   `xml:"v"`
	Inline richText `xml:"is"`
}

// sheetRows streams the sheet's <row> elements so a 60,000-row sheet is
// never held as one XML tree.
func sheetRows(parts map[string]*zip.File, name string, shared []string) ([][]string, error) {
	rc, err := openPart(parts, name)
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	dec := xml.NewDecoder(io.LimitReader(rc, maxXMLPart))
	var rows [][]string
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			return rows, nil
		}
		if err != nil {
			return nil, fmt.Errorf("reading rows: %w", err)
		}
		se, ok := tok.(xml.StartElement)
		if !ok || se.Name.Local != "row" {
			continue
		}
		var row struct {
			Cells []xlsxCell `xml:"c"`
		}
		if err := dec.DecodeElement(&row, &se); err != nil {
			return nil, fmt.Errorf("reading row %d: %w", len(rows)+1, err)
		}
		out, err := rowValues(row.Cells, shared)
		if err != nil {
			return nil, fmt.Errorf("row %d: %w", len(rows)+1, err)
		}
		rows = append(rows, out)
	}
}

func rowValues(cells []xlsxCell, shared []string) ([]string, error) {
	var out []string
	for i, c := range cells {
		col := i
		if c.Ref != "" {
			n, err := columnIndex(c.Ref)
			if err != nil {
				return nil, err
			}
			col = n
		}
		if col >= maxSheetCols {
			return nil, fmt.Errorf("cell %s is beyond column %d", c.Ref, maxSheetCols)
		}
		for len(out) <= col {
			out = append(out, "")
		}
		switch c.Type {
		case "s":
			n, err := strconv.Atoi(c.V)
			if err != nil || n < 0 || n >= len(shared) {
				return nil, fmt.Errorf("cell %s: bad shared string index %q", c.Ref, c.V)
			}
			out[col] = shared[n]
		case "inlineStr":
			out[col] = c.Inline.String()
		default:
			out[col] = c.V
		}
	}
	return out, nil
}

// columnIndex turns "AB12" into 27 (zero-based column).
func columnIndex(ref string) (int, error) {
	n := 0
	i := 0
	for ; i < len(ref) && ref[i] >= 'A' && ref[i] <= 'Z'; i++ {
		n = n*26 + int(ref[i]-'A'+1)
		if n > maxSheetCols {
			return 0, fmt.Errorf("cell %q is beyond column %d", ref, maxSheetCols)
		}
	}
	if i == 0 {
		return 0, fmt.Errorf("bad cell reference %q", ref)
	}
	return n - 1, nil
}
