package extract

import (
	"unicode/utf16"

	"github.com/ledongthuc/pdf"
)

// maxCMapEntries caps a ToUnicode CMap: a crafted bfrange could span 2^32 codes.
const maxCMapEntries = 1 << 17

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
// scratch is any dictionary: the CMap prologue "/CIDInit /ProcSet
// findresource begin" needs one on the stack, and the library offers no
// way to make a fresh one; "12 dict begin" follows, so nothing is defined
// in scratch itself.
func readToUnicode(v, scratch pdf.Value) *toUnicode {
	if v.Kind() != pdf.Stream {
		return nil
	}
	m := &toUnicode{chars: map[uint32]string{}}
	entries := 0
	func() {
		defer func() { _ = recover() }() // a broken CMap keeps what was read
		pdf.Interpret(v, func(stk *pdf.Stack, op string) {
			switch op {
			case "findresource":
				popAll(stk)
				stk.Push(scratch)
			case "endbfchar":
				pairs := popAll(stk)
				for i := 0; i+1 < len(pairs) && entries < maxCMapEntries; i += 2 {
					m.chars[cmapCode(pairs[i].RawString())] = utf16BE(pairs[i+1].RawString())
					entries++
				}
			case "endbfrange":
				args := popAll(stk)
				for i := 0; i+2 < len(args) && entries < maxCMapEntries; i += 3 {
					r := cmapRange{lo: cmapCode(args[i].RawString()), hi: cmapCode(args[i+1].RawString())}
					if r.hi < r.lo {
						continue
					}
					if dst := args[i+2]; dst.Kind() == pdf.Array {
						for j := 0; j < dst.Len() && j < maxCMapEntries; j++ {
							r.list = append(r.list, utf16BE(dst.Index(j).RawString()))
						}
						entries += len(r.list)
					} else {
						r.raw = dst.RawString()
						r.base = utf16Units(r.raw)
						entries++
					}
					m.ranges = append(m.ranges, r)
				}
			default:
				// begin* operators leave their count, other sections their
				// operands: nothing else on the stack concerns us.
				popAll(stk)
			}
		})
	}()
	return m
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
