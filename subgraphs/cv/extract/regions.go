package extract

import (
	"math"
	"sort"
)

// Columns in part of a page: a table whose cells wrap over several lines,
// between full-width paragraphs that cross its column boundary and so hide
// it from the page-wide gutter search. Reading it line by line would
// interleave the cells; it is read row by row, each row's left cell first.
const (
	consecutiveEm = 1.6  // lines this close (in ems) belong to one block
	minBlockShare = 0.33 // share of a side's lines that continue a block
	minOneSided   = 0.25 // share of lines with text on one side only (cells wrap unevenly)
	bandGapRatio  = 1.15 // a step this much above the side's line spacing starts a block
	maxEdgeTries  = 16   // shared left edges tried as a table's column boundary
)

// regionalOrder finds the split (a left edge shared by several fragments)
// that puts the most fragments into two-column regions, and reads those
// regions in bands (table rows). It reports false when there is none.
func regionalOrder(frags []fragment) ([]string, bool) {
	lines := lineSpans(frags)
	em := medianSize(frags)
	minX0 := math.Inf(1)
	for _, f := range frags {
		minX0 = math.Min(minX0, f.x0)
	}
	edges := map[int]float64{} // 2-pt bucket → smallest x0 in it
	counts := map[int]int{}
	for _, f := range frags {
		if f.x0 < minX0+5*em {
			continue // the margin, or an indent: not a column edge
		}
		k := int(f.x0 / 2)
		counts[k]++
		if e, ok := edges[k]; !ok || f.x0 < e {
			edges[k] = f.x0
		}
	}
	keys := make([]int, 0, len(edges))
	for k := range edges {
		if counts[k] >= minColumnFragments {
			keys = append(keys, k)
		}
	}
	// The most shared edges first, at most maxEdgeTries of them: each try
	// walks the page, so a page of scattered fragments stays linear.
	sort.Slice(keys, func(i, j int) bool {
		if counts[keys[i]] != counts[keys[j]] {
			return counts[keys[i]] > counts[keys[j]]
		}
		return keys[i] < keys[j]
	})
	keys = keys[:min(len(keys), maxEdgeTries)]
	sort.Ints(keys) // deterministic choice between equal candidates
	var best []lineRange
	bestN, bestSplit := 0, 0.0
	for _, k := range keys {
		split := edges[k] - 0.5
		regions, n := columnRegions(frags, lines, split, em)
		if n > bestN {
			best, bestN, bestSplit = regions, n, split
		}
	}
	if bestN == 0 {
		return nil, false
	}
	var out []string
	li := 0
	for _, r := range best {
		for ; li < r.from; li++ {
			out = append(out, joinLines(frags[lines[li].from:lines[li].to])...)
		}
		out = append(out, readBands(frags, lines[r.from:r.to], bestSplit)...)
		li = r.to
	}
	for ; li < len(lines); li++ {
		out = append(out, joinLines(frags[lines[li].from:lines[li].to])...)
	}
	return out, true
}

// lineRange is a half-open range of indexes (of fragments, or of lines).
type lineRange struct{ from, to int }

// lineSpans gives each baseline's fragment range; frags are grouped by line.
func lineSpans(frags []fragment) []lineRange {
	var out []lineRange
	for i := 0; i < len(frags); {
		j := i
		for j < len(frags) && frags[j].line == frags[i].line {
			j++
		}
		out = append(out, lineRange{i, j})
		i = j
	}
	return out
}

func medianSize(frags []fragment) float64 {
	s := make([]float64, len(frags))
	for i, f := range frags {
		s[i] = f.size
	}
	sort.Float64s(s)
	return s[len(s)/2]
}

// columnRegions: runs of lines that no fragment crosses at split, kept
// when they hold two columns of running text with a real gap between.
// It returns the regions (as line ranges) and the fragments they hold.
func columnRegions(frags []fragment, lines []lineRange, split, em float64) ([]lineRange, int) {
	var regions []lineRange
	n := 0
	consider := func(from, to int) {
		if to-from < 2 {
			return
		}
		fs := frags[lines[from].from:lines[to-1].to]
		if !tableLike(fs, split) {
			return
		}
		maxLeft := math.Inf(-1)
		for _, f := range fs {
			if sideOf(f, split) == 0 {
				maxLeft = math.Max(maxLeft, f.x1)
			}
		}
		if split-maxLeft < minGutterEm*em {
			return
		}
		regions = append(regions, lineRange{from, to})
		n += len(fs)
	}
	start := 0
	for i, ln := range lines {
		for _, f := range frags[ln.from:ln.to] {
			if sideOf(f, split) < 0 {
				consider(start, i)
				start = i + 1
				break
			}
		}
	}
	consider(start, len(lines))
	return regions, n
}

