package cv

import "testing"

func TestHeadingOf(t *testing.T) {
	tests := []struct{ line, want string }{
		// The headings issue 21 saw missed.
		{"Relevant Work Experience", secExperience},
		{"Professional Development", secCertifications},
		{"HONORS/AWARDS", secAwards},
		{"PROJECT", secProjects},
		{"SKILLS & AWARDS", secSkills},
		{"Computer skills", secSkills},
		{"STRENGTHS", secSkills},
		{"Experiencia laboral", secExperience},
		{"Formación", secEducation},
		{"工作经历", secExperience},
		{"教育背景", secEducation},
		// Normalisation: case, punctuation, accents, &/and, plurals.
		{"EXPERIENCE:", secExperience},
		{"Work experience —", secExperience},
		{"Education & Training", secEducation},
		{"Licenses + Certifications", secCertifications},
		{"Certification", secCertifications},
		{"Award", secAwards},
		{"Language", secLanguages},
		{"Compétences", secSkills},
		{"FORMATION ACADÉMIQUE", secEducation},
		// Spanish, French, German, Portuguese, Italian, Chinese.
		{"Experiencia profesional", secExperience},
		{"Habilidades", secSkills},
		{"Idiomas", secLanguages},
		{"Expérience professionnelle", secExperience},
		{"Langues", secLanguages},
		{"Centres d'intérêt", secInterests},
		{"Berufserfahrung", secExperience},
		{"Ausbildung", secEducation},
		{"Sprachkenntnisse", secLanguages},
		{"IT-Kenntnisse", secSkills},
		{"Experiência profissional", secExperience},
		{"Formação acadêmica", secEducation},
		{"Esperienze lavorative", secExperience},
		{"Istruzione e formazione", secEducation},
		{"Competenze informatiche", secSkills},
		{"项目经历", secProjects},
		{"专业技能", secSkills},
		{"获奖情况", secAwards},
		{"实践经验", secExperience}, // not in the lexicon: its head noun 经验
		// Unknown headings by their head noun and layout (short, capitalised).
		{"Leadership Experience", secExperience},
		{"TEACHING EXPERIENCE", secExperience},
		{"Programming Skills", secSkills},
		{"Selected Publications", secPublications},
		{"Experiencia docente", secExperience},
		{"Contact Info", secHeader},
		// Not headings.
		{"Experience with Kubernetes and Terraform in production.", ""},
		{"• Skills", ""},
		{"strong communication skills", ""},
		{"Senior Engineer, Acme — 2019 – 2021", ""},
		{"I have wide experience", ""},
		{"Built a platform used by 7000 users across three continents and four teams", ""},
		{"", ""},
	}
	for _, tt := range tests {
		t.Run(tt.line, func(t *testing.T) {
			if got := headingOf(tt.line); got != tt.want {
				t.Errorf("headingOf(%q) = %q, want %q", tt.line, got, tt.want)
			}
		})
	}
}
