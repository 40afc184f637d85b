package skills

import (
	"slices"
	"strings"
	"testing"
)

func TestBroader(t *testing.T) {
	tx, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, skill, want string
	}{
		{"Tableau is data visualisation", "Tableau", "Data Visualization"},
		{"Power BI by alias", "Microsoft Power BI", "Data Visualization"},
		{"public speaking is communication", "Public Speaking", "Communication"},
		{"storytelling is communication", "Storytelling", "Communication"},
		{"stakeholder management is communication", "stakeholder engagement", "Communication"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := tx.Broader(tc.skill); !slices.Contains(got, tc.want) {
				t.Fatalf("Broader(%q) = %v, want it to include %q", tc.skill, got, tc.want)
			}
		})
	}
	if got := tx.Broader("Communication"); got != nil {
		t.Fatalf("Broader(Communication) = %v, want none", got)
	}
	if got := tx.Broader("no such skill"); got != nil {
		t.Fatalf("Broader(unknown) = %v, want nil", got)
	}
}

func TestParseRelatedErrors(t *testing.T) {
	base, err := parse("[A]\nTableau\nData Visualization\nBI\n")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, data, wantErr string
	}{
		{"no arrow", "Tableau Data Visualization\n", "Narrower > Broader"},
		{"unknown skill", "Tableau > Dataviz Wizardry\n", "both sides must be skills"},
		{"self", "Tableau > tableau\n", "to itself"},
		{"twice", "Tableau > BI\nTableau > BI\n", "listed twice"},
		{"cycle", "Tableau > BI\nBI > Data Visualization\nData Visualization > Tableau\n", "cycle"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			err := base.parseRelated(tc.data)
			if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
				t.Fatalf("parseRelated error = %v, want one containing %q", err, tc.wantErr)
			}
		})
	}
}
