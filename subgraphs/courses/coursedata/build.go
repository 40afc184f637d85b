package coursedata

import (
	"bufio"
	"context"
	"crypto/sha256"
	_ "embed"
	"encoding/hex"
	"fmt"
	"html"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"strings"

	"github.com/careercoach/coach/internal/rawdata"
	"github.com/careercoach/coach/internal/skills"
	"github.com/careercoach/coach/subgraphs/courses"
)

// legacyIDs maps the URLs of the earlier hand-written catalogue to the ids
// other services may still hold: a course the sources list at such a URL
// keeps its id (its facts come from the source, never from the old file).
//
//go:embed legacy-ids.tsv
var legacyIDs string

// LegacyIDs parses legacy-ids.tsv into normalised URL → id.
func LegacyIDs() (map[string]string, error) {
	out := map[string]string{}
	for i, line := range strings.Split(strings.TrimSpace(legacyIDs), "\n")[1:] {
		id, u, ok := strings.Cut(line, "\t")
		if !ok {
			return nil, fmt.Errorf("legacy-ids.tsv line %d: want id<TAB>url", i+2)
		}
		out[courses.NormalizeURL(u)] = id
	}
	return out, nil
}

// taxonomy categories → the catalogue's role families.
var categoryOf = map[string]string{
	"Programming Languages": "software", "Frameworks & Libraries": "software", "Databases": "software",
	"Software Engineering": "software", "Cloud & DevOps": "cloud", "Data & AI": "data", "Security": "security",
	"Design": "design", "Product": "product", "Management": "management", "Business & Soft Skills": "management",
	"Operations": "management", "Marketing": "marketing", "Sales": "sales", "Finance": "finance",
	"Human Resources": "hr", "Healthcare": "healthcare", "Education": "teaching",
}

// providers names the platforms behind common hosts; other hosts are named
// by themselves (e.g. "stepik.org").
var providers = map[string]string{
	"youtube.com": "YouTube", "youtu.be": "YouTube", "m.youtube.com": "YouTube", "udemy.com": "Udemy",
	"coursera.org": "Coursera", "edx.org": "edX", "courses.edx.org": "edX", "learning.edx.org": "edX",
	"udacity.com": "Udacity", "codecademy.com": "Codecademy", "ocw.mit.edu": "MIT OpenCourseWare",
	"cs50.harvard.edu": "Harvard CS50", "freecodecamp.org": "freeCodeCamp", "learn.microsoft.com": "Microsoft Learn",
	"kaggle.com": "Kaggle Learn", "khanacademy.org": "Khan Academy", "nptel.ac.in": "NPTEL",
	"theodinproject.com": "The Odin Project", "huggingface.co": "Hugging Face", "scrimba.com": "Scrimba",
	"v2.scrimba.com": "Scrimba", "learn.nvidia.com": "NVIDIA Deep Learning Institute", "github.com": "GitHub",
	"stepik.org": "Stepik", "cognitiveclass.ai": "Cognitive Class", "egghead.io": "egghead.io",
	"developers.google.com": "Google for Developers", "cloudskillsboost.google": "Google Cloud Skills Boost",
	"skillbuilder.aws": "AWS Skill Builder", "explore.skillbuilder.aws": "AWS Skill Builder",
	"fullstackopen.com": "University of Helsinki", "mooc.fi": "University of Helsinki",
	"java-programming.mooc.fi": "University of Helsinki", "programming-24.mooc.fi": "University of Helsinki",
	"bilibili.com": "Bilibili", "netacad.com": "Cisco Networking Academy", "programiz.com": "Programiz",
	"vueschool.io": "Vue School", "matlabacademy.mathworks.com": "MathWorks", "elastic.co": "Elastic",
}

// spokenLanguages are taxonomy skills that, in a list of programming
// courses, name the language a course is taught in ("Python in Arabic"), not
// a skill it teaches.
var spokenLanguages = map[string]bool{
	"English": true, "Spanish": true, "French": true, "German": true, "Mandarin Chinese": true,
	"Japanese": true, "Arabic": true, "Portuguese": true,
}

// Stats counts what the build kept and dropped, per source key.
type Stats struct {
	Listed, Kept, Duplicate, NotHTTPS, SiteHome, NoSkill, Legacy int
}

// Build reads the raw files in dir (after checking their checksums), and
// returns the catalogue with its per-source counts. The result depends only
// on the files, the manifest order (a URL listed twice keeps the first
// source's entry) and the taxonomy.
func Build(ctx context.Context, dir string, sources []Source, tax *skills.Taxonomy, legacy map[string]string) (*courses.Catalogue, map[string]*Stats, error) {
	if err := rawdata.Verify(dir, Files(rawdata.GitHubRaw, sources)); err != nil {
		return nil, nil, err
	}
	cat := &courses.Catalogue{}
	stats := map[string]*Stats{}
	seenURL, seenID := map[string]bool{}, map[string]string{}
	for _, src := range sources {
		if err := ctx.Err(); err != nil {
			return nil, nil, fmt.Errorf("building the course catalogue: %w", err)
		}
		entries, err := parseFile(filepath.Join(dir, src.File), src.Format)
		if err != nil {
			return nil, nil, fmt.Errorf("%s: %w", src.File, err)
		}
		st := &Stats{Listed: len(entries)}
		stats[src.Key] = st
		cat.Sources = append(cat.Sources, src.Source)
		for _, e := range entries {
			c, why := toCourse(src, e, tax)
			switch why {
			case "https":
				st.NotHTTPS++
				continue
			case "home":
				st.SiteHome++
				continue
			case "skill":
				st.NoSkill++
				continue
			}
			key := courses.NormalizeURL(c.URL)
			if seenURL[key] {
				st.Duplicate++
				continue
			}
			seenURL[key] = true
			if id, ok := legacy[key]; ok {
				c.ID = id
				st.Legacy++
			}
			if other, dup := seenID[c.ID]; dup {
				return nil, nil, fmt.Errorf("%s line %d: id %s is already %s's", src.File, e.Line, c.ID, other)
			}
			seenID[c.ID] = c.URL
			cat.Courses = append(cat.Courses, c)
			st.Kept++
		}
	}
	return cat, stats, nil
}

