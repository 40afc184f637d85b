package occupations

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
)

// maxRawFile bounds one download (the largest release file is ~3.4 MB).
const maxRawFile = 64 << 20

// Fetch downloads every source file into dir from the repository copy it
// records (base is RawBase outside tests), verifying each SHA-256 before
// the file takes its final name: dir never holds a partial or wrong file.
// Files already present with the right checksum are kept.
func Fetch(ctx context.Context, client *http.Client, base, dir string, sources []Source) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("creating %s: %w", dir, err)
	}
	for _, s := range sources {
		dst := filepath.Join(dir, s.File)
		if sum, err := fileSHA256(dst); err == nil && sum == s.SHA256 {
			continue
		}
		if err := fetchOne(ctx, client, s.rawURL(base), dst, s.SHA256); err != nil {
			return fmt.Errorf("fetching %s: %w", s.File, err)
		}
	}
	return nil
}

func fetchOne(ctx context.Context, client *http.Client, url, dst, want string) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return fmt.Errorf("requesting %s: %w", url, err)
	}
	resp, err := client.Do(req)
	if err != nil {
		return fmt.Errorf("requesting %s: %w", url, err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("%s answered %s", url, resp.Status)
	}
	tmp, err := os.CreateTemp(filepath.Dir(dst), ".fetch-*")
	if err != nil {
		return fmt.Errorf("creating a temporary file: %w", err)
	}
	defer os.Remove(tmp.Name()) // no-op after the rename
	h := sha256.New()
	n, err := io.Copy(io.MultiWriter(tmp, h), io.LimitReader(resp.Body, maxRawFile+1))
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("downloading %s: %w", url, err)
	}
	if n > maxRawFile {
		return fmt.Errorf("%s is over %d bytes", url, maxRawFile)
	}
	if got := hex.EncodeToString(h.Sum(nil)); got != want {
		return fmt.Errorf("%s has SHA-256 %s, want %s", url, got, want)
	}
	if err := os.Rename(tmp.Name(), dst); err != nil {
		return fmt.Errorf("saving %s: %w", dst, err)
	}
	return nil
}
