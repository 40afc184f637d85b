package graph

import (
	"strings"
	"unicode/utf8"

	"github.com/careercoach/coach/internal/apperr"
	"github.com/careercoach/coach/subgraphs/courses"
	"github.com/careercoach/coach/subgraphs/courses/graph/model"
)

// Limits on arguments.
const (
	maxSkillLen         = 120
	maxEntityBatch      = 500
	defaultRecommended  = 10
	maxRecommendedFirst = courses.MaxRecommendations
)

// courseFilter validates the arguments of Query.courses.
func courseFilter(canon courses.Canon, search *string, skills []string, level *model.CourseLevel, free *bool, language *string) (courses.Filter, error) {
	var f courses.Filter
	if search != nil {
		f.Search = strings.TrimSpace(*search)
		if utf8.RuneCountInString(f.Search) > courses.MaxSearchLen {
			return f, apperr.Errorf(apperr.Invalid, "search is longer than %d characters", courses.MaxSearchLen)
		}
	}
	if len(skills) > courses.MaxFilterSkills {
		return f, apperr.Errorf(apperr.Invalid, "at most %d skills can be given", courses.MaxFilterSkills)
	}
	for _, s := range skills {
		s = strings.TrimSpace(s)
		if s == "" || utf8.RuneCountInString(s) > maxSkillLen {
			return f, apperr.Errorf(apperr.Invalid, "a skill name must be 1 to %d characters", maxSkillLen)
		}
		f.Skills = append(f.Skills, canon(s))
	}
	if level != nil {
		f.Level = courses.Level(*level)
	}
	f.Free = free
	if language != nil {
		f.Language = strings.ToLower(strings.TrimSpace(*language))
		if !courses.ValidLanguage(f.Language) {
			return f, apperr.Errorf(apperr.Invalid, "language %q is not a two-letter ISO 639-1 code such as en", *language)
		}
	}
	return f, nil
}

// pageSize validates a `first` argument.
func pageSize(first *int, def, maxFirst int) (int, error) {
	if first == nil {
		return def, nil
	}
	if *first < 1 || *first > maxFirst {
		return 0, apperr.Errorf(apperr.Invalid, "first must be between 1 and %d", maxFirst)
	}
	return *first, nil
}
