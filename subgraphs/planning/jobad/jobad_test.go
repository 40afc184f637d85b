package jobad

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/careercoach/coach/internal/skills"
)

func TestParseRejectsBadInput(t *testing.T) {
	p := parser(t)
	cancelled, cancel := context.WithCancel(context.Background())
	cancel()
	tests := []struct {
		name string
		ctx  context.Context
		text string
		want error
	}{
		{"too long", context.Background(), strings.Repeat("Python developer. ", MaxAdBytes/18+1), ErrAdTooLong},
		{"empty", context.Background(), " \n\t ", ErrAdEmpty},
		{"not UTF-8", context.Background(), "Go developer \xff\xfe", ErrAdInvalid},
		{"cancelled", cancelled, "Requirements\n- Go\n", context.Canceled},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ad, err := p.Parse(tt.ctx, tt.text, "")
			if !errors.Is(err, tt.want) || ad != nil {
				t.Fatalf("Parse = %v, %v; want error %v", ad, err, tt.want)
			}
		})
	}
}

func TestParseRules(t *testing.T) {
	p := parser(t)
	tests := []struct {
		name, text string
		want       []string // kind:name:required, in order
	}{
		{"section decides", "Requirements\n- Python\nNice to have\n- Kubernetes\n",
			[]string{"SKILL:Python:true", "SKILL:Kubernetes:false"}},
		{"predicate marker lends left", "Title\n\nExperience with Terraform, Ansible and Docker is a plus.\n",
			[]string{"SKILL:Terraform:false", "SKILL:Ansible:false", "SKILL:Docker:false"}},
		{"leading marker lends right", "Title\n\n- 4 years of experience in SQL, ideally with Tableau\n",
			[]string{"SKILL:SQL:true", "SKILL:Tableau:false", "EXPERIENCE:4+ years of experience:true"}},
		{"semicolon stops lending", "Title\n\n- Fluent English; German is a plus\n",
			[]string{"LANGUAGE:English:true", "LANGUAGE:German:false"}},
		{"bracket does not lend", "Title\n\n- Bachelor's degree in Finance (Master's preferred)\n",
			[]string{"EDUCATION:Bachelor's degree:true", "EDUCATION:Master's degree:false"}},
		{"about us asks nothing", "Title\n\nAbout us\nWe love Kubernetes and Python.\n\nRequirements\n- Java\n",
			[]string{"SKILL:Java:true"}},
		{"negation asks nothing", "Title\n\n- A degree is not required\n- Excellent communication skills\n",
			[]string{"SKILL:Communication:true"}},
		{"a skill counts once", "Title\n\n- Python is a plus\n- Strong Python required\n- Python, Python, Python\n",
			[]string{"SKILL:Python:true"}},
		{"age is no experience", "Title\n\n- Must be 21 years of age\n- 2 years driving a truck\n",
			[]string{"EXPERIENCE:2+ years of experience:true"}},
		{"employer is no skill", "Title\n\nApex Systems is hiring a nurse with strong Excel skills.\n", nil},
		{"degree field is no skill", "Title\n\n- Bachelor's degree in Accounting or Finance\n",
			[]string{"EDUCATION:Bachelor's degree:true"}},
		{"lowest of alternatives", "Title\n\n- Bachelor's or Master's degree in Biology\n",
			[]string{"EDUCATION:Bachelor's degree:true"}},
		{"subject is no language", "Title\n\nWe need an English teacher for our school.\n", nil},
		{"certification proves skill", "Title\n\n- Current BLS certification\n", []string{"CERTIFICATION:BLS:true"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ad, err := p.Parse(context.Background(), tt.text, "")
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, r := range ad.Requirements {
				got = append(got, reqString(r))
			}
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("requirements\n got %q\nwant %q", got, tt.want)
			}
			for _, r := range ad.Requirements {
				if !strings.Contains(tt.text, r.Sentence) || r.Sentence == "" {
					t.Errorf("%s: sentence %q is not the ad's", r.Name, r.Sentence)
				}
			}
		})
	}
}

func reqString(r Requirement) string {
	return string(r.Kind) + ":" + r.Name + ":" + map[bool]string{true: "true", false: "false"}[r.Required]
}

func TestParseTitle(t *testing.T) {
	p := parser(t)
	tests := []struct{ title, code string }{
		{"Registered Nurse", "29-1141.00"},
		{"Senior Software Engineer - Payments (Remote)", "15-1252.00"},
		{"Electrician", "47-2111.00"},
		{"Zorblax Quuxer", ""},
	}
	for _, tt := range tests {
		t.Run(tt.title, func(t *testing.T) {
			ad, err := p.Parse(context.Background(), "We need you.", tt.title)
			if err != nil {
				t.Fatal(err)
			}
			code := ""
			if ad.Title.Occupation != nil {
				code = ad.Title.Occupation.Code
			}
			if code != tt.code || ad.Title.How == "" {
				t.Errorf("title %q → %q (%s), want %q", tt.title, code, ad.Title.How, tt.code)
			}
			if code == "" && ad.Title.Confidence != 0 {
				t.Errorf("no occupation but confidence %v", ad.Title.Confidence)
			}
		})
	}
}

func TestSoftSkillsAreTaxonomyNames(t *testing.T) {
	tax, err := skills.Load()
	if err != nil {
		t.Fatal(err)
	}
	for name := range softSkills {
		if s, ok := tax.Lookup(name); !ok || s.Name != name {
			t.Errorf("soft skill %q is not a canonical taxonomy name", name)
		}
	}
}

// A long, hostile ad (one line, no sentence breaks, every marker) stays
// linear: it is parsed well within a benchmark-sized budget.
func BenchmarkParseWorstCase(b *testing.B) {
	p := parser(b)
	unit := "preferred required a plus Python, Go; (5 years experience) Bachelor's degree, fluent English, "
	text := strings.Repeat(unit, MaxAdBytes/len(unit))
	b.ResetTimer()
	for b.Loop() {
		if _, err := p.Parse(context.Background(), text, ""); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkParse(b *testing.B) {
	p := parser(b)
	text := adText(b, "tech-backend-go")
	b.ResetTimer()
	for b.Loop() {
		if _, err := p.Parse(context.Background(), text, ""); err != nil {
			b.Fatal(err)
		}
	}
}
