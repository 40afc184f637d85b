package extract

import "strings"

// The corpus CVs. Each generator lays one of these out; the expected text
// is the same data in reading order (header, then the left column, then the
// right one), so recall and order are measured against what a person reads.

type cvSection struct {
	Title string
	Lines []string
}

type cvData struct {
	Name     string
	Headline string
	Contact  []string
	Side     []cvSection // the sidebar of a two-column layout
	Main     []cvSection
}

// expected is the text in reading order: header, side, main.
func (c cvData) expected() string {
	var b strings.Builder
	b.WriteString(c.Name + "\n" + c.Headline + "\n")
	for _, l := range c.Contact {
		b.WriteString(l + "\n")
	}
	for _, s := range append(append([]cvSection{}, c.Side...), c.Main...) {
		b.WriteString(s.Title + "\n")
		for _, l := range s.Lines {
			b.WriteString(l + "\n")
		}
	}
	return b.String()
}

// expectedMainFirst is the reading order when the sidebar is on the right.
func (c cvData) expectedMainFirst() string {
	return cvData{Name: c.Name, Headline: c.Headline, Contact: c.Contact, Side: c.Main, Main: c.Side}.expected()
}

var cvZoe = cvData{
	Name:     "Zoë Łukasiewicz-Brønner",
	Headline: "Senior Backend Engineer",
	Contact:  []string{"zoe.lukasiewicz@example.com · +49 30 1234 5678 · Berlin, Germany", "github.com/zoelb · linkedin.com/in/zoelb"},
	Side: []cvSection{
		{"Skills", []string{"Go, Python, SQL", "Kubernetes, Docker, Terraform", "PostgreSQL, Redis, Kafka", "GraphQL, gRPC, REST"}},
		{"Languages", []string{"Polish (native)", "German (fluent)", "English (fluent)"}},
		{"Certifications", []string{"Certified Kubernetes Administrator", "AWS Solutions Architect Associate"}},
	},
	Main: []cvSection{
		{"Summary", []string{"Backend engineer with nine years of experience building reliable distributed systems, payment platforms and developer tooling. I enjoy mentoring, clear interfaces and measurable outcomes."}},
		{"Experience", []string{
			"Staff Engineer, Nordlicht Payments GmbH, Berlin — 2021–present",
			"Led the migration of the settlement service from a monolith to event-driven Go services, cutting batch latency from hours to minutes.",
			"Designed the idempotent ledger API used by twelve product teams; introduced contract tests and tracing.",
			"Senior Software Engineer, Grünwald Logistics, Hamburg — 2017–2021",
			"Built the route optimisation backend in Python and PostgreSQL serving two million requests per day.",
			"Mentored five junior engineers and ran the weekly architecture review.",
		}},
		{"Education", []string{"M.Sc. Computer Science, Politechnika Wrocławska — 2015", "B.Sc. Mathematics, Uniwersytet Wrocławski — 2013"}},
	},
}

var cvJose = cvData{
	Name:     "José Müller",
	Headline: "Product Designer and Frontend Developer",
	Contact:  []string{"jose.muller@example.org | +34 612 345 678 | Valencia, Spain", "portfolio: josemuller.design"},
	Side: []cvSection{
		{"Tools", []string{"Figma, Sketch, Adobe XD", "TypeScript, React, CSS", "Storybook, Playwright"}},
		{"Interests", []string{"Typography, cycling, open data"}},
	},
	Main: []cvSection{
		{"Profile", []string{"Designer who codes: I turn research into accessible interfaces and ship them with engineering teams. Seven years across fintech, healthcare and public services."}},
		{"Experience", []string{
			"Lead Product Designer, Soluciones Claras S.L., Valencia (2020–2024)",
			"Redesigned the patient portal used by 400,000 people; task completion rose by 23 percent.",
			"Built the design system in React and TypeScript with documented accessibility patterns.",
			"Frontend Developer, Atelier Numérique, Lyon (2016–2020)",
			"Delivered responsive web applications for museums and theatres; efficient office workflows for editors.",
		}},
		{"Education", []string{"Master in Interaction Design, Universitat Politècnica de València (2016)"}},
	},
}

var cvAmara = cvData{
	Name:     "Amara Okafor",
	Headline: "Data Scientist",
	Contact:  []string{"amara.okafor@example.net, +44 20 7946 0958, London, United Kingdom"},
	Side: []cvSection{
		{"Technical Skills", []string{"Python, R, SQL, Spark", "scikit-learn, PyTorch, statistics", "Airflow, dbt, BigQuery"}},
		{"Languages", []string{"English, Igbo, French"}},
	},
	Main: []cvSection{
		{"Summary", []string{"Data scientist with a background in epidemiology. I build forecasting models and the pipelines that keep them honest, and I explain the results to people who make decisions."}},
		{"Experience", []string{
			"Senior Data Scientist, Thamesview Analytics, London, 2020 to present",
			"Developed demand forecasting for a national retailer, reducing waste by eleven percent.",
			"Introduced experiment design reviews and a shared feature store for four teams.",
			"Data Analyst, Public Health Insights, Manchester, 2016 to 2020",
			"Automated weekly surveillance reports with Python and Airflow, saving two days of manual work each week.",
		}},
		{"Education", []string{"MSc Epidemiology, London School of Hygiene and Tropical Medicine, 2016", "BSc Statistics, University of Leeds, 2015"}},
		{"Projects", []string{"Open-source contributor to a time series library; conference talks on fair evaluation of forecasts."}},
	},
}
