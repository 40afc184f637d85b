// Package coursedata builds the course catalogue the courses service ships
// (courses.DataFile) from published, openly licensed course lists: it reads
// the raw files sources.json names (verified by SHA-256), parses each
// format, maps every course to taxonomy skills with the matcher the CV
// analysis uses (skills.Taxonomy.Find) and writes a deterministic file.
package coursedata

import (
	_ "embed"
	"encoding/json"
	"fmt"

	"github.com/careercoach/coach/internal/rawdata"
	"github.com/careercoach/coach/subgraphs/courses"
)

// Formats the build can read.
const (
	FormatFPB  = "free-programming-books" // EbookFoundation/free-programming-books courses/*.md
	FormatOSSU = "ossu"                   // an OSSU curriculum README (markdown tables)
)

// Source is one raw file: the courses.Source it becomes plus what the build
// needs to read it.
type Source struct {
	courses.Source
	File     string `json:"file"`     // name in the raw directory
	Format   string `json:"format"`   // FormatFPB or FormatOSSU
	Language string `json:"language"` // ISO 639-1 of the courses it lists
}

//go:embed sources.json
var sourcesJSON []byte

// Sources is the manifest (sources.json): the single record of which file
// every course comes from.
func Sources() ([]Source, error) {
	return ParseSources(sourcesJSON)
}

// ParseSources reads a manifest.
func ParseSources(b []byte) ([]Source, error) {
	var s []Source
	if err := json.Unmarshal(b, &s); err != nil {
		return nil, fmt.Errorf("reading sources.json: %w", err)
	}
	return s, nil
}

// Files is what `coach data fetch` downloads: each source's file from its
// repository at the recorded commit (base is rawdata.GitHubRaw outside tests).
func Files(base string, sources []Source) []rawdata.File {
	out := make([]rawdata.File, len(sources))
	for i, s := range sources {
		out[i] = rawdata.File{Name: s.File, URL: rawdata.GitHubURL(base, s.Repository, s.Commit, s.Path), SHA256: s.SHA256}
	}
	return out
}
