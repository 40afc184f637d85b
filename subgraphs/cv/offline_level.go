package cv

import (
	"fmt"
	"slices"
	"strings"
)

// seniorityOf weighs years of experience and the latest title. Years the
// text shows outrank a title: fifteen years are never ENTRY, whatever the
// last title says. Without any readable position or years the level is
// unknown and MID (the middle) is given, with experience in the unread
// parts.
func seniorityOf(s *Sections, years float64, known bool) Seniority {
	title := ""
	if len(s.Experience) > 0 {
		title = s.Experience[0].Title // CVs list the latest position first
	}
	switch {
	case !known && years == 0:
		return SeniorityMid
	case leadTitle.MatchString(title) && years >= 5:
		return SeniorityLead
	case seniorTitle.MatchString(title) && years >= 3:
		return SenioritySenior
	case years >= 12:
		return SeniorityLead
	case years >= 6:
		return SenioritySenior
	case entryTitle.MatchString(title) || years < 1:
		return SeniorityEntry
	case juniorTitle.MatchString(title) || years < 3:
		return SeniorityJunior
	default:
		return SeniorityMid
	}
}

// suggestRoles ranks roles by the share of their skills the person has,
// weighted by level; the top three with at least two skills in common.
// Without readable experience the level is a guess, so no "Junior" or
// "Senior" is put in front of a title.
func (o *Offline) suggestRoles(found []SkillFinding, sen Seniority, levelKnown bool) []RoleSuggestion {
	level := map[string]int{}
	for _, f := range found {
		level[f.Name] = f.Level
	}
	type scored struct {
		r      roleRule
		score  float64
		common []string
	}
	var ranked []scored
	for _, r := range o.roles {
		sc := scored{r: r}
		for _, sk := range r.skills {
			if l, ok := level[sk]; ok {
				sc.score += float64(l)
				sc.common = append(sc.common, sk)
			}
		}
		if len(sc.common) >= 2 {
			sc.score /= float64(len(r.skills))
			ranked = append(ranked, sc)
		}
	}
	slices.SortStableFunc(ranked, func(a, b scored) int {
		switch {
		case a.score > b.score:
			return -1
		case a.score < b.score:
			return 1
		}
		return strings.Compare(a.r.title, b.r.title)
	})
	out := []RoleSuggestion{}
	prefix := map[Seniority]string{SeniorityEntry: "Junior ", SeniorityJunior: "Junior ", SenioritySenior: "Senior ", SeniorityLead: "Lead "}[sen]
	if strings.HasPrefix(prefix, "Lead") {
		prefix = "Senior "
	}
	if !levelKnown {
		prefix = ""
	}
	for _, sc := range ranked[:min(3, len(ranked))] {
		title := sc.r.title
		if !strings.Contains(title, "Manager") && !strings.Contains(title, "Architect") {
			title = prefix + title
		}
		out = append(out, RoleSuggestion{Title: title, Reason: fmt.Sprintf("You have %d of its %d core skills: %s.",
			len(sc.common), len(sc.r.skills), strings.Join(sc.common, ", "))})
	}
	return out
}
