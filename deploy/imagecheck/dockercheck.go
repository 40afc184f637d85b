package main

import (
	"context"
	"fmt"
	"path"
	"slices"
	"strconv"
	"strings"

	"github.com/moby/buildkit/frontend/dockerfile/instructions"
)

// serviceCommands are the coach commands the image runs as containers.
var serviceCommands = []string{"router", "users", "cv", "planning", "progress", "courses"}

// CheckDockerfile checks what can be checked without building: buildkit's
// warnings, a non-root numeric USER, exec-form ENTRYPOINT and CMD (the
// distroless base has no shell), a default command coach has, stage
// references, and an environment that points at files the image has and
// that some coach command reads.
func CheckDockerfile(ctx context.Context, df *Dockerfile, coach Coach) []error {
	var errs []error
	fail := func(format string, a ...any) { errs = append(errs, fmt.Errorf("Dockerfile: "+format, a...)) }
	for _, w := range df.Warnings {
		fail("%s", w)
	}
	for i, st := range df.Stages {
		for _, cmd := range st.Commands {
			c, ok := cmd.(*instructions.CopyCommand)
			if !ok || c.From == "" {
				continue
			}
			if j, ok := df.Stage(c.From); !ok || j >= i {
				fail("%s: --from=%s is not an earlier stage", c, c.From)
			}
		}
	}
	cfg := df.Config()
	uid, gid, ok := strings.Cut(cfg.User, ":")
	if n, err := strconv.Atoi(uid); err != nil || n == 0 {
		// A name needs /etc/passwd to resolve, and Kubernetes' runAsNonRoot
		// can verify only a numeric one.
		fail("USER %q: want a numeric user other than root (uid:gid)", cfg.User)
	} else if _, err := strconv.Atoi(gid); !ok || err != nil {
		fail("USER %q: want a numeric group too (uid:gid)", cfg.User)
	}
	if cfg.ShellForm {
		fail("ENTRYPOINT and CMD must be in exec form: the distroless base has no /bin/sh")
	}
	for _, cmd := range df.Final().Commands {
		if _, ok := cmd.(*instructions.RunCommand); ok {
			fail("%s in the final stage: the distroless base has no shell to run it", cmd)
		}
	}
	cmds, err := coach.Commands(ctx)
	if err != nil {
		return append(errs, err)
	}
	if len(cfg.Cmd) == 0 || !slices.Contains(cmds, cfg.Cmd[0]) {
		fail("CMD %q is not a coach command (%s)", cfg.Cmd, strings.Join(cmds, ", "))
	}
	errs = append(errs, checkImageEnv(ctx, df, cfg, coach)...)
	return errs
}

// checkImageEnv checks the final stage's ENV: each COACH_ variable is read
// by at least one of the image's commands, and the paths it names exist.
func checkImageEnv(ctx context.Context, df *Dockerfile, cfg ImageConfig, coach Coach) []error {
	var errs []error
	fail := func(format string, a ...any) { errs = append(errs, fmt.Errorf("Dockerfile: "+format, a...)) }
	read := map[string]bool{}
	for _, name := range serviceCommands {
		s, err := coach.Settings(ctx, []string{name}, cfg.Env)
		if err != nil {
			fail("with the image's ENV: %v", err)
			continue
		}
		for _, v := range s {
			read[v.Env] = true
		}
	}
	var copied []string
	for _, cmd := range df.Final().Commands {
		if c, ok := cmd.(*instructions.CopyCommand); ok {
			copied = append(copied, resolvePath(cfg.WorkingDir, c.DestPath))
		}
	}
	for _, kv := range cfg.Env {
		k, v, _ := strings.Cut(kv, "=")
		if strings.HasPrefix(k, "COACH_") && !read[k] {
			fail("ENV %s: no coach command reads it", k)
		}
		switch k {
		case "COACH_SUPERGRAPH", "COACH_WEB_DIR":
			if !slices.ContainsFunc(copied, func(dst string) bool { return dst == v || strings.HasPrefix(v, strings.TrimSuffix(dst, "/")+"/") }) {
				fail("ENV %s=%s: no COPY in the final stage puts anything there", k, v)
			}
		case "COACH_DATA_DIR":
			if !slices.ContainsFunc(cfg.Volumes, func(vol string) bool { return path.Clean(vol) == path.Clean(v) }) {
				fail("ENV %s=%s is not a VOLUME: the data would live in the container's layer", k, v)
			}
		}
	}
	return errs
}
