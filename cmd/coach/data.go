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
	"github.com/careercoach/coach/subgraphs/planning/occupations"
)

// dataMain is `coach data fetch|build`: download the recorded O*NET and BLS
// release files, and turn them into the planning service's dataset.
type dataMain struct {
	env
	action string
	raw    string
	out    string
	base   string
}

func (m *dataMain) ParseFlags(args []string) error {
	usage := "coach data <fetch|build> [flags]: fetch downloads the raw O*NET and BLS files listed in subgraphs/planning/occupations/sources.json and checks their SHA-256; build turns them into " + occupations.DataFile
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		if args[0] != "fetch" && args[0] != "build" {
			return fmt.Errorf("coach data: unknown action %q; use coach data fetch, or coach data build", args[0])
		}
		m.action, args = args[0], args[1:]
	}
	fs := config.New("coach data "+m.action, m.getenv)
	fs.String(&m.raw, "raw", "COACH_DATA_RAW", ".cache/occupations-raw", "directory of the raw release files (kept out of git)")
	fs.String(&m.out, "out", "COACH_DATA_OUT", filepath.Join("subgraphs/planning/occupations", occupations.DataFile), "where build writes the dataset")
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
	if m.raw == "" {
		return errors.New("--raw must name a directory")
	}
	return nil
}

func (m *dataMain) Run(ctx context.Context) error {
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
	tmp := m.out + ".tmp"
	if err := os.WriteFile(tmp, b, 0o644); err != nil {
		return fmt.Errorf("writing the dataset: %w", err)
	}
	if err := os.Rename(tmp, m.out); err != nil {
		return fmt.Errorf("writing the dataset: %w", err)
	}
	st := occupations.Summarise(ds)
	fmt.Fprintf(m.stdout, "%s: %d occupations (%d with skill ratings, %d alternate titles), %d BLS codes; %d occupations with wages, %d with projections; %d bytes\n",
		m.out, st.Occupations, st.WithSkills, st.AltTitles, st.MarketCodes, st.WithWages, st.WithProjection, len(b))
	return nil
}
