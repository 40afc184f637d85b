package skills

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

// found renders Find's result as "Name=evidence" pairs, checking that every
// offset pair really cuts the evidence out of the text.
func found(t *testing.T, tx *Taxonomy, text string) []string {
	t.Helper()
	var out []string
	for _, m := range tx.Find(text) {
		if m.Start < 0 || m.End > len(text) || m.Start >= m.End {
			t.Fatalf("bad offsets %d:%d for %q in %q", m.Start, m.End, m.Skill.Name, text)
		}
		out = append(out, m.Skill.Name+"="+text[m.Start:m.End])
	}
	return out
}

func TestFind(t *testing.T) {
	tx := load(t)
	tests := []struct {
		name string
		text string
		want []string
	}{
		{"longest match wins", "Experienced in Machine Learning and deep learning.",
			[]string{"Machine Learning=Machine Learning", "Deep Learning=deep learning"}},
		{"Google Cloud Platform is one match", "Deployed on Google Cloud Platform daily",
			[]string{"Google Cloud=Google Cloud Platform"}},
		{"Spring Boot over Spring", "Built services with Spring Boot",
			[]string{"Spring Boot=Spring Boot"}},
		{"React Native over React", "Shipped apps in React Native", []string{"React Native=React Native"}},
		{"SQL Server over SQL", "Tuned Microsoft SQL Server and SQL queries",
			[]string{"SQL Server=Microsoft SQL Server", "SQL=SQL"}},
		{"aliases", "JS, TS, k8s and golang; Postgres",
			[]string{"JavaScript=JS", "TypeScript=TS", "Kubernetes=k8s", "Go=golang", "PostgreSQL=Postgres"}},
		{"punctuation names", "C#, C++, F# and .NET (ASP.NET Core)",
			[]string{"C#=C#", "C++=C++", "F#=F#", ".NET=.NET", "ASP.NET=ASP.NET Core"}},
		{"C++17 keeps the version out", "Modern C++17 code", []string{"C++=C++"}},
		{"dotted and joined names", "Node.js, NodeJS, node js, Vue.js, CI/CD",
			[]string{"Node.js=Node.js", "Node.js=NodeJS", "Node.js=node js", "Vue.js=Vue.js", "CI/CD=CI/CD"}},
		{"scikit-learn", "pandas? no: scikit-learn and sklearn",
			[]string{"scikit-learn=scikit-learn", "scikit-learn=sklearn"}},
		{"no match across a comma", "Java, Script writing", []string{"Java=Java"}},
		{"no match across a line break", "Machine\nLearning", nil},
		{"word boundaries", "Javanese scripts, Pythonic, Reactor", nil},
		{"case-only form: ML", "ML pipelines, 500 ml of saline", []string{"Machine Learning=ML"}},
		{"case-only form: React", "React developer; react quickly", []string{"React=React"}},
		{"case-only form: Node vs lymph node", "lymph node biopsy", nil},
		{"non-tech skills", "Registered Nurse with patient care, triage and phlebotomy",
			[]string{"Nursing=Registered Nurse", "Patient Care=patient care", "Triage=triage", "Phlebotomy=phlebotomy"}},
		{"offsets with multibyte text", "Zürich — Kubernetes", []string{"Kubernetes=Kubernetes"}},
		{"empty", "", nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := found(t, tx, tc.text); !slices.Equal(got, tc.want) {
				t.Fatalf("Find(%q)\n got %q\nwant %q", tc.text, got, tc.want)
			}
		})
	}
}

