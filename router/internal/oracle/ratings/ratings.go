// Package ratings is one of the oracle's test subgraphs (see package oracle).
package ratings

import "github.com/careercoach/coach/router/internal/oracle/ratings/graph"

// SDL is the subgraph's schema, for composing the test supergraph.
var SDL = graph.SchemaSDL
