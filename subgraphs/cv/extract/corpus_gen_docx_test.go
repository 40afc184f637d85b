package extract

import (
	"archive/zip"
	"encoding/xml"
	"os"
	"strings"
)

// docxBuilder writes WordprocessingML the way Word does (runs, tables,
// text boxes as mc:AlternateContent with a VML fallback) and records the
// text a reader should get, in order.
type docxBuilder struct {
	body, header, footer strings.Builder
	want                 []string // body lines
	wantHeader           []string
	wantFooter           []string
	columns              int
}

func esc(s string) string {
	var b strings.Builder
	_ = xml.EscapeText(&b, []byte(s))
	return b.String()
}

// runs splits text into several runs as Word does when formatting changes.
func runs(text string, bold bool) string {
	rpr := ""
	if bold {
		rpr = "<w:rPr><w:b/></w:rPr>"
	}
	words := strings.SplitAfter(text, " ")
	var b strings.Builder
	for i := 0; i < len(words); i += 3 {
		chunk := strings.Join(words[i:min(i+3, len(words))], "")
		b.WriteString(`<w:r>` + rpr + `<w:t xml:space="preserve">` + esc(chunk) + `</w:t></w:r>`)
	}
	return b.String()
}

func para(text string, bold bool) string {
	return `<w:p><w:pPr><w:spacing w:after="60"/></w:pPr>` + runs(text, bold) + `</w:p>`
}

func (d *docxBuilder) p(text string, bold bool) {
	d.body.WriteString(para(text, bold))
	d.want = append(d.want, text)
}

func (d *docxBuilder) columnBreak() {
	d.body.WriteString(`<w:p><w:r><w:br w:type="column"/></w:r></w:p>`)
}

// table writes rows of cells; each row is one expected line.
func (d *docxBuilder) table(rows [][]string) {
	d.body.WriteString(`<w:tbl><w:tblPr><w:tblW w:w="5000" w:type="pct"/></w:tblPr><w:tblGrid><w:gridCol w:w="2200"/><w:gridCol w:w="7000"/></w:tblGrid>`)
	for _, r := range rows {
		d.body.WriteString(`<w:tr>`)
		for i, c := range r {
			w := "2200"
			if i > 0 {
				w = "7000"
			}
			d.body.WriteString(`<w:tc><w:tcPr><w:tcW w:w="` + w + `" w:type="dxa"/></w:tcPr>` + para(c, i == 0) + `</w:tc>`)
		}
		d.body.WriteString(`</w:tr>`)
		d.want = append(d.want, strings.Join(r, " | "))
	}
	d.body.WriteString(`</w:tbl>`)
}

// textBox writes lines inside a text box, twice as Word does: DrawingML in
// mc:Choice and VML in mc:Fallback. A reader must keep it once.
func (d *docxBuilder) textBox(lines []string) {
	var inner strings.Builder
	for _, l := range lines {
		inner.WriteString(para(l, false))
	}
	content := `<w:txbxContent>` + inner.String() + `</w:txbxContent>`
	d.body.WriteString(`<w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps">` +
		`<w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="5400000" cy="1300000"/><wp:docPr id="1" name="Text Box 1"/>` +
		`<a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">` +
		`<wps:wsp><wps:cNvSpPr txBox="1"/><wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="5400000" cy="1300000"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></wps:spPr>` +
		`<wps:txbx>` + content + `</wps:txbx><wps:bodyPr/></wps:wsp></a:graphicData></a:graphic></wp:inline></w:drawing>` +
		`</mc:Choice><mc:Fallback><w:pict><v:shape id="tb1" style="width:425pt;height:102pt" type="#_x0000_t202"><v:textbox>` + content +
		`</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>`)
	d.want = append(d.want, lines...)
}

const docxNS = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" ` +
	`xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" ` +
	`xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" xmlns:v="urn:schemas-microsoft-com:vml" xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" mc:Ignorable="w14"`

func (d *docxBuilder) headerLine(text string, bold bool) {
	d.header.WriteString(para(text, bold))
	d.wantHeader = append(d.wantHeader, text)
}

func (d *docxBuilder) footerLine(text string) {
	d.footer.WriteString(para(text, false))
	d.wantFooter = append(d.wantFooter, text)
}

func (d *docxBuilder) expected() string {
	all := append(append(append([]string{}, d.wantHeader...), d.want...), d.wantFooter...)
	return strings.Join(all, "\n") + "\n"
}

func (d *docxBuilder) write(path string) error {
	cols := ""
	if d.columns > 1 {
		cols = `<w:cols w:num="2" w:space="567"/>`
	}
	files := []struct{ name, body string }{
		{"[Content_Types].xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
			`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
			`<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>` +
			`<Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>` +
			`<Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/></Types>`},
		{"_rels/.rels", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
			`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`},
		{"word/_rels/document.xml.rels", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
			`<Relationship Id="rIdH" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/>` +
			`<Relationship Id="rIdF" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/></Relationships>`},
		{"word/document.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ` + docxNS + `><w:body>` + d.body.String() +
			`<w:sectPr><w:headerReference w:type="default" r:id="rIdH"/><w:footerReference w:type="default" r:id="rIdF"/>` +
			`<w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1600" w:right="1134" w:bottom="1400" w:left="1134" w:header="567" w:footer="567" w:gutter="0"/>` + cols + `</w:sectPr></w:body></w:document>`},
		{"word/header1.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:hdr ` + docxNS + `>` + d.header.String() + `</w:hdr>`},
		{"word/footer1.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:ftr ` + docxNS + `>` + d.footer.String() + `</w:ftr>`},
	}
	out, err := os.Create(path)
	if err != nil {
		return err
	}
	zw := zip.NewWriter(out)
	for _, f := range files {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: f.name, Method: zip.Deflate, Modified: fixedDate})
		if err != nil {
			return err
		}
		if _, err := w.Write([]byte(f.body)); err != nil {
			return err
		}
	}
	if err := zw.Close(); err != nil {
		return err
	}
	return out.Close()
}

