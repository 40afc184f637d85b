package extract

import (
	"bytes"
	"flag"
	"fmt"
	"html"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// go test ./subgraphs/cv/extract -run TestGenerateCorpus -regen
// rewrites testdata/: fpdf and DOCX files in Go; Chromium, LibreOffice and
// pdfTeX files when those programs are installed (Debian: chromium,
// libreoffice-writer-nogui, texlive-latex-base, lmodern, ghostscript). CI only reads the
// committed files.
var regen = flag.Bool("regen", false, "regenerate the testdata corpus")

type corpusFile struct {
	name string
	want string // expected text; "" for the files that must fail the gate
	gen  func(path string) error
}

func TestGenerateCorpus(t *testing.T) {
	if !*regen {
		t.Skip("run with -regen to rewrite testdata/")
	}
	dir, src := "testdata", filepath.Join("testdata", "src")
	if err := os.MkdirAll(src, 0o755); err != nil {
		t.Fatal(err)
	}
	var files []corpusFile
	fp, err := genFPDF(dir)
	if err != nil {
		t.Fatal(err)
	}
	files = append(files, fp...)

	word := wordStyleDocx(cvJose)
	cols := columnsDocx(cvZoe)
	layout := tableLayoutDocx(cvAmara)
	long := longDocx(cvZoe, longExtra()[:1])
	files = append(files,
		corpusFile{"word-multi-page.docx", long.expected(), long.write},
		corpusFile{"word-table-layout.docx", layout.expected(), layout.write},
		corpusFile{"word-style.docx", word.expected(), word.write},
		corpusFile{"word-columns.docx", cols.expected(), cols.write},
		corpusFile{"garbled.pdf", "", writeGarbledPDF},
	)
	for _, f := range files[len(fp):] {
		if err := f.gen(filepath.Join(dir, f.name)); err != nil {
			t.Fatal(f.name, err)
		}
	}

	// External producers: sources go to testdata/src, PDFs to testdata.
	ext := []struct {
		name, srcName, source, want, tool string
	}{
		{"chromium-one-column.pdf", "chromium-one-column.html", htmlCV(cvAmara, false), cvAmara.expected(), "chromium"},
		{"chromium-two-column.pdf", "chromium-two-column.html", htmlCV(cvZoe, true), cvZoe.expected(), "chromium"},
		{"pdftex-one-column.pdf", "pdftex-one-column.tex", texCV(cvZoe, false, texT1Scalable), cvZoe.expected(), "pdflatex"},
		{"pdftex-two-column.pdf", "pdftex-two-column.tex", texCV(cvAmara, true, texOT1), cvAmara.expected(), "pdflatex"},
		{"pdftex-lmodern.pdf", "pdftex-lmodern.tex", texCV(cvJose, false, texT1Scalable), cvJose.expected(), "pdflatex"},
		{"pdftex-ot1-accents.pdf", "pdftex-ot1-accents.tex", texCV(cvJose, false, texOT1), cvJose.expected(), "pdflatex"},
		{"pdftex-type3-bitmap.pdf", "pdftex-type3-bitmap.tex", texCV(cvZoe, false, texT1Bitmap), cvZoe.expected(), "pdflatex"},
		{"libreoffice-word-style.pdf", "", "", word.expected(), "soffice"},
		{"libreoffice-two-column.pdf", "", "", cols.expected(), "soffice"},
		{"libreoffice-table-layout.pdf", "", "", layout.expected(), "soffice"},
		{"libreoffice-multi-page.pdf", "", "", long.expectedPages(), "soffice"},
		{"ghostscript-pdftex.pdf", "", "", cvAmara.expected(), "gs"},
		{"ghostscript-libreoffice.pdf", "", "", word.expected(), "gs"},
		{"encrypted-owner-password.pdf", "", "", cvZoe.expected(), "gs"},
		{"encrypted-user-password.pdf", "", "", "", "gs"},
		{"chromium-sidebar-right.pdf", "chromium-sidebar-right.html", htmlCVRight(cvJose), cvJose.expectedMainFirst(), "chromium"},
	}
	for _, e := range ext {
		if _, err := exec.LookPath(e.tool); err != nil {
			t.Logf("%s: %s not installed, keeping the committed file", e.name, e.tool)
			continue
		}
		if e.srcName != "" {
			if err := os.WriteFile(filepath.Join(src, e.srcName), []byte(e.source), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		var err error
		switch e.tool {
		case "chromium":
			err = chromiumPDF(filepath.Join(src, e.srcName), filepath.Join(dir, e.name))
		case "pdflatex":
			err = pdflatex(filepath.Join(src, e.srcName), filepath.Join(dir, e.name))
		case "gs":
			// Re-distilled by Ghostscript, as CUPS print-to-PDF does.
			// Encrypted: RC4-128 with only an owner password (opens
			// without one, copying "forbidden"), and with a user password.
			in := map[string]string{
				"ghostscript-pdftex.pdf":       "pdftex-two-column.pdf",
				"ghostscript-libreoffice.pdf":  "libreoffice-word-style.pdf",
				"encrypted-owner-password.pdf": "pdftex-one-column.pdf",
				"encrypted-user-password.pdf":  "pdftex-one-column.pdf",
			}[e.name]
			args := []string{"-q", "-dNOPAUSE", "-dBATCH", "-dSAFER", "-sDEVICE=pdfwrite", "-sOutputFile=" + filepath.Join(dir, e.name)}
			switch e.name {
			case "encrypted-owner-password.pdf":
				args = append(args, "-sOwnerPassword=owner", "-dEncryptionR=3", "-dKeyLength=128", "-dPermissions=-3904")
			case "encrypted-user-password.pdf":
				args = append(args, "-sOwnerPassword=owner", "-sUserPassword=user", "-dEncryptionR=3", "-dKeyLength=128")
			}
			err = run("gs", append(args, filepath.Join(dir, in))...)
		case "soffice":
			in := map[string]string{
				"libreoffice-word-style.pdf":   "word-style.docx",
				"libreoffice-two-column.pdf":   "word-columns.docx",
				"libreoffice-table-layout.pdf": "word-table-layout.docx",
				"libreoffice-multi-page.pdf":   "word-multi-page.docx",
			}[e.name]
			err = libreOffice(filepath.Join(dir, in), filepath.Join(dir, e.name))
		}
		if err != nil {
			t.Fatalf("%s: %v", e.name, err)
		}
		files = append(files, corpusFile{name: e.name, want: e.want})
	}
	for _, f := range files {
		if f.want == "" {
			continue
		}
		if err := os.WriteFile(filepath.Join(dir, f.name+".txt"), []byte(f.want), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func run(name string, args ...string) error {
	cmd := exec.Command(name, args...)
	cmd.Env = append(os.Environ(), "SOURCE_DATE_EPOCH=1768478400", "FORCE_SOURCE_DATE=1")
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	done := make(chan error, 1)
	if err := cmd.Start(); err != nil {
		return err
	}
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		if err != nil {
			return fmt.Errorf("%s: %v\n%s", name, err, out.String())
		}
		return nil
	case <-time.After(3 * time.Minute):
		_ = cmd.Process.Kill()
		return fmt.Errorf("%s timed out", name)
	}
}

func chromiumPDF(htmlPath, out string) error {
	abs, _ := filepath.Abs(htmlPath)
	absOut, _ := filepath.Abs(out)
	return run("chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
		"--no-pdf-header-footer", "--print-to-pdf-no-header", "--print-to-pdf="+absOut, "file://"+abs)
}

func pdflatex(texPath, out string) error {
	tmp, err := os.MkdirTemp("", "cvtex")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	if err := run("pdflatex", "-interaction=nonstopmode", "-halt-on-error", "-output-directory", tmp, texPath); err != nil {
		return err
	}
	b, err := os.ReadFile(filepath.Join(tmp, strings.TrimSuffix(filepath.Base(texPath), ".tex")+".pdf"))
	if err != nil {
		return err
	}
	return os.WriteFile(out, b, 0o644)
}

func libreOffice(in, out string) error {
	tmp, err := os.MkdirTemp("", "cvlo")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	if err := run("soffice", "-env:UserInstallation=file://"+tmp+"/profile", "--headless", "--convert-to", "pdf", "--outdir", tmp, in); err != nil {
		return err
	}
	b, err := os.ReadFile(filepath.Join(tmp, strings.TrimSuffix(filepath.Base(in), ".docx")+".pdf"))
	if err != nil {
		return err
	}
	return os.WriteFile(out, b, 0o644)
}

func htmlCV(c cvData, twoColumn bool) string {
	e := html.EscapeString
	var b strings.Builder
	b.WriteString(`<!doctype html><html><head><meta charset="utf-8"><style>
@page { size: A4; margin: 16mm; }
body { font-family: "DejaVu Sans", sans-serif; font-size: 10pt; line-height: 1.35; color: #222; }
h1 { font-size: 22pt; margin: 0; } .headline { font-size: 13pt; margin: 2pt 0 6pt; }
.contact { font-size: 9pt; color: #444; } h2 { font-size: 11.5pt; margin: 10pt 0 3pt; text-transform: none; }
p { margin: 0 0 3pt; } .grid { display: grid; grid-template-columns: 52mm 1fr; column-gap: 9mm; margin-top: 8pt; }
.side { font-size: 9pt; background: #f1f3f6; padding: 4pt 6pt; }
</style></head><body>`)
	b.WriteString(`<h1>` + e(c.Name) + `</h1><div class="headline">` + e(c.Headline) + `</div>`)
	for _, l := range c.Contact {
		b.WriteString(`<div class="contact">` + e(l) + `</div>`)
	}
	sec := func(s cvSection) {
		b.WriteString(`<h2>` + e(s.Title) + `</h2>`)
		for _, l := range s.Lines {
			b.WriteString(`<p>` + e(l) + `</p>`)
		}
	}
	if twoColumn {
		b.WriteString(`<div class="grid"><div class="side">`)
		for _, s := range c.Side {
			sec(s)
		}
		b.WriteString(`</div><div class="main">`)
		for _, s := range c.Main {
			sec(s)
		}
		b.WriteString(`</div></div>`)
	} else {
		for _, s := range append(append([]cvSection{}, c.Side...), c.Main...) {
			sec(s)
		}
	}
	b.WriteString(`</body></html>`)
	return b.String()
}

// htmlCVRight puts the sidebar on the right: main column first.
func htmlCVRight(c cvData) string {
	s := htmlCV(cvData{Name: c.Name, Headline: c.Headline, Contact: c.Contact, Side: c.Main, Main: c.Side}, true)
	return strings.Replace(s, "grid-template-columns: 52mm 1fr", "grid-template-columns: 1fr 52mm", 1)
}

var texEscaper = strings.NewReplacer(`\`, `\textbackslash{}`, `&`, `\&`, `%`, `\%`, `$`, `\$`, `#`, `\#`, `_`, `\_`,
	`{`, `\{`, `}`, `\}`, `~`, `\textasciitilde{}`, `^`, `\textasciicircum{}`, `|`, `\textbar{}`, `·`, `\textperiodcentered{}`)

// TeX font setups: Computer Modern in OT1 (Type 1 fonts with built-in
// encodings); T1 with Latin Modern (accented letters are glyphs of their
// own); T1 without scalable fonts, which pdfTeX embeds as Type 3 bitmaps.
const (
	texOT1 = iota
	texT1Scalable
	texT1Bitmap
)

// texCV: article class, justified, hyphenated: the way a LaTeX CV looks.
func texCV(c cvData, twoColumn bool, fonts int) string {
	e := texEscaper.Replace
	var b strings.Builder
	opts := "a4paper,10pt"
	if twoColumn {
		opts += ",twocolumn"
	}
	b.WriteString(`\documentclass[` + opts + `]{article}` + "\n")
	switch fonts {
	case texT1Scalable:
		b.WriteString("\\usepackage[T1]{fontenc}\n\\usepackage{lmodern}\n")
	case texT1Bitmap:
		b.WriteString("\\usepackage[T1]{fontenc}\n")
	}
	b.WriteString("\\usepackage[utf8]{inputenc}\n\\usepackage[margin=18mm]{geometry}\n\\pagestyle{empty}\n\\setlength{\\parindent}{0pt}\n\\setlength{\\parskip}{3pt}\n\\begin{document}\n")
	header := `{\LARGE\bfseries ` + e(c.Name) + `}\par{\large ` + e(c.Headline) + `}\par`
	for _, l := range c.Contact {
		header += `{\small ` + e(l) + `}\par`
	}
	if twoColumn {
		b.WriteString(`\twocolumn[{` + header + `\vspace{8pt}}]` + "\n")
	} else {
		b.WriteString(header + "\n\\vspace{6pt}\n")
	}
	for _, s := range append(append([]cvSection{}, c.Side...), c.Main...) {
		b.WriteString(`\section*{` + e(s.Title) + "}\n")
		for _, l := range s.Lines {
			b.WriteString(e(l) + "\\par\n")
		}
	}
	b.WriteString("\\end{document}\n")
	return b.String()
}

// writeGarbledPDF writes a PDF whose only font is a Type0 font without a
// ToUnicode map, as some exporters produce: its glyph codes cannot be
// turned into text, so extraction yields replacement characters.
func writeGarbledPDF(path string) error {
	var content strings.Builder
	content.WriteString("BT /F1 11 Tf 56 780 Td 14 TL\n")
	for line := 0; line < 40; line++ {
		content.WriteString("<")
		for i := 0; i < 60; i++ {
			fmt.Fprintf(&content, "%04X", 3+(line*7+i*13)%90)
		}
		content.WriteString("> Tj T*\n")
	}
	content.WriteString("ET\n")
	objs := []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
		fmt.Sprintf("<< /Length %d >>\nstream\n%sendstream", content.Len(), content.String()),
		"<< /Type /Font /Subtype /Type0 /BaseFont /AAAAAA+Custom /Encoding /Identity-H /DescendantFonts [6 0 R] >>",
		"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /AAAAAA+Custom /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /DW 500 >>",
	}
	return os.WriteFile(path, rawPDF(objs), 0o644)
}

// rawPDF assembles numbered objects with a correct xref table.
func rawPDF(objs []string) []byte {
	var b bytes.Buffer
	offsets := writeObjects(&b, "1.4", objs)
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objs)+1)
	for _, off := range offsets {
		fmt.Fprintf(&b, "%010d 00000 n \n", off)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(objs)+1, xref)
	return b.Bytes()
}

// writeObjects writes the header and objs numbered from 1, and returns
// their offsets.
func writeObjects(b *bytes.Buffer, version string, objs []string) []int {
	b.WriteString("%PDF-" + version + "\n")
	offsets := make([]int, len(objs))
	for i, o := range objs {
		offsets[i] = b.Len()
		fmt.Fprintf(b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	return offsets
}
