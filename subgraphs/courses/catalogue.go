package courses

import (
	"bytes"
	"compress/gzip"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/url"
	"slices"
	"strings"
)

// DataFile is the shipped catalogue in data/, built by `coach data build
// --set courses` from the sources in coursedata/sources.json; nothing in it
// is typed by hand.
const DataFile = "catalogue.json.gz"

//go:embed data/catalogue.json.gz
var catalogueGz []byte

// Source is a published course list the catalogue was built from: what it
// is, who publishes it under which licence, and the exact file read.
type Source struct {
	Key        string `json:"key"`  // e.g. "fpb.en"
	Name       string `json:"name"` // e.g. "free-programming-books: Free Online Courses (English)"
	Publisher  string `json:"publisher"`
	License    string `json:"license"`
	LicenseURL string `json:"licenseUrl"`
	Repository string `json:"repository"` // GitHub owner/name
	Commit     string `json:"commit"`
	Path       string `json:"path"`
	Date       string `json:"date"` // of the commit, YYYY-MM-DD
	SHA256     string `json:"sha256"`
}

// URL is the page of the exact file read, on GitHub.
func (s Source) URL() string {
	return "https://github.com/" + s.Repository + "/blob/" + s.Commit + "/" + s.Path
}

// Catalogue is the shipped catalogue: its courses and the sources they come from.
type Catalogue struct {
	Sources []Source  `json:"sources"`
	Courses []*Course `json:"courses"`
}

// Source returns the source with key k.
func (c *Catalogue) Source(k string) (Source, bool) {
	i := slices.IndexFunc(c.Sources, func(s Source) bool { return s.Key == k })
	if i < 0 {
		return Source{}, false
	}
	return c.Sources[i], true
}

// Categories are the role families a course is filed under, from the
// taxonomy categories of the skills it teaches.
var Categories = []string{
	"software", "data", "product", "design", "cloud", "security", "management",
	"marketing", "sales", "finance", "hr", "healthcare", "teaching",
}

// MinCatalogueSize is the least number of courses the catalogue ships.
const MinCatalogueSize = 2000

// maxCatalogue bounds what a catalogue file may hold when decoded.
const maxCatalogue = 64 << 20

// LoadCatalogue decodes and validates the embedded catalogue.
func LoadCatalogue() (*Catalogue, error) {
	cat, err := DecodeCatalogue(catalogueGz)
	if err != nil {
		return nil, err
	}
	if err := ValidateCatalogue(cat); err != nil {
		return nil, err
	}
	return cat, nil
}

// EncodeCatalogue writes cat as gzipped JSON. The bytes depend only on the
// catalogue (no timestamp or name in the gzip header), so a rebuild from the
// same sources gives the same file.
func EncodeCatalogue(cat *Catalogue) ([]byte, error) {
	js, err := json.Marshal(cat)
	if err != nil {
		return nil, fmt.Errorf("encoding the catalogue: %w", err)
	}
	var buf bytes.Buffer
	zw, err := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	if err != nil {
		return nil, fmt.Errorf("compressing the catalogue: %w", err)
	}
	if _, err := zw.Write(js); err != nil {
		return nil, fmt.Errorf("compressing the catalogue: %w", err)
	}
	if err := zw.Close(); err != nil {
		return nil, fmt.Errorf("compressing the catalogue: %w", err)
	}
	return buf.Bytes(), nil
}

// DecodeCatalogue reads what EncodeCatalogue wrote.
func DecodeCatalogue(b []byte) (*Catalogue, error) {
	zr, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		return nil, fmt.Errorf("reading the catalogue: %w", err)
	}
	js, err := io.ReadAll(io.LimitReader(zr, maxCatalogue+1))
	if err != nil {
		return nil, fmt.Errorf("reading the catalogue: %w", err)
	}
	if len(js) > maxCatalogue {
		return nil, fmt.Errorf("the catalogue is over %d bytes", maxCatalogue)
	}
	var cat Catalogue
	if err := json.Unmarshal(js, &cat); err != nil {
		return nil, fmt.Errorf("decoding the catalogue: %w", err)
	}
	return &cat, nil
}

