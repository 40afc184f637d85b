package occupations

import (
	"context"
	"net/http"

	"github.com/careercoach/coach/internal/rawdata"
)

// maxRawFile bounds one download (the largest release file is ~3.4 MB).
const maxRawFile = 64 << 20

// Fetch downloads every source file into dir from the repository copy it
// records (base is RawBase outside tests); see rawdata.Fetch: dir never
// holds a partial or wrong file, and files already right are kept.
func Fetch(ctx context.Context, client *http.Client, base, dir string, sources []Source) error {
	files := make([]rawdata.File, len(sources))
	for i, s := range sources {
		files[i] = rawdata.File{Name: s.File, URL: s.rawURL(base), SHA256: s.SHA256}
	}
	return rawdata.Fetch(ctx, client, dir, files, maxRawFile)
}
