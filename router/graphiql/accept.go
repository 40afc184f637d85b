package graphiql

import (
	"mime"
	"strconv"
	"strings"
)

// prefersHTML reports whether text/html has the highest quality among the
// Accept header's media types, ahead of any JSON type.
func prefersHTML(accept string) bool {
	best := map[string]float64{}
	for _, part := range strings.Split(accept, ",") {
		mt, params, err := mime.ParseMediaType(strings.TrimSpace(part))
		if err != nil {
			continue
		}
		q := 1.0
		if v, ok := params["q"]; ok {
			if f, err := strconv.ParseFloat(v, 64); err == nil {
				q = f
			}
		}
		best[mt] = max(best[mt], q)
	}
	html, ok := best["text/html"]
	if !ok || html == 0 {
		return false
	}
	for _, mt := range []string{"application/json", "application/graphql-response+json"} {
		if best[mt] >= html {
			return false
		}
	}
	return true
}
