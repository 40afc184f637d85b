package extract

import (
	"io"
	"unicode/utf16"

	"github.com/ledongthuc/pdf"
)

// maxCMapEntries caps a ToUnicode CMap: a crafted bfrange could span 2^32 codes.
const maxCMapEntries = 1 << 17

// maxCMapBytes caps the CMap program read: 2^17 entries fit in well under 8 MB.
const maxCMapBytes = 8 << 20

// toUnicode is a parsed ToUnicode CMap. Ranges stay ranges: fpdf and
// others map <0000>-<FFFF> in one bfrange, and expanding that per font per
// page dominated extraction time.
type toUnicode struct {
	chars  map[uint32]string
	ranges []cmapRange
}

type cmapRange struct {
	lo, hi uint32
	raw    string   // destination of lo as written
	base   []uint16 // the same in UTF-16 units; the last unit counts up
	list   []string // or an explicit destination per code
}

func (m *toUnicode) lookup(code uint32) (string, bool) {
	if m == nil {
		return "", false
	}
	if s, ok := m.chars[code]; ok {
		return s, true
	}
	for i := len(m.ranges) - 1; i >= 0; i-- { // later definitions win
		r := m.ranges[i]
		if code < r.lo || code > r.hi {
			continue
		}
		off := code - r.lo
		if r.list != nil {
			if int(off) < len(r.list) {
				return r.list[off], true
			}
			return "", false
		}
		if len(r.base) == 0 {
			return "", false
		}
		if off == 0 {
			return utf16BE(r.raw), true
		}
		u := append([]uint16(nil), r.base...)
		u[len(u)-1] += uint16(off)
		return string(utf16.Decode(u)), true
	}
	return "", false
}

// readToUnicode parses a ToUnicode CMap (bfchar and bfrange sections).
// A CMap is a PostScript program; producers differ in what surrounds the
// sections (Typst writes "/CIDSystemInfo 3 dict dup begin … end def"), so
// it is tokenised here and every operator but the two section ends only
// clears the operands. A broken CMap keeps what was read.
func readToUnicode(v pdf.Value) *toUnicode {
	if v.Kind() != pdf.Stream {
		return nil
	}
	rd := v.Reader()
	defer rd.Close()
	data, _ := io.ReadAll(io.LimitReader(rd, maxCMapBytes))
	return parseToUnicode(data)
}

func popAll(stk *pdf.Stack) []pdf.Value {
	out := make([]pdf.Value, stk.Len())
	for i := len(out) - 1; i >= 0; i-- {
		out[i] = stk.Pop()
	}
	return out
}

func cmapCode(b string) uint32 {
	var c uint32
	for i := 0; i < len(b) && i < 4; i++ {
		c = c<<8 | uint32(b[i])
	}
	return c
}

// utf16BE decodes a CMap destination. Ghostscript's pdfwrite writes the
// destinations of ligatures little-endian (<66006900> for "fi"); read as
// specified that is CJK, so a destination that is ASCII in UTF-16LE is
// read as such.
func utf16BE(b string) string {
	if len(b) >= 4 && len(b)%2 == 0 {
		le := true
		for i := 0; i+1 < len(b) && le; i += 2 {
			le = b[i+1] == 0 && b[i] >= 0x20 && b[i] < 0x7F
		}
		if le {
			out := make([]byte, 0, len(b)/2)
			for i := 0; i < len(b); i += 2 {
				out = append(out, b[i])
			}
			return string(out)
		}
	}
	return string(utf16.Decode(utf16Units(b)))
}

func utf16Units(b string) []uint16 {
	u := make([]uint16, 0, len(b)/2)
	for i := 0; i+1 < len(b); i += 2 {
		u = append(u, uint16(b[i])<<8|uint16(b[i+1]))
	}
	return u
}
