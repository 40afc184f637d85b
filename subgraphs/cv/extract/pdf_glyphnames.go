package extract

import (
	_ "embed"
	"strconv"
	"strings"
	"sync"
)

//go:embed glyphlist.txt
var glyphListData string

var (
	glyphOnce  sync.Once
	glyphNames map[string]rune
)

// glyphRune maps a PostScript glyph name (from a font's /Differences or its
// built-in encoding) to Unicode: the Adobe Glyph List, then the uniXXXX and
// uXXXX[XX] conventions; a suffix such as ".sc" or ".alt" is ignored.
func glyphRune(name string) (rune, bool) {
	glyphOnce.Do(func() {
		glyphNames = make(map[string]rune, 2048)
		for _, ln := range strings.Split(glyphListData, "\n") {
			if ln == "" || ln[0] == '#' {
				continue
			}
			n, hex, ok := strings.Cut(ln, " ")
			if !ok {
				continue
			}
			if v, err := strconv.ParseUint(hex, 16, 32); err == nil {
				glyphNames[n] = rune(v)
			}
		}
		// TeX fonts name a few glyphs outside the AGL.
		glyphNames["dotlessj"] = 'ȷ'
		glyphNames["ff"] = 'ﬀ'
		glyphNames["visiblespace"] = '␣'
		glyphNames["compwordmark"] = 0x200C
		glyphNames["perthousandzero"] = 0x2030
	})
	if r, ok := glyphNames[name]; ok {
		return r, true
	}
	if i := strings.IndexByte(name, '.'); i > 0 {
		return glyphRune(name[:i])
	}
	if strings.HasPrefix(name, "uni") && len(name) == 7 {
		if v, err := strconv.ParseUint(name[3:], 16, 32); err == nil {
			return rune(v), true
		}
	}
	if strings.HasPrefix(name, "u") && len(name) >= 5 && len(name) <= 7 {
		if v, err := strconv.ParseUint(name[1:], 16, 32); err == nil {
			return rune(v), true
		}
	}
	return 0, false
}
