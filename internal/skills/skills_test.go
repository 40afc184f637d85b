package skills

import (
	"strings"
	"testing"
)

func load(t testing.TB) *Taxonomy {
	t.Helper()
	tx, err := Load()
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	return tx
}

// TestDataset guards the embedded data: it loads (so no two skills share a
// form), is big enough, and covers the categories other services rely on.
func TestDataset(t *testing.T) {
	tx := load(t)
	all := tx.All()
	if len(all) < 400 {
		t.Errorf("%d skills, want at least 400", len(all))
	}
	counts := map[string]int{}
	for _, s := range all {
		counts[s.Category]++
		if got, ok := tx.Lookup(s.Name); !ok || got.Name != s.Name {
			t.Errorf("Lookup(%q) = %q, %v; want itself", s.Name, got.Name, ok)
		}
		for _, a := range s.Aliases {
			if got, ok := tx.Lookup(a); !ok || got.Name != s.Name {
				t.Errorf("Lookup(alias %q) = %q, %v; want %q", a, got.Name, ok, s.Name)
			}
		}
		if strings.TrimSpace(s.Name) != s.Name || strings.ContainsAny(s.Name, "|=!") {
			t.Errorf("name %q has stray spaces or markers", s.Name)
		}
	}
	for _, c := range []string{
		"Programming Languages", "Frameworks & Libraries", "Databases", "Cloud & DevOps",
		"Software Engineering", "Data & AI", "Security", "Design", "Product", "Management",
		"Business & Soft Skills", "Marketing", "Sales", "Finance", "Human Resources",
		"Healthcare", "Education", "Operations",
	} {
		if counts[c] < 10 {
			t.Errorf("category %q has %d skills, want at least 10", c, counts[c])
		}
		delete(counts, c)
	}
	for c := range counts {
		t.Errorf("unexpected category %q: add it to this test and to the package README", c)
	}
}

func TestLookup(t *testing.T) {
	tx := load(t)
	tests := []struct {
		name, in, want string // want "" means not found
	}{
		{"canonical", "Kubernetes", "Kubernetes"},
		{"lower case", "kubernetes", "Kubernetes"},
		{"k8s", "k8s", "Kubernetes"},
		{"JS", "JS", "JavaScript"},
		{"js lower", "js", "JavaScript"},
		{"TS", "TS", "TypeScript"},
		{"golang", "golang", "Go"},
		{"go lower", "go", "Go"},
		{"Postgres", "Postgres", "PostgreSQL"},
		{"postgresql spaced", " PostgreSQL ", "PostgreSQL"},
		{"ML", "ML", "Machine Learning"},
		{"ml lower is still a lookup hit", "ml", "Machine Learning"},
		{"Amazon Web Services", "amazon web services", "AWS"},
		{"AWS", "aws", "AWS"},
		{"CI/CD", "CI/CD", "CI/CD"},
		{"cicd", "cicd", "CI/CD"},
		{"ci cd", "ci-cd", "CI/CD"},
		{"Node", "Node", "Node.js"},
		{"NodeJS", "NodeJS", "Node.js"},
		{"node js", "node js", "Node.js"},
		{"React.js", "React.js", "React"},
		{"ReactJS", "reactjs", "React"},
		{"C#", "C#", "C#"},
		{"c sharp", "c sharp", "C#"},
		{"C++", "c++", "C++"},
		{"C", "C", "C"},
		{".NET", ".NET", ".NET"},
		{"dotnet", "dotnet", ".NET"},
		{".net core", ".net core", ".NET"},
		{"ASP.NET", "asp.net", "ASP.NET"},
		{"F#", "f#", "F#"},
		{"scikit-learn", "scikit-learn", "scikit-learn"},
		{"sklearn", "sklearn", "scikit-learn"},
		{"scikit learn", "Scikit Learn", "scikit-learn"},
		{"GCP", "GCP", "Google Cloud"},
		{"R", "r", "R"},
		{"Excel", "MS Excel", "Excel"},
		{"stakeholder", "stakeholder management", "Stakeholder Management"},
		{"R&D", "R&D", "Research and Development"},
		{"non-tech", "registered nurse", "Nursing"},
		{"NET is not .NET", "NET", ""},
		{"C# is not C", "C#", "C#"},
		{"unknown", "underwater basket weaving", ""},
		{"empty", "", ""},
		{"punctuation only", "#+/.", ""},
		{"too long", strings.Repeat("a", maxLookupLen+1), ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, ok := tx.Lookup(tc.in)
			if tc.want == "" {
				if ok {
					t.Fatalf("Lookup(%q) = %q, want not found", tc.in, got.Name)
				}
				return
			}
			if !ok || got.Name != tc.want {
				t.Fatalf("Lookup(%q) = %q, %v; want %q", tc.in, got.Name, ok, tc.want)
			}
		})
	}
}

func TestAllIsACopy(t *testing.T) {
	tx := load(t)
	a := tx.All()
	first := a[0].Name
	a[0].Name = "changed"
	a[0].Aliases = append(a[0].Aliases, "appended")
	b := tx.All()
	if b[0].Name != first {
		t.Fatalf("All()[0].Name = %q after the caller changed its copy, want %q", b[0].Name, first)
	}
	for _, al := range b[0].Aliases {
		if al == "appended" {
			t.Fatal("appending to a returned Aliases slice changed the taxonomy")
		}
	}
	if _, ok := tx.Lookup("appended"); ok {
		t.Fatal("appended alias became a lookup key")
	}
}
