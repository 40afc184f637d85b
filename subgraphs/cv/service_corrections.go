package cv

import (
	"context"
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/careercoach/coach/internal/apperr"
)

// Limits of one set of corrections (OWASP ASVS V11 business-logic limits:
// a user fixes a CV's reading, not rewrites it).
const (
	MaxRemovedSkills = 100
	MaxAddedSkills   = 50
	MaxHeadingLabels = 30
	MaxEntryFixes    = 30
	maxSkillName     = 60
	maxLabelLine     = 80
	maxEntryField    = 120
)

var dateForm = regexp.MustCompile(`^(\d{4})(?:-(0[1-9]|1[0-2]))?$`)

// Correct replaces the corrections of one of the caller's analysed CVs and
// re-reads its stored text with them (nothing is extracted again); the
// new reading and the corrections are stored together, with cv.analyzed
// when the CV is the user's latest analysis. basedOn is the version of the
// corrections in was made from (see Corrections.IsVersion): a set made
// from older ones is refused, so that two tabs never overwrite each
// other's corrections unseen.
func (s *Service) Correct(ctx context.Context, id string, in Corrections, basedOn *time.Time) (*CV, error) {
	c, err := s.Get(ctx, id)
	if err != nil {
		return nil, err
	}
	if c.Status != StageDone || c.Sections == nil || c.Analysis == nil {
		return nil, apperr.Errorf(apperr.Conflict, "this CV has no finished analysis to correct; wait for it or analyse it again")
	}
	if s.Reader == nil {
		return nil, fmt.Errorf("correcting cv %s: the service has no reader", id)
	}
	full, err := s.Store.CVByID(ctx, id) // the whole text, not the served cut
	if err != nil {
		return nil, err
	}
	full = s.upgraded(full)
	if !full.Corrections.IsVersion(basedOn) {
		return nil, ErrStaleCorrections
	}
	corr, err := s.checkCorrections(in, full)
	if err != nil {
		return nil, err
	}
	data, err := s.Store.FileData(ctx, id)
	if err != nil {
		return nil, err
	}
	res, err := s.Reader.Reassess(ctx, full.Text, FileDate(data), corr, nil)
	if f, ok := errors.AsType[*FailureError](err); ok && ctx.Err() == nil {
		// The engine failed or took too long (an AI endpoint): the user
		// hears that and that nothing changed, not "internal error".
		said := apperr.Errorf(apperr.Unavailable, "%s; your fixes were not saved", f.Message)
		return nil, fmt.Errorf("re-reading cv %s with corrections: %w (%w)", id, said, err)
	}
	if err != nil {
		return nil, fmt.Errorf("re-reading cv %s with corrections: %w", id, err)
	}
	res.Pages = full.Pages
	if err := s.Store.SaveCorrections(ctx, id, res, basedOn, s.now()); err != nil {
		return nil, err
	}
	return s.Get(ctx, id)
}

// checkCorrections validates in against the CV and returns it normalised:
// skill names canonical, no duplicates, every new label and fix pointing at
// something the CV has. Earlier corrections that no longer apply (after a
// re-analysis) may stay; new ones must apply.
func (s *Service) checkCorrections(in Corrections, c *CV) (*Corrections, error) {
	switch {
	case len(in.RemovedSkills) > MaxRemovedSkills:
		return nil, apperr.Errorf(apperr.Invalid, "at most %d skills can be removed", MaxRemovedSkills)
	case len(in.AddedSkills) > MaxAddedSkills:
		return nil, apperr.Errorf(apperr.Invalid, "at most %d skills can be added", MaxAddedSkills)
	case len(in.Headings) > MaxHeadingLabels:
		return nil, apperr.Errorf(apperr.Invalid, "at most %d headings can be re-labelled", MaxHeadingLabels)
	case len(in.Entries) > MaxEntryFixes:
		return nil, apperr.Errorf(apperr.Invalid, "at most %d entries can be fixed", MaxEntryFixes)
	}
	out := &Corrections{RemovedSkills: []string{}, AddedSkills: []StatedSkill{}, Headings: []HeadingLabel{}, Entries: []EntryFix{}, UpdatedAt: s.now().UTC()}
	prev := c.Corrections
	if prev == nil {
		prev = &Corrections{}
	}
	seen := map[string]string{}
	for _, n := range in.RemovedSkills {
		name, err := s.skillName(n)
		if err != nil {
			return nil, err
		}
		if seen[strings.ToLower(name)] != "" {
			return nil, apperr.Errorf(apperr.Invalid, "%q is listed twice", name)
		}
		seen[strings.ToLower(name)] = "removed"
		out.RemovedSkills = append(out.RemovedSkills, name)
	}
	for _, a := range in.AddedSkills {
		name, err := s.skillName(a.Name)
		if err != nil {
			return nil, err
		}
		switch seen[strings.ToLower(name)] {
		case "removed":
			return nil, apperr.Errorf(apperr.Invalid, "%q is both removed and added", name)
		case "added":
			return nil, apperr.Errorf(apperr.Invalid, "%q is listed twice", name)
		}
		if a.Level < 1 || a.Level > 5 {
			return nil, apperr.Errorf(apperr.Invalid, "the level of %q must be 1 to 5", name)
		}
		seen[strings.ToLower(name)] = "added"
		out.AddedSkills = append(out.AddedSkills, StatedSkill{Name: name, Level: a.Level})
	}
	if err := checkLabels(in.Headings, prev.Headings, c.Text, out); err != nil {
		return nil, err
	}
	if err := s.checkFixes(in.Entries, prev.Entries, c, out); err != nil {
		return nil, err
	}
	return out, nil
}

