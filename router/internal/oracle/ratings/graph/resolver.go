package graph

import "github.com/careercoach/coach/router/internal/oracle/data"

// Resolver serves the schema from the shared data set.
type Resolver struct{ Data *data.Set }
