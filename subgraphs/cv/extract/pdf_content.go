package extract

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"math"

	"github.com/ledongthuc/pdf"
)

// glyph is one shown character in page space (points, y up).
type glyph struct {
	X, Y    float64 // origin on the baseline
	W       float64 // advance width
	Size    float64 // font size in page space (em height)
	S       string  // Unicode text ("" or " " for a space)
	Rotated bool    // baseline not horizontal
	Seq     int     // order in the content stream
}

// matrix is a PDF affine matrix [a b c d e f].
type matrix [6]float64

var identity = matrix{1, 0, 0, 1, 0, 0}

// mul is m × n (apply m, then n).
func (m matrix) mul(n matrix) matrix {
	return matrix{
		m[0]*n[0] + m[1]*n[2], m[0]*n[1] + m[1]*n[3],
		m[2]*n[0] + m[3]*n[2], m[2]*n[1] + m[3]*n[3],
		m[4]*n[0] + m[5]*n[2] + n[4], m[4]*n[1] + m[5]*n[3] + n[5],
	}
}

type textState struct {
	ctm, tm, tlm           matrix
	tc, tw, th, tl, ts, fs float64
	font                   *pdfFont
}

// Content-stream bounds beyond Limits: nesting of q and of form XObjects.
const (
	maxGStack   = 64
	maxFormNest = 8
)

// abort carries an error out of pdf.Interpret, whose callback has no
// error return; pageGlyphs recovers it.
type abort struct{ err error }

// interp walks one page's content, following form XObjects, and collects glyphs.
type interp struct {
	dc     *deadlineCheck
	work   *pdfWork
	glyphs []glyph
	seq    int
}

// pageGlyphs interprets a page. Errors from the budget or deadline end the
// page; a malformed stream ends it with what was read so far.
func pageGlyphs(ctx context.Context, p pdf.Page, work *pdfWork) (gs []glyph, err error) {
	in := &interp{dc: &deadlineCheck{ctx: ctx}, work: work}
	defer func() {
		if r := recover(); r != nil {
			if a, ok := r.(abort); ok {
				err = a.err
				return
			}
			gs = in.glyphs // malformed content: keep what was read
		}
	}()
	contents := p.V.Key("Contents")
	if contents.IsNull() {
		return nil, nil
	}
	// Resources are looked up with the bounded walk: the library's
	// p.Resources() follows /Parent without end on a loop.
	in.run(contents, inherited(p.V, "Resources"), textState{ctm: identity, th: 1}, 0)
	return onPage(in.glyphs, inherited(p.V, "MediaBox")), nil
}

// inherited looks a page attribute up the page tree, as PDF requires.
func inherited(v pdf.Value, key string) pdf.Value {
	for i := 0; i < 32 && !v.IsNull(); i++ { // the depth bound stops a Parent cycle
		if r := v.Key(key); !r.IsNull() {
			return r
		}
		v = v.Key("Parent")
	}
	return pdf.Value{}
}

// onPage drops glyphs drawn outside the media box (with a little slack):
// text placed off the page is invisible to a reader, and is sometimes
// put there to stuff keywords.
func onPage(gs []glyph, box pdf.Value) []glyph {
	if box.Len() != 4 {
		return gs
	}
	x0, y0, x1, y1 := box.Index(0).Float64(), box.Index(1).Float64(), box.Index(2).Float64(), box.Index(3).Float64()
	if x1 < x0 {
		x0, x1 = x1, x0
	}
	if y1 < y0 {
		y0, y1 = y1, y0
	}
	const slack = 5
	out := gs[:0]
	for _, g := range gs {
		if g.X >= x0-slack && g.X <= x1+slack && g.Y >= y0-slack && g.Y <= y1+slack {
			out = append(out, g)
		}
	}
	return out
}

// decoded reads a content stream (or array of them) within the budget:
// a flate bomb in a content stream stops here, not in the interpreter.
func (in *interp) decoded(strm pdf.Value) []byte {
	parts := []pdf.Value{strm}
	if strm.Kind() == pdf.Array {
		parts = parts[:0]
		for i := 0; i < strm.Len(); i++ {
			parts = append(parts, strm.Index(i))
		}
	}
	var buf bytes.Buffer
	for _, s := range parts {
		rd := s.Reader()
		budget := in.work.bytes
		n, _ := io.Copy(&buf, io.LimitReader(rd, budget.left+1))
		rd.Close()
		if n > budget.left {
			panic(abort{fmt.Errorf("%w: PDF streams inflate beyond the limit", ErrTooLarge)})
		}
		budget.left -= n
		buf.WriteByte('\n') // streams of an array join at a token boundary
	}
	return buf.Bytes()
}

// contentValue is what the interpreter reads: the stream itself, or, when
// it holds inline images, a copy without them. The library's lexer does
// not know inline image data and would read the binary as a string that
// swallows the rest of the page; it takes only a pdf.Value, so the copy is
// wrapped as a one-object PDF.
func (in *interp) contentValue(strm pdf.Value) pdf.Value {
	data := in.decoded(strm)
	clean, changed := stripInlineImages(data)
	if !changed {
		return strm
	}
	v, err := wrapStream(clean)
	if err != nil {
		return strm
	}
	return v
}