// tableLike: both sides have enough fragments, the right side starts at
// one x, both sides hold multi-line blocks (wrapped cells), which a column
// of dates or a tab stop beside running text does not, and the cells wrap
// unevenly: when every line has text on both sides ("MSc …  2016" lines),
// each line is a row and reads as one.
func tableLike(fs []fragment, split float64) bool {
	// The lines in order with the sides they have text on.
	type lineSides struct {
		has  [2]bool
		y    float64
		line int
	}
	var ls []lineSides
	for _, f := range fs {
		s := sideOf(f, split)
		if s < 0 {
			continue
		}
		if len(ls) == 0 || ls[len(ls)-1].line != f.line {
			ls = append(ls, lineSides{y: f.y, line: f.line})
		}
		ls[len(ls)-1].has[s] = true
	}
	// Only the table's own lines count: from the first line with both
	// columns to the last, and the wrapped lines that follow it at the
	// table's line step. A heading above it or a paragraph below it is
	// one-sided without any cell wrapping (Awesome-CV's honours: year and
	// award, then the place at the right margin, one row a line).
	first, last := -1, -1
	for i, l := range ls {
		if l.has[0] && l.has[1] {
			if first < 0 {
				first = i
			}
			last = i
		}
	}
	if first < 0 {
		return false
	}
	step := math.Inf(1)
	for i := first + 1; i <= last; i++ {
		if d := ls[i-1].y - ls[i].y; d > 0 {
			step = math.Min(step, d)
		}
	}
	end := last
	for end+1 < len(ls) && ls[end].y-ls[end+1].y <= bandGapRatio*step {
		end++
	}
	oneSided := 0
	for _, l := range ls[first : end+1] {
		if l.has[0] != l.has[1] {
			oneSided++
		}
	}
	if float64(oneSided) < minOneSided*float64(end+1-first) {
		return false
	}
	var sides [2][]fragment
	for _, f := range fs {
		if s := sideOf(f, split); s >= 0 {
			sides[s] = append(sides[s], f)
		}
	}
	for _, side := range sides {
		if len(side) < minColumnFragments {
			return false
		}
		cont := 0
		for i := 1; i < len(side); i++ {
			if d := side[i-1].y - side[i].y; d > 0 && d <= consecutiveEm*side[i].size {
				cont++
			}
		}
		if float64(cont) < minBlockShare*float64(len(side)) {
			return false
		}
	}
	aligned := 0
	for _, f := range sides[1] {
		if f.x0-split < alignTol {
			aligned++
		}
	}
	return float64(aligned) >= minLeftAlignShare*float64(len(sides[1]))
}

// readBands reads a two-column region in bands: a band starts at a line
// where both columns start a block at once (a table row's top), and within
// a band the left column comes first.
func readBands(frags []fragment, lines []lineRange, split float64) []string {
	// Each side's line spacing: its smallest step between lines.
	spacing := [2]float64{math.Inf(1), math.Inf(1)}
	last := [2]float64{math.NaN(), math.NaN()}
	for _, ln := range lines {
		for _, f := range frags[ln.from:ln.to] {
			s := sideOf(f, split)
			if d := last[s] - f.y; d > 0.5*f.size {
				spacing[s] = math.Min(spacing[s], d)
			}
			last[s] = f.y
		}
	}
	var out []string
	var left, right []fragment
	flush := func() {
		out = append(out, joinLines(left)...)
		out = append(out, joinLines(right)...)
		left, right = left[:0], right[:0]
	}
	last = [2]float64{math.NaN(), math.NaN()}
	starts := func(s int, y float64) bool {
		return math.IsNaN(last[s]) || last[s]-y > bandGapRatio*spacing[s]
	}
	for _, ln := range lines {
		fs := frags[ln.from:ln.to]
		var has [2]bool
		for _, f := range fs {
			has[sideOf(f, split)] = true
		}
		if has[0] && has[1] && starts(0, fs[0].y) && starts(1, fs[len(fs)-1].y) {
			flush()
		}
		// A line on one side, below the other side's last line by more than
		// a step there too, is past the rows: a heading after the table.
		if has[0] != has[1] {
			s, o := 0, 1
			if has[1] {
				s, o = 1, 0
			}
			if starts(s, fs[0].y) && starts(o, fs[0].y) {
				flush()
			}
		}
		for _, f := range fs {
			s := sideOf(f, split)
			last[s] = f.y
			if s == 0 {
				left = append(left, f)
			} else {
				right = append(right, f)
			}
		}
	}
	flush()
	return out
}
