//go:build !routeronly

package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"os"
	"regexp"
	"sort"
	"strings"
	"testing"
)

// TestREADMEListsEveryFlag keeps the README's configuration tables honest:
// every flag and environment variable of every command must appear there.
func TestREADMEListsEveryFlag(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	line := regexp.MustCompile(`^\s+--(\S+)\s+\$(\S+)`)
	cmds := commands(env{getenv: func(string) string { return "" }})
	names := make([]string, 0, len(cmds))
	for n := range cmds {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, name := range names {
		t.Run(name, func(t *testing.T) {
			var out bytes.Buffer
			e := env{getenv: func(string) string { return "" }, stdout: &out, stderr: &out}
			if err := run(context.Background(), []string{name, "--help"}, e); !errors.Is(err, flag.ErrHelp) {
				t.Fatalf("--help: %v", err)
			}
			n := 0
			for _, l := range strings.Split(out.String(), "\n") {
				m := line.FindStringSubmatch(l)
				if m == nil {
					continue
				}
				n++
				fl := m[1]
				if name == "dev" { // dev takes cv's flags with a prefix; the README names them once
					fl = strings.TrimPrefix(fl, "cv-")
				}
				if !bytes.Contains(readme, []byte("`--"+fl+"`")) && !bytes.Contains(readme, []byte("`--"+m[1]+"`")) {
					t.Errorf("README.md does not list --%s", m[1])
				}
				if !bytes.Contains(readme, []byte(m[2])) {
					t.Errorf("README.md does not list $%s (--%s)", m[2], m[1])
				}
			}
			if n == 0 && name != "compose" {
				t.Fatalf("no flags parsed from the help of %s:\n%s", name, out.String())
			}
		})
	}
}
