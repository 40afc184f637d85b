package extract

import (
	"math"
	"sort"
	"strings"
	"unicode"
)

// Layout turns glyphs into lines in reading order. All thresholds are in
// ems of the glyphs' own font size, so they hold for 8 pt and 14 pt alike.
const (
	baselineTol   = 0.35 // glyphs this close vertically share a baseline
	wordGapEm     = 0.1  // a gap wider than this (beyond the usual letter gap) ends a word
	shortGapEm    = 0.15 // the same for a fragment too short to measure its letter gap
	fragmentGapEm = 1.0  // a gap wider than this splits a line into fragments (tab stops, columns)
	duplicateEm   = 0.15 // the same character drawn again this close is a fake-bold duplicate
	minGutterEm   = 0.8  // narrowest empty band that can separate two columns
	scriptSize    = 0.8  // a superscript is at most this share of its line's size
	scriptRise    = 0.6  // and sits at most this many of the line's ems above it
	scriptGapEm   = 0.2  // right after a glyph of the line
)

// fragment is a run of words on one baseline with no wide gap inside.
type fragment struct {
	x0, x1, y, size float64
	line            int // index of the baseline cluster
	text            string
}

// layoutPage returns the page's lines in reading order: top to bottom, and
// column by column where the page has side-by-side columns.
func layoutPage(gs []glyph) []string {
	var upright, rotated []glyph
	for _, g := range gs {
		if g.S == "" || g.Size < 0.5 || math.IsNaN(g.X+g.Y+g.W+g.Size) {
			continue
		}
		if g.Rotated {
			rotated = append(rotated, g)
		} else {
			upright = append(upright, g)
		}
	}
	lines := baselines(upright)
	var frags []fragment
	for i, ln := range lines {
		frags = append(frags, splitFragments(ln, i)...)
	}
	out := readingOrder(frags)
	return append(out, rotatedLines(rotated)...)
}

// baselines clusters glyphs into lines, top of the page first.
func baselines(gs []glyph) [][]glyph {
	sort.SliceStable(gs, func(i, j int) bool {
		if gs[i].Y != gs[j].Y {
			return gs[i].Y > gs[j].Y
		}
		return gs[i].X < gs[j].X
	})
	var lines [][]glyph
	var refY, refSize float64
	for _, g := range gs {
		n := len(lines)
		if n > 0 && math.Abs(g.Y-refY) <= baselineTol*math.Min(g.Size, refSize) {
			lines[n-1] = append(lines[n-1], g)
			continue
		}
		lines = append(lines, []glyph{g})
		refY, refSize = g.Y, g.Size
	}
	for _, ln := range lines {
		sort.SliceStable(ln, func(i, j int) bool { return ln[i].X < ln[j].X })
	}
	return mergeSuperscripts(lines)
}

// mergeSuperscripts puts a raised, smaller run ("st" of "1st", a footnote
// mark) into the line it belongs to: the next line down, when the run
// sits less than half that line's em above it, right after one of its
// glyphs. Alone it would be a line of its own between two table rows.
func mergeSuperscripts(lines [][]glyph) [][]glyph {
	out := lines[:0]
	for i := 0; i < len(lines); i++ {
		ln := lines[i]
		if i+1 < len(lines) && isSuperscriptOf(ln, lines[i+1]) {
			merged := append(append([]glyph{}, lines[i+1]...), ln...)
			sort.SliceStable(merged, func(a, b int) bool { return merged[a].X < merged[b].X })
			lines[i+1] = merged
			continue
		}
		out = append(out, ln)
	}
	return out
}

func isSuperscriptOf(sup, base []glyph) bool {
	if len(sup) == 0 || len(base) == 0 {
		return false
	}
	var supSize, supY float64
	for _, g := range sup {
		supSize = math.Max(supSize, g.Size)
		supY += g.Y
	}
	supY /= float64(len(sup))
	sizes := make([]float64, len(base))
	for i, g := range base {
		sizes[i] = g.Size
	}
	sort.Float64s(sizes)
	baseSize, baseY := sizes[len(sizes)/2], base[0].Y
	if supSize > scriptSize*baseSize || supY-baseY <= 0 || supY-baseY > scriptRise*baseSize {
		return false
	}
	// Every run of the line starts right after a base glyph.
	for i, g := range sup {
		if i > 0 && g.X-(sup[i-1].X+sup[i-1].W) < wordGapEm*g.Size {
			continue
		}
		attached := false
		for _, b := range base {
			if d := g.X - (b.X + b.W); d >= -0.1*baseSize && d <= scriptGapEm*baseSize {
				attached = true
				break
			}
		}
		if !attached {
			return false
		}
	}
	return true
}

