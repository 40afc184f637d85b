package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"

	"github.com/moby/buildkit/frontend/dockerfile/instructions"
	"github.com/moby/patternmatcher/ignorefile"
)

// Image is a built image: its root filesystem as a directory and its
// configuration.
type Image struct {
	Rootfs string
	Config ImageConfig
}

// BuildOptions configure Build.
type BuildOptions struct {
	Context string // the build context (repository root)
	WorkDir string // where the stages' layers go
	Log     io.Writer
}

// stageSpec is what a stage helper runs: the stage's steps on an overlay
// of this machine's root (lower) and the stage's own layer (upper).
type stageSpec struct {
	Upper, Work, Merged string
	Caches              []string // host directories bound read-write at the same path
	Steps               []stageStep
}

type stageStep struct {
	Copy  *copySpec
	Run   []string // argv in the stage's root
	Dir   string   // working directory of Run (created first)
	Env   []string
	Title string
}

// Build interprets the Dockerfile: each stage's RUN commands run on this
// machine (its stand-in base, see base.go), COPY follows docker's rules and
// the context's .dockerignore, and the final stage's filesystem is laid
// out in a directory. It handles exactly the instructions our Dockerfile
// uses: FROM … AS, WORKDIR, COPY [--from] [--chown], RUN, ENV, USER,
// VOLUME, EXPOSE, ENTRYPOINT, CMD.
func Build(ctx context.Context, df *Dockerfile, o BuildOptions) (*Image, error) {
	patterns, err := readIgnore(o.Context)
	if err != nil {
		return nil, err
	}
	roots := make([]string, len(df.Stages)) // each stage's filesystem (its own layer)
	var final base
	for i, st := range df.Stages {
		b, err := standIn(ctx, st.BaseName)
		if err != nil {
			return nil, err
		}
		dir := filepath.Join(o.WorkDir, fmt.Sprintf("stage%d-%s", i, st.Name))
		spec := stageSpec{Upper: filepath.Join(dir, "upper"), Work: filepath.Join(dir, "work"), Merged: filepath.Join(dir, "merged")}
		roots[i] = spec.Upper
		if !b.host {
			roots[i] = filepath.Join(dir, "rootfs")
			if err := os.MkdirAll(roots[i], 0o755); err != nil {
				return nil, err
			}
			if err := makeDistroless(roots[i]); err != nil {
				return nil, fmt.Errorf("laying out the stand-in of %s: %w", st.BaseName, err)
			}
		}
		workdir := b.workdir
		if workdir == "" {
			workdir = "/"
		}
		env := append([]string{}, b.env...)
		for _, cmd := range st.Commands {
			step := stageStep{Title: cmd.(fmt.Stringer).String()}
			switch c := cmd.(type) {
			case *instructions.WorkdirCommand:
				workdir = resolvePath(workdir, c.Path)
				step.Dir = workdir
			case *instructions.EnvCommand:
				for _, kv := range c.Env {
					env = append(env, kv.Key+"="+kv.Value)
				}
				continue
			case *instructions.CopyCommand:
				cs, err := copyStep(df, roots, i, c, workdir, o.Context, patterns)
				if err != nil {
					return nil, err
				}
				step.Copy = cs
			case *instructions.RunCommand:
				if !b.host {
					return nil, fmt.Errorf("%s: %s has no shell", c, st.BaseName)
				}
				step.Run, step.Dir, step.Env = c.CmdLine, workdir, env
				if c.PrependShell {
					step.Run = []string{"/bin/sh", "-c", strings.Join(c.CmdLine, " ")}
				}
			case *instructions.UserCommand, *instructions.VolumeCommand, *instructions.ExposeCommand,
				*instructions.EntrypointCommand, *instructions.CmdCommand:
				continue // image configuration: see Dockerfile.Config
			default:
				return nil, fmt.Errorf("%s: not an instruction this interpreter handles", cmd.(fmt.Stringer).String())
			}
			spec.Steps = append(spec.Steps, step)
		}
		fmt.Fprintf(o.Log, "imagecheck: stage %d (%s) FROM %s\n", i, st.Name, st.BaseName)
		if b.host {
			spec.Caches = buildCaches()
			if err := runStage(ctx, spec, o.Log); err != nil {
				return nil, fmt.Errorf("stage %s: %w", st.Name, err)
			}
		} else {
			for _, s := range spec.Steps {
				if s.Run != nil {
					return nil, fmt.Errorf("%s: %s has no shell", s.Title, st.BaseName)
				}
				if err := applyPlainStep(roots[i], s); err != nil {
					return nil, err
				}
			}
		}
		final = b
	}
	cfg := df.Config()
	cfg.Env = append(append([]string{}, final.env...), cfg.Env...)
	if cfg.User == "" {
		cfg.User = final.user
	}
	if cfg.WorkingDir == "" {
		cfg.WorkingDir = final.workdir
	}
	return &Image{Rootfs: roots[len(roots)-1], Config: cfg}, nil
}

func readIgnore(dir string) ([]string, error) {
	f, err := os.Open(filepath.Join(dir, ".dockerignore"))
	if os.IsNotExist(err) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return ignorefile.ReadAll(f)
}

