package cv

import "strings"

// Listed is one entry of a certifications or awards list.
type Listed struct {
	Name string `json:"name"`
	// Issuer is the body that certified (certifications only): the part
	// after the last comma, "…, Amazon Web Services (AWS)".
	Issuer string `json:"issuer,omitempty"`
	Date   string `json:"date,omitempty"` // YYYY or YYYY-MM
}

// maxListed bounds the entries read from one list.
const maxListed = 50

// parseListed reads a certifications (withIssuer) or awards list: one entry
// per line, its date taken out of the line ("2023 AWS Certified …",
// "… (Mar 2021)"). A short undated line in a dated list is a group label
// ("Domestic Awards"), a line starting in lower case continues the entry
// above; neither is an entry.
func parseListed(lines []line, withIssuer bool) []Listed {
	dated := 0
	for _, l := range lines {
		if hasYear(l.text) {
			dated++
		}
	}
	out := []Listed{}
	for _, l := range lines {
		t := stripBullet(l.text)
		if t == "" || (len(out) > 0 && startsLower(t)) {
			continue
		}
		var e Listed
		if hasYear(t) {
			if loc := anyDate.FindStringIndex(t); loc != nil {
				e.Date = normDate(t[loc[0]:loc[1]])
				t = strings.TrimSpace(t[:loc[0]] + " " + t[loc[1]:])
			}
		} else if dated > 0 && len(strings.Fields(t)) <= 3 {
			continue
		}
		t = strings.NewReplacer("( )", "", "()", "").Replace(t) // "… (Mar 2021)" once the date is out
		t = strings.Trim(t, " ,;|–—-")
		e.Name = t
		if i := strings.LastIndex(t, ", "); withIssuer && i > 0 {
			e.Name, e.Issuer = strings.TrimSpace(t[:i]), strings.Trim(t[i+2:], " ,;")
		}
		if e.Name == "" {
			continue
		}
		out = append(out, e)
		if len(out) == maxListed {
			break
		}
	}
	return out
}
