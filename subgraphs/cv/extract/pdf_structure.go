package extract

import (
	"bytes"
	"fmt"
	"strconv"

	"github.com/ledongthuc/pdf"
)

// The PDF library follows references without remembering where it has
// been: a cross-reference /Prev that points back to itself, or a /Pages
// node that lists itself among its Kids, keeps it busy until the timeout.
// These walks come first and bound every chain by a visited set or a depth
// (as pdf.js and PDFium do), so such a file fails at once with ErrCycle.
const (
	maxXrefSections  = 128 // incremental updates of one file; real files have a handful
	maxPageTreeDepth = 64  // real page trees are a few levels deep
)

// checkXrefChain follows startxref and the /Prev chain of cross-reference
// sections (tables and streams) and fails on a loop. A chain it cannot
// parse is left to the library, which reports it as malformed.
func checkXrefChain(data []byte) error {
	off, ok := lastStartxref(data)
	if !ok {
		return nil
	}
	seen := map[int64]bool{}
	scanned := 0 // bytes tokenised, bounded by the file's size: each section is read once
	for {
		if off <= 0 || off >= int64(len(data)) {
			return nil
		}
		if seen[off] {
			return fmt.Errorf("%w: the cross-reference /Prev chain returns to offset %d", ErrCycle, off)
		}
		if len(seen) >= maxXrefSections {
			return fmt.Errorf("%w: more than %d cross-reference sections", ErrCycle, maxXrefSections)
		}
		seen[off] = true
		start, ok := sectionDict(data, off)
		if !ok {
			return nil
		}
		toks, end := topLevelTokens(data, start)
		if scanned += end - start; scanned > 2*len(data) {
			return fmt.Errorf("%w: cross-reference sections overlap", ErrCycle)
		}
		prev, ok := dictInt(toks, "/Prev")
		if !ok {
			return nil
		}
		off = prev
	}
}

// lastStartxref reads the offset after the last "startxref" near the end.
func lastStartxref(data []byte) (int64, bool) {
	tail := data[max(0, len(data)-1024):]
	i := bytes.LastIndex(tail, []byte("startxref"))
	if i < 0 {
		return 0, false
	}
	f := bytes.Fields(tail[i+len("startxref"):])
	if len(f) == 0 {
		return 0, false
	}
	n, err := strconv.ParseInt(string(f[0]), 10, 64)
	return n, err == nil
}

// sectionDict finds the "<<" of the dictionary describing the section at
// off: the trailer after an xref table, or an xref stream's own dictionary.
func sectionDict(data []byte, off int64) (int, bool) {
	rest := data[off:]
	trimmed := bytes.TrimLeft(rest, " \t\r\n\f\x00")
	base := int(off) + len(rest) - len(trimmed)
	var i int
	if bytes.HasPrefix(trimmed, []byte("xref")) {
		i = bytes.Index(trimmed, []byte("trailer"))
	} else {
		i = bytes.Index(trimmed[:min(len(trimmed), 64)], []byte("obj")) // "12 0 obj"
	}
	if i < 0 {
		return 0, false
	}
	j := bytes.Index(trimmed[i:], []byte("<<"))
	if j < 0 {
		return 0, false
	}
	return base + i + j, true
}

// topLevelTokens tokenises the dictionary starting at data[start] ("<<")
// and returns its top-level tokens, a nested dictionary or array as one
// "{}" token, and the index after its closing ">>". Strings, hex strings
// and comments are skipped by the PDF rules, so no byte is read twice.
func topLevelTokens(data []byte, start int) ([]string, int) {
	var toks []string
	depth := 0
	i := start
	for i < len(data) {
		c := data[i]
		switch {
		case c == '[' || c == '<' && i+1 < len(data) && data[i+1] == '<':
			if depth == 1 {
				toks = append(toks, "{}")
			}
			depth++
			i += delimLen(c)
		case c == ']' || c == '>' && i+1 < len(data) && data[i+1] == '>':
			depth--
			i += delimLen(c)
			if depth <= 0 {
				return toks, i
			}
		case c == '(':
			i = skipString(data, i)
		case c == '<':
			i = skipPast(data, i, '>')
		case c == '%':
			i = skipPast(data, i, '\n')
		case isPDFSpace(c) || c == ')' || c == '>' || c == '{' || c == '}':
			i++
		default:
			j := i + 1
			for j < len(data) && !isPDFSpace(data[j]) && !bytes.ContainsRune([]byte("()<>[]{}/%"), rune(data[j])) {
				j++
			}
			if depth == 1 {
				toks = append(toks, string(data[i:j]))
			}
			i = j
		}
	}
	return toks, i
}

// dictInt is the integer value of key among a dictionary's top-level
// tokens; references ("12 0 R") count as one value.
func dictInt(toks []string, key string) (int64, bool) {
	for i := 0; i+1 < len(toks); {
		k := toks[i]
		i++
		n := 1
		if i+2 < len(toks) && toks[i+2] == "R" {
			n = 3
		}
		if k == key && n == 1 {
			v, err := strconv.ParseInt(toks[i], 10, 64)
			return v, err == nil
		}
		i += n
	}
	return 0, false
}

// delimLen: "[" and "]" are one byte, "<<" and ">>" two.
func delimLen(c byte) int {
	if c == '[' || c == ']' {
		return 1
	}
	return 2
}

// skipString returns the index after the literal string at data[i] ("("),
// honouring nested parentheses and backslash escapes.
func skipString(data []byte, i int) int {
	depth := 0
	for ; i < len(data); i++ {
		switch data[i] {
		case '\\':
			i++
		case '(':
			depth++
		case ')':
			if depth--; depth == 0 {
				return i + 1
			}
		}
	}
	return i
}

func skipPast(data []byte, i int, c byte) int {
	if j := bytes.IndexByte(data[i+1:], c); j >= 0 {
		return i + 1 + j + 1
	}
	return len(data)
}

// pageList walks the page tree once, depth first, and returns the page
// dictionaries in order. The walk is bounded by depth (a node that lists
// itself, or an ancestor, goes deeper on every visit) and by the number
// of nodes (wide loops), so it ends quickly whatever the tree.
func pageList(root pdf.Value, maxPages int) ([]pdf.Value, error) {
	nodes := 2*maxPages + maxPageTreeDepth
	var pages []pdf.Value
	var walk func(node pdf.Value, depth int) error
	walk = func(node pdf.Value, depth int) error {
		if depth > maxPageTreeDepth {
			return fmt.Errorf("%w: the page tree is nested deeper than %d levels (it lists itself)", ErrCycle, maxPageTreeDepth)
		}
		if nodes--; nodes < 0 {
			return fmt.Errorf("%w: the page tree has more than %d nodes for at most %d pages (it loops)", ErrCycle, 2*maxPages+maxPageTreeDepth, maxPages)
		}
		switch node.Key("Type").Name() {
		case "Pages":
			kids := node.Key("Kids")
			for i := 0; i < kids.Len(); i++ {
				if err := walk(kids.Index(i), depth+1); err != nil {
					return err
				}
			}
		case "Page":
			if len(pages) == maxPages {
				return fmt.Errorf("%w: more than %d pages", ErrTooLarge, maxPages)
			}
			pages = append(pages, node)
		}
		return nil
	}
	if err := walk(root, 0); err != nil {
		return nil, err
	}
	return pages, nil
}
