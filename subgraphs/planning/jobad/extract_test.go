package jobad

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/careercoach/coach/internal/skills"
	"github.com/careercoach/coach/subgraphs/planning/occupations"
)

// The test set: job ads written for this test (testdata/ads/*.txt) and, for
// each, the requirements a person reads in it (*.json), named as the skills
// taxonomy names them.
type truthFile struct {
	Occupation   string `json:"occupation"`
	Requirements []struct {
		Kind     Kind   `json:"kind"`
		Name     string `json:"name"`
		Required bool   `json:"required"`
	} `json:"requirements"`
}

var testParser = sync.OnceValues(func() (*Parser, error) {
	tax, err := skills.Load()
	if err != nil {
		return nil, err
	}
	ds, err := occupations.Load()
	if err != nil {
		return nil, err
	}
	return NewParser(tax, ds, occupations.NewIndex(ds)), nil
})

func parser(t testing.TB) *Parser {
	t.Helper()
	p, err := testParser()
	if err != nil {
		t.Fatalf("building the parser: %v", err)
	}
	return p
}

// reqKey is how a requirement is compared with the truth: kind and name
// (certification words aside), and whether it is required.
func reqKey(k Kind, name string, required bool) string {
	var w []string
	for _, f := range strings.Fields(strings.ToLower(name)) {
		switch f {
		case "certification", "certificate", "license", "licence":
			continue
		}
		w = append(w, f)
	}
	return fmt.Sprintf("%s:%s:%v", k, strings.Join(w, " "), required)
}

type counts struct{ tp, fp, fn int }

func (c counts) prf() (p, r, f float64) {
	if c.tp+c.fp > 0 {
		p = float64(c.tp) / float64(c.tp+c.fp)
	}
	if c.tp+c.fn > 0 {
		r = float64(c.tp) / float64(c.tp+c.fn)
	}
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return
}

// TestExtraction measures requirement extraction on the test set: a
// requirement counts when its kind, name and required/preferred all agree
// with the truth. The bar is F1 0.85.
func TestExtraction(t *testing.T) {
	p := parser(t)
	files, err := filepath.Glob("testdata/ads/*.txt")
	if err != nil || len(files) < 30 {
		t.Fatalf("want at least 30 ads in testdata/ads, have %d (%v)", len(files), err)
	}
	var all, loose counts
	byKind := map[Kind]*counts{}
	occOK, occN := 0, 0
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".txt")
		text, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var truth truthFile
		js, err := os.ReadFile(strings.TrimSuffix(f, ".txt") + ".json")
		if err != nil {
			t.Fatal(err)
		}
		if err := json.Unmarshal(js, &truth); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		ad, err := p.Parse(context.Background(), string(text), "")
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		want, wantLoose := map[string]Kind{}, map[string]bool{}
		for _, r := range truth.Requirements {
			want[reqKey(r.Kind, r.Name, r.Required)] = r.Kind
			wantLoose[reqKey(r.Kind, r.Name, true)] = true
		}
		got, gotLoose := map[string]Kind{}, map[string]bool{}
		for _, r := range ad.Requirements {
			got[reqKey(r.Kind, r.Name, r.Required)] = r.Kind
			gotLoose[reqKey(r.Kind, r.Name, true)] = true
		}
		kc := func(k Kind) *counts {
			if byKind[k] == nil {
				byKind[k] = &counts{}
			}
			return byKind[k]
		}
		var miss, extra []string
		for k, kind := range want {
			if _, ok := got[k]; ok {
				all.tp++
				kc(kind).tp++
			} else {
				all.fn++
				kc(kind).fn++
				miss = append(miss, k)
			}
		}
		for k, kind := range got {
			if _, ok := want[k]; !ok {
				all.fp++
				kc(kind).fp++
				extra = append(extra, k)
			}
		}
		for k := range wantLoose {
			if gotLoose[k] {
				loose.tp++
			} else {
				loose.fn++
			}
		}
		for k := range gotLoose {
			if !wantLoose[k] {
				loose.fp++
			}
		}
		slices.Sort(miss)
		slices.Sort(extra)
		if len(miss)+len(extra) > 0 {
			t.Logf("%s: missed %v; extra %v", name, miss, extra)
		}
		if truth.Occupation != "" {
			occN++
			code := ""
			if ad.Title.Occupation != nil {
				code = ad.Title.Occupation.Code
			}
			if code == truth.Occupation {
				occOK++
			} else {
				t.Logf("%s: title %q → %q (%s), want %s", name, ad.Title.Text, code, ad.Title.How, truth.Occupation)
			}
		}
	}
	for _, k := range []Kind{KindSkill, KindExperience, KindEducation, KindCertification, KindLanguage} {
		if c := byKind[k]; c != nil {
			pr, rc, f1 := c.prf()
			t.Logf("%-13s P %.2f R %.2f F1 %.2f (tp %d fp %d fn %d)", k, pr, rc, f1, c.tp, c.fp, c.fn)
		}
	}
	lp, lr, lf := loose.prf()
	t.Logf("ignoring required/preferred: P %.2f R %.2f F1 %.2f", lp, lr, lf)
	t.Logf("occupation from the title: %d of %d", occOK, occN)
	pr, rc, f1 := all.prf()
	t.Logf("requirements (kind, name, required): P %.2f R %.2f F1 %.2f over %d ads", pr, rc, f1, len(files))
	if f1 < 0.85 {
		t.Errorf("requirement extraction F1 %.2f is below the bar of 0.85", f1)
	}
}

func adText(t testing.TB, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "ads", name+".txt"))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
