//go:build !routeronly

package main

import (
	"context"
	"fmt"
	"maps"
	"net/http"
	"slices"
	"time"

	"github.com/careercoach/coach/internal/rawdata"
	"github.com/careercoach/coach/internal/skills"
	"github.com/careercoach/coach/subgraphs/courses"
	"github.com/careercoach/coach/subgraphs/courses/coursedata"
)

// maxCourseList bounds one downloaded course list (the largest is ~250 kB).
const maxCourseList = 8 << 20

// runCourses is `coach data fetch|build --set courses`.
func (m *dataMain) runCourses(ctx context.Context) error {
	sources, err := coursedata.Sources()
	if err != nil {
		return err
	}
	if m.action == "fetch" {
		client := &http.Client{Timeout: 2 * time.Minute}
		if err := rawdata.Fetch(ctx, client, m.raw, coursedata.Files(m.base, sources), maxCourseList); err != nil {
			return err
		}
		fmt.Fprintf(m.stdout, "%d files in %s, checksums verified\n", len(sources), m.raw)
		return nil
	}
	tax, err := skills.Load()
	if err != nil {
		return err
	}
	legacy, err := coursedata.LegacyIDs()
	if err != nil {
		return err
	}
	cat, stats, err := coursedata.Build(ctx, m.raw, sources, tax, legacy)
	if err != nil {
		return err
	}
	if err := courses.ValidateCatalogue(cat); err != nil {
		return fmt.Errorf("the built catalogue is not valid: %w", err)
	}
	b, err := courses.EncodeCatalogue(cat)
	if err != nil {
		return err
	}
	if err := writeAtomic(m.out, b); err != nil {
		return err
	}
	var sum coursedata.Stats
	for _, k := range slices.Sorted(maps.Keys(stats)) {
		st := stats[k]
		fmt.Fprintf(m.stdout, "%-24s listed %5d  kept %5d  duplicate %4d  not https %4d  site home %4d  no skill %4d  legacy id %3d\n",
			k, st.Listed, st.Kept, st.Duplicate, st.NotHTTPS, st.SiteHome, st.NoSkill, st.Legacy)
		sum.Listed += st.Listed
		sum.Duplicate += st.Duplicate
		sum.NotHTTPS += st.NotHTTPS
		sum.SiteHome += st.SiteHome
		sum.NoSkill += st.NoSkill
		sum.Legacy += st.Legacy
	}
	fmt.Fprintf(m.stdout, "%s: %d courses from %d sources (listed %d; dropped %d duplicates, %d not https, %d site home pages, %d without a taxonomy skill; %d keep a hand-written id); %d bytes\n",
		m.out, len(cat.Courses), len(cat.Sources), sum.Listed, sum.Duplicate, sum.NotHTTPS, sum.SiteHome, sum.NoSkill, sum.Legacy, len(b))
	return nil
}