// ValidateCatalogue checks every course and the catalogue as a whole: size,
// unique ids and URLs, https URLs, and that every course names a source the
// catalogue describes.
func ValidateCatalogue(cat *Catalogue) error {
	var errs []error
	if len(cat.Courses) < MinCatalogueSize {
		errs = append(errs, fmt.Errorf("catalogue has %d courses, want at least %d", len(cat.Courses), MinCatalogueSize))
	}
	sources := map[string]bool{}
	for _, s := range cat.Sources {
		if s.Key == "" || s.Name == "" || s.License == "" || s.Repository == "" || len(s.Commit) != 40 || s.Path == "" {
			errs = append(errs, fmt.Errorf("source %q lacks its name, licence, repository, commit or path", s.Key))
		}
		sources[s.Key] = true
	}
	ids, urls := map[string]bool{}, map[string]string{}
	for _, c := range cat.Courses {
		if err := c.validate(); err != nil {
			errs = append(errs, fmt.Errorf("course %s: %w", c.ID, err))
		}
		if !sources[c.Source] {
			errs = append(errs, fmt.Errorf("course %s: source %q is not one of the catalogue's sources", c.ID, c.Source))
		}
		if ids[c.ID] {
			errs = append(errs, fmt.Errorf("course id %s is not unique", c.ID))
		}
		ids[c.ID] = true
		key := NormalizeURL(c.URL)
		if other, dup := urls[key]; dup {
			errs = append(errs, fmt.Errorf("courses %s and %s share the URL %s", other, c.ID, c.URL))
		}
		urls[key] = c.ID
	}
	return errors.Join(errs...)
}

// NormalizeURL is the form two URLs of one page share: lower-case scheme
// and host, no "www.", no trailing slash or fragment.
func NormalizeURL(raw string) string {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil {
		return strings.ToLower(raw)
	}
	host := strings.TrimPrefix(strings.ToLower(u.Host), "www.")
	return host + strings.TrimSuffix(u.EscapedPath(), "/") + func() string {
		if u.RawQuery == "" {
			return ""
		}
		return "?" + u.RawQuery
	}()
}

func (c *Course) validate() error {
	var errs []error
	if !isSlug(c.ID) || len(c.ID) > 80 {
		errs = append(errs, fmt.Errorf("id %q is not a lower-case slug of at most 80 characters", c.ID))
	}
	if u, err := url.Parse(c.URL); err != nil || u.Scheme != "https" || u.Host == "" || u.User != nil {
		errs = append(errs, fmt.Errorf("url %q is not an https URL", c.URL))
	}
	if c.Provider == "" || len(c.Provider) > 100 {
		errs = append(errs, errors.New("provider is empty or longer than 100 characters"))
	}
	if !slices.Contains(Categories, c.Category) {
		errs = append(errs, fmt.Errorf("category %q is not one of %v", c.Category, Categories))
	}
	if c.Level != "" && !c.Level.Valid() {
		errs = append(errs, fmt.Errorf("level %q is not beginner, intermediate, advanced or unknown", c.Level))
	}
	if c.Title == "" || len(c.Title) > 300 {
		errs = append(errs, errors.New("title is empty or longer than 300 characters"))
	}
	if c.Description == "" || len(c.Description) > 600 {
		errs = append(errs, errors.New("description is empty or longer than 600 characters"))
	}
	if len(c.Skills) == 0 || len(c.Skills) > 12 {
		errs = append(errs, fmt.Errorf("has %d skills, want 1 to 12", len(c.Skills)))
	}
	seen := map[string]bool{}
	for _, s := range c.Skills {
		if seen[strings.ToLower(s)] {
			errs = append(errs, fmt.Errorf("skill %q listed twice", s))
		}
		seen[strings.ToLower(s)] = true
	}
	if c.DurationHours < 0 || c.DurationHours > 2000 {
		errs = append(errs, fmt.Errorf("duration %v hours is out of range [0, 2000] (0: not stated)", c.DurationHours))
	}
	if c.Rating != nil && (*c.Rating < 0 || *c.Rating > 5) {
		errs = append(errs, fmt.Errorf("rating %v is out of range [0, 5]", *c.Rating))
	}
	if !ValidLanguage(c.Language) {
		errs = append(errs, fmt.Errorf("language %q is not an ISO 639-1 code", c.Language))
	}
	return errors.Join(errs...)
}

// ValidLanguage reports whether code has the shape of an ISO 639-1 code:
// two lower-case ASCII letters.
func ValidLanguage(code string) bool {
	return len(code) == 2 && isLower(code[0]) && isLower(code[1])
}

func isLower(b byte) bool { return 'a' <= b && b <= 'z' }

// isSlug reports whether id is lower-case letters and digits in words joined
// by single hyphens, e.g. "intro-to-sql-2".
func isSlug(id string) bool {
	if id == "" || id[0] == '-' || id[len(id)-1] == '-' || strings.Contains(id, "--") {
		return false
	}
	for i := range len(id) {
		if b := id[i]; !isLower(b) && !('0' <= b && b <= '9') && b != '-' {
			return false
		}
	}
	return true
}
