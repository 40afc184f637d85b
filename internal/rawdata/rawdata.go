// Package rawdata downloads and verifies the raw release files that data
// pipelines (`coach data`) build committed datasets from. A file is named by
// the exact bytes it must have (SHA-256): a build never reads a damaged
// download or a different release than the one its manifest records.
package rawdata

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
)

// File is one raw file: its name in the raw directory, where to download it
// and its checksum.
type File struct {
	Name   string
	URL    string
	SHA256 string
}

// GitHubRaw is where GitHub serves a repository's files by commit.
const GitHubRaw = "https://raw.githubusercontent.com"

// GitHubURL is the download address of path in repo at commit under base
// (GitHubRaw outside tests).
func GitHubURL(base, repo, commit, path string) string {
	parts := strings.Split(path, "/")
	for i, p := range parts {
		parts[i] = strings.NewReplacer(" ", "%20", ",", "%2C", "#", "%23", "?", "%3F").Replace(p)
	}
	return base + "/" + repo + "/" + commit + "/" + strings.Join(parts, "/")
}

// Verify checks that dir holds every file with its recorded SHA-256.
func Verify(dir string, files []File) error {
	for _, f := range files {
		got, err := SHA256(filepath.Join(dir, f.Name))
		if err != nil {
			return fmt.Errorf("checking %s (download it from %s): %w", f.Name, f.URL, err)
		}
		if got != f.SHA256 {
			return fmt.Errorf("%s has SHA-256 %s, want %s: not the recorded file (download it from %s)", f.Name, got, f.SHA256, f.URL)
		}
	}
	return nil
}

// SHA256 is the hex SHA-256 of the file at path.
func SHA256(path string) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", fmt.Errorf("reading %s: %w", path, err)
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// Fetch downloads every file into dir, at most limit bytes each, and gives
// it its final name only once its SHA-256 is right: dir never holds a
// partial or wrong file. Files already present with the right checksum are
// kept.
func Fetch(ctx context.Context, client *http.Client, dir string, files []File, limit int64) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("creating %s: %w", dir, err)
	}
	for _, f := range files {
		dst := filepath.Join(dir, f.Name)
		if sum, err := SHA256(dst); err == nil && sum == f.SHA256 {
			continue
		}
		if err := download(ctx, client, f, dst, limit); err != nil {
			return fmt.Errorf("fetching %s: %w", f.Name, err)
		}
	}
	return nil
}

func download(ctx context.Context, client *http.Client, f File, dst string, limit int64) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, f.URL, nil)
	if err != nil {
		return fmt.Errorf("requesting %s: %w", f.URL, err)
	}
	resp, err := client.Do(req)
	if err != nil {
		return fmt.Errorf("requesting %s: %w", f.URL, err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("%s answered %s", f.URL, resp.Status)
	}
	tmp, err := os.CreateTemp(filepath.Dir(dst), ".fetch-*")
	if err != nil {
		return fmt.Errorf("creating a temporary file: %w", err)
	}
	defer os.Remove(tmp.Name()) // no-op after the rename
	h := sha256.New()
	n, err := io.Copy(io.MultiWriter(tmp, h), io.LimitReader(resp.Body, limit+1))
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	switch {
	case err != nil:
		return fmt.Errorf("downloading %s: %w", f.URL, err)
	case n > limit:
		return fmt.Errorf("%s is over %d bytes", f.URL, limit)
	}
	if got := hex.EncodeToString(h.Sum(nil)); got != f.SHA256 {
		return fmt.Errorf("%s has SHA-256 %s, want %s", f.URL, got, f.SHA256)
	}
	if err := os.Rename(tmp.Name(), dst); err != nil {
		return fmt.Errorf("saving %s: %w", dst, err)
	}
	return nil
}
