package planning_test

import (
	"testing"

	"github.com/careercoach/coach/subgraphs/planning/occupations"
)

// Every figure a role's insights show is the generated dataset's figure
// for the role's SOC code, with that release named.
func TestInsightsComeFromTheReleases(t *testing.T) {
	c := load(t)
	ds, err := occupations.Load()
	if err != nil {
		t.Fatal(err)
	}
	bySOC := map[string]occupations.Market{}
	for _, m := range ds.Market {
		bySOC[m.SOC] = m
	}
	for _, r := range c.NamedRoles() {
		t.Run(r.ID, func(t *testing.T) {
			in := c.Insights(r)
			if in.MedianPay == nil || in.Pay10th == nil || in.Pay90th == nil || in.GrowthPercent == nil || in.AnnualOpenings == nil || in.TypicalEducation == nil {
				t.Fatalf("figures missing: %+v", in.Unavailable)
			}
			m := bySOC[r.MarketSOC]
			w, p := m.Wages, m.Projection
			got := []float64{in.MedianPay.Value, in.Pay10th.Value, in.Pay90th.Value, in.GrowthPercent.Value, in.AnnualOpenings.Value}
			want := []float64{float64(*w.P50), float64(*w.P10), float64(*w.P90), p.GrowthPct, float64(p.Openings)}
			for i := range got {
				if got[i] != want[i] {
					t.Errorf("figures %v, want %v (%s)", got, want, r.MarketSOC)
					break
				}
			}
			if in.TypicalEducation.Value != p.Education || in.MedianPay.Source.Year != "May 2024" || in.GrowthPercent.Source.Year != "2024–34" {
				t.Errorf("education %q, years %q %q", in.TypicalEducation.Value, in.MedianPay.Source.Year, in.GrowthPercent.Source.Year)
			}
		})
	}
	rn, ok := c.Role("registered-nurse")
	if !ok {
		t.Fatal("registered-nurse missing")
	}
	if in := c.Insights(rn); in.MedianPay == nil || in.MedianPay.Value != 93600 || in.AnnualOpenings.Value != 189100 {
		t.Errorf("registered nurses: median %v, openings %v; OEWS May 2024 and EP 2024–34 publish 93,600 and 189,100", in.MedianPay.Value, in.AnnualOpenings.Value)
	}
}
