package extract

import (
	"strings"
	"testing"
)

// frag is a one-glyph-run fragment for layout tests.
func frag(line int, x0, x1, y, size float64, text string) fragment {
	return fragment{x0: x0, x1: x1, y: y, size: size, line: line, text: text}
}

func TestReadingOrder(t *testing.T) {
	// A sidebar at 9 pt (x 40–180) beside a main column at 10.5 pt
	// (x 215–550), different leading, under a full-width header.
	var sidebar []fragment
	line := 0
	sidebar = append(sidebar, frag(line, 40, 300, 800, 20, "Name"), frag(line+1, 40, 520, 780, 9, "contact line across the page"))
	line += 2
	sideY, mainY := 750.0, 748.0
	for i := 0; i < 8; i++ {
		// interleave by y as the page would
		sidebar = append(sidebar, frag(line, 40, 170, sideY, 9, "side"+itoaTest(i)))
		line++
		sidebar = append(sidebar, frag(line, 215, 540, mainY, 10.5, "main"+itoaTest(i)))
		line++
		sideY -= 11.5
		mainY -= 14
	}
	got := strings.Join(readingOrder(sidebar), " ")
	want := "Name contact line across the page side0 side1 side2 side3 side4 side5 side6 side7 main0 main1 main2 main3 main4 main5 main6 main7"
	if got != want {
		t.Errorf("two columns:\n got %s\nwant %s", got, want)
	}

	// Job titles with right-aligned dates, descriptions full width: rows.
	var rows []fragment
	y := 800.0
	line = 0
	for i := 0; i < 6; i++ {
		rows = append(rows, frag(line, 40, 200, y, 10, "title"+itoaTest(i)), frag(line, 480-float64(i%3)*7, 550, y, 10, "date"+itoaTest(i)))
		line++
		y -= 14
		for j := 0; j < 3; j++ {
			rows = append(rows, frag(line, 40, 380+float64(j)*20, y, 10, "desc"))
			line++
			y -= 14
		}
	}
	got = strings.Join(readingOrder(rows), " ")
	if !strings.HasPrefix(got, "title0 date0 desc desc desc title1 date1") {
		t.Errorf("title/date rows read as columns: %s", got)
	}

	// A tab-stop column of dates, left-aligned but sparse: rows too.
	rows = rows[:0]
	y, line = 800, 0
	for i := 0; i < 6; i++ {
		rows = append(rows, frag(line, 40, 200, y, 10, "title"+itoaTest(i)), frag(line, 420, 470, y, 10, "date"+itoaTest(i)))
		line++
		y -= 14
		for j := 0; j < 3; j++ {
			rows = append(rows, frag(line, 40, 300, y, 10, "desc"))
			line++
			y -= 14
		}
	}
	got = strings.Join(readingOrder(rows), " ")
	if !strings.HasPrefix(got, "title0 date0 desc desc desc title1 date1") {
		t.Errorf("sparse date column read as a column: %s", got)
	}
}

func TestWordsFromGaps(t *testing.T) {
	// pdfTeX draws no space glyphs: words are separated only by position.
	mk := func(s string, x float64) []glyph {
		var gs []glyph
		for _, r := range s {
			gs = append(gs, glyph{X: x, Y: 700, W: 5, Size: 10, S: string(r)})
			x += 5
		}
		return gs
	}
	var gs []glyph
	gs = append(gs, mk("Senior", 100)...)
	gs = append(gs, mk("Go", 100+30+3.3)...)              // a 0.33 em space
	gs = append(gs, mk("engineer", 100+30+3.3+10+0.4)...) // kerning-size gap: same word
	lines := layoutPage(gs)
	if len(lines) != 1 || lines[0] != "Senior Goengineer" {
		t.Fatalf("lines %q", lines)
	}
	// Letter-spaced heading: every gap is wide, word gaps wider still.
	gs = gs[:0]
	x := 100.0
	for _, w := range []string{"WORK", "EXPERIENCE"} {
		for _, r := range w {
			gs = append(gs, glyph{X: x, Y: 600, W: 6, Size: 10, S: string(r)})
			x += 6 + 2 // 0.2 em tracking
		}
		x += 3 // plus a space
	}
	if lines := layoutPage(gs); len(lines) != 1 || lines[0] != "WORK EXPERIENCE" {
		t.Fatalf("letter-spaced heading: %q", lines)
	}
	// A short letter-spaced word (0.12 em): too few gaps to measure the
	// letter gap, so it keeps the wider threshold and stays one word.
	gs = gs[:0]
	x = 100
	for _, r := range "SKILL" {
		gs = append(gs, glyph{X: x, Y: 500, W: 6, Size: 10, S: string(r)})
		x += 6 + 1.2
	}
	if lines := layoutPage(gs); len(lines) != 1 || lines[0] != "SKILL" {
		t.Fatalf("short letter-spaced word: %q", lines)
	}
	// LuaTeX's tightest justified line: no space glyphs, words 0.14 em
	// apart, kerns under 0.04 em ("Provisionedaneasilymanagable…").
	gs = gs[:0]
	x = 100
	for i, w := range []string{"Provisioned", "an", "easily", "managable"} {
		if i > 0 {
			x += 1.4
		}
		for j, r := range w {
			gs = append(gs, glyph{X: x, Y: 400, W: 5, Size: 10, S: string(r)})
			x += 5
			if j%4 == 3 {
				x -= 0.2 // a kern
			}
		}
	}
	if lines := layoutPage(gs); len(lines) != 1 || lines[0] != "Provisioned an easily managable" {
		t.Fatalf("tight justified line: %q", lines)
	}
}

