package cv

import "testing"

// TestParseExperienceForms: positions in the usual layouts, date forms and
// languages come out with their title, employer, place and dates.
func TestParseExperienceForms(t *testing.T) {
	tests := []struct {
		name, text                           string
		title, company, location, start, end string
		current                              bool
	}{
		{"Awesome-CV: employer above, title and dates below", "Work Experience\nDunamu Inc. Seoul, S.Korea\nDevOps Engineer Sep. 2023 - Mar. 2024\n• Led things",
			"DevOps Engineer", "Dunamu Inc.", "Seoul, S.Korea", "2023-09", "2024-03", false},
		{"one line, numeric month, present", "Experience\nBackend Engineer | Acme Ltd | 09/2019 – present\n- Built things",
			"Backend Engineer", "Acme Ltd", "", "2019-09", "", true},
		{"open range", "Experience\nData Analyst, Globex Corp, 2019–\n- Analysed things",
			"Data Analyst", "Globex Corp", "", "2019", "", true},
		{"years only", "Experience\nSupport Engineer at Initech Systems 2019 - 2021\n- Supported things",
			"Support Engineer", "Initech Systems", "", "2019", "2021", false},
		{"Spanish", "Experiencia laboral\nDesarrollador Backend, Acme S.A.\nenero de 2019 – actualidad\n- Construí servicios",
			"Acme S.A.", "Desarrollador Backend", "", "2019-01", "", true},
		{"French", "Expérience professionnelle\nIngénieur logiciel | Société Générale | févr. 2017 – août 2019\n- Développé des services",
			"Ingénieur logiciel", "Société Générale", "", "2017-02", "2019-08", false},
		{"German", "Berufserfahrung\nSoftwareentwickler, Muster GmbH, München, Deutschland\nMärz 2016 – heute\n- Dienste gebaut",
			"Softwareentwickler", "Muster GmbH", "München, Deutschland", "2016-03", "", true},
		{"Portuguese", "Experiência profissional\nAnalista de Dados | Banco Azul | março 2015 – outubro 2017\n- Analisei dados",
			"Analista de Dados", "Banco Azul", "", "2015-03", "2017-10", false},
		{"Italian", "Esperienze lavorative\nSviluppatore | Rossi S.p.A. | gennaio 2018 – in corso\n- Sviluppato servizi",
			"Sviluppatore", "Rossi S.p.A.", "", "2018-01", "", true},
		{"Chinese", "工作经历\n软件工程师 | 星辰科技 | 2019年3月至今\n- 开发服务",
			"软件工程师", "星辰科技", "", "2019-03", "", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := Parse(tt.text)
			if len(s.Experience) != 1 {
				t.Fatalf("%d positions: %+v", len(s.Experience), s.Experience)
			}
			e := s.Experience[0]
			// Without role words in a language we do not list, title and
			// employer may come in either order; both must be there.
			if !(e.Title == tt.title && e.Company == tt.company) && !(e.Title == tt.company && e.Company == tt.title) {
				t.Errorf("title %q, company %q; want %q, %q", e.Title, e.Company, tt.title, tt.company)
			}
			if e.Location != tt.location || e.StartDate != tt.start || e.EndDate != tt.end || e.Current != tt.current {
				t.Errorf("location %q, %q – %q current %v; want %q, %q – %q current %v", e.Location, e.StartDate, e.EndDate, e.Current,
					tt.location, tt.start, tt.end, tt.current)
			}
		})
	}
}
