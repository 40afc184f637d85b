package extract

import (
	"strings"
	"testing"
)

func TestParseToUnicode(t *testing.T) {
	// The prologue Typst 0.11 writes: the dictionary built with
	// "3 dict dup begin … end def" stopped the old reader before any entry.
	typst := `%!PS-Adobe-3.0 Resource-CMap
%%DocumentNeededResources: procset CIDInit
/CIDInit /ProcSet findresource begin
12 dict begin
begincmap
/CIDSystemInfo 3 dict dup begin
    /Registry (Adobe) def
    /Ordering (UCS) def
    /Supplement 0 def
end def
/CMapName /Custom def
/CMapVersion 1 def
/CMapType 0 def
/WMode 0 def
1 begincodespacerange
<0000> <ffff>
endcodespacerange
2 beginbfchar
<0001> <0046>
<0002> <0069 0072>
endbfchar
1 beginbfrange
<0010> <0012> <0061>
endbfrange
endcmap
CMapName currentdict /CMap defineresource pop
end
end
`
	tests := []struct {
		name string
		cmap string
		want map[uint32]string // code → text; "" means unmapped
	}{
		{"typst prologue", typst, map[uint32]string{1: "F", 2: "ir", 0x10: "a", 0x12: "c", 0x13: ""}},
		{"classic", "/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n1 beginbfchar <41> <0042> endbfchar endcmap end end",
			map[uint32]string{0x41: "B"}},
		{"array destinations", "1 beginbfrange <01> <03> [<0066 0069> <0066 006C> (\x00x)] endbfrange",
			map[uint32]string{1: "fi", 2: "fl", 3: "x", 4: ""}},
		{"comments and odd hex", "% <01> <0041>\n1 beginbfchar <2> <004>endbfchar",
			map[uint32]string{0x20: "@", 1: ""}},
		{"procedure and dict noise", "/x { 1 2 add } def << /A (b) >> pop 1 beginbfchar <05> <0045> endbfchar",
			map[uint32]string{5: "E"}},
		{"truncated keeps what was read", "2 beginbfchar <01> <0041> endbfchar 1 beginbfchar <02> <00",
			map[uint32]string{1: "A", 2: ""}},
		{"reversed range skipped", "1 beginbfrange <05> <01> <0041> endbfrange", map[uint32]string{1: "", 5: ""}},
		{"literal escapes", "1 beginbfchar (\\101) (\\000C) endbfchar", map[uint32]string{0x41: "C"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := parseToUnicode([]byte(tt.cmap))
			for code, want := range tt.want {
				got, ok := m.lookup(code)
				if want == "" && ok {
					t.Errorf("code %#x mapped to %q, want unmapped", code, got)
				}
				if want != "" && got != want {
					t.Errorf("code %#x = %q, want %q", code, got, want)
				}
			}
		})
	}
}

// A CMap of nothing but operands and brackets ends with a bounded stack and
// no entries; one of many sections stops at the entry cap.
func TestParseToUnicodeBounded(t *testing.T) {
	m := parseToUnicode([]byte(strings.Repeat("<01> [ ", 1<<16)))
	if len(m.chars) != 0 || len(m.ranges) != 0 {
		t.Fatalf("entries from a CMap without sections: %d %d", len(m.chars), len(m.ranges))
	}
	var b strings.Builder
	for i := 0; i < maxCMapEntries+10; i++ {
		b.WriteString("1 beginbfchar <0001> <0041> endbfchar\n")
	}
	if m := parseToUnicode([]byte(b.String())); len(m.chars) != 1 {
		t.Fatalf("chars = %d", len(m.chars))
	}
}

// FuzzParseToUnicode: any byte string parses without a panic, in one pass,
// within the entry cap.
func FuzzParseToUnicode(f *testing.F) {
	for _, seed := range []string{
		"/CIDSystemInfo 3 dict dup begin /Registry (Adobe) def end def 1 beginbfchar <01> <0041> endbfchar",
		"2 beginbfrange <00> <ff> <0020> <0100> <0102> [<0066> (x) <>] endbfrange",
		"(unterminated \\", "<", "[ [ [", "% only a comment",
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		m := parseToUnicode(data)
		n := len(m.chars)
		for _, r := range m.ranges {
			n++
			if r.hi < r.lo {
				t.Fatalf("reversed range kept: %+v", r)
			}
		}
		if n > maxCMapEntries {
			t.Fatalf("%d entries past the cap", n)
		}
		m.lookup(0x41)
	})
}
