package skills

import "testing"

func TestCommonTechNames(t *testing.T) {
	// commonTech are the canonical names other services' datasets use most; the
	// list is published in the skills worker's report, so a rename must fail here.
	commonTech := []string{
		"Python", "JavaScript", "TypeScript", "Java", "Go", "C#", "C++", "C", "Rust", "Kotlin",
		"Swift", "PHP", "Ruby", "Scala", "R", "SQL", "Bash", "HTML", "CSS", "React",
		"Angular", "Vue.js", "Next.js", "Node.js", "Django", "Flask", "FastAPI", "Spring Boot", ".NET", "GraphQL",
		"REST APIs", "PostgreSQL", "MySQL", "MongoDB", "Redis", "Elasticsearch", "AWS", "Azure", "Google Cloud", "Docker",
		"Kubernetes", "Terraform", "CI/CD", "Git", "Linux", "Kafka", "Microservices", "System Design", "Machine Learning", "Deep Learning",
		"Data Analysis", "Data Engineering", "Pandas", "scikit-learn", "TensorFlow", "PyTorch", "Apache Spark", "Power BI", "Excel", "Agile",
	}
	tx := load(t)
	if len(commonTech) != 60 {
		t.Fatalf("%d names, want 60", len(commonTech))
	}
	for _, name := range commonTech {
		t.Run(name, func(t *testing.T) {
			if s, ok := tx.Lookup(name); !ok || s.Name != name {
				t.Fatalf("Lookup(%q) = %q, %v; want the canonical name itself", name, s.Name, ok)
			}
		})
	}
}
