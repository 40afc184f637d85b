package courses

import (
	_ "embed"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"
)

// catalogueTSV is the shipped catalogue: one course per line, tab-separated,
// skills separated by ";". Facts only (title, provider, public URL, skills
// taught); durations are rounded estimates and ratings are left empty
// unless a provider publishes one we can cite.
//
//go:embed catalogue.tsv
var catalogueTSV string

// Providers the catalogue may name: well-known course platforms and
// institutions whose course pages are public.
var Providers = []string{
	"AWS Skill Builder", "Cisco Networking Academy", "Codecademy", "Coursera", "DataCamp",
	"DeepLearning.AI", "edX", "Exercism", "fast.ai", "freeCodeCamp", "Google",
	"Google Cloud Skills Boost", "Grow with Google", "Harvard CS50", "HubSpot Academy",
	"Hugging Face", "Kaggle Learn", "Khan Academy", "Linux Foundation", "Microsoft Learn",
	"MIT OpenCourseWare", "PortSwigger Web Security Academy", "Scrum.org", "Stanford University",
	"The Odin Project", "TryHackMe", "Udacity", "Udemy", "University of Helsinki",
}

// Categories are the role families the catalogue must cover, matching the
// planning service's role catalogue.
var Categories = []string{
	"software", "data", "product", "design", "cloud", "security", "management",
	"marketing", "sales", "finance", "hr", "healthcare", "teaching",
}

// MinCatalogueSize is the least number of courses the catalogue ships.
const MinCatalogueSize = 300

var (
	slugRE     = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)
	languageRE = regexp.MustCompile(`^[a-z]{2}$`)
)

var catalogueColumns = []string{"id", "category", "provider", "level", "hours", "free", "language", "rating", "title", "url", "skills", "description"}

// Catalogue parses the embedded catalogue and validates it.
func Catalogue() ([]*Course, error) {
	cat, err := ParseCatalogue(strings.NewReader(catalogueTSV))
	if err != nil {
		return nil, err
	}
	if err := ValidateCatalogue(cat); err != nil {
		return nil, err
	}
	return cat, nil
}

// ParseCatalogue reads catalogue TSV (header first) into courses.
func ParseCatalogue(r io.Reader) ([]*Course, error) {
	cr := csv.NewReader(r)
	cr.Comma = '\t'
	cr.LazyQuotes = true
	cr.FieldsPerRecord = len(catalogueColumns)
	header, err := cr.Read()
	if err != nil {
		return nil, fmt.Errorf("read catalogue header: %w", err)
	}
	if !slices.Equal(header, catalogueColumns) {
		return nil, fmt.Errorf("catalogue header is %v, want %v", header, catalogueColumns)
	}
	var out []*Course
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			return out, nil
		}
		if err != nil {
			return nil, fmt.Errorf("read catalogue: %w", err)
		}
		c, err := parseCourse(rec)
		if err != nil {
			line, _ := cr.FieldPos(0)
			return nil, fmt.Errorf("catalogue line %d (%s): %w", line, rec[0], err)
		}
		out = append(out, c)
	}
}

func parseCourse(rec []string) (*Course, error) {
	f := map[string]string{}
	for i, col := range catalogueColumns {
		f[col] = strings.TrimSpace(rec[i])
	}
	hours, err := strconv.ParseFloat(f["hours"], 64)
	if err != nil {
		return nil, fmt.Errorf("hours %q: %w", f["hours"], err)
	}
	free, err := strconv.ParseBool(f["free"])
	if err != nil {
		return nil, fmt.Errorf("free %q: %w", f["free"], err)
	}
	c := &Course{
		ID: f["id"], Category: f["category"], Provider: f["provider"], Level: Level(strings.ToUpper(f["level"])),
		DurationHours: hours, Free: free, Language: f["language"], Title: f["title"], URL: f["url"],
		Description: f["description"],
	}
	if f["rating"] != "" {
		r, err := strconv.ParseFloat(f["rating"], 64)
		if err != nil {
			return nil, fmt.Errorf("rating %q: %w", f["rating"], err)
		}
		c.Rating = &r
	}
	for _, s := range strings.Split(f["skills"], ";") {
		if s = strings.TrimSpace(s); s != "" {
			c.Skills = append(c.Skills, s)
		}
	}
	return c, nil
}

// ValidateCatalogue checks every course and the catalogue as a whole: size,
// unique ids and URLs, https URLs, known providers and full category coverage.
func ValidateCatalogue(cat []*Course) error {
	var errs []error
	if len(cat) < MinCatalogueSize {
		errs = append(errs, fmt.Errorf("catalogue has %d courses, want at least %d", len(cat), MinCatalogueSize))
	}
	ids, urls, cats := map[string]bool{}, map[string]string{}, map[string]int{}
	for _, c := range cat {
		if err := c.validate(); err != nil {
			errs = append(errs, fmt.Errorf("course %s: %w", c.ID, err))
		}
		if ids[c.ID] {
			errs = append(errs, fmt.Errorf("course id %s is not unique", c.ID))
		}
		ids[c.ID] = true
		key := strings.TrimSuffix(strings.ToLower(c.URL), "/")
		if other, dup := urls[key]; dup {
			errs = append(errs, fmt.Errorf("courses %s and %s share the URL %s", other, c.ID, c.URL))
		}
		urls[key] = c.ID
		cats[c.Category]++
	}
	for _, want := range Categories {
		if cats[want] == 0 {
			errs = append(errs, fmt.Errorf("no course in category %s", want))
		}
	}
	return errors.Join(errs...)
}

func (c *Course) validate() error {
	var errs []error
	if !slugRE.MatchString(c.ID) || len(c.ID) > 80 {
		errs = append(errs, fmt.Errorf("id %q is not a lower-case slug of at most 80 characters", c.ID))
	}
	if u, err := url.Parse(c.URL); err != nil || u.Scheme != "https" || u.Host == "" || u.User != nil {
		errs = append(errs, fmt.Errorf("url %q is not an https URL", c.URL))
	}
	if !slices.Contains(Providers, c.Provider) {
		errs = append(errs, fmt.Errorf("provider %q is not a known provider", c.Provider))
	}
	if !slices.Contains(Categories, c.Category) {
		errs = append(errs, fmt.Errorf("category %q is not one of %v", c.Category, Categories))
	}
	if !c.Level.Valid() {
		errs = append(errs, fmt.Errorf("level %q is not beginner, intermediate or advanced", c.Level))
	}
	if c.Title == "" || len(c.Title) > 200 {
		errs = append(errs, errors.New("title is empty or longer than 200 characters"))
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
	if c.DurationHours <= 0 || c.DurationHours > 2000 {
		errs = append(errs, fmt.Errorf("duration %v hours is out of range (0, 2000]", c.DurationHours))
	}
	if c.Rating != nil && (*c.Rating < 0 || *c.Rating > 5) {
		errs = append(errs, fmt.Errorf("rating %v is out of range [0, 5]", *c.Rating))
	}
	if !languageRE.MatchString(c.Language) {
		errs = append(errs, fmt.Errorf("language %q is not an ISO 639-1 code", c.Language))
	}
	return errors.Join(errs...)
}
