package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os/exec"
	"regexp"
	"strconv"
	"strings"
)

// Coach asks a built coach binary about its configuration the way
// cmd/coach/readme_test.go does: `coach <command> --help` lists every flag
// with its environment variable and its default, and the default shown is
// the value the command would run with (environment and flags applied).
type Coach struct {
	Binary string
}

// Setting is one flag of a command as --help shows it.
type Setting struct {
	Flag, Env, Value string
}

var (
	usageLine = regexp.MustCompile(`usage: coach <([a-z|]+)>`)
	// The same line shape readme_test.go matches, plus the default.
	settingLine = regexp.MustCompile(`^\s+--(\S+)\s+\$(\S+)\s.*\(default ("(?:[^"\\]|\\.)*")\)$`)
)

// Commands lists the binary's subcommands (from its usage message).
func (c Coach) Commands(ctx context.Context) ([]string, error) {
	var stderr bytes.Buffer
	cmd := exec.CommandContext(ctx, c.Binary)
	cmd.Env = []string{}
	cmd.Stderr = &stderr
	_ = cmd.Run() // exits 2: no command given
	m := usageLine.FindStringSubmatch(stderr.String())
	if m == nil {
		return nil, fmt.Errorf("reading the commands of %s: no usage line in %q", c.Binary, stderr.String())
	}
	return strings.Split(m[1], "|"), nil
}

// Settings parses args (a command and its flags) with exactly env as the
// process environment and returns the resulting settings by flag name. A
// flag the command does not define, or a missing flag value, is an error:
// the command's own flag parser reports it before it reaches --help.
func (c Coach) Settings(ctx context.Context, args, env []string) (map[string]Setting, error) {
	var stdout, stderr bytes.Buffer
	cmd := exec.CommandContext(ctx, c.Binary, append(append([]string{}, args...), "--help")...)
	cmd.Env = append([]string{}, env...)
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	var exit *exec.ExitError
	if !errors.As(err, &exit) || exit.ExitCode() != 2 {
		return nil, fmt.Errorf("running coach %s --help: %v (%s)", strings.Join(args, " "), err, strings.TrimSpace(stderr.String()))
	}
	if msg := strings.TrimSpace(stderr.String()); msg != "" { // --help itself prints nothing on stderr
		return nil, fmt.Errorf("coach %s: %s", strings.Join(args, " "), msg)
	}
	out := map[string]Setting{}
	for _, l := range strings.Split(stdout.String(), "\n") {
		m := settingLine.FindStringSubmatch(l)
		if m == nil {
			continue
		}
		v, err := strconv.Unquote(m[3])
		if err != nil {
			return nil, fmt.Errorf("coach %s --help: default of --%s: %w", args[0], m[1], err)
		}
		out[m[1]] = Setting{Flag: m[1], Env: m[2], Value: v}
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("coach %s --help listed no flags:\n%s", strings.Join(args, " "), stdout.String())
	}
	return out, nil
}

// readsEnv reports whether a command's settings include the variable.
func readsEnv(settings map[string]Setting, name string) bool {
	for _, s := range settings {
		if s.Env == name {
			return true
		}
	}
	return false
}
