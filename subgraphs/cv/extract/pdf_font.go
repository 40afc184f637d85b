package extract

import (
	"io"
	"math"
	"regexp"
	"sort"
	"strconv"
	"unicode/utf8"

	"github.com/ledongthuc/pdf"
)

// pdfFont is what layout needs of a font: how to split a string into
// character codes, each code's Unicode text and its advance width.
//
// The library's own text API decodes a Type0 font's 2-byte codes but looks
// their widths up as if they were bytes, and ignores ToUnicode when a simple
// font names an encoding, so glyph positions and ligatures come out wrong;
// this reads the font dictionary itself.
type pdfFont struct {
	composite bool               // Type0: 2-byte codes (Identity-H and kin)
	toUnicode *toUnicode         // from the ToUnicode CMap; nil when absent
	simple    [256]rune          // simple fonts: code → rune by the encoding
	widths    map[uint32]float64 // glyph space units (1/1000 em for all but Type3)
	missing   float64            // width of a code not in widths
	scale     float64            // glyph space → text space (0.001, or Type3 FontMatrix)
	em        float64            // font size multiplier: 1, or Type3's FontMatrix in ems
	icons     bool               // an icon font: its glyphs are pictures, not text
}

func loadFont(v pdf.Value) *pdfFont {
	f := &pdfFont{scale: 0.001, em: 1, widths: map[uint32]float64{}}
	subtype := v.Key("Subtype").Name()
	f.toUnicode = readToUnicode(v.Key("ToUnicode"))
	f.icons = isIconFont(v.Key("BaseFont").Name())
	if subtype == "Type0" {
		f.composite = true
		desc := v.Key("DescendantFonts").Index(0)
		f.missing = 1000
		if dw := desc.Key("DW"); dw.Kind() == pdf.Integer || dw.Kind() == pdf.Real {
			f.missing = dw.Float64()
		}
		readCIDWidths(desc.Key("W"), f.widths)
		return f
	}
	if subtype == "Type3" {
		if m := v.Key("FontMatrix"); m.Len() == 6 && m.Index(0).Float64() != 0 {
			f.scale = m.Index(0).Float64()
		}
	}
	first := int(v.Key("FirstChar").Int64())
	ws := v.Key("Widths")
	for i := 0; i < ws.Len() && i < 256; i++ {
		f.widths[uint32(first+i)] = ws.Index(i).Float64()
	}
	fd := v.Key("FontDescriptor")
	f.missing = fd.Key("MissingWidth").Float64()
	if ws.Len() == 0 && f.missing == 0 {
		f.missing = 500 // a standard-14 font without /Widths: an average glyph
		f.widths[' '] = 250
	}
	f.simple = simpleEncoding(v, fd)
	if subtype == "Type3" {
		f.em = type3Em(f)
	}
	return f
}

// type3Em estimates how many text-space units a Type 3 font's em spans:
// its glyph space is arbitrary (pdfTeX's bitmap fonts make 1 unit an em,
// other producers use Tf 1 and a large FontMatrix). The median advance of
// Latin text is about half an em.
func type3Em(f *pdfFont) float64 {
	var ws []float64
	for _, w := range f.widths {
		if w > 0 {
			ws = append(ws, w*math.Abs(f.scale))
		}
	}
	if len(ws) == 0 {
		return 1
	}
	sort.Float64s(ws)
	return math.Min(100, math.Max(0.01, ws[len(ws)/2]/0.5))
}

// simpleEncoding resolves a simple font's code → rune table: the base
// encoding (named, or the font program's built-in one), then /Differences.
func simpleEncoding(v, fd pdf.Value) [256]rune {
	var t [256]rune
	enc := v.Key("Encoding")
	base := baseEncoding(enc.Name())
	if enc.Kind() == pdf.Dict {
		base = baseEncoding(enc.Key("BaseEncoding").Name())
	}
	switch {
	case base != nil:
		t = *base
	case builtinEncoding(fd, &t):
	default:
		t = standardEnc
		if v.Key("Subtype").Name() == "TrueType" {
			t = winAnsi
		}
	}
	diffs := enc.Key("Differences")
	code := 0
	for i := 0; i < diffs.Len(); i++ {
		d := diffs.Index(i)
		switch d.Kind() {
		case pdf.Integer:
			code = int(d.Int64())
		case pdf.Name:
			if code >= 0 && code < 256 {
				// An unknown name ("g17") says the code is some other glyph:
				// the base encoding's letter would be a wrong guess, so the
				// code becomes unknown and the gate sees it.
				r, ok := glyphRune(d.Name())
				if !ok {
					r = type3TeXGlyph(v, d.Name())
				}
				t[code] = r
			}
			code++
		}
	}
	return t
}

