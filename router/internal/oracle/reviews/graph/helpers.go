package graph

import (
	"fmt"

	"github.com/careercoach/coach/router/internal/oracle/data"
)

// ownBook is the part of b this subgraph owns: id and the shareable title.
// Pages stays zero unless the router sends it (@requires), so a router
// that forgets it gets a wrong readingHours the oracle sees.
func ownBook(b *data.Book, id string) (*data.Book, error) {
	if b == nil {
		return nil, fmt.Errorf("no book %q", id)
	}
	return &data.Book{ID: b.ID, Title: b.Title}, nil
}
