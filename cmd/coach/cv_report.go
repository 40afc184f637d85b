package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/careercoach/coach/subgraphs/cv"
)

// printReport writes the sections and analysis for a person to read.
func printReport(w io.Writer, r cv.Result) {
	s, a := r.Sections, r.Analysis
	p := func(format string, args ...any) { fmt.Fprintf(w, format, args...) }
	c := s.Contact
	p("CONTACT\n  name: %s\n  email: %s\n  phone: %s\n  location: %s\n  links: %s\n", c.Name, c.Email, c.Phone, c.Location, strings.Join(c.Links, ", "))
	if s.Summary != "" {
		p("\nSUMMARY\n  %s\n", s.Summary)
	}
	p("\nEXPERIENCE (%d)\n", len(s.Experience))
	for _, e := range s.Experience {
		end := e.EndDate
		if e.Current {
			end = "present"
		}
		p("  %s | %s | %s – %s\n", e.Title, e.Company, e.StartDate, end)
		for _, b := range e.Bullets {
			p("    • %s\n", b)
		}
	}
	p("\nEDUCATION (%d)\n", len(s.Education))
	for _, e := range s.Education {
		p("  %s | %s | %s – %s\n", e.Degree, e.Institution, e.StartDate, e.EndDate)
	}
	p("\nSKILLS SECTION: %s\n", strings.Join(s.Skills, ", "))
	p("CERTIFICATIONS: %s\n", strings.Join(s.Certifications, "; "))
	p("LANGUAGES: %s\n", strings.Join(s.Languages, ", "))
	p("PROJECTS (%d)\n", len(s.Projects))
	for _, pr := range s.Projects {
		p("  %s  %s\n", pr.Name, pr.Description)
	}

	p("\nANALYSIS (engine: %s", a.Engine)
	if a.Model != "" {
		p(", model %s", a.Model)
	}
	p(")\n  score: %d/100   seniority: %s\n", a.Score, a.Seniority)
	for _, r := range a.ScoreReasons {
		p("    %-16s %2d/%-2d  %s\n", r.Aspect, r.Points, r.MaxPoints, r.Comment)
	}
	list := func(title string, xs []string) {
		p("  %s:\n", title)
		for _, x := range xs {
			p("    - %s\n", x)
		}
	}
	list("strengths", a.Strengths)
	list("weaknesses", a.Weaknesses)
	list("suggestions", a.Suggestions)
	p("  suggested roles:\n")
	for _, r := range a.SuggestedRoles {
		p("    - %s: %s\n", r.Title, r.Reason)
	}
	p("  skills (%d):\n", len(a.Skills))
	for _, sk := range a.Skills {
		ev := ""
		if len(sk.Evidence) > 0 {
			ev = sk.Evidence[0].Where + ": " + sk.Evidence[0].Snippet
		}
		p("    %-24s level %d  %s\n", sk.Name, sk.Level, ev)
	}
}
