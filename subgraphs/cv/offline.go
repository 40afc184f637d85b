package cv

import (
	"context"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"time"
)

// Offline is the deterministic, rule-based engine: the default when no AI
// is configured. Every number it gives comes from a rule below, so the
// same CV always gets the same analysis.
type Offline struct {
	roles []roleRule
	Now   func() time.Time
}

type roleRule struct {
	title  string
	skills []string // canonical names
}

// roleTable lists target roles by their characteristic skills. Names are
// canonical taxonomy names; unknown ones are dropped by NewOffline.
var roleTable = []roleRule{
	{"Backend Engineer", []string{"Go", "Java", "Python", "SQL", "PostgreSQL", "Docker", "REST APIs", "Microservices", "Node.js", "C#"}},
	{"Frontend Engineer", []string{"JavaScript", "TypeScript", "React", "CSS", "HTML", "Vue.js", "Angular", "Redux"}},
	{"Full-Stack Engineer", []string{"JavaScript", "TypeScript", "React", "Node.js", "SQL", "HTML", "CSS", "REST APIs"}},
	{"Data Engineer", []string{"Python", "SQL", "Apache Spark", "Apache Airflow", "Kafka", "ETL", "Data Warehousing", "Scala"}},
	{"Data Scientist", []string{"Python", "Machine Learning", "Statistics", "Pandas", "R", "Data Analysis", "scikit-learn", "Deep Learning"}},
	{"Machine Learning Engineer", []string{"Python", "Machine Learning", "Deep Learning", "PyTorch", "TensorFlow", "MLOps", "Kubernetes"}},
	{"DevOps Engineer", []string{"Kubernetes", "Docker", "Terraform", "AWS", "CI/CD", "Linux", "Ansible", "Jenkins"}},
	{"Cloud Architect", []string{"AWS", "Azure", "Google Cloud", "Terraform", "Kubernetes", "Cloud Architecture"}},
	{"Site Reliability Engineer", []string{"Kubernetes", "Linux", "Prometheus", "Go", "Python", "Observability", "Incident Management"}},
	{"Mobile Developer", []string{"Swift", "Kotlin", "Android Development", "iOS Development", "Flutter", "React Native", "Objective-C"}},
	{"QA Automation Engineer", []string{"Test Automation", "Selenium", "Cypress", "Java", "Python", "Software Testing"}},
	{"Security Engineer", []string{"Cybersecurity", "Penetration Testing", "Network Security", "Linux", "Python", "Cryptography"}},
	{"Product Manager", []string{"Product Management", "Stakeholder Management", "Agile", "Scrum", "Product Roadmapping", "User Research"}},
	{"Project Manager", []string{"Project Management", "Stakeholder Management", "Agile", "Scrum", "Risk Management", "Budget Management"}},
	{"UX Designer", []string{"Figma", "UX Design", "User Research", "Prototyping", "UI Design", "Design Systems"}},
	{"Business Analyst", []string{"Business Analysis", "SQL", "Excel", "Tableau", "Power BI", "User Stories"}},
	{"Engineering Manager", []string{"Leadership", "People Management", "Agile", "Stakeholder Management", "Mentoring", "Hiring"}},
}

// NewOffline returns the offline engine with role rules resolved against
// the taxonomy (nil: names used as written).
func NewOffline(finder SkillFinder) *Offline {
	o := &Offline{Now: time.Now}
	for _, r := range roleTable {
		rr := roleRule{title: r.title}
		for _, s := range r.skills {
			if finder == nil {
				rr.skills = append(rr.skills, s)
			} else if c, ok := finder.Canonical(s); ok {
				rr.skills = append(rr.skills, c)
			}
		}
		if len(rr.skills) > 0 {
			o.roles = append(o.roles, rr)
		}
	}
	return o
}

// Engine is "offline".
func (o *Offline) Engine() string { return EngineOffline }

