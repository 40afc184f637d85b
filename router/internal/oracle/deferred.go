package oracle

import (
	"fmt"
	"math/rand/v2"
	"regexp"
	"strings"
)

// fragmentStart finds where a fragment is used: "... on T" or "...F3".
var fragmentStart = regexp.MustCompile(`\.\.\. on \w+|\.\.\.F\d+`)

// Deferred returns c's query with @defer on some of its fragments (some
// of them @defer(if: false)), each labelled, and whether any applies. The
// reference does not defer: it answers c itself, and the router's answer
// to the returned query, merged, must equal it.
func Deferred(c Case, seed uint64) (string, bool) {
	rnd := rand.New(rand.NewPCG(seed, seed^0x51ed27))
	n, active := 0, false
	q := fragmentStart.ReplaceAllStringFunc(c.Query, func(m string) string {
		if strings.HasPrefix(c.Query, "fragment") || rnd.IntN(2) == 0 {
			return m
		}
		n++
		if rnd.IntN(5) == 0 {
			return fmt.Sprintf(`%s @defer(if: false, label: "d%d")`, m, n)
		}
		active = true
		return fmt.Sprintf(`%s @defer(label: "d%d")`, m, n)
	})
	return q, active
}
