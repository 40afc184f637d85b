package cv

import "time"

// Sections is the CV text split into its parts. It is stored as JSON.
type Sections struct {
	Contact        Contact      `json:"contact"`
	Summary        string       `json:"summary,omitempty"`
	Experience     []Experience `json:"experience"`
	Education      []Education  `json:"education"`
	Skills         []string     `json:"skills"` // the skills section's items, as written
	Certifications []string     `json:"certifications"`
	// CertificationEntries and Awards are those lists read as entries.
	CertificationEntries []Listed `json:"certificationEntries"`
	Awards               []Listed `json:"awards"`
	Languages            []string `json:"languages"` // the languages section's items, as written
	// SpokenLanguages are the languages read from them, with their level.
	SpokenLanguages []Language `json:"spokenLanguages"`
	Projects        []Project  `json:"projects"`
	// Headings are the lines read as section headings, with their kind.
	Headings []Heading `json:"headings"`
}

// Contact details, usually from the top of the CV (or a DOCX header).
type Contact struct {
	Name     string   `json:"name,omitempty"`
	Email    string   `json:"email,omitempty"`
	Phone    string   `json:"phone,omitempty"`
	Location string   `json:"location,omitempty"`
	Links    []string `json:"links"`
}

// Experience is one position.
type Experience struct {
	Title     string   `json:"title,omitempty"`
	Company   string   `json:"company,omitempty"`
	Location  string   `json:"location,omitempty"`
	StartDate string   `json:"startDate,omitempty"` // "2019-03" or "2019"
	EndDate   string   `json:"endDate,omitempty"`   // empty when Current
	Current   bool     `json:"current"`
	Bullets   []string `json:"bullets"`
	// Start and End bound the entry in the CV text (byte offsets), so skill
	// evidence can be tied to a position.
	Start int `json:"start"`
	End   int `json:"end"`
	// Ref names the entry for corrections (see setRefs); Corrected: the
	// user fixed its title, employer or dates.
	Ref       string `json:"ref,omitempty"`
	Corrected bool   `json:"corrected,omitempty"`
}

// Education is one degree or school.
type Education struct {
	Institution string   `json:"institution,omitempty"`
	Degree      string   `json:"degree,omitempty"`
	StartDate   string   `json:"startDate,omitempty"`
	EndDate     string   `json:"endDate,omitempty"`
	Details     []string `json:"details"`
}

// Project is one listed project.
type Project struct {
	Name        string   `json:"name"`
	Description string   `json:"description,omitempty"`
	Bullets     []string `json:"bullets"`
}

// Analysis is what an engine concluded about a CV. It is stored as JSON.
type Analysis struct {
	Score          int              `json:"score"` // 0–100
	ScoreReasons   []ScoreReason    `json:"scoreReasons"`
	Strengths      []string         `json:"strengths"`
	Weaknesses     []string         `json:"weaknesses"`
	Suggestions    []string         `json:"suggestions"`
	Seniority      Seniority        `json:"seniority"`
	SuggestedRoles []RoleSuggestion `json:"suggestedRoles"`
	Skills         []SkillFinding   `json:"skills"`
	// Confidence (0–1) is how far the parsed CV can be trusted; UnreadParts
	// are the parts seen in the text but not read, about which the
	// analysis claims nothing (see Assess).
	Confidence  float64      `json:"confidence"`
	UnreadParts []UnreadPart `json:"unreadParts"`
	Engine      string       `json:"engine"` // EngineOffline, EngineAzureOpenAI, EngineOpenAI
	Model       string       `json:"model,omitempty"`
	AnalysedAt  time.Time    `json:"analysedAt"`
}

// Engines that produce analyses.
const (
	EngineOffline     = "offline"
	EngineAzureOpenAI = "azure-openai"
	EngineOpenAI      = "openai"
)

// ScoreReason is one component of the score.
type ScoreReason struct {
	Aspect    string `json:"aspect"`
	Points    int    `json:"points"`
	MaxPoints int    `json:"maxPoints"`
	Comment   string `json:"comment"`
}

// Seniority is an estimate of career level.
type Seniority string

// Seniority levels, lowest first.
const (
	SeniorityEntry  Seniority = "ENTRY"
	SeniorityJunior Seniority = "JUNIOR"
	SeniorityMid    Seniority = "MID"
	SenioritySenior Seniority = "SENIOR"
	SeniorityLead   Seniority = "LEAD"
)

// Valid reports whether s is one of the levels.
func (s Seniority) Valid() bool {
	switch s {
	case SeniorityEntry, SeniorityJunior, SeniorityMid, SenioritySenior, SeniorityLead:
		return true
	}
	return false
}

// RoleSuggestion is a target role the person could aim for.
type RoleSuggestion struct {
	Title  string `json:"title"`
	Reason string `json:"reason"`
}

// SkillFinding is a skill found in the CV with an estimated level (1–5).
type SkillFinding struct {
	Name     string     `json:"name"` // canonical taxonomy name
	Category string     `json:"category,omitempty"`
	Level    int        `json:"level"`
	Years    float64    `json:"years,omitempty"`    // years of experience that mention it
	LastUsed int        `json:"lastUsed,omitempty"` // latest year it was used, 0 unknown
	Evidence []Evidence `json:"evidence"`
	// Source is "" for a skill the CV shows, SourceUser for one the user
	// stated in a correction (no evidence, never counted as the CV's).
	Source string `json:"source,omitempty"`
}

// Evidence is where in the CV a skill shows.
type Evidence struct {
	Snippet string `json:"snippet"`
	Where   string `json:"where"` // section name, e.g. "experience: Backend Engineer at Acme"
}
