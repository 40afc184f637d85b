package graph

import (
	"github.com/careercoach/coach/subgraphs/courses"
	"github.com/careercoach/coach/subgraphs/courses/graph/model"
)

// toCourse maps the domain course to its GraphQL shape; level and duration
// stay null when the course's source does not state them.
func (r *Resolver) toCourse(c *courses.Course) *model.Course {
	skills := c.Skills
	if skills == nil {
		skills = []string{}
	}
	out := &model.Course{
		ID: c.ID, Title: c.Title, Provider: c.Provider, URL: c.URL, Description: c.Description,
		Skills: skills, Free: c.Free, Rating: c.Rating, Language: c.Language,
	}
	if c.Level.Valid() {
		l := model.CourseLevel(c.Level)
		out.Level = &l
	}
	if c.DurationHours > 0 {
		h := c.DurationHours
		out.DurationHours = &h
	}
	if r.Sources != nil {
		if s, ok := r.Sources.Source(c.Source); ok {
			out.Source = &model.CourseSource{Name: s.Name, Publisher: s.Publisher, License: s.License, LicenseURL: s.LicenseURL, URL: s.URL()}
		}
	}
	return out
}

func (res *Resolver) toRecommendation(r *courses.Recommendation) *model.CourseRecommendation {
	matched := r.MatchedSkills
	if matched == nil {
		matched = []string{}
	}
	return &model.CourseRecommendation{Course: res.toCourse(r.Course), Score: r.Score, Reason: r.Reason, MatchedSkills: matched}
}