// copyStep resolves a COPY: from the context (with .dockerignore) or from
// an earlier stage's own layer.
func copyStep(df *Dockerfile, roots []string, stage int, c *instructions.CopyCommand, workdir, context string, patterns []string) (*copySpec, error) {
	if len(c.SourceContents) > 0 || c.Parents || c.Link || c.Chmod != "" || len(c.ExcludePatterns) > 0 {
		return nil, fmt.Errorf("%s: options this interpreter does not handle", c)
	}
	dest := resolvePath(workdir, c.DestPath)
	if strings.HasSuffix(c.DestPath, "/") || c.DestPath == "." {
		dest += "/"
	}
	cs := &copySpec{SrcRoot: context, Sources: c.SourcePaths, Dest: dest, Patterns: patterns}
	if c.From != "" {
		j, ok := df.Stage(c.From)
		if !ok || j >= stage {
			return nil, fmt.Errorf("%s: no earlier stage %s", c, c.From)
		}
		cs.SrcRoot, cs.Patterns = roots[j], nil
	}
	if c.Chown != "" {
		u, g, _ := strings.Cut(c.Chown, ":")
		if g == "" {
			g = u
		}
		uid, err1 := strconv.Atoi(u)
		gid, err2 := strconv.Atoi(g)
		if err1 != nil || err2 != nil {
			return nil, fmt.Errorf("%s: only numeric --chown is handled (no /etc/passwd lookup)", c)
		}
		cs.UID, cs.GID = uid, gid
	}
	return cs, nil
}

// applyPlainStep runs a step on a plain directory (a stage with no shell).
func applyPlainStep(root string, s stageStep) error {
	switch {
	case s.Copy != nil:
		if err := doCopy(root, *s.Copy); err != nil {
			return err
		}
	case s.Dir != "":
		if err := mkdirParents(root, filepath.Join(root, s.Dir)); err != nil {
			return err
		}
	}
	return nil
}

// buildCaches are the Go and npm caches, shared with the stages as
// buildkit's cache mounts would be: they make a rebuild fast and do not
// change what is built.
func buildCaches() []string {
	var out []string
	home, _ := os.UserHomeDir()
	gocache, _ := exec.Command("go", "env", "GOCACHE").Output()
	for _, d := range []string{strings.TrimSpace(string(gocache)), filepath.Join(home, ".npm")} {
		if fi, err := os.Stat(d); err == nil && fi.IsDir() && path.IsAbs(d) {
			out = append(out, d)
		}
	}
	return out
}

// runStage runs a stage helper in a mount namespace of its own, where the
// overlay exists only while the stage runs.
func runStage(ctx context.Context, spec stageSpec, log io.Writer) error {
	for _, d := range []string{spec.Upper, spec.Work, spec.Merged} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			return err
		}
	}
	cmd, err := helperCommand(ctx, "stage", spec)
	if err != nil {
		return err
	}
	cmd.Stdout, cmd.Stderr = log, log
	cmd.SysProcAttr = &syscall.SysProcAttr{Cloneflags: syscall.CLONE_NEWNS, Pdeathsig: syscall.SIGKILL}
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("running the stage: %w", err)
	}
	return nil
}

// stageHelper is the stage helper's body (in its own mount namespace).
func stageHelper(spec stageSpec) error {
	if err := syscall.Mount("", "/", "", syscall.MS_REC|syscall.MS_PRIVATE, ""); err != nil {
		return fmt.Errorf("making mounts private: %w", err)
	}
	opts := "lowerdir=/,upperdir=" + spec.Upper + ",workdir=" + spec.Work
	if err := syscall.Mount("overlay", spec.Merged, "overlay", 0, opts); err != nil {
		return fmt.Errorf("mounting the overlay: %w", err)
	}
	m := spec.Merged
	if err := syscall.Mount("proc", filepath.Join(m, "proc"), "proc", 0, ""); err != nil {
		return fmt.Errorf("mounting /proc: %w", err)
	}
	binds := append([]string{"/dev"}, spec.Caches...)
	for _, b := range binds {
		if err := syscall.Mount(b, filepath.Join(m, b), "", syscall.MS_BIND|syscall.MS_REC, ""); err != nil {
			return fmt.Errorf("binding %s: %w", b, err)
		}
	}
	for _, s := range spec.Steps {
		fmt.Fprintf(os.Stderr, "imagecheck:   %s\n", s.Title)
		if s.Dir != "" {
			if err := mkdirParents(m, filepath.Join(m, s.Dir)); err != nil {
				return err
			}
		}
		if s.Copy != nil {
			if err := doCopy(m, *s.Copy); err != nil {
				return err
			}
		}
		if s.Run != nil {
			cmd := exec.Command(s.Run[0], s.Run[1:]...)
			cmd.Dir, cmd.Env = s.Dir, append(hostEnv(), s.Env...)
			cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
			cmd.SysProcAttr = &syscall.SysProcAttr{Chroot: m}
			if err := cmd.Run(); err != nil {
				return fmt.Errorf("%s: %w", s.Title, err)
			}
		}
	}
	return nil
}

// hostEnv is the environment RUN commands start from: this machine's,
// since its root stands in for the build image, less our own variables.
func hostEnv() []string {
	var out []string
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "IMAGECHECK_") {
			out = append(out, kv)
		}
	}
	return out
}

// helperCommand re-executes this program as a helper of the given kind.
func helperCommand(ctx context.Context, kind string, spec any) (*exec.Cmd, error) {
	self, err := os.Executable()
	if err != nil {
		return nil, fmt.Errorf("finding this program: %w", err)
	}
	b, err := json.Marshal(spec)
	if err != nil {
		return nil, err
	}
	cmd := exec.CommandContext(ctx, self)
	cmd.Env = append(os.Environ(), helperEnv+"="+kind, helperSpecEnv+"="+string(b))
	return cmd, nil
}