func TestTableRowsBetweenParagraphs(t *testing.T) {
	// Full-width paragraphs, a two-column table whose cells wrap, and more
	// paragraphs: the table reads row by row, left cell first. (With fewer
	// full-width lines around it the page-wide gutter search takes the
	// table for two columns and reads it column by column: see README.)
	var fs []fragment
	line, y := 0, 800.0
	add := func(parts ...fragment) {
		for _, p := range parts {
			p.line, p.y = line, y
			fs = append(fs, p)
		}
		line++
	}
	for i := 0; i < 3; i++ {
		add(frag(0, 56, 500, 0, 11, "intro paragraph across the page"))
		y -= 13
	}
	rows := [][2][]string{
		{{"Lead", "Designer,", "Acme"}, {"Redesigned the portal", "for patients"}},
		{{"Developer,", "Beta"}, {"Built the design system", "in React", "and TypeScript"}},
	}
	for _, r := range rows {
		n := max(len(r[0]), len(r[1]))
		for i := 0; i < n; i++ {
			var parts []fragment
			if i < len(r[0]) {
				parts = append(parts, frag(0, 56, 130, 0, 11, r[0][i]))
			}
			if i < len(r[1]) {
				parts = append(parts, frag(0, 172, 480, 0, 11, r[1][i]))
			}
			add(parts...)
			y -= 12.8
		}
		y -= 3 // paragraph spacing between rows
	}
	for i := 0; i < 3; i++ {
		add(frag(0, 56, 500, 0, 11, "closing paragraph across the page"))
		y -= 13
	}
	got := strings.Join(readingOrder(fs), " / ")
	want := "intro paragraph across the page / intro paragraph across the page / intro paragraph across the page / Lead / Designer, / Acme / Redesigned the portal / for patients / " +
		"Developer, / Beta / Built the design system / in React / and TypeScript / closing paragraph across the page / closing paragraph across the page / closing paragraph across the page"
	if got != want {
		t.Fatalf("got  %s\nwant %s", got, want)
	}
}

func TestRowsOfTitleAndDateStayRows(t *testing.T) {
	// Degrees with left-aligned dates at a tab stop, one line each, between
	// full-width paragraphs: every line is a row.
	var fs []fragment
	y, line := 800.0, 0
	for i := 0; i < 3; i++ {
		fs = append(fs, fragment{x0: 56, x1: 500, y: y, size: 10, line: line, text: "paragraph"})
		line++
		y -= 12
	}
	for i := 0; i < 5; i++ {
		fs = append(fs,
			fragment{x0: 56, x1: 300, y: y, size: 10, line: line, text: "degree" + itoaTest(i)},
			fragment{x0: 420, x1: 460, y: y, size: 10, line: line, text: "year" + itoaTest(i)})
		line++
		y -= 12
	}
	for i := 0; i < 3; i++ {
		fs = append(fs, fragment{x0: 56, x1: 500, y: y, size: 10, line: line, text: "paragraph"})
		line++
		y -= 12
	}
	got := strings.Join(readingOrder(fs), " / ")
	if !strings.Contains(got, "degree0 year0 / degree1 year1 / degree2 year2") {
		t.Fatalf("rows read as columns: %s", got)
	}
}
