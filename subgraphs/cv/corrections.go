package cv

import (
	"crypto/sha256"
	"encoding/hex"
	"strconv"
	"strings"
	"time"
)

// Corrections are what the user fixed in our reading of a CV. They are
// kept with the CV and applied to every analysis of it, also after
// reanalyzeCV, on the stored text: nothing is extracted again. The user
// sends the whole set each time (replace, never merge), so a correction is
// undone by sending the set without it.
type Corrections struct {
	// RemovedSkills are canonical names the CV does not show (misread).
	RemovedSkills []string `json:"removedSkills"`
	// AddedSkills are the user's own statements: they join the skill
	// profile labelled as such (SkillFinding.Source), never as CV evidence,
	// and never change the CV's score.
	AddedSkills []StatedSkill `json:"addedSkills"`
	// Headings re-label lines of the CV text as section headings.
	Headings []HeadingLabel `json:"headings"`
	// Entries fix the title, employer or dates of experience entries.
	Entries   []EntryFix `json:"entries"`
	UpdatedAt time.Time  `json:"updatedAt"`
}

// IsVersion reports whether basedOn names the corrections c: their
// UpdatedAt, or nil when there are none. A set sent with another version
// was made from corrections that have changed since (ErrStaleCorrections).
func (c *Corrections) IsVersion(basedOn *time.Time) bool {
	if c == nil || len(c.RemovedSkills)+len(c.AddedSkills)+len(c.Headings)+len(c.Entries) == 0 {
		return basedOn == nil
	}
	return basedOn != nil && c.UpdatedAt.Equal(*basedOn)
}

// StatedSkill is a skill the user says they have, at the level they state.
type StatedSkill struct {
	Name  string `json:"name"`
	Level int    `json:"level"`
}

// HeadingLabel says that the CV line Line heads a section of Kind (one of
// the section kinds, or KindNotHeading).
type HeadingLabel struct {
	Line string `json:"line"`
	Kind string `json:"kind"`
	// Applied is false when the text (after a re-analysis) no longer has
	// the line.
	Applied bool `json:"applied"`
}

// KindNotHeading re-labels a line we read as a heading as plain text.
const KindNotHeading = "none"

// EntryFix replaces what we read of one experience entry, found by its
// Ref (see Experience.Ref). Empty fields are cleared.
type EntryFix struct {
	Ref       string `json:"ref"`
	Title     string `json:"title,omitempty"`
	Company   string `json:"company,omitempty"`
	StartDate string `json:"startDate,omitempty"`
	EndDate   string `json:"endDate,omitempty"`
	Current   bool   `json:"current"`
	Applied   bool   `json:"applied"`
}

// Heading is a line read as a section heading, and its kind.
type Heading struct {
	Line string `json:"line"`
	Kind string `json:"kind"`
	// Corrected: the user set this kind.
	Corrected bool `json:"corrected,omitempty"`
}

// Skill sources.
const SourceUser = "user"

// SectionKinds are the kinds a heading can be re-labelled to, with the
// canonical heading each is written as in the corrected text.
var sectionKinds = map[string]string{
	secHeader: "Contact", secSummary: "Summary", secExperience: "Experience", secEducation: "Education",
	secSkills: "Skills", secCertifications: "Certifications", secLanguages: "Languages", secProjects: "Projects",
	secAwards: "Awards", secPublications: "Publications", secInterests: "Interests", secReferences: "References",
	secOther: "Other",
}

// ValidSectionKind reports whether k is a kind a heading can be given.
func ValidSectionKind(k string) bool {
	_, ok := sectionKinds[k]
	return ok || k == KindNotHeading
}

