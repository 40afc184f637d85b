package extract

import (
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
)

const (
	nsW       = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
	nsWStrict = "http://purl.oclc.org/ooxml/wordprocessingml/main"
	nsMC      = "http://schemas.openxmlformats.org/markup-compatibility/2006"
	maxDepth  = 256 // XML nesting; Word documents stay far below it
)

// wordXMLText turns a WordprocessingML part into lines: one per paragraph,
// one per table row with cells joined by " | " (a layout table, whose
// cells hold several paragraphs, reads cell by cell, a paragraph a line).
// A text box is read once:
// Word writes it twice, as DrawingML inside mc:Choice and as VML inside
// mc:Fallback, so everything under mc:Fallback is skipped.
//
// encoding/xml expands only the five predefined entities and never loads a
// DTD, so external entities cannot be expanded.
//
// Every character of text is charged to chars; past its limit the walk
// stops with ErrTextTooLong.
func wordXMLText(r io.Reader, dc *deadlineCheck, chars *charBudget) (string, error) {
	d := xml.NewDecoder(r)
	d.Strict = true
	w := &wordWalker{chars: chars}
	depth, skipUntil := 0, -1 // skipUntil: depth of an mc:Fallback being skipped
	for {
		if err := dc.tick(); err != nil {
			return "", err
		}
		if w.err != nil {
			return "", w.err
		}
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if errors.Is(err, ErrTooLarge) || errors.Is(err, ErrCorrupt) {
			return "", err // from the entry reader
		}
		if err != nil {
			return "", fmt.Errorf("%w: xml: %v", ErrCorrupt, err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			depth++
			if depth > maxDepth {
				return "", fmt.Errorf("%w: xml nested deeper than %d", ErrCorrupt, maxDepth)
			}
			if skipUntil >= 0 {
				continue
			}
			if t.Name.Space == nsMC && t.Name.Local == "Fallback" {
				skipUntil = depth
				continue
			}
			if isW(t.Name.Space) {
				w.start(t.Name.Local)
			}
		case xml.EndElement:
			if skipUntil >= 0 {
				if depth == skipUntil {
					skipUntil = -1
				}
				depth--
				continue
			}
			depth--
			if isW(t.Name.Space) {
				w.end(t.Name.Local)
			}
		case xml.CharData:
			if skipUntil < 0 && w.inText > 0 {
				w.text(string(t))
			}
		}
	}
	return strings.Join(w.lines, "\n"), nil
}

// wordWalker holds the paragraph and table stacks while walking the tokens.
// Paragraphs nest (a text box's paragraphs live inside a run of the outer
// one); a nested paragraph becomes its own line.
type wordWalker struct {
	lines  []string
	paras  []*strings.Builder
	tables []*tableState
	inText int // inside w:t (not w:delText, w:instrText)
	chars  *charBudget
	err    error // the character budget ran out
}

type tableState struct {
	row  [][]string // the cells so far, each a list of paragraphs
	cell []string   // paragraphs of the open cell
	open bool       // inside a w:tc
}

func (w *wordWalker) start(local string) {
	switch local {
	case "p":
		w.paras = append(w.paras, &strings.Builder{})
	case "t":
		w.inText++
	case "tab", "ptab":
		w.text(" ")
	case "br", "cr":
		w.text("\n")
	case "noBreakHyphen":
		w.text("-")
	case "tbl":
		w.tables = append(w.tables, &tableState{})
	case "tr":
		if t := w.table(); t != nil {
			t.row = t.row[:0]
		}
	case "tc":
		if t := w.table(); t != nil {
			t.cell, t.open = nil, true
		}
	}
}

func (w *wordWalker) end(local string) {
	switch local {
	case "t":
		if w.inText > 0 {
			w.inText--
		}
	case "p":
		if len(w.paras) == 0 {
			return
		}
		p := w.paras[len(w.paras)-1]
		w.paras = w.paras[:len(w.paras)-1]
		w.emit(p.String())
	case "tc":
		if t := w.table(); t != nil && t.open {
			t.row = append(t.row, t.cell)
			t.cell, t.open = nil, false
		}
	case "tr":
		if t := w.table(); t != nil {
			lines := rowLines(t.row)
			w.tables = w.tables[:len(w.tables)-1]
			for _, ln := range lines {
				w.emit(ln) // a nested table's row goes into the enclosing cell
			}
			w.tables = append(w.tables, t)
		}
	case "tbl":
		if len(w.tables) > 0 {
			w.tables = w.tables[:len(w.tables)-1]
		}
	}
}

func (w *wordWalker) table() *tableState {
	if len(w.tables) == 0 {
		return nil
	}
	return w.tables[len(w.tables)-1]
}

// emit places a finished paragraph (or row): into the open table cell
// when there is one, else as lines of the output.
func (w *wordWalker) emit(s string) {
	if t := w.table(); t != nil && t.open {
		if s = strings.Join(strings.Fields(s), " "); s != "" {
			t.cell = append(t.cell, s)
		}
		return
	}
	for _, ln := range strings.Split(s, "\n") {
		ln = strings.TrimSpace(ln)
		if ln != "" {
			w.lines = append(w.lines, ln)
		}
	}
}

// rowLines: a row of one-paragraph cells is one line, "a | b"; a row
// with a cell of several paragraphs is a layout table, read cell by cell.
func rowLines(cells [][]string) []string {
	var flat []string
	layout := false
	for _, c := range cells {
		if len(c) > 1 {
			layout = true
		}
		if len(c) > 0 {
			flat = append(flat, strings.Join(c, " "))
		}
	}
	if !layout {
		return []string{strings.Join(flat, " | ")}
	}
	var out []string
	for _, c := range cells {
		out = append(out, c...)
	}
	return out
}

func (w *wordWalker) text(s string) {
	if len(w.paras) == 0 {
		return // text outside any paragraph is not document content
	}
	if err := w.chars.take(s); err != nil && w.err == nil {
		w.err = err
	}
	w.paras[len(w.paras)-1].WriteString(s)
}

func isW(space string) bool { return space == nsW || space == nsWStrict }
