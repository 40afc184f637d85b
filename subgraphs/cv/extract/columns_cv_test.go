package extract

// Layout cases met in real CVs (testdata/real): each test builds the
// page's geometry in miniature.

import (
	"strings"
	"testing"
)

// A right sidebar beside a main column of short and long lines (Firefox's
// print of an HTML CV): the sparse area right of the short lines joins the
// gutter and the few sidebar lines into one wide low-coverage band, whose
// middle lies in the sidebar; the gutter is still found.
func TestSidebarBesideShortLines(t *testing.T) {
	var fs []fragment
	line := 0
	add := func(x0, x1, y float64, text string) {
		fs = append(fs, frag(line, x0, x1, y, 7, text))
		line++
	}
	add(57, 143, 760, "Name")
	y, sy := 740.0, 742.0
	for i := 0; i < 80; i++ {
		x1 := 250.0
		if i%3 == 0 {
			x1 = 435 // a long bullet line
		}
		add(77, x1, y, "main"+itoaTest(i))
		if i < 8 {
			fs[len(fs)-1].line = line // same baseline band as the side line below
			fs = append(fs, frag(line-1, 475, 560, sy, 8.5, "side"+itoaTest(i)))
			sy -= 15
		}
		y -= 10
	}
	got := strings.Join(readingOrder(fs), " ")
	if !strings.HasPrefix(got, "Name main0 main1") || !strings.HasSuffix(got, "main79 side0 side1 side2 side3 side4 side5 side6 side7") {
		t.Errorf("sidebar interleaved with the main column:\n%s", got)
	}
}

// A tab stop under full-width text ("Idioma 1 nivel … Comentario" in
// moderncv) has fewer lines than cross its band: no column.
func TestTabStopUnderFullWidthLines(t *testing.T) {
	var fs []fragment
	line := 0
	y := 700.0
	for i := 0; i < 3; i++ {
		fs = append(fs, frag(line, 97, 169, y, 10, "lang"+itoaTest(i)), frag(line, 473, 521, y, 10, "comment"+itoaTest(i)))
		line++
		y -= 16
	}
	for i := 0; i < 6; i++ {
		fs = append(fs, frag(line, 87, 500, y, 10, "full"+itoaTest(i)))
		line++
		y -= 16
	}
	fs = append(fs, frag(line, 504, 521, y, 10, "2/2"))
	got := strings.Join(readingOrder(fs), " ")
	if !strings.HasPrefix(got, "lang0 comment0 lang1 comment1 lang2 comment2") {
		t.Errorf("tab stop read as a column: %s", got)
	}
}

func TestLeftAligned(t *testing.T) {
	col := func(x0s ...float64) []fragment {
		var fs []fragment
		for i, x := range x0s {
			fs = append(fs, frag(i, x, x+100, 700-float64(i)*12, 10, "w"))
		}
		return fs
	}
	tests := []struct {
		name string
		side []fragment
		want bool
	}{
		// Deedy's right column: entry titles at the edge, bullets and
		// their continuation lines indented, a year column of awards.
		{"edge with bullets and indents", col(217.5, 217.5, 231.6, 231.6, 242.4, 217.5, 217.5, 231.6, 242.4, 217.5, 223.5, 223.5, 217.5, 231.6), true},
		{"flush left", col(300, 300, 300, 300, 300), true},
		{"right-aligned dates", col(470, 455, 482, 440, 466, 451, 477, 436), false},
		{"a few at one x among scattered ones", col(300, 300, 300, 300, 380, 420, 450, 500, 360, 400, 470, 520, 330, 440, 490, 350), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := leftAligned(tt.side); got != tt.want {
				t.Errorf("leftAligned = %v, want %v", got, tt.want)
			}
		})
	}
}

// Awesome-CV's honours: a heading, rows of year, award and a place flush
// with the right margin, then the next heading. Each row is a line, with
// the regional table search (headings around it) and with the page-wide
// gutter search (a page holding nothing else).
func TestRowsWithPlaceAtTheRightMargin(t *testing.T) {
	build := func(withHeadings bool) []fragment {
		var fs []fragment
		line, y := 0, 800.0
		if withHeadings {
			for i := 0; i < 3; i++ {
				fs = append(fs, frag(line, 40, 555, y, 9, "paragraph line"))
				line++
				y -= 11
			}
			fs = append(fs, frag(line, 40, 160, y-8, 16, "Honors"), frag(line+1, 40, 155, y-27, 12, "International"))
			line += 2
			y -= 46
		}
		for i := 0; i < 6; i++ {
			place, x0 := "Las Vegas", 499.0
			if i == 0 {
				place, x0 = "Online", 532.6
			}
			fs = append(fs, frag(line, 52, 70, y, 9, "year"+itoaTest(i)), frag(line, 82, 307, y, 9, "award"+itoaTest(i)), frag(line, x0, 555.6, y, 9, place))
			line++
			y -= 13.5
		}
		if withHeadings {
			fs = append(fs, frag(line, 40, 130, y-5, 12, "Domestic"))
		}
		return fs
	}
	for _, withHeadings := range []bool{true, false} {
		got := strings.Join(readingOrder(build(withHeadings)), " / ")
		if !strings.Contains(got, "year0 award0 Online / year1 award1 Las Vegas / year2") || !strings.Contains(got, "year5 award5 Las Vegas") {
			t.Errorf("headings %v: rows split into columns:\n%s", withHeadings, got)
		}
	}
}

