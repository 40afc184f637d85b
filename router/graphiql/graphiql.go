// Package graphiql is GraphiQL bundled into the binary: it works with no
// internet. The page talks to /graphql on its own origin (HTTP for queries
// and mutations, graphql-transport-ws for subscriptions). The bundle is
// built from ui/ (npm + Vite; `make graphiql`) and committed gzipped in
// dist/.
package graphiql

import (
	"embed"
	"io/fs"
	"net/http"

	"github.com/careercoach/coach/router/static"
)

//go:embed all:dist
var dist embed.FS

// Prefix is where the assets are served; the build's base URL.
const Prefix = "/graphiql/"

// Handler serves the page and its assets under Prefix.
type Handler struct{ files *static.Handler }

// New returns the GraphiQL handler.
func New() *Handler {
	sub, err := fs.Sub(dist, "dist")
	if err != nil {
		panic(err) // the embedded tree is fixed at build time
	}
	return &Handler{files: static.New(sub, static.Options{ImmutablePrefix: "assets/"})}
}

// ServePage serves the HTML page (at GET /graphql for browsers).
func (h *Handler) ServePage(w http.ResponseWriter, r *http.Request) { h.files.ServeIndex(w, r) }

// ServeHTTP serves the assets; mount it at Prefix.
func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	http.StripPrefix(Prefix[:len(Prefix)-1], h.files).ServeHTTP(w, r)
}

// WantsPage reports whether a GET /graphql comes from a browser
// navigating there (it prefers HTML and sends no query) rather than a
// GraphQL client.
func WantsPage(r *http.Request) bool {
	if r.Method != http.MethodGet || r.URL.Query().Has("query") {
		return false
	}
	return prefersHTML(r.Header.Get("Accept"))
}
