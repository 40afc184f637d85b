// Not Go code: this file only makes web/ its own (empty) module so that
// `go test ./...`, `go vet ./...` and staticcheck skip web/node_modules,
// where some npm packages ship .go files (e.g. flatted).
module github.com/careercoach/coach/web

go 1.26
