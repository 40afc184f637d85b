package graph

import _ "embed"

// SchemaSDL is schema.graphqls.
//
//go:embed schema.graphqls
var SchemaSDL string
