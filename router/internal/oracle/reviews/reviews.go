// Package reviews is one of the oracle's test subgraphs (see package oracle).
package reviews

import "github.com/careercoach/coach/router/internal/oracle/reviews/graph"

// SDL is the subgraph's schema, for composing the test supergraph.
var SDL = graph.SchemaSDL
