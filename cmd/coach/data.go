//go:build !routeronly

package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/careercoach/coach/internal/config"
	"github.com/careercoach/coach/subgraphs/courses"
	"github.com/careercoach/coach/subgraphs/planning/occupations"
)

// dataMain is `coach data fetch|build`: download the recorded raw files of
// a dataset (--set occupations: O*NET and BLS releases for planning; --set
// courses: open course lists for the courses service) and build it.
type dataMain struct {
	env
	action string
	set    string
	raw    string
	out    string
	base   string
}

func (m *dataMain) ParseFlags(args []string) error {
	usage := "coach data <fetch|build> [--set occupations|courses] [flags]: fetch downloads the raw files the set's sources.json lists (O*NET and BLS: subgraphs/planning/occupations; course lists: subgraphs/courses/coursedata) and checks their SHA-256; build turns them into the committed dataset (" + occupations.DataFile + ", " + courses.DataFile + ")"
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		if args[0] != "fetch" && args[0] != "build" {
			return fmt.Errorf("coach data: unknown action %q; use coach data fetch, or coach data build", args[0])
		}
		m.action, args = args[0], args[1:]
	}
	fs := config.New("coach data "+m.action, m.getenv)
	fs.String(&m.set, "set", "COACH_DATA_SET", "occupations", "which dataset: occupations or courses")
	fs.String(&m.raw, "raw", "COACH_DATA_RAW", "", "directory of the raw release files, kept out of git (default .cache/<set>-raw)")
	fs.String(&m.out, "out", "COACH_DATA_OUT", "", "where build writes the dataset (default: the committed file of the set)")
	fs.String(&m.base, "base-url", "COACH_DATA_BASE_URL", occupations.RawBase, "where fetch downloads repository files from, by commit")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			fs.Usage(m.stdout, usage)
		}
		return err
	}
	if m.action == "" {
		return errors.New("coach data needs an action first: coach data fetch, or coach data build")
	}
	defaultOut := map[string]string{
		"occupations": filepath.Join("subgraphs/planning/occupations", occupations.DataFile),
		"courses":     filepath.Join("subgraphs/courses/data", courses.DataFile),
	}
	if _, ok := defaultOut[m.set]; !ok {
		return fmt.Errorf("--set %q: use occupations or courses", m.set)
	}
	if m.raw == "" {
		m.raw = filepath.Join(".cache", m.set+"-raw")
	}
	if m.out == "" {
		m.out = defaultOut[m.set]
	}
	return nil
}

func (m *dataMain) Run(ctx context.Context) error {
	if m.set == "courses" {
		return m.runCourses(ctx)
	}
	sources, err := occupations.Sources()
	if err != nil {
		return err
	}
	if m.action == "fetch" {
		client := &http.Client{Timeout: 5 * time.Minute}
		if err := occupations.Fetch(ctx, client, m.base, m.raw, sources); err != nil {
			return err
		}
		fmt.Fprintf(m.stdout, "%d files in %s, checksums verified\n", len(sources), m.raw)
		return nil
	}
	ds, err := occupations.Build(ctx, m.raw, sources)
	if err != nil {
		return err
	}
	b, err := occupations.Encode(ds)
	if err != nil {
		return err
	}
	if err := writeAtomic(m.out, b); err != nil {
		return err
	}
	st := occupations.Summarise(ds)
	fmt.Fprintf(m.stdout, "%s: %d occupations (%d with skill ratings, %d alternate titles), %d BLS codes; %d occupations with wages, %d with projections; %d bytes\n",
		m.out, st.Occupations, st.WithSkills, st.AltTitles, st.MarketCodes, st.WithWages, st.WithProjection, len(b))
	return nil
}

// writeAtomic replaces path with b, never leaving a partial file.
func writeAtomic(path string, b []byte) error {
	tmp := path + ".tmp"
	if err := os.WriteFile(tmp, b, 0o644); err != nil {
		return fmt.Errorf("writing the dataset: %w", err)
	}
	if err := os.Rename(tmp, path); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("writing the dataset: %w", err)
	}
	return nil
}
