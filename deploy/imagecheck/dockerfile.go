package main

import (
	"bytes"
	"fmt"
	"os"
	"path"
	"strings"

	"github.com/moby/buildkit/frontend/dockerfile/instructions"
	"github.com/moby/buildkit/frontend/dockerfile/linter"
	"github.com/moby/buildkit/frontend/dockerfile/parser"
)

// Dockerfile is a Dockerfile as buildkit's own parser reads it: its stages
// with their typed instructions, and what buildkit's parser and linter warn
// about (docker build prints the same warnings).
type Dockerfile struct {
	Stages   []instructions.Stage
	Warnings []string
}

// ParseDockerfile reads and parses a Dockerfile.
func ParseDockerfile(file string) (*Dockerfile, error) {
	src, err := os.ReadFile(file)
	if err != nil {
		return nil, fmt.Errorf("reading the Dockerfile: %w", err)
	}
	return parseDockerfile(src)
}

func parseDockerfile(src []byte) (*Dockerfile, error) {
	res, err := parser.Parse(bytes.NewReader(src))
	if err != nil {
		return nil, fmt.Errorf("parsing the Dockerfile: %w", err)
	}
	df := &Dockerfile{}
	for _, w := range res.Warnings {
		df.Warnings = append(df.Warnings, w.Short)
	}
	lint := linter.New(&linter.Config{Warn: func(rule, _, _, msg string, loc []parser.Range) {
		line := 0
		if len(loc) > 0 {
			line = loc[0].Start.Line
		}
		df.Warnings = append(df.Warnings, fmt.Sprintf("line %d: %s: %s", line, rule, msg))
	}})
	df.Stages, _, err = instructions.Parse(res.AST, lint)
	if err != nil {
		return nil, fmt.Errorf("parsing the Dockerfile's instructions: %w", err)
	}
	if len(df.Stages) == 0 {
		return nil, fmt.Errorf("the Dockerfile has no FROM")
	}
	return df, nil
}

// ImageConfig is what the final stage records in the image for `docker run`.
type ImageConfig struct {
	Base       string
	Env        []string // KEY=value, in order
	User       string
	WorkingDir string // "" when the Dockerfile sets none (the base's applies)
	Entrypoint []string
	Cmd        []string
	// Shell is set when ENTRYPOINT or CMD is in shell form (needs /bin/sh).
	ShellForm bool
	Volumes   []string
	Exposed   []string
}

// EnvValue is the value of one variable of the image's environment.
func (c ImageConfig) EnvValue(key string) (string, bool) {
	for i := len(c.Env) - 1; i >= 0; i-- {
		if k, v, _ := strings.Cut(c.Env[i], "="); k == key {
			return v, true
		}
	}
	return "", false
}

// Final is the last stage: the image that `docker build` tags.
func (d *Dockerfile) Final() *instructions.Stage { return &d.Stages[len(d.Stages)-1] }

// Stage finds a stage by name (FROM … AS name) or index.
func (d *Dockerfile) Stage(name string) (int, bool) {
	for i, s := range d.Stages {
		if strings.EqualFold(s.Name, name) || fmt.Sprint(i) == name {
			return i, true
		}
	}
	return 0, false
}

// Config collects the image configuration of the final stage. It does not
// follow a final stage built FROM an earlier stage (ours is not).
func (d *Dockerfile) Config() ImageConfig {
	st := d.Final()
	c := ImageConfig{Base: st.BaseName}
	for _, cmd := range st.Commands {
		switch x := cmd.(type) {
		case *instructions.EnvCommand:
			for _, kv := range x.Env {
				c.Env = append(c.Env, kv.Key+"="+kv.Value)
			}
		case *instructions.UserCommand:
			c.User = x.User
		case *instructions.WorkdirCommand:
			c.WorkingDir = resolvePath(c.WorkingDir, x.Path)
		case *instructions.EntrypointCommand:
			c.Entrypoint, c.Cmd = x.CmdLine, nil // ENTRYPOINT resets CMD
			c.ShellForm = c.ShellForm || x.PrependShell
		case *instructions.CmdCommand:
			c.Cmd = x.CmdLine
			c.ShellForm = c.ShellForm || x.PrependShell
		case *instructions.VolumeCommand:
			c.Volumes = append(c.Volumes, x.Volumes...)
		case *instructions.ExposeCommand:
			c.Exposed = append(c.Exposed, x.Ports...)
		}
	}
	return c
}

// resolvePath is a path in the image: relative ones are relative to dir.
func resolvePath(dir, p string) string {
	if dir == "" {
		dir = "/"
	}
	if path.IsAbs(p) {
		return path.Clean(p)
	}
	return path.Join(dir, p)
}
