package main

import (
	"slices"
	"testing"
	"time"
)

func TestParseFlags(t *testing.T) {
	o, err := parseFlags([]string{"--levels", "1, 20,5", "--duration", "3s"})
	if err != nil {
		t.Fatal(err)
	}
	// Users default to the largest level: every client has a user of its own.
	if !slices.Equal(o.levels, []int{1, 20, 5}) || o.users != 20 || o.duration != 3*time.Second || o.redisURL != "" {
		t.Errorf("parsed %+v", o)
	}
	if o, err := parseFlags([]string{"--users", "7"}); err != nil || o.users != 7 || !slices.Equal(o.levels, []int{1, 10, 50, 100}) {
		t.Errorf("defaults with --users 7: %+v, %v", o, err)
	}
	for _, bad := range [][]string{{"--levels", "1,x"}, {"--levels", "0"}, {"--duration", "0s"}, {"--users", "-1"}, {"--seed-parallel", "0"}} {
		if _, err := parseFlags(bad); err == nil {
			t.Errorf("parseFlags(%v): want an error", bad)
		}
	}
}

func TestReadCVs(t *testing.T) {
	cvs, err := readCVs("../../subgraphs/cv/extract/testdata")
	if err != nil {
		t.Fatal(err)
	}
	if len(cvs) < 5 {
		t.Fatalf("%d CVs", len(cvs))
	}
	for _, c := range cvs {
		if len(c.Data) < 5 || string(c.Data[:5]) != "%PDF-" {
			t.Errorf("%s is not a PDF", c.Name)
		}
	}
	if _, err := readCVs(t.TempDir()); err == nil {
		t.Error("an empty directory: want an error")
	}
}