// wordStyleDocx: contact details in the header, the sidebar in a text box,
// experience in a table, a footer.
func wordStyleDocx(c cvData) *docxBuilder {
	d := &docxBuilder{}
	d.headerLine(c.Name, true)
	for _, l := range c.Contact {
		d.headerLine(l, false)
	}
	d.p(c.Headline, true)
	var box []string
	for _, s := range c.Side {
		box = append(box, s.Title)
		box = append(box, s.Lines...)
	}
	d.textBox(box)
	for _, s := range c.Main {
		d.p(s.Title, true)
		if s.Title != "Experience" {
			for _, l := range s.Lines {
				d.p(l, false)
			}
			continue
		}
		var rows [][]string
		for i := 0; i+1 < len(s.Lines); i += 2 {
			rows = append(rows, []string{s.Lines[i], s.Lines[i+1]})
		}
		if len(s.Lines)%2 == 1 {
			rows = append(rows, []string{"More", s.Lines[len(s.Lines)-1]})
		}
		d.table(rows)
	}
	d.footerLine("References available on request")
	return d
}

// columnsDocx: a two-column section, the sidebar in the first column.
func columnsDocx(c cvData) *docxBuilder {
	d := &docxBuilder{columns: 2}
	d.headerLine(c.Name, true)
	d.headerLine(c.Headline, false)
	for _, l := range c.Contact {
		d.headerLine(l, false)
	}
	for _, s := range c.Side {
		d.p(s.Title, true)
		for _, l := range s.Lines {
			d.p(l, false)
		}
	}
	d.columnBreak()
	for _, s := range c.Main {
		d.p(s.Title, true)
		for _, l := range s.Lines {
			d.p(l, false)
		}
	}
	return d
}

// tableLayoutDocx: the Word template way to make a sidebar, a borderless
// table of one row, the sidebar in the first cell and the rest in the second.
func tableLayoutDocx(c cvData) *docxBuilder {
	d := &docxBuilder{}
	d.headerLine(c.Name, true)
	d.headerLine(c.Headline, false)
	for _, l := range c.Contact {
		d.headerLine(l, false)
	}
	cell := func(w string, secs []cvSection) {
		d.body.WriteString(`<w:tc><w:tcPr><w:tcW w:w="` + w + `" w:type="dxa"/></w:tcPr>`)
		for _, s := range secs {
			d.body.WriteString(para(s.Title, true))
			d.want = append(d.want, s.Title)
			for _, l := range s.Lines {
				d.body.WriteString(para(l, false))
				d.want = append(d.want, l)
			}
		}
		d.body.WriteString(`</w:tc>`)
	}
	d.body.WriteString(`<w:tbl><w:tblPr><w:tblW w:w="9600" w:type="dxa"/><w:tblCellMar><w:left w:w="0" w:type="dxa"/><w:right w:w="283" w:type="dxa"/></w:tblCellMar></w:tblPr>` +
		`<w:tblGrid><w:gridCol w:w="3000"/><w:gridCol w:w="6600"/></w:tblGrid><w:tr>`)
	cell("3000", c.Side)
	cell("6600", c.Main)
	d.body.WriteString(`</w:tr></w:tbl><w:p/>`)
	return d
}

// longDocx runs to three pages in Word or LibreOffice: the header (name and
// contact) and the footer (with a PAGE field) repeat on every page.
func longDocx(c cvData, extra []cvSection) *docxBuilder {
	d := &docxBuilder{}
	d.headerLine(c.Name+" · "+c.Headline, true)
	d.headerLine(c.Contact[0], false)
	for _, s := range append(append(append([]cvSection{}, c.Side...), c.Main...), extra...) {
		d.p(s.Title, true)
		for _, l := range s.Lines {
			d.p(l, false)
		}
	}
	d.footer.WriteString(`<w:p><w:r><w:t xml:space="preserve">Curriculum vitae, page </w:t></w:r><w:fldSimple w:instr=" PAGE "><w:r><w:t>1</w:t></w:r></w:fldSimple></w:p>`)
	d.wantFooter = append(d.wantFooter, "Curriculum vitae, page 1")
	return d
}

// expectedPages is the text a reader of the printed pages keeps: the
// running header once, the body; the footer is not counted (it sits
// between the pages' bodies, and its page numbers are dropped).
func (d *docxBuilder) expectedPages() string {
	return strings.Join(append(append([]string{}, d.wantHeader...), d.want...), "\n") + "\n"
}
