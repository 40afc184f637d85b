package graph

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"sync/atomic"

	"github.com/99designs/gqlgen/graphql"
	"github.com/careercoach/coach/internal/auth"
	"github.com/careercoach/coach/router/internal/eventgraph/graph/model"
)

var nextID atomic.Int64

// caller is who the subgraph authenticated the operation as.
func caller(ctx context.Context) (*string, bool) {
	var viewer *string
	if id, ok := auth.FromContext(ctx); ok {
		viewer = &id.UserID
	}
	return viewer, auth.IsService(ctx)
}

// receipt reads the whole upload to report its size and digest.
func receipt(f graphql.Upload) (*model.UploadReceipt, error) {
	h := sha256.New()
	n, err := io.Copy(h, f.File)
	if err != nil {
		return nil, fmt.Errorf("read upload: %w", err)
	}
	return &model.UploadReceipt{Filename: f.Filename, Size: int(n), Sha256: hex.EncodeToString(h.Sum(nil))}, nil
}