// TestFindAmbiguous pins the rule for names that are also English words or
// letters: exact capitalisation and a skill-like context.
func TestFindAmbiguous(t *testing.T) {
	tx := load(t)
	tests := []struct {
		name string
		text string
		want []string
	}{
		{"go as a verb", "I go to work every day", nil},
		{"Go sentence-initial", "Go to the store.", nil},
		{"Go and see", "Go and see the doctor", nil},
		{"R in R&D", "Led R&D for a team", []string{"Research and Development=R&D"}},
		{"R in text", "The R value was high", nil},
		{"excel as a verb", "I excel at teamwork", []string{"Teamwork=teamwork"}},
		{"Excel sentence-initial", "Excel at communication", []string{"Communication=communication"}},
		{"Spring season", "Spring 2021 internship", nil},
		{"rust as a noun", "Removed rust from the hull", nil},
		{"Swift surname", "Worked with Taylor Swift tours", nil},
		{"vitamin C", "Vitamin C and iron", nil},
		{"grade C", "Grade C in maths", nil},
		{"upper case GO in prose", "GO TEAM", nil},
		{"all-caps list", "SKILLS: GO, RUST, EXCEL", []string{"Go=GO", "Rust=RUST", "Excel=EXCEL"}},
		{"mixed case is not the name", "gO, rUST", nil},
		{"case-only forms stay exact in caps", "REACT QUICKLY", nil},
		{"comma list", "Go, Rust, C, R, Swift",
			[]string{"Go=Go", "Rust=Rust", "C=C", "R=R", "Swift=Swift"}},
		{"after Skills:", "Skills: Go", []string{"Go=Go"}},
		{"list with and", "Python, Go and Rust",
			[]string{"Python=Python", "Go=Go", "Rust=Rust"}},
		{"list ending with a full stop", "Languages: Java, Go.", []string{"Java=Java", "Go=Go"}},
		{"bullets", "• Go\n- Rust\n* Excel\n", []string{"Go=Go", "Rust=Rust", "Excel=Excel"}},
		{"pipe and slash lists", "Go | Rust / C", []string{"Go=Go", "Rust=Rust", "C=C"}},
		{"parentheses", "systems languages (C, Rust)", []string{"C=C", "Rust=Rust"}},
		{"C/C++", "C/C++ and Python", []string{"C=C", "C++=C++", "Python=Python"}},
		{"technology word after", "Senior Go developer writing Rust programming tools",
			[]string{"Go=Go", "Rust=Rust", "Software Development=programming"}},
		{"unambiguous aliases match anywhere", "I write Golang and R programming in Microsoft Excel",
			[]string{"Go=Golang", "R=R programming", "Excel=Microsoft Excel"}},
		{"Word in a list", "Excel, Word, PowerPoint",
			[]string{"Excel=Excel", "Microsoft Word=Word", "Microsoft PowerPoint=PowerPoint"}},
		{"word in prose", "In a Word document", nil},
		{"C/C++ glued by a slash", "Some C/C++ and Rust", []string{"C=C", "C++=C++", "Rust=Rust"}},
		{"R/Python", "Analysis in R/Python", []string{"R=R", "Python=Python"}},
		{"A/C is no list", "A/C repair and C/O mail", nil},
		{"after in/with/using", "Services in Go; analysis in R. Reports using Excel.",
			[]string{"Go=Go", "R=R", "Excel=Excel"}},
		{"in Spring 2021", "Graduated in Spring 2021", nil},
		{"in Go and", "in Go and Java", []string{"Java=Java"}},
		{"Go-getter", "A Go-getter with drive", nil},
		{"Head Chef", "Head Chef, Sous Chef", nil},
		{"Lambda in a list", "AWS (S3, EC2, Lambda)", []string{"AWS=AWS", "Amazon S3=S3", "Amazon EC2=EC2", "AWS Lambda=Lambda"}},
		{"Objective-C is not C", "Objective-C", []string{"Objective-C=Objective-C"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := found(t, tx, tc.text); !slices.Equal(got, tc.want) {
				t.Fatalf("Find(%q)\n got %q\nwant %q", tc.text, got, tc.want)
			}
		})
	}
}

// cvText is a realistic, CV-sized (~5 KB) text.
func cvText() string {
	var b strings.Builder
	b.WriteString("Jane Doe — Senior Software Engineer\nSkills: Go, Python, TypeScript, React, PostgreSQL, Redis, Kubernetes, AWS, Terraform, CI/CD\n\n")
	for i := range 20 {
		fmt.Fprintf(&b, "2019-202%d Acme Corp %d: led a team of 5 building microservices in Go and Node.js on Google Cloud Platform; "+
			"introduced machine learning models with scikit-learn and PyTorch, mentoring juniors in test-driven development.\n", i%10, i)
	}
	return b.String()
}

func TestFindCV(t *testing.T) {
	tx := load(t)
	names := map[string]bool{}
	for _, m := range tx.Find(cvText()) {
		names[m.Skill.Name] = true
	}
	for _, want := range []string{"Go", "Python", "TypeScript", "React", "PostgreSQL", "Redis", "Kubernetes", "AWS",
		"Terraform", "CI/CD", "Microservices", "Node.js", "Google Cloud", "Machine Learning", "scikit-learn",
		"PyTorch", "Mentoring", "Test-Driven Development"} {
		if !names[want] {
			t.Errorf("Find on the CV missed %q", want)
		}
	}
}

func BenchmarkFind(b *testing.B) {
	tx := load(b)
	text := cvText()
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		tx.Find(text)
	}
}

// FuzzFind checks that Find never panics and that every match cuts a real,
// ordered, non-overlapping piece of the text that Lookup resolves to the same
// skill.
func FuzzFind(f *testing.F) {
	tx := load(f)
	for _, s := range []string{"Go, C/C++ and R", ".NET/C#", "Zürich — k8s", "C++17", "a/b/c", "\xff.NET", "•Go\n", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		prev := 0
		for _, m := range tx.Find(text) {
			if m.Start < prev || m.End <= m.Start || m.End > len(text) {
				t.Fatalf("bad span %d:%d (previous end %d) in %q", m.Start, m.End, prev, text)
			}
			prev = m.End
			if got, ok := tx.Lookup(text[m.Start:m.End]); !ok || got.Name != m.Skill.Name {
				t.Fatalf("Lookup(%q) = %q, %v; Find said %q", text[m.Start:m.End], got.Name, ok, m.Skill.Name)
			}
		}
	})
}
