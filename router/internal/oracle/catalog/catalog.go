// Package catalog is one of the oracle's test subgraphs (see package oracle).
package catalog

import "github.com/careercoach/coach/router/internal/oracle/catalog/graph"

// SDL is the subgraph's schema, for composing the test supergraph.
var SDL = graph.SchemaSDL
