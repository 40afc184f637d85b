package cv

import (
	"regexp"
	"slices"
)

// A claim that an item is missing, by the item it is about. An AI engine
// reads the same text but may still say "no phone number" of a CV with one
// in its header; Guard checks such claims against Reading.
var missingClaims = []struct {
	item string
	re   *regexp.Regexp
}{
	{"phone", regexp.MustCompile(`(?i)\b(?:no|missing|lacks?|without|add(?: a| your)?)\b[^.]{0,40}\b(?:phone|telephone|mobile)\b`)},
	{"email", regexp.MustCompile(`(?i)\b(?:no|missing|lacks?|without|add(?: an| your)?)\b[^.]{0,40}\be-?mail\b`)},
	{"experience", regexp.MustCompile(`(?i)\b(?:no|missing|lacks?|without)\b[^.]{0,30}\b(?:work |professional |dated )?(?:experience|positions?|employment)\b`)},
	{"education", regexp.MustCompile(`(?i)\b(?:no|missing|lacks?|without)\b[^.]{0,30}\b(?:education|degree)\b`)},
	{"summary", regexp.MustCompile(`(?i)\b(?:no|missing|lacks?|without)\b[^.]{0,30}\b(?:summary|profile)\b`)},
	{"summary length", regexp.MustCompile(`(?i)\bsummary\b[^.]{0,30}\b(?:too long|is long|too short|is short|words)\b`)},
}

// Guard drops the strengths, weaknesses and suggestions of an analysis
// that claim something missing which the text holds (or which the parser
// could not read), and reports how many it dropped. Score reasons stay:
// they carry the score.
func (r Reading) Guard(a *Analysis, s *Sections) int {
	claimFalse := map[string]bool{
		"phone":          r.HasPhone,
		"email":          r.HasEmail,
		"experience":     len(s.Experience) > 0 || r.ExperienceUnread,
		"education":      len(s.Education) > 0 || r.EducationUnread,
		"summary":        r.SummaryFound,
		"summary length": r.SummaryFound && !r.SummaryBounded,
	}
	dropped := 0
	keep := func(xs []string) []string {
		return slices.DeleteFunc(xs, func(x string) bool {
			for _, c := range missingClaims {
				if claimFalse[c.item] && c.re.MatchString(x) {
					dropped++
					return true
				}
			}
			return false
		})
	}
	a.Weaknesses = keep(a.Weaknesses)
	a.Suggestions = keep(a.Suggestions)
	a.Strengths = keep(a.Strengths)
	return dropped
}
