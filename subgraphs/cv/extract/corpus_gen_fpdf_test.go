package extract

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"time"

	"github.com/go-pdf/fpdf"
)

// fpdf generators (pure Go). The UTF-8 ones embed DejaVu (Type0,
// Identity-H, ToUnicode); the core-font one uses WinAnsi Helvetica.

const dejavu = "/usr/share/fonts/truetype/dejavu/"

var fixedDate = time.Date(2026, 1, 15, 12, 0, 0, 0, time.UTC)

func newFPDF(utf8 bool) *fpdf.Fpdf {
	p := fpdf.New("P", "pt", "A4", "")
	p.SetCreationDate(fixedDate)
	p.SetModificationDate(fixedDate)
	p.SetCatalogSort(true)
	if utf8 {
		regular, _ := os.ReadFile(dejavu + "DejaVuSans.ttf")
		bold, _ := os.ReadFile(dejavu + "DejaVuSans-Bold.ttf")
		p.AddUTF8FontFromBytes("dv", "", regular)
		p.AddUTF8FontFromBytes("dv", "B", bold)
	}
	return p
}

// fpdfOneColumn writes c top to bottom; fam is "dv" (UTF-8) or "Helvetica".
func fpdfOneColumn(c cvData, path, fam string, extra []cvSection) error {
	p := newFPDF(fam == "dv")
	tr := func(s string) string { return s }
	if fam != "dv" {
		tr = p.UnicodeTranslatorFromDescriptor("")
	}
	p.SetMargins(56, 56, 56)
	p.SetAutoPageBreak(true, 56)
	p.AddPage()
	p.SetFont(fam, "B", 20)
	p.MultiCell(0, 24, tr(c.Name), "", "L", false)
	p.SetFont(fam, "", 12)
	p.MultiCell(0, 16, tr(c.Headline), "", "L", false)
	p.SetFont(fam, "", 9.5)
	for _, l := range c.Contact {
		p.MultiCell(0, 13, tr(l), "", "L", false)
	}
	secs := append(append(append([]cvSection{}, c.Side...), c.Main...), extra...)
	for _, s := range secs {
		p.Ln(8)
		p.SetFont(fam, "B", 12)
		p.MultiCell(0, 16, tr(s.Title), "", "L", false)
		p.SetFont(fam, "", 10)
		for _, l := range s.Lines {
			p.MultiCell(0, 13.5, tr(l), "", "J", false)
		}
	}
	return p.OutputFileAndClose(path)
}

// fpdfTwoColumn: a full-width header, a narrow sidebar at 9 pt on the left
// and the main column at 10.5 pt on the right, with different leading.
func fpdfTwoColumn(c cvData, path string) error {
	p := newFPDF(true)
	p.SetAutoPageBreak(false, 40)
	p.AddPage()
	p.SetMargins(40, 40, 40)
	p.SetXY(40, 40)
	p.SetFont("dv", "B", 22)
	p.MultiCell(0, 26, c.Name, "", "L", false)
	p.SetFont("dv", "", 12)
	p.MultiCell(0, 16, c.Headline, "", "L", false)
	p.SetFont("dv", "", 9)
	for _, l := range c.Contact {
		p.MultiCell(0, 12, l, "", "L", false)
	}
	top := p.GetY() + 14
	p.SetLeftMargin(40)
	p.SetXY(40, top)
	for _, s := range c.Side {
		p.SetFont("dv", "B", 10)
		p.MultiCell(150, 14, s.Title, "", "L", false)
		p.SetFont("dv", "", 9)
		for _, l := range s.Lines {
			p.MultiCell(150, 11.5, l, "", "L", false)
		}
		p.Ln(6)
	}
	p.SetLeftMargin(215)
	p.SetXY(215, top)
	for _, s := range c.Main {
		p.SetFont("dv", "B", 12)
		p.MultiCell(340, 16, s.Title, "", "L", false)
		p.SetFont("dv", "", 10.5)
		for _, l := range s.Lines {
			p.MultiCell(340, 14, l, "", "L", false)
		}
		p.Ln(8)
	}
	return p.OutputFileAndClose(path)
}

// fpdfScanned is a page holding only an image of text-like strokes, as a
// scanner produces: no text at all.
func fpdfScanned(path string) error {
	img := image.NewGray(image.Rect(0, 0, 600, 800))
	for i := range img.Pix {
		img.Pix[i] = 0xff
	}
	for y := 60; y < 760; y += 22 {
		for x := 50; x < 550; x++ {
			if (x/7+y/3)%5 != 0 {
				for d := 0; d < 9; d++ {
					img.SetGray(x, y+d, color.Gray{Y: uint8(40 + (x*y)%60)})
				}
			}
		}
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		return err
	}
	p := newFPDF(false)
	p.AddPage()
	opt := fpdf.ImageOptions{ImageType: "PNG"}
	p.RegisterImageOptionsReader("scan", opt, &buf)
	p.ImageOptions("scan", 0, 0, 595, 842, false, opt, 0, "")
	return p.OutputFileAndClose(path)
}

// longExtra makes a CV run to two pages for the benchmark.
func longExtra() []cvSection {
	var lines []string
	topics := []string{"billing", "search", "onboarding", "reporting", "notifications", "identity", "pricing", "analytics"}
	tools := []string{"Go and PostgreSQL", "Python and Kafka", "TypeScript and GraphQL", "Rust and Redis"}
	for i := 0; i < 24; i++ {
		lines = append(lines, fmt.Sprintf("Project %d: rebuilt the %s service with %s, wrote the migration plan, measured latency before and after, and documented the runbook for the on-call rotation.",
			i+1, topics[i%len(topics)], tools[i%len(tools)]))
	}
	return []cvSection{{"Selected Projects", lines}}
}

func genFPDF(dir string) ([]corpusFile, error) {
	files := []corpusFile{
		{"fpdf-one-column.pdf", cvZoe.expected(), func(p string) error { return fpdfOneColumn(cvZoe, p, "dv", nil) }},
		{"fpdf-core-font.pdf", cvJose.expected(), func(p string) error { return fpdfOneColumn(cvJose, p, "Helvetica", nil) }},
		{"fpdf-two-column.pdf", cvAmara.expected(), func(p string) error { return fpdfTwoColumn(cvAmara, p) }},
		{"fpdf-two-page.pdf", cvZoe.expected() + sectionsText(longExtra()), func(p string) error { return fpdfOneColumn(cvZoe, p, "dv", longExtra()) }},
		{"scanned.pdf", "", fpdfScanned},
	}
	for _, f := range files {
		if err := f.gen(filepath.Join(dir, f.name)); err != nil {
			return nil, fmt.Errorf("%s: %w", f.name, err)
		}
	}
	return files, nil
}

func sectionsText(secs []cvSection) string {
	var b bytes.Buffer
	for _, s := range secs {
		b.WriteString(s.Title + "\n")
		for _, l := range s.Lines {
			b.WriteString(l + "\n")
		}
	}
	return b.String()
}
