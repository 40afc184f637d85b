package occupations

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func buildFixtures(t *testing.T) *Dataset {
	t.Helper()
	src, err := fixtureSources(t)
	if err != nil {
		t.Fatal(err)
	}
	ds, err := Build(context.Background(), "testdata", src)
	if err != nil {
		t.Fatalf("building the fixture extracts: %v", err)
	}
	return ds
}

// find returns the one item that matches, failing the test without it.
func find[T any](t *testing.T, items []T, what string, match func(T) bool) T {
	t.Helper()
	i := slices.IndexFunc(items, match)
	if i < 0 {
		t.Fatalf("%s missing", what)
	}
	return items[i]
}

func occupation(t *testing.T, ds *Dataset, code string) Occupation {
	t.Helper()
	return find(t, ds.Occupations, "occupation "+code, func(o Occupation) bool { return o.Code == code })
}

func market(t *testing.T, ds *Dataset, soc string) Market {
	t.Helper()
	return find(t, ds.Market, "market SOC "+soc, func(m Market) bool { return m.SOC == soc })
}

func TestBuildParsesONet(t *testing.T) {
	ds := buildFixtures(t)
	rn := occupation(t, ds, "29-1141.00")
	t.Run("occupation data", func(t *testing.T) {
		if rn.Title != "Registered Nurses" || !strings.HasPrefix(rn.Description, "Assess patient health problems") {
			t.Errorf("got %q / %.40q", rn.Title, rn.Description)
		}
	})
	t.Run("alternate titles, sorted and without the title itself", func(t *testing.T) {
		if len(rn.AltTitles) != 138 || !slices.IsSorted(rn.AltTitles) || slices.Contains(rn.AltTitles, rn.Title) {
			t.Errorf("%d titles, sorted %v", len(rn.AltTitles), slices.IsSorted(rn.AltTitles))
		}
		if !slices.Contains(rn.AltTitles, "CCU Nurse") {
			t.Errorf("the short title CCU Nurse is missing: %q", rn.AltTitles[:5])
		}
	})
	t.Run("skills pair importance and level, most important first", func(t *testing.T) {
		if len(rn.Skills) != 35 || len(rn.Knowledge) != 33 {
			t.Fatalf("%d skills, %d knowledge", len(rn.Skills), len(rn.Knowledge))
		}
		want := Rating{ID: "2.B.1.a", Name: "Social Perceptiveness", Importance: 4.12, Level: 4.38}
		if rn.Skills[0] != want {
			t.Errorf("first skill %+v, want %+v", rn.Skills[0], want)
		}
	})
	t.Run("job zone and education", func(t *testing.T) {
		if rn.JobZone != 4 || rn.Education != "Bachelor's Degree" {
			t.Errorf("zone %d, education %q", rn.JobZone, rn.Education)
		}
	})
	t.Run("technology skills with hot flags", func(t *testing.T) {
		dev := occupation(t, ds, "15-1252.00")
		i := slices.IndexFunc(dev.Tech, func(x Tech) bool { return x.Name == "Python" })
		if i < 0 || !dev.Tech[i].Hot {
			t.Errorf("Python missing or not hot: %+v", dev.Tech[max(i, 0)])
		}
		if len(dev.Skills) != 0 {
			t.Errorf("O*NET 29.3 rates no skills for Software Developers; got %d", len(dev.Skills))
		}
	})
	t.Run("related occupations in O*NET order", func(t *testing.T) {
		dev := occupation(t, ds, "15-1252.00")
		if len(dev.Related) == 0 || dev.Related[0] != (Related{Code: "15-1299.08", Tier: "Primary-Short", Index: 1}) {
			t.Errorf("related %+v", dev.Related)
		}
	})
}