func (in *interp) run(strm, res pdf.Value, g textState, depth int) {
	strm = in.contentValue(strm)
	fonts := map[string]*pdfFont{}
	var stack []textState
	pdf.Interpret(strm, func(stk *pdf.Stack, op string) {
		if err := in.dc.tick(); err != nil {
			panic(abort{err})
		}
		args := popAll(stk)
		num := func(i int) float64 {
			if i < len(args) {
				return args[i].Float64()
			}
			return 0
		}
		mat := func() matrix {
			var m matrix
			for i := range m {
				m[i] = num(i)
			}
			return m
		}
		switch op {
		case "q":
			if len(stack) < maxGStack {
				stack = append(stack, g)
			}
		case "Q":
			if n := len(stack); n > 0 {
				g, stack = stack[n-1], stack[:n-1]
			}
		case "cm":
			if len(args) == 6 {
				g.ctm = mat().mul(g.ctm)
			}
		case "BT":
			g.tm, g.tlm = identity, identity
		case "Tc":
			g.tc = num(0)
		case "Tw":
			g.tw = num(0)
		case "Tz":
			g.th = num(0) / 100
		case "TL":
			g.tl = num(0)
		case "Ts":
			g.ts = num(0)
		case "Tf":
			if len(args) == 2 {
				name := args[0].Name()
				f, ok := fonts[name]
				if !ok {
					f = loadFont(res.Key("Font").Key(name))
					fonts[name] = f
				}
				g.font, g.fs = f, num(1)
			}
		case "Td", "TD":
			if op == "TD" {
				g.tl = -num(1)
			}
			g.tlm = matrix{1, 0, 0, 1, num(0), num(1)}.mul(g.tlm)
			g.tm = g.tlm
		case "Tm":
			if len(args) == 6 {
				g.tm = mat()
				g.tlm = g.tm
			}
		case "T*":
			g.nextLine()
		case "Tj":
			if len(args) == 1 {
				in.show(&g, args[0].RawString())
			}
		case "'":
			if len(args) == 1 {
				g.nextLine()
				in.show(&g, args[0].RawString())
			}
		case "\"":
			if len(args) == 3 {
				g.tw, g.tc = num(0), num(1)
				g.nextLine()
				in.show(&g, args[2].RawString())
			}
		case "TJ":
			if len(args) != 1 {
				return
			}
			a := args[0]
			for i := 0; i < a.Len(); i++ {
				x := a.Index(i)
				if x.Kind() == pdf.String {
					in.show(&g, x.RawString())
					continue
				}
				g.tm = matrix{1, 0, 0, 1, -x.Float64() / 1000 * g.fs * g.th, 0}.mul(g.tm)
			}
		case "Do":
			if len(args) != 1 || depth >= maxFormNest {
				return
			}
			xo := res.Key("XObject").Key(args[0].Name())
			if xo.Key("Subtype").Name() != "Form" {
				return
			}
			if in.work.forms--; in.work.forms < 0 {
				panic(abort{fmt.Errorf("%w: more than %d form XObjects drawn", ErrCycle, maxFormDraws)})
			}
			fg := g
			if m := xo.Key("Matrix"); m.Len() == 6 {
				var fm matrix
				for i := range fm {
					fm[i] = m.Index(i).Float64()
				}
				fg.ctm = fm.mul(g.ctm)
			}
			fres := xo.Key("Resources")
			if fres.IsNull() {
				fres = res
			}
			in.run(xo, fres, fg, depth+1)
		}
	})
}

func (g *textState) nextLine() {
	g.tlm = matrix{1, 0, 0, 1, 0, -g.tl}.mul(g.tlm)
	g.tm = g.tlm
}

// show places each code of a shown string and advances the text matrix
// (PDF 32000-1 §9.4.4): tx = (w0·Tfs + Tc + Tw if the code is the single
// byte 32) · Th.
func (in *interp) show(g *textState, raw string) {
	f := g.font
	if f == nil {
		return
	}
	for _, code := range f.codes(raw) {
		if in.work.glyphs--; in.work.glyphs < 0 {
			panic(abort{textTooLong(0, in.work.textLimit, false)})
		}
		trm := matrix{g.fs * g.th, 0, 0, g.fs, 0, g.ts}.mul(g.tm).mul(g.ctm)
		w0 := f.width(code)
		size := math.Hypot(trm[2], trm[3]) * f.em // vertical extent of one em
		adv := w0 * math.Hypot(trm[0], trm[1])
		s := drawnText(f.text(code), w0/f.em)
		in.glyphs = append(in.glyphs, glyph{
			X: trm[4], Y: trm[5], W: adv, Size: size, S: s,
			Rotated: math.Abs(trm[1]) > 0.1*math.Abs(trm[0]) || trm[0] <= 0,
			Seq:     in.seq,
		})
		in.seq++
		tx := w0*g.fs + g.tc
		if !f.composite && code == 32 {
			tx += g.tw
		}
		g.tm = matrix{1, 0, 0, 1, tx * g.th, 0}.mul(g.tm)
	}
}