// skillName trims and checks a skill name and returns the taxonomy's
// canonical name for it (a name the taxonomy lacks stays as written).
func (s *Service) skillName(n string) (string, error) {
	n = strings.Join(strings.Fields(n), " ")
	if err := plainText("a skill name", n, maxSkillName, true); err != nil {
		return "", err
	}
	if s.Reader != nil && s.Reader.Skills != nil {
		if canon, ok := s.Reader.Skills.Canonical(n); ok {
			return canon, nil
		}
	}
	return n, nil
}

// plainText refuses empty (when required), over-long or control-character text.
func plainText(what, v string, maxLen int, required bool) error {
	switch {
	case required && v == "":
		return apperr.Errorf(apperr.Invalid, "%s is empty", what)
	case len(v) > maxLen:
		return apperr.Errorf(apperr.Invalid, "%s is longer than %d characters", what, maxLen)
	case strings.IndexFunc(v, func(r rune) bool { return unicode.IsControl(r) || unicode.Is(unicode.Bidi_Control, r) }) >= 0:
		return apperr.Errorf(apperr.Invalid, "%s holds control characters", what)
	}
	return nil
}

func checkLabels(in, prev []HeadingLabel, text string, out *Corrections) error {
	known := map[string]bool{}
	for _, p := range prev {
		known[normLine(p.Line)] = true
	}
	lines := map[string]bool{}
	for l := range strings.SplitSeq(text, "\n") {
		if t := strings.TrimSpace(l); t != "" && len(t) <= maxLabelLine {
			lines[normLine(t)] = true
		}
	}
	seen := map[string]bool{}
	for _, h := range in {
		line := strings.TrimSpace(h.Line)
		if err := plainText("a heading", line, maxLabelLine, true); err != nil {
			return err
		}
		k := normLine(line)
		switch {
		case !ValidSectionKind(h.Kind):
			return apperr.Errorf(apperr.Invalid, "%q is not a kind of section", h.Kind)
		case seen[k]:
			return apperr.Errorf(apperr.Invalid, "the heading %q is re-labelled twice", line)
		case !lines[k] && !known[k]:
			return apperr.Errorf(apperr.Invalid, "no line of your CV reads %q", line)
		}
		seen[k] = true
		out.Headings = append(out.Headings, HeadingLabel{Line: line, Kind: h.Kind})
	}
	return nil
}

func (s *Service) checkFixes(in, prev []EntryFix, c *CV, out *Corrections) error {
	refs := map[string]bool{}
	for _, p := range prev {
		refs[p.Ref] = true
	}
	for _, e := range c.Sections.Experience {
		refs[e.Ref] = e.Ref != ""
	}
	seen := map[string]bool{}
	latest := s.now().Year() + 1
	for _, f := range in {
		switch {
		case !refs[f.Ref]:
			return apperr.Errorf(apperr.Invalid, "no experience entry %q in this CV", truncate(f.Ref, 20))
		case seen[f.Ref]:
			return apperr.Errorf(apperr.Invalid, "the entry %q is fixed twice", f.Ref)
		}
		seen[f.Ref] = true
		f.Title, f.Company = strings.Join(strings.Fields(f.Title), " "), strings.Join(strings.Fields(f.Company), " ")
		f.StartDate, f.EndDate = strings.TrimSpace(f.StartDate), strings.TrimSpace(f.EndDate)
		if err := plainText("a title", f.Title, maxEntryField, false); err != nil {
			return err
		}
		if err := plainText("an employer", f.Company, maxEntryField, false); err != nil {
			return err
		}
		for _, d := range []struct{ what, v string }{{"start date", f.StartDate}, {"end date", f.EndDate}} {
			if d.v == "" {
				continue
			}
			m := dateForm.FindStringSubmatch(d.v)
			if m == nil {
				return apperr.Errorf(apperr.Invalid, "the %s %q is not a year (2019) or a month (2019-03)", d.what, truncate(d.v, 20))
			}
			if y, _ := strconv.Atoi(m[1]); y < 1900 || y > latest {
				return apperr.Errorf(apperr.Invalid, "the %s %s is not between 1900 and %d", d.what, d.v, latest)
			}
		}
		switch {
		case f.Current && f.EndDate != "":
			return apperr.Errorf(apperr.Invalid, "a current position has no end date")
		case f.EndDate != "" && f.StartDate == "":
			return apperr.Errorf(apperr.Invalid, "an end date needs a start date")
		case f.EndDate != "" && startOf(f.StartDate) >= endOf(f.EndDate):
			return apperr.Errorf(apperr.Invalid, "the start date %s is after the end date %s", f.StartDate, f.EndDate)
		}
		out.Entries = append(out.Entries, EntryFix{Ref: f.Ref, Title: f.Title, Company: f.Company, StartDate: f.StartDate, EndDate: f.EndDate, Current: f.Current})
	}
	return nil
}

// startOf is the start of the period d names, in fractional years.
func startOf(d string) float64 {
	v, _ := toYears(d, false)
	return v
}

// truncate cuts s to n characters for an error message.
func truncate(s string, n int) string {
	if r := []rune(s); len(r) > n {
		return string(r[:n]) + "…"
	}
	return s
}
