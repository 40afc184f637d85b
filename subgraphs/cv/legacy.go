package cv

// upgraded fills in what analyses stored before a field existed lack, from
// the stored text, on a copy: the headings and entry refs corrections
// need, certifications and awards as entries, and the confidence and unread parts (an analysis that was never
// measured is assessed now rather than shown as "not measured" forever).
// Assessing reads the whole text (linear, bounded by MaxTextChars).
func (s *Service) upgraded(c *CV) *CV {
	if c.Text == "" || c.Sections == nil {
		return c
	}
	oldSecs := c.Sections.Headings == nil
	oldAnalysis := c.Analysis != nil && c.Analysis.Confidence == 0 && c.Analysis.UnreadParts == nil
	if !oldSecs && !oldAnalysis {
		return c
	}
	u := *c
	if oldSecs {
		secs := *c.Sections
		secs.Experience = append([]Experience(nil), c.Sections.Experience...)
		secs.Headings = headingsOf(c.Text, nil)
		if c.Sections.CertificationEntries == nil { // read before lists had entries
			re := Parse(c.Text)
			secs.CertificationEntries, secs.Awards = re.CertificationEntries, re.Awards
		}
		setRefs(c.Text, &secs)
		u.Sections = &secs
	}
	if oldAnalysis {
		a := *c.Analysis
		r := Assess(c.Text, u.Sections, s.now())
		a.Confidence, a.UnreadParts = r.Confidence, r.Unread
		u.Analysis = &a
	}
	return &u
}
