package occupations

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"path/filepath"

	"github.com/careercoach/coach/internal/rawdata"
)

// Source is one raw release file the build reads: where it was published,
// the public repository copy it was taken from, and its checksum.
type Source struct {
	Key        string `json:"key"`        // what the build uses it for, e.g. "onet.skills"
	File       string `json:"file"`       // name in the raw directory
	Sheet      string `json:"sheet"`      // worksheet read ("" = first)
	Publisher  string `json:"publisher"`  // e.g. "U.S. Bureau of Labor Statistics"
	Dataset    string `json:"dataset"`    // e.g. "O*NET 29.3 Database (Excel)"
	Release    string `json:"release"`    // e.g. "29.3"
	Date       string `json:"date"`       // release date as published, e.g. "May 2025"
	License    string `json:"license"`    // e.g. "CC BY 4.0"
	URL        string `json:"url"`        // the publisher's page for the release
	Repository string `json:"repository"` // public GitHub copy the file was taken from
	Commit     string `json:"commit"`
	Path       string `json:"path"` // path in that repository
	SHA256     string `json:"sha256"`
}

// RawBase is where GitHub serves a repository's files by commit.
const RawBase = rawdata.GitHubRaw

// RawURL is where the exact bytes can be downloaded again.
func (s Source) RawURL() string {
	return s.rawURL(RawBase)
}

func (s Source) rawURL(base string) string {
	return rawdata.GitHubURL(base, s.Repository, s.Commit, s.Path)
}

//go:embed sources.json
var sourcesJSON []byte

// Sources is the manifest of raw files (sources.json): the single record of
// which release file every figure comes from.
func Sources() ([]Source, error) {
	var s []Source
	if err := json.Unmarshal(sourcesJSON, &s); err != nil {
		return nil, fmt.Errorf("reading sources.json: %w", err)
	}
	return s, nil
}

// VerifyRaw checks that dir holds every source file with its recorded
// SHA-256, so a build never mixes releases or reads a damaged download.
func VerifyRaw(dir string, sources []Source) error {
	for _, s := range sources {
		got, err := rawdata.SHA256(filepath.Join(dir, s.File))
		if err != nil {
			return fmt.Errorf("checking %s (download it from %s): %w", s.File, s.RawURL(), err)
		}
		if got != s.SHA256 {
			return fmt.Errorf("%s has SHA-256 %s, want %s: not the recorded %s release file (download it from %s)", s.File, got, s.SHA256, s.Dataset, s.RawURL())
		}
	}
	return nil
}