// moderncv's double list: a heading, items in two columns whose last cell
// wraps, then the next heading, which comes after the table, not inside its
// left column.
func TestHeadingAfterTableStaysAfter(t *testing.T) {
	var fs []fragment
	line := 0
	add := func(y float64, parts ...fragment) {
		for _, p := range parts {
			p.line, p.y = line, y
			fs = append(fs, p)
		}
		line++
	}
	for i := 0; i < 4; i++ {
		add(420-float64(i)*13.5, frag(0, 82, 520, 0, 10.9, "paragraph across the page"))
	}
	add(341.2, frag(0, 74, 119, 0, 14.3, "Extra"))
	add(318.6, frag(0, 82, 112, 0, 10.9, "Item 1"), frag(0, 310.6, 341, 0, 10.9, "Item 4"))
	add(302.4, frag(0, 82, 112, 0, 10.9, "Item 2"), frag(0, 310.6, 354, 0, 10.9, "Item 5"))
	add(286.1, frag(0, 82, 112, 0, 10.9, "Item 3"), frag(0, 310.6, 521, 0, 10.9, "Item 6 long"))
	add(272.5, frag(0, 310.6, 521, 0, 10.9, "wrapped line"))
	add(259.0, frag(0, 310.6, 396, 0, 10.9, "last line"))
	add(235.2, frag(0, 74, 146, 0, 14.3, "References"))
	add(215.8, frag(0, 74, 132, 0, 12, "Category 1"), frag(0, 190, 248, 0, 12, "Category 2"), frag(0, 306, 438, 0, 12, "All the rest"))
	got := strings.Join(readingOrder(fs), " / ")
	if i, j := strings.Index(got, "last line"), strings.Index(got, "References"); i < 0 || j < i {
		t.Errorf("heading read inside the table:\n%s", got)
	}
}

// Text drawn a billion points apart (a crafted page without a media box)
// spans no columns; the coverage array is never sized by the span (it was:
// 8 GB).
func TestGutterOnAHugeSpan(t *testing.T) {
	var fs []fragment
	for i := 0; i < 20; i++ {
		fs = append(fs, frag(i, 40, 200, 800-float64(i)*12, 10, "left"), frag(i, 1e9, 1e9+100, 800-float64(i)*12, 10, "right"))
	}
	if _, ok := findGutter(fs); ok {
		t.Error("a gutter across a billion points")
	}
}

// Deedy's awards: "1" with a raised "st", then "/50", in a row of a table.
// The superscript joins its row; alone it was a line between two rows,
// which made the rows look like cells that wrap.
func TestSuperscriptJoinsItsLine(t *testing.T) {
	var gs []glyph
	put := func(s string, x, y, size, w float64) float64 {
		for _, r := range s {
			gs = append(gs, glyph{X: x, Y: y, W: w, Size: size, S: string(r)})
			x += w
		}
		return x
	}
	put("2014", 223.5, 194.7, 10, 5.8)
	put("top", 258.5, 194.7, 10, 5)
	x := put("2014", 223.5, 182.8, 10, 5.8)
	_ = x
	x = put("1", 258.5, 182.8, 10, 5.8)
	x = put("st", x, 186.4, 7, 2.75)
	put("/50", x, 182.8, 10, 5)
	put("2013", 223.5, 170.8, 10, 5.8)
	lines := layoutPage(gs)
	if len(lines) != 3 || lines[1] != "2014 1st/50" {
		t.Errorf("lines %q", lines)
	}
}

// A date column beside the entries inside the main column of a page with
// a sidebar (an HTML CV): each date cell is read before its entry.
func TestDateColumnInsideAColumn(t *testing.T) {
	var fs []fragment
	line := 0
	add := func(parts ...fragment) {
		for i := range parts {
			parts[i].line = line
		}
		fs = append(fs, parts...)
		line++
	}
	y := 700.0
	for e := 0; e < 3; e++ {
		add(frag(0, 475, 560, y+4, 8.5, "side"+itoaTest(2*e))) // the sidebar's own baselines
		add(frag(0, 30, 47, y, 7, "2015"), frag(0, 77, 140, y, 9, "Position"+itoaTest(e)))
		add(frag(0, 37, 41, y-8, 7, "|"))
		add(frag(0, 77, 133, y-10, 7.5, "Workplace"))
		add(frag(0, 475, 540, y-13, 8.5, "side"+itoaTest(2*e+1)))
		add(frag(0, 22, 47, y-16, 7, "present"))
		for b := 0; b < 3; b++ {
			add(frag(0, 77, 430, y-22-float64(b)*9, 7, "bullet text"))
		}
		y -= 60
	}
	got := strings.Join(readingOrder(fs), " / ")
	if !strings.HasPrefix(got, "2015 / | / present / Position0 / Workplace / bullet text") {
		t.Errorf("date cells interleaved with their entries:\n%s", got)
	}
}