// relabel rewrites the text's lines that the user re-labelled: a heading
// becomes its kind's canonical heading, a line that is no heading becomes a
// bulleted line of the section above. The rewritten text is a working copy
// that the parse and the analysis read; the stored text is never changed.
// It returns the working text and, per rewritten line number, the line as
// the CV writes it; labels get Applied set.
func relabel(text string, labels []HeadingLabel) (string, map[int]string) {
	if len(labels) == 0 {
		return text, nil
	}
	byNorm := make(map[string]int, len(labels))
	for i := range labels {
		labels[i].Applied = false
		byNorm[normLine(labels[i].Line)] = i
	}
	orig := map[int]string{}
	lines := strings.Split(text, "\n")
	for n, raw := range lines {
		t := strings.TrimSpace(raw)
		if t == "" || len(t) > maxLabelLine {
			continue
		}
		i, ok := byNorm[normLine(t)]
		if !ok {
			continue
		}
		labels[i].Applied = true
		orig[n] = t
		if labels[i].Kind == KindNotHeading {
			lines[n] = "· " + t
		} else {
			lines[n] = sectionKinds[labels[i].Kind]
		}
	}
	return strings.Join(lines, "\n"), orig
}

// normLine compares lines without case or surrounding spaces.
func normLine(s string) string { return strings.ToLower(strings.Join(strings.Fields(s), " ")) }

// maxHeadings bounds the headings listed for a CV.
const maxHeadings = 100

// headingsOf lists the working text's headings, named as the CV writes
// them (orig holds the lines relabel rewrote), and the lines the user said
// are no heading.
func headingsOf(text string, orig map[int]string) []Heading {
	out := []Heading{}
	for n, l := range splitLines(text) {
		k := headingOf(l.text)
		o, corrected := orig[n]
		if corrected && k == "" {
			k = KindNotHeading // listed, so that the user can undo it
		}
		if k == "" || len(out) == maxHeadings {
			continue
		}
		h := Heading{Line: l.text, Kind: k, Corrected: corrected}
		if corrected {
			h.Line = o
		}
		out = append(out, h)
	}
	return out
}

// setRefs names each experience entry by its first line, so that a fix
// finds its entry again after a re-analysis (offsets and order may change,
// the line does not). Two entries with one first line are told apart by
// their order.
func setRefs(text string, s *Sections) {
	seen := map[string]int{}
	for i := range s.Experience {
		e := &s.Experience[i]
		first := ""
		if e.Start >= 0 && e.Start <= e.End && e.End <= len(text) {
			first, _, _ = strings.Cut(text[e.Start:e.End], "\n")
		}
		sum := sha256.Sum256([]byte(normLine(first)))
		ref := hex.EncodeToString(sum[:6])
		seen[ref]++
		if n := seen[ref]; n > 1 {
			ref += "-" + strconv.Itoa(n)
		}
		e.Ref = ref
	}
}

// fixEntries applies the entry fixes to the parsed entries.
func fixEntries(s *Sections, fixes []EntryFix) {
	byRef := make(map[string]int, len(s.Experience))
	for i, e := range s.Experience {
		byRef[e.Ref] = i
	}
	for k := range fixes {
		f := &fixes[k]
		i, ok := byRef[f.Ref]
		f.Applied = ok
		if !ok {
			continue
		}
		e := &s.Experience[i]
		e.Title, e.Company, e.StartDate, e.EndDate, e.Current = f.Title, f.Company, f.StartDate, f.EndDate, f.Current
		if f.Current {
			e.EndDate = ""
		}
		e.Corrected = true
	}
}

// splitSkills drops the removed skills from what the CV shows and returns
// the user's stated skills that the CV does not show already, labelled.
func splitSkills(found []SkillFinding, c *Corrections) (fromCV, stated []SkillFinding) {
	removed := make(map[string]bool, len(c.RemovedSkills))
	for _, n := range c.RemovedSkills {
		removed[strings.ToLower(n)] = true
	}
	shown := map[string]bool{}
	fromCV = make([]SkillFinding, 0, len(found))
	for _, f := range found {
		if !removed[strings.ToLower(f.Name)] {
			fromCV = append(fromCV, f)
			shown[strings.ToLower(f.Name)] = true
		}
	}
	stated = []SkillFinding{}
	for _, s := range c.AddedSkills {
		if !shown[strings.ToLower(s.Name)] {
			stated = append(stated, SkillFinding{Name: s.Name, Level: s.Level, Source: SourceUser, Evidence: []Evidence{}})
		}
	}
	return fromCV, stated
}
