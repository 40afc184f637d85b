package extract

import (
	"math"
	"sort"
	"strings"
)

// Column detection. A gutter is a vertical band that (almost) no fragment
// crosses, with enough text on both sides. A band that only separates
// titles from right-aligned dates, or from a sparse tab-stop column, is
// not a gutter: the right side must be left-aligned and dense (consecutive
// lines), as a column of running text is.
const (
	minColumnFragments = 4
	minLeftAlignShare  = 0.5   // right-side fragments starting at the column's left edge or indented a little
	minEdgeShare       = 0.25  // right-side fragments starting exactly at the edge
	indentEm           = 2.0   // an indent (bullet, hanging line) within the column
	rightFlushShare    = 0.8   // right-side fragments ending at the right margin: cells of rows
	maxPageSpan        = 14400 // points: the largest page PDF allows (200 in); wider text spans no columns
	maxGutterTries     = 16    // gutter candidates scored per page
	maxCellWidth       = 0.2   // a row's last cell is narrower than this share of the text width
	alignTol           = 3.0   // points
	splitTol           = 1.0   // points a fragment may reach past the split
	maxLineStepEm      = 2.5   // median distance between the right side's lines
)

// readingOrder orders fragments into lines: full-width lines top to bottom;
// between two of them, the left column's lines, then the right column's.
func readingOrder(frags []fragment) []string {
	if len(frags) == 0 {
		return nil
	}
	split, ok := findGutter(frags)
	if !ok {
		if out, ok := regionalOrder(frags); ok {
			return out
		}
		return joinLines(frags)
	}
	side := func(f fragment) int { return sideOf(f, split) }
	// A baseline with a fragment across the gutter is a full-width line.
	spanning := map[int]bool{}
	for _, f := range frags {
		if side(f) < 0 {
			spanning[f.line] = true
		}
	}
	var out []string
	var left, right []fragment
	flush := func() {
		out = append(out, columnLines(left)...)
		out = append(out, columnLines(right)...)
		left, right = left[:0], right[:0]
	}
	for i := 0; i < len(frags); {
		j := i
		for j < len(frags) && frags[j].line == frags[i].line {
			j++
		}
		if spanning[frags[i].line] {
			flush()
			out = append(out, joinLines(frags[i:j])...)
		} else {
			for _, f := range frags[i:j] {
				if side(f) == 0 {
					left = append(left, f)
				} else {
					right = append(right, f)
				}
			}
		}
		i = j
	}
	flush()
	return out
}

// columnLines reads one column: as a table where it holds one (a date
// column beside the entries), else line by line.
func columnLines(frags []fragment) []string {
	if len(frags) == 0 {
		return nil
	}
	if out, ok := regionalOrder(frags); ok {
		return out
	}
	return joinLines(frags)
}

// joinLines joins the fragments of each baseline, left to right.
func joinLines(frags []fragment) []string {
	var out []string
	for i := 0; i < len(frags); {
		j := i
		var parts []string
		for j < len(frags) && frags[j].line == frags[i].line {
			parts = append(parts, frags[j].text)
			j++
		}
		out = append(out, strings.Join(parts, " "))
		i = j
	}
	return out
}

// sideOf: 0 left of the split, 1 right of it, -1 across it.
func sideOf(f fragment, split float64) int {
	switch {
	case f.x1 <= split+splitTol:
		return 0
	case f.x0 >= split-splitTol:
		return 1
	}
	return -1
}

// findGutter returns the x that splits the page into two columns, if any:
// the middle of the least-covered stretch of the best gutter band.
func findGutter(frags []fragment) (float64, bool) {
	if len(frags) < 2*minColumnFragments {
		return 0, false
	}
	minX, maxX := math.Inf(1), math.Inf(-1)
	var sizes []float64
	for _, f := range frags {
		minX, maxX = math.Min(minX, f.x0), math.Max(maxX, f.x1)
		sizes = append(sizes, f.size)
	}
	sort.Float64s(sizes)
	em := sizes[len(sizes)/2]
	width := maxX - minX
	if width < 10*em || width > maxPageSpan {
		return 0, false
	}
	// Coverage per point of x, from a difference array: linear in the
	// fragments plus the width.
	nb := int(math.Ceil(width)) + 1
	cover := make([]int, nb+1)
	for _, f := range frags {
		lo := min(max(int(f.x0-minX), 0), nb)
		hi := min(max(int(math.Ceil(f.x1-minX)), 0), nb)
		if hi > lo {
			cover[lo]++
			cover[hi]--
		}
	}
	for x := 1; x < nb; x++ {
		cover[x] += cover[x-1]
	}
	cover = cover[:nb]
	// Candidates: every run of equal, low coverage at least a gutter wide.
	// A whole low-coverage band would merge a sidebar's gutter with the
	// sparse area right of a column's short lines and miss it.
	type candidate struct {
		cover      int
		mid, width float64
	}
	limit := max(2, len(frags)/8)
	var cands []candidate
	for x := 0; x < nb; {
		c := cover[x]
		y := x
		for y < nb && cover[y] == c {
			y++
		}
		a, b := minX+float64(x), minX+float64(y)
		x = y
		mid := (a + b) / 2
		if c > limit || b-a < minGutterEm*em || mid < minX+0.15*width || mid > maxX-0.15*width {
			continue
		}
		cands = append(cands, candidate{c, mid, b - a})
	}
	// The least-covered candidate that separates columns wins (only
	// full-width lines cross a real gutter), then the more balanced one;
	// at most maxGutterTries are scored, the widest first at each level.
	sort.SliceStable(cands, func(i, j int) bool {
		if cands[i].cover != cands[j].cover {
			return cands[i].cover < cands[j].cover
		}
		return cands[i].width > cands[j].width
	})
	bestScore, bestSplit, bestCover := 0, 0.0, math.MaxInt
	for i, c := range cands {
		if i >= maxGutterTries || c.cover > bestCover {
			break
		}
		if score := gutterScore(frags, c.mid); score > bestScore {
			bestScore, bestSplit, bestCover = score, c.mid, c.cover
		}
	}
	return bestSplit, bestScore > 0
}

