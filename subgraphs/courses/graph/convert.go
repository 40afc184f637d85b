package graph

import (
	"github.com/careercoach/coach/subgraphs/courses"
	"github.com/careercoach/coach/subgraphs/courses/graph/model"
)

// toCourse maps the domain course to its GraphQL shape.
func toCourse(c *courses.Course) *model.Course {
	skills := c.Skills
	if skills == nil {
		skills = []string{}
	}
	return &model.Course{
		ID: c.ID, Title: c.Title, Provider: c.Provider, URL: c.URL, Description: c.Description,
		Skills: skills, Level: model.CourseLevel(c.Level), DurationHours: c.DurationHours, Free: c.Free,
		Rating: c.Rating, Language: c.Language,
	}
}

func toRecommendation(r *courses.Recommendation) *model.CourseRecommendation {
	matched := r.MatchedSkills
	if matched == nil {
		matched = []string{}
	}
	return &model.CourseRecommendation{Course: toCourse(r.Course), Score: r.Score, Reason: r.Reason, MatchedSkills: matched}
}