func parseFile(path, format string) ([]entry, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var r io.Reader = bufio.NewReader(f)
	switch format {
	case FormatFPB:
		return parseFPB(r)
	case FormatOSSU:
		return parseOSSU(r)
	default:
		return nil, fmt.Errorf("unknown format %q", format)
	}
}

// toCourse turns a listed entry into a course, or says why it is left out:
// "https" (not an https URL), "home" (a site's home page, not a course) or
// "skill" (the matcher finds no taxonomy skill in its headings and title).
func toCourse(src Source, e entry, tax *skills.Taxonomy) (*courses.Course, string) {
	u, err := url.Parse(e.URL)
	if err != nil || u.Scheme != "https" || u.Host == "" || u.User != nil {
		return nil, "https"
	}
	if strings.Trim(u.Path, "/") == "" && u.RawQuery == "" {
		return nil, "home"
	}
	// The same text layout a CV gives the matcher: each heading on its own
	// line (so "Go" or "C" under "### Go" counts as a list item), then the title.
	lines := make([]string, 0, len(e.Sections)+1)
	for _, s := range append(e.Sections, e.Title) {
		lines = append(lines, clean(s))
	}
	text := strings.Join(lines, "\n")
	var names []string
	votes, firstCat := map[string]int{}, ""
	seen := map[string]bool{}
	for _, m := range tax.Find(text) {
		if seen[m.Skill.Name] || spokenLanguages[m.Skill.Name] || len(names) == 12 {
			continue
		}
		seen[m.Skill.Name] = true
		names = append(names, m.Skill.Name)
		cat := categoryOf[m.Skill.Category]
		if cat == "" {
			cat = "software"
		}
		votes[cat]++
		if firstCat == "" {
			firstCat = cat
		}
	}
	if len(names) == 0 {
		return nil, "skill"
	}
	category := firstCat
	for _, c := range courses.Categories { // most votes; ties go to the first skill's family
		if votes[c] > votes[category] {
			category = c
		}
	}
	title := truncate(clean(e.Title), 300)
	return &courses.Course{
		ID: courseID(src, title, e.URL), Title: title, Provider: provider(u.Host), URL: e.URL,
		Description: describe(src, e), Skills: names, Level: courses.Level(e.Level), DurationHours: e.Hours,
		Free: true, Language: src.Language, Category: category, Source: src.Key,
	}, ""
}

// clean decodes the HTML entities lists use (&rlm; after right-to-left
// text) and drops direction marks and extra spaces.
func clean(s string) string {
	s = strings.NewReplacer("\u200f", "", "\u200e", "").Replace(html.UnescapeString(s))
	return strings.Join(strings.Fields(s), " ")
}

func provider(host string) string {
	h := strings.TrimPrefix(strings.ToLower(host), "www.")
	if p, ok := providers[h]; ok {
		return p
	}
	return h
}

// describe says where the source lists the course and what it says of it.
func describe(src Source, e entry) string {
	var b strings.Builder
	fmt.Fprintf(&b, "Listed in %s", src.Name)
	if len(e.Sections) > 0 {
		fmt.Fprintf(&b, " under %q", clean(strings.Join(e.Sections, " / ")))
	}
	if e.Note != "" {
		fmt.Fprintf(&b, ": %s", e.Note)
	}
	if a := clean(e.Author); a != "" {
		fmt.Fprintf(&b, "; by %s", a)
	}
	b.WriteString(".")
	return truncate(b.String(), 600)
}

// courseID is a readable, stable slug: the source family, the title's ASCII
// words and a hash of the URL (titles repeat; URLs are unique).
func courseID(src Source, title, rawURL string) string {
	family, _, _ := strings.Cut(src.Key, ".")
	sum := sha256.Sum256([]byte(courses.NormalizeURL(rawURL)))
	var b strings.Builder
	dash := true
	for _, r := range strings.ToLower(title) {
		switch {
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
			b.WriteRune(r)
			dash = false
		case !dash:
			b.WriteByte('-')
			dash = true
		}
	}
	slug := strings.Trim(b.String(), "-")
	if len(slug) > 50 {
		slug = strings.TrimRight(slug[:50], "-")
	}
	parts := []string{family}
	if slug != "" {
		parts = append(parts, slug)
	}
	return strings.Join(append(parts, hex.EncodeToString(sum[:4])), "-")
}

func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	cut := n - len("…")
	for cut > 0 && !utf8Start(s[cut]) {
		cut--
	}
	return s[:cut] + "…"
}

func utf8Start(b byte) bool { return b&0xC0 != 0x80 }