// gutterScore is the smaller side's fragment count, or 0 when the band
// does not separate two columns of running text.
func gutterScore(frags []fragment, split float64) int {
	var left, right []fragment
	crossing := 0
	for _, f := range frags {
		switch sideOf(f, split) {
		case 0:
			left = append(left, f)
		case 1:
			right = append(right, f)
		default:
			crossing++
		}
	}
	// Fewer lines cross a gutter than either column holds: a tab stop
	// ("Comentario" beside three language lines) under full-width text is
	// not a column.
	if len(left) < minColumnFragments || len(right) < minColumnFragments || crossing >= min(len(left), len(right)) {
		return 0
	}
	if !leftAligned(right) || rowCells(left, right) {
		return 0
	}
	if !dense(left) || !dense(right) {
		return 0
	}
	return min(len(left), len(right))
}

// leftAligned: the side has a left edge, the smallest x that a quarter of
// its fragments start at, and most fragments start there or indented by
// less than indentEm (bullets, continuation lines, a year column): a column
// of running text. Right-aligned dates start wherever their width puts them.
func leftAligned(side []fragment) bool {
	x0s := make([]float64, len(side))
	sizes := make([]float64, len(side))
	for i, f := range side {
		x0s[i], sizes[i] = f.x0, f.size
	}
	sort.Float64s(x0s)
	sort.Float64s(sizes)
	em := sizes[len(sizes)/2]
	need := max(minColumnFragments, int(math.Ceil(minEdgeShare*float64(len(side)))))
	for i, j := 0, 0; j < len(x0s); j++ {
		for x0s[j]-x0s[i] > alignTol {
			i++
		}
		if j-i+1 < need {
			continue
		}
		edge := x0s[i]
		n := 0
		for _, x := range x0s {
			if x >= edge-alignTol && x <= edge+indentEm*em {
				n++
			}
		}
		return float64(n) >= minLeftAlignShare*float64(len(side))
	}
	return false
}

// rowCells: the right side is the last cell of rows, not a column: narrow
// fragments, flush right, each on the baseline of a left-side line
// (Awesome-CV's places and dates at the right margin, "Seoul, S.Korea"
// beside each entry, on a page with nothing else).
func rowCells(left, right []fragment) bool {
	minX, maxX := math.Inf(1), math.Inf(-1)
	leftLines := map[int]bool{}
	for _, f := range left {
		minX = math.Min(minX, f.x0)
		leftLines[f.line] = true
	}
	x1s := make([]float64, len(right))
	widths := make([]float64, len(right))
	coupled := 0
	for i, f := range right {
		maxX = math.Max(maxX, f.x1)
		x1s[i], widths[i] = f.x1, f.x1-f.x0
		if leftLines[f.line] {
			coupled++
		}
	}
	sort.Float64s(x1s)
	sort.Float64s(widths)
	flush := 0
	for _, x := range x1s {
		if x1s[len(x1s)-1]-x <= alignTol {
			flush++
		}
	}
	return coupled == len(right) && float64(flush) >= rightFlushShare*float64(len(right)) &&
		widths[len(widths)/2] < maxCellWidth*(maxX-minX)
}

// dense: the side's lines follow each other at about line spacing, as
// running text does (a column of dates beside job descriptions does not).
func dense(side []fragment) bool {
	steps := make([]float64, 0, len(side))
	for i := 1; i < len(side); i++ {
		if d := side[i-1].y - side[i].y; d > 0 {
			steps = append(steps, d/side[i].size)
		}
	}
	if len(steps) == 0 {
		return false
	}
	sort.Float64s(steps)
	return steps[len(steps)/2] <= maxLineStepEm
}
