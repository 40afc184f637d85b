// Package skills is the skills taxonomy shared by the cv, planning and
// courses subgraphs: one embedded dataset of canonical skill names (the
// identity of a skill in GraphQL, events and datasets) with their aliases,
// and a matcher that finds skills in free text such as a CV.
//
// Load parses and validates the embedded data; the caller keeps the
// *Taxonomy (there is no package state). A Taxonomy is immutable and safe for
// concurrent use.
//
// # Matching rules
//
// Names and aliases are compared after normalisation (see normalize.go): case
// is folded, and punctuation between the words of a name is ignored, so
// "Node.js", "NodeJS" and "node js" are the same form and "CI/CD" equals
// "cicd". Punctuation that is part of a name survives: a trailing "#" or "+"
// ("C#", "C++", "F#") and a leading "." (".NET"), so "C", "C#" and "C++" stay
// three skills and "NET" is not ".NET".
//
// Lookup applies only that normalisation: Lookup("go") is Go. Find on free text
// is stricter for forms the dataset marks (see skills.txt):
//
//   - "=" forms ("ML", "AI", "QA", "React", "Node") match only with exactly the
//     dataset's capitalisation, so "500 ml" is not Machine Learning and "react
//     quickly" is not React.
//   - "!" forms are short names that are also English words or letters ("Go",
//     "R", "C", "Swift", "Rust", "Spring", "Excel", "Word", "Express", "Lambda").
//     They match only with exactly the dataset's capitalisation (or all
//     capitals, as in "SKILLS: GO, RUST") AND in a skill-like context, one of:
//     (a) a list item: preceded by the start of a line, one of , ; | / ( [ :
//     or a bullet (•, ·, *, or a dash and a space), and followed by the end
//     of a line, one of , ; | / ) ] : or a full stop or spaced dash;
//     (b) one side is such a delimiter and the other side is the word "and" or
//     "or" ("Python, Go and Rust"), where "and"/"or" on the right needs a real
//     punctuation mark on the left, not just a line start ("Go and see" is no
//     skill);
//     (c) followed by "programming", "language", "developer(s)",
//     "engineer(s)", "programmer(s)" or "development" ("Go developer");
//     (d) preceded by "in", "with", "using", "via" or "including" and
//     followed by a delimiter or line end ("services in Go; analysis in R.");
//     (e) glued by "/" to another skill form ("C/C++", "R/Python"), but not
//     to a non-skill ("A/C", "C/O").
//     So "I go to work", "Go to the store.", "excel at" and "Spring 2021"
//     match nothing, "R&D" is Research and Development (never R), and
//     "Skills: Go, R, C" matches three skills.
//     Unambiguous aliases still match anywhere: "Golang", "R programming",
//     "Microsoft Excel", "Spring Boot".
//
// Find takes the longest match at each position, scanning left to right:
// "Machine Learning" rather than "Learning", "Google Cloud Platform" rather
// than a shorter skill, "Spring Boot" rather than "Spring". A match never
// spans a line break or hard punctuation (",", ";", ":", ". ", brackets),
// so "Java, Script" is two words, not JavaScript.
package skills

// Skill is one entry of the taxonomy.
type Skill struct {
	Name     string   // canonical display name, the skill's identity everywhere
	Category string   // e.g. "Programming Languages", "Healthcare"
	Aliases  []string // other spellings, as written in the dataset; read-only
}

// Match is a skill found in free text. Start and End are byte offsets into
// the text given to Find: text[Start:End] is the evidence, e.g. "k8s".
type Match struct {
	Skill      Skill
	Start, End int
}

// Taxonomy is a loaded, validated skills dataset.
type Taxonomy struct {
	skills    []Skill
	byKey     map[string]form     // normalised key -> the one form that owns it
	prefixes  map[string]bool     // every proper prefix of a key: lets Find stop extending early
	maxTokens int                 // longest n-gram Find needs to try
	maxKey    int                 // longest key in bytes; longer n-grams cannot match
	broader   map[string][]string // canonical name -> broader skills it demonstrates (related.txt)
}

// form is one name or alias of a skill as Find and Lookup see it.
type form struct {
	skill  int    // index into Taxonomy.skills
	exact  string // case-preserving key when the form is case-sensitive, else ""
	strict bool   // also needs a skill-like context (see package doc)
}

// maxLookupLen bounds Lookup's input: no name is this long, and it keeps a
// hostile caller from making us normalise megabytes.
const maxLookupLen = 200

// Lookup returns the skill whose canonical name or alias equals nameOrAlias
// after normalisation (case- and punctuation-insensitive).
func (t *Taxonomy) Lookup(nameOrAlias string) (Skill, bool) {
	if len(nameOrAlias) > maxLookupLen {
		return Skill{}, false
	}
	key, _ := normalize(nameOrAlias)
	if key == "" {
		return Skill{}, false
	}
	f, ok := t.byKey[key]
	if !ok {
		return Skill{}, false
	}
	return t.skills[f.skill], true
}

// All returns every skill in dataset order (grouped by category). The slice
// is the caller's; the Aliases slices inside are shared and read-only.
func (t *Taxonomy) All() []Skill {
	out := make([]Skill, len(t.skills))
	copy(out, t.skills)
	return out
}