func isBlank(s string) bool { return strings.TrimFunc(s, unicode.IsSpace) == "" }

// splitFragments cuts one baseline at wide gaps and groups glyphs into words.
func splitFragments(ln []glyph, line int) []fragment {
	ln = composeAccents(dropDuplicates(ln))
	var out []fragment
	start := 0
	for i := 1; i <= len(ln); i++ {
		if i < len(ln) {
			prev, g := ln[i-1], ln[i]
			gap := g.X - (prev.X + prev.W)
			if gap <= fragmentGapEm*math.Max(prev.Size, g.Size) {
				continue
			}
		}
		if f, ok := makeFragment(ln[start:i], line); ok {
			out = append(out, f)
		}
		start = i
	}
	return out
}

// dropDuplicates removes a character drawn twice at (almost) the same
// place, as producers do for fake bold or shadows.
func dropDuplicates(ln []glyph) []glyph {
	out := ln[:0:0]
	for _, g := range ln {
		dup := false
		for j := len(out) - 1; j >= 0 && j >= len(out)-3; j-- {
			p := out[j]
			if p.S == g.S && math.Abs(p.X-g.X) < duplicateEm*g.Size && math.Abs(p.Y-g.Y) < duplicateEm*g.Size {
				dup = true
				break
			}
		}
		if !dup {
			out = append(out, g)
		}
	}
	return out
}

// makeFragment joins glyphs into words. A word ends at a space glyph or
// at a gap wider than the fragment's usual letter gap plus wordGapEm: the
// baseline adapts to letter-spaced headings, whose letter gaps are wide.
func makeFragment(gs []glyph, line int) (fragment, bool) {
	var gaps []float64
	for i := 1; i < len(gs); i++ {
		if !isBlank(gs[i].S) && !isBlank(gs[i-1].S) {
			gaps = append(gaps, (gs[i].X-(gs[i-1].X+gs[i-1].W))/gs[i].Size)
		}
	}
	// A short fragment's letter gap is unknown: it may be letter-spaced
	// ("S K I L L S" at 0.12 em), so it takes the wider threshold.
	letterGap, wordGap := 0.0, shortGapEm
	if len(gaps) >= 6 {
		sort.Float64s(gaps)
		letterGap, wordGap = math.Max(0, gaps[len(gaps)/2]), wordGapEm
	}
	var b strings.Builder
	var f fragment
	f.x0, f.x1, f.line = math.Inf(1), math.Inf(-1), line
	var sizes []float64
	pendingSpace := false
	for i, g := range gs {
		if isBlank(g.S) {
			pendingSpace = b.Len() > 0
			continue
		}
		if i > 0 && b.Len() > 0 {
			prev := gs[i-1]
			gap := (g.X - (prev.X + prev.W)) / g.Size
			if gap > letterGap+wordGap {
				pendingSpace = true
			}
		}
		if pendingSpace {
			b.WriteByte(' ')
			pendingSpace = false
		}
		b.WriteString(g.S)
		f.x0 = math.Min(f.x0, g.X)
		f.x1 = math.Max(f.x1, g.X+g.W)
		f.y += g.Y
		sizes = append(sizes, g.Size)
	}
	if len(sizes) == 0 {
		return fragment{}, false
	}
	f.y /= float64(len(sizes))
	sort.Float64s(sizes)
	f.size = sizes[len(sizes)/2]
	f.text = b.String()
	return f, true
}

// rotatedLines reads text that is not horizontal (a sidebar label turned
// 90°) in content-stream order, after the page's horizontal text.
func rotatedLines(gs []glyph) []string {
	sort.SliceStable(gs, func(i, j int) bool { return gs[i].Seq < gs[j].Seq })
	var lines []string
	var b strings.Builder
	for i, g := range gs {
		if i > 0 {
			p := gs[i-1]
			d := math.Hypot(g.X-p.X, g.Y-p.Y) - p.W
			switch {
			case d > fragmentGapEm*g.Size:
				lines = append(lines, b.String())
				b.Reset()
			case d > wordGapEm*g.Size || isBlank(g.S):
				b.WriteByte(' ')
			}
		}
		if !isBlank(g.S) {
			b.WriteString(g.S)
		}
	}
	if b.Len() > 0 {
		lines = append(lines, b.String())
	}
	return lines
}