// type3TeXGlyph reads pdfTeX's bitmap-font glyph names, a<T1 code>; any
// other unknown name is unknown (U+FFFD).
func type3TeXGlyph(font pdf.Value, name string) rune {
	if font.Key("Subtype").Name() != "Type3" || len(name) < 2 || name[0] != 'a' {
		return utf8.RuneError
	}
	n, err := strconv.Atoi(name[1:])
	if err != nil || n < 0 || n > 255 || cork[n] == 0 {
		return utf8.RuneError
	}
	return cork[n]
}

var type1Dup = regexp.MustCompile(`dup\s+(\d+)\s*/([^\s/\[\]{}()<>]+)\s+put`)

// builtinEncoding reads the /Encoding array in the clear-text part of an
// embedded Type 1 program (pdfTeX's Computer Modern fonts carry no /Encoding
// in the PDF and rely on it). It reports whether one was found.
func builtinEncoding(fd pdf.Value, t *[256]rune) bool {
	ff := fd.Key("FontFile")
	if ff.Kind() != pdf.Stream {
		return false
	}
	n := ff.Key("Length1").Int64()
	if n <= 0 || n > 1<<20 {
		n = 64 << 10
	}
	rd := ff.Reader()
	defer rd.Close()
	clear, _ := io.ReadAll(io.LimitReader(rd, n))
	ms := type1Dup.FindAllSubmatch(clear, 256)
	if len(ms) == 0 {
		return false
	}
	for _, m := range ms {
		code, err := strconv.Atoi(string(m[1]))
		if err != nil || code > 255 {
			continue
		}
		if r, ok := glyphRune(string(m[2])); ok {
			t[code] = r
		}
	}
	return true
}

// readCIDWidths reads a CIDFont /W array: c [w1 w2 ...] or cfirst clast w.
func readCIDWidths(w pdf.Value, out map[uint32]float64) {
	for i := 0; i < w.Len() && len(out) < maxCMapEntries; {
		c := w.Index(i)
		if i+1 >= w.Len() {
			return
		}
		next := w.Index(i + 1)
		if next.Kind() == pdf.Array {
			start := uint32(c.Int64())
			for j := 0; j < next.Len(); j++ {
				out[start+uint32(j)] = next.Index(j).Float64()
			}
			i += 2
			continue
		}
		if i+2 >= w.Len() {
			return
		}
		lo, hi, width := c.Int64(), next.Int64(), w.Index(i+2).Float64()
		for cid := lo; cid <= hi && cid-lo < maxCMapEntries; cid++ {
			out[uint32(cid)] = width
		}
		i += 3
	}
}

// codes splits a shown string into character codes.
func (f *pdfFont) codes(raw string) []uint32 {
	if !f.composite {
		out := make([]uint32, len(raw))
		for i := 0; i < len(raw); i++ {
			out[i] = uint32(raw[i])
		}
		return out
	}
	out := make([]uint32, 0, len(raw)/2)
	for i := 0; i+1 < len(raw); i += 2 {
		out = append(out, uint32(raw[i])<<8|uint32(raw[i+1]))
	}
	return out
}

// text is a code's Unicode text; U+FFFD when the font gives no way to know
// (the quality gate then sees garbled text rather than silent gaps).
func (f *pdfFont) text(code uint32) string {
	if f.icons {
		return ""
	}
	if s, ok := f.toUnicode.lookup(code); ok {
		return s
	}
	if !f.composite && code < 256 {
		if r := f.simple[code]; r != 0 {
			return string(r)
		}
		if code < 0x20 {
			return string(rune(code)) // a control code: garbled, and the gate says so
		}
	}
	return "\uFFFD"
}

// width is a code's advance in text space units per unit of font size.
func (f *pdfFont) width(code uint32) float64 {
	if w, ok := f.widths[code]; ok && w > 0 {
		return w * f.scale
	}
	return f.missing * f.scale
}