func TestBuildJoinsMarket(t *testing.T) {
	ds := buildFixtures(t)
	tests := []struct {
		name, code, soc, title string
	}{
		{"detailed SOC", "29-1141.00", "29-1141", "Registered Nurses"},
		{"O*NET detail of an All Other code", "15-1299.08", "15-1299", "Computer Occupations, All Other"},
		{"BLS publishes only the broad group", "13-1021.00", "13-1020", "Buyers and Purchasing Agents"},
		{"two O*NET codes share it", "13-1022.00", "13-1020", "Buyers and Purchasing Agents"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			o := occupation(t, ds, tt.code)
			if o.MarketSOC != tt.soc {
				t.Fatalf("market SOC %q, want %q", o.MarketSOC, tt.soc)
			}
			if m := market(t, ds, tt.soc); m.Title != tt.title {
				t.Errorf("title %q, want %q", m.Title, tt.title)
			}
		})
	}
	t.Run("figures as published", func(t *testing.T) {
		m := market(t, ds, "29-1141")
		w, p := m.Wages, m.Projection
		if w == nil || p == nil {
			t.Fatalf("wages %v, projection %v", w, p)
		}
		got := []int{*w.P10, *w.P25, *w.P50, *w.P75, *w.P90, *w.Employment}
		if want := []int{66030, 78610, 93600, 107960, 135320, 3282010}; !slices.Equal(got, want) {
			t.Errorf("wages %v, want %v", got, want)
		}
		if p.GrowthPct != 4.9 || p.Openings != 189100 || p.Employment != 3391000 || p.Education != "Bachelor's degree" {
			t.Errorf("projection %+v", p)
		}
		if w.Source != "bls.oews" || p.Source != "bls.projections" {
			t.Errorf("sources %q %q", w.Source, p.Source)
		}
	})
	t.Run("a broad row BLS also publishes as detailed stays detailed", func(t *testing.T) {
		if m := market(t, ds, "13-1020"); m.Level != "detailed" || m.Wages == nil {
			t.Errorf("%+v", m)
		}
		if m := market(t, ds, "15-1250"); m.Level != "broad" || m.Projection != nil {
			t.Errorf("%+v", m)
		}
	})
}

func TestBuildIsDeterministic(t *testing.T) {
	a, err := Encode(buildFixtures(t))
	if err != nil {
		t.Fatal(err)
	}
	b, err := Encode(buildFixtures(t))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a, b) {
		t.Fatal("two builds of the same files differ")
	}
	ds, err := Decode(a)
	if err != nil {
		t.Fatalf("the encoded dataset does not decode: %v", err)
	}
	if len(ds.Occupations) != 6 || len(ds.Sources) != 11 {
		t.Errorf("%d occupations, %d sources", len(ds.Occupations), len(ds.Sources))
	}
}

func TestBuildRejectsWrongFiles(t *testing.T) {
	src, err := fixtureSources(t)
	if err != nil {
		t.Fatal(err)
	}
	copyDir := func(t *testing.T) string {
		dir := t.TempDir()
		files, _ := filepath.Glob("testdata/*.xlsx")
		for _, f := range files {
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(dir, filepath.Base(f)), b, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		return dir
	}
	tests := []struct {
		name   string
		break_ func(t *testing.T, dir string)
		want   string
	}{
		{"changed file", func(t *testing.T, dir string) {
			if err := os.WriteFile(filepath.Join(dir, "Skills.xlsx"), []byte("not the release"), 0o644); err != nil {
				t.Fatal(err)
			}
		}, "Skills.xlsx has SHA-256"},
		{"missing file", func(t *testing.T, dir string) {
			if err := os.Remove(filepath.Join(dir, "Job Zones.xlsx")); err != nil {
				t.Fatal(err)
			}
		}, "checking Job Zones.xlsx"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := copyDir(t)
			tt.break_(t, dir)
			_, err := Build(context.Background(), dir, src)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("error %v, want one containing %q", err, tt.want)
			}
		})
	}
	t.Run("cancelled context", func(t *testing.T) {
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		if _, err := Build(ctx, "testdata", src); err == nil {
			t.Fatal("a cancelled build succeeded")
		}
	})
}