var (
	quantified  = regexp.MustCompile(`\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|fifty|hundreds?|thousands?|millions?|billions?|dozens?|half)\b|\d+\s*(?:%|percent|x\b|k\b|m\b|ms\b|users|customers|people|engineers|requests|million|thousand)|[$€£]\s*\d`)
	actionVerbs = regexp.MustCompile(`(?i)^(?:led|built|designed|developed|implemented|launched|reduced|increased|improved|created|delivered|managed|migrated|automated|owned|drove|architected|optimi[sz]ed|mentored|shipped|scaled|introduced|established|negotiated|cut|grew|streamlined|coordinated|spearheaded|wrote|ran|set up|rebuilt|refactored)\b`)
	seniorTitle = regexp.MustCompile(`(?i)\b(?:senior|sr\.?|staff)\b`)
	leadTitle   = regexp.MustCompile(`(?i)\b(?:lead|principal|head|director|manager|vp|chief|cto|architect)\b`)
	entryTitle  = regexp.MustCompile(`(?i)\b(?:intern|internship|trainee|apprentice|graduate|working student|student)\b`)
	juniorTitle = regexp.MustCompile(`(?i)\b(?:junior|jr\.?|associate)\b`)
)

// Analyze scores the CV on seven aspects that add up to 100.
func (o *Offline) Analyze(_ context.Context, in AnalysisInput) (*Analysis, error) {
	now := o.Now()
	s := in.Sections
	if s == nil {
		s = Parse(in.Text)
	}
	a := &Analysis{Engine: EngineOffline, AnalysedAt: now.UTC(), Skills: in.Skills,
		Strengths: []string{}, Weaknesses: []string{}, Suggestions: []string{}, ScoreReasons: []ScoreReason{}}
	if a.Skills == nil {
		a.Skills = []SkillFinding{}
	}
	add := func(aspect string, points, maxPoints int, comment string) {
		a.ScoreReasons = append(a.ScoreReasons, ScoreReason{Aspect: aspect, Points: points, MaxPoints: maxPoints, Comment: comment})
		a.Score += points
	}

	r := AssessFile(in.Text, s, in.FileDate, now)
	a.Confidence, a.UnreadParts = r.Confidence, r.Unread

	// Contact (10): "missing" only for what the raw text lacks too. A
	// location cannot be told from any other word without a gazetteer, so
	// its absence is said as what we did not find, never as "missing".
	c := s.Contact
	pts, missing := 0, []string{}
	for _, f := range []struct {
		ok   bool
		pts  int
		name string
	}{{r.HasEmail, 4, "email"}, {r.HasPhone, 2, "phone"}} {
		if f.ok {
			pts += f.pts
		} else {
			missing = append(missing, f.name)
		}
	}
	if c.Name != "" {
		pts += 2
	}
	var notes []string
	if len(missing) > 0 {
		notes = append(notes, "Missing: "+strings.Join(missing, ", ")+".")
		a.Suggestions = append(a.Suggestions, "Add your "+strings.Join(missing, " and ")+" at the top so recruiters can reach you.")
	}
	if r.HasLocation {
		pts += 2
	} else {
		notes = append(notes, "We found no city or profile link.")
		a.Suggestions = append(a.Suggestions, "If it is not there yet, add your city and country or a LinkedIn/GitHub link at the top.")
	}
	if c.Name == "" {
		notes = append(notes, "We could not tell which line is your name.")
	}
	if len(notes) == 0 {
		notes = append(notes, "Name, email, phone and location or links are all there.")
	}
	add("Contact details", pts, 10, strings.Join(notes, " "))

	// Summary (10): its length is judged only when its end is known.
	words := r.SummaryWords
	switch {
	case r.SummaryFound && !r.SummaryBounded && s.Summary != "":
		add("Summary", 5, 10, "There is a summary; we could not tell where it ends, so its length is not judged.")
	case r.SummaryFound && s.Summary == "":
		add("Summary", 8, 10, "There is a profile paragraph at the top.")
	case words >= 20 && words <= 120:
		add("Summary", 10, 10, fmt.Sprintf("A %d-word summary introduces you.", words))
	case words > 120:
		add("Summary", 6, 10, fmt.Sprintf("The summary is long (%d words).", words))
		a.Suggestions = append(a.Suggestions, "Cut the summary to three or four sentences (under 120 words).")
	case words > 0:
		add("Summary", 5, 10, fmt.Sprintf("The summary is short (%d words).", words))
		a.Suggestions = append(a.Suggestions, "Expand the summary: who you are, what you are best at, what you are looking for.")
	case r.SectionsUnread:
		add("Summary", 0, 10, "We could not tell the parts of your CV apart, so we could not look for a summary.")
	default:
		add("Summary", 0, 10, "No summary or profile section.")
		a.Weaknesses = append(a.Weaknesses, "No summary: readers must infer what you offer.")
		a.Suggestions = append(a.Suggestions, "Add a short profile at the top: your role, years of experience, key skills and goal.")
	}

	// Experience (30)
	_, bullets, quant, actions, dated := o.experienceStats(s, r.CVDate)
	years := r.Years
	expPts := 0
	switch n := len(s.Experience); {
	case n > 0:
		expPts += min(10, 4+2*n)
		switch {
		case dated == n:
			expPts += 5
		case !r.UndatedButDated:
			a.Suggestions = append(a.Suggestions, "Give every position its start and end dates (month and year).")
		}
		if bullets >= 2*n {
			expPts += 5
		} else {
			a.Suggestions = append(a.Suggestions, "Describe each position with three to five bullet points of what you achieved.")
		}
		if bullets > 0 {
			expPts += int(10 * min(1, float64(quant)/float64(bullets)/0.4))
			if float64(quant)/float64(bullets) < 0.25 {
				a.Weaknesses = append(a.Weaknesses, "Few results are quantified: most bullets describe duties, not impact.")
				a.Suggestions = append(a.Suggestions, "Quantify results: numbers, percentages, money or time saved (e.g. \"cut p95 latency by 40%\").")
			} else {
				a.Strengths = append(a.Strengths, fmt.Sprintf("Results are quantified in %d of %d bullet points.", quant, bullets))
			}
			if float64(actions)/float64(bullets) < 0.3 {
				a.Suggestions = append(a.Suggestions, "Start bullet points with strong verbs (led, built, reduced, launched).")
			}
		}
		add("Experience", expPts, 30, fmt.Sprintf("%d position(s), about %.1f years, %d bullet points, %d quantified.", n, years, bullets, quant))
		if years >= 3 {
			a.Strengths = append(a.Strengths, fmt.Sprintf("About %.0f years of professional experience.", years))
		}
	case r.ExperienceUnread:
		add("Experience", 0, 30, "We could not read your experience section, so it is not scored.")
		a.Suggestions = append(a.Suggestions, "Give each position a line with its title, employer and dates so it can be read (by us and by applicant tracking systems).")
	case r.SectionsUnread:
		add("Experience", 0, 30, "We could not tell the parts of your CV apart, so we could not look for your experience.")
	default:
		add("Experience", 0, 30, "No work experience section or dated positions were found.")
		a.Weaknesses = append(a.Weaknesses, "No work experience section with dated positions.")
		a.Suggestions = append(a.Suggestions, "Add an Experience section: title, company, dates and achievements for each position (internships and projects count).")
	}

	// Skills (20)
	nSkills, evidenced := len(a.Skills), 0
	for _, sk := range a.Skills {
		if sk.Level >= 3 {
			evidenced++
		}
	}
	skPts := min(12, nSkills) + int(8*min(1, float64(evidenced)/5))
	add("Skills", skPts, 20, fmt.Sprintf("%d recognised skills, %d shown in use.", nSkills, evidenced))
	switch {
	case nSkills == 0:
		a.Weaknesses = append(a.Weaknesses, "No recognisable skills.")
		a.Suggestions = append(a.Suggestions, "Add a Skills section listing the tools, technologies and methods you use.")
	case nSkills < 6:
		a.Suggestions = append(a.Suggestions, "List more of your skills, using their common names (e.g. \"Kubernetes\", not \"container stuff\").")
	default:
		a.Strengths = append(a.Strengths, "A broad skill set: "+strings.Join(topSkills(a.Skills, 5), ", ")+".")
	}
	if nSkills > 0 && evidenced < nSkills/2 {
		a.Suggestions = append(a.Suggestions, "Show your listed skills in use in your experience or projects, not only in the skills list.")
	}

	// Education (10)
	switch {
	case len(s.Education) > 0:
		add("Education", 10, 10, fmt.Sprintf("%d education entr%s.", len(s.Education), plural(len(s.Education), "y", "ies")))
	case r.EducationUnread:
		add("Education", 0, 10, "We could not read your education section, so it is not scored.")
	case len(s.Certifications) > 0:
		add("Education", 6, 10, "No education section; certifications show learning.")
	case r.SectionsUnread:
		add("Education", 0, 10, "We could not tell the parts of your CV apart, so we could not look for your education.")
	default:
		add("Education", 0, 10, "No education section.")
		a.Suggestions = append(a.Suggestions, "Add your education (degree, school, years) or relevant training.")
	}

	// Length (10)
	total := len(strings.Fields(in.Text))
	switch {
	case total >= 300 && total <= 1200:
		add("Length", 10, 10, fmt.Sprintf("%d words: a good length.", total))
	case total > 1200 && total <= 2000:
		add("Length", 6, 10, fmt.Sprintf("%d words: on the long side.", total))
		a.Suggestions = append(a.Suggestions, "Trim to two pages: keep the last 10 years in detail, summarise older roles.")
	case total > 2000:
		add("Length", 3, 10, fmt.Sprintf("%d words: too long for most readers.", total))
		a.Weaknesses = append(a.Weaknesses, "The CV is very long.")
		a.Suggestions = append(a.Suggestions, "Cut to two pages; move details to a portfolio or LinkedIn.")
	case total >= 150:
		add("Length", 6, 10, fmt.Sprintf("%d words: short.", total))
	default:
		add("Length", 2, 10, fmt.Sprintf("%d words: very short.", total))
		a.Weaknesses = append(a.Weaknesses, "The CV is very short.")
	}

	// Extras (10)
	ex, got := 0, []string{}
	if len(s.Certifications) > 0 {
		ex += 4
		got = append(got, "certifications")
	}
	if len(s.Projects) > 0 {
		ex += 3
		got = append(got, "projects")
	}
	if len(s.Languages) > 0 {
		ex += 3
		got = append(got, "languages")
	}
	if len(got) > 0 {
		add("Extras", ex, 10, "Has "+strings.Join(got, ", ")+".")
		if len(got) >= 2 {
			a.Strengths = append(a.Strengths, "Goes beyond jobs: "+strings.Join(got, ", ")+".")
		}
	} else {
		add("Extras", 0, 10, "No certifications, projects or languages.")
		a.Suggestions = append(a.Suggestions, "Add projects, certifications or languages that support your goal.")
	}

	a.Seniority = seniorityOf(s, years, !r.ExperienceUnread)
	a.SuggestedRoles = o.suggestRoles(a.Skills, a.Seniority, !r.ExperienceUnread)
	if len(a.Strengths) == 0 {
		a.Strengths = append(a.Strengths, "The CV is readable as text, so applicant tracking systems can parse it.")
	}
	a.Score = max(0, min(100, a.Score))
	return a, nil
}

func (o *Offline) experienceStats(s *Sections, now time.Time) (years float64, bullets, quant, actions, dated int) {
	var spans []span
	for _, e := range s.Experience {
		if sp, ok := spanOf(e, now); ok {
			spans = append(spans, sp)
			dated++
		}
		for _, b := range e.Bullets {
			bullets++
			if quantified.MatchString(strings.ToLower(b)) {
				quant++
			}
			if actionVerbs.MatchString(b) {
				actions++
			}
		}
	}
	return round1(totalYears(spans)), bullets, quant, actions, dated
}

func topSkills(fs []SkillFinding, n int) []string {
	s := slices.Clone(fs)
	slices.SortStableFunc(s, func(a, b SkillFinding) int { return b.Level - a.Level })
	var out []string
	for _, f := range s[:min(n, len(s))] {
		out = append(out, f.Name)
	}
	return out
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// RoleSkillNames lists every skill the role rules name (for the test that
// they all resolve in the taxonomy).
func RoleSkillNames() []string {
	var out []string
	for _, r := range roleTable {
		out = append(out, r.skills...)
	}
	return out
}
