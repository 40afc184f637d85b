package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"

	"golang.org/x/sys/unix"
)

// containerSpec is one container as a runtime would start it from an
// image: its root (read-only or not), volumes, tmpfs mounts, /etc/hosts,
// network namespace, user, working directory, environment and argv.
type containerSpec struct {
	Rootfs   string
	Args     []string
	Env      []string
	User     string // uid:gid
	WorkDir  string
	ReadOnly bool
	Volumes  map[string]string // path in the container → host directory
	Tmpfs    []string
	Hosts    string // contents of /etc/hosts ("": as in the image)
	NetNS    string // a network namespace to join ("": this machine's)
	// Probe, instead of running Args, tries to create a file in each of
	// these directories as the user and prints what happened as JSON.
	Probe []string
}

// runtimeMounts are the mount points a container runtime provides (Docker
// creates them in the container's init layer).
var runtimeMounts = []string{"proc", "dev", "etc/hosts"}

// containerCommand prepares the helper that runs a container: new mount
// and PID namespaces, so that the container's /proc shows its own
// processes and its mounts vanish with it.
func containerCommand(ctx context.Context, spec containerSpec, out io.Writer) (*exec.Cmd, error) {
	for _, p := range runtimeMounts {
		if err := ensureMountPoint(spec.Rootfs, p, p == "etc/hosts"); err != nil {
			return nil, err
		}
	}
	cmd, err := helperCommand(ctx, "container", spec)
	if err != nil {
		return nil, err
	}
	cmd.Stdout, cmd.Stderr = out, out
	cmd.SysProcAttr = &syscall.SysProcAttr{Cloneflags: syscall.CLONE_NEWNS | syscall.CLONE_NEWPID, Pdeathsig: syscall.SIGKILL}
	return cmd, nil
}

func ensureMountPoint(root, p string, file bool) error {
	full := filepath.Join(root, p)
	if _, err := os.Lstat(full); err == nil {
		return nil
	}
	if err := mkdirParents(root, filepath.Dir(full)); err != nil {
		return err
	}
	if file {
		return os.WriteFile(full, nil, 0o644)
	}
	return os.Mkdir(full, 0o755)
}

// containerHelper sets the container up and execs its program; it returns
// only on failure.
func containerHelper(s containerSpec) error {
	r := s.Rootfs
	if err := unix.Mount("", "/", "", unix.MS_REC|unix.MS_PRIVATE, ""); err != nil {
		return fmt.Errorf("making mounts private: %w", err)
	}
	if err := unix.Mount(r, r, "", unix.MS_BIND|unix.MS_REC, ""); err != nil {
		return fmt.Errorf("binding the root: %w", err)
	}
	if err := unix.Mount("proc", filepath.Join(r, "proc"), "proc", unix.MS_NOSUID|unix.MS_NODEV|unix.MS_NOEXEC, ""); err != nil {
		return fmt.Errorf("mounting /proc: %w", err)
	}
	if err := mountDev(filepath.Join(r, "dev")); err != nil {
		return err
	}
	if s.Hosts != "" {
		// The mount keeps the file alive; its name can go at once.
		f, err := os.CreateTemp("", "imagecheck-hosts-")
		if err != nil {
			return err
		}
		_, werr := f.WriteString(s.Hosts)
		werr = errors.Join(werr, f.Chmod(0o644), f.Close()) // the user must read it
		merr := unix.Mount(f.Name(), filepath.Join(r, "etc/hosts"), "", unix.MS_BIND, "")
		os.Remove(f.Name())
		if werr != nil || merr != nil {
			return fmt.Errorf("binding /etc/hosts: %w", errors.Join(werr, merr))
		}
	}
	for _, p := range sortedKeys(s.Volumes) {
		target := filepath.Join(r, p)
		if err := ensureMountPoint(r, p, false); err != nil {
			return err
		}
		if err := unix.Mount(s.Volumes[p], target, "", unix.MS_BIND, ""); err != nil {
			return fmt.Errorf("mounting the volume %s: %w", p, err)
		}
	}
	for _, p := range s.Tmpfs {
		if err := unix.Mount("tmpfs", filepath.Join(r, p), "tmpfs", unix.MS_NOSUID|unix.MS_NODEV, "mode=1777"); err != nil {
			return fmt.Errorf("mounting a tmpfs on %s: %w", p, err)
		}
	}
	if s.ReadOnly {
		if err := unix.Mount("", r, "", unix.MS_BIND|unix.MS_REMOUNT|unix.MS_RDONLY, ""); err != nil {
			return fmt.Errorf("making the root read-only: %w", err)
		}
	}
	if s.NetNS != "" {
		if err := joinNetNS(s.NetNS); err != nil {
			return err
		}
	}
	if err := unix.Chroot(r); err != nil {
		return fmt.Errorf("chroot: %w", err)
	}
	if err := os.Chdir(s.WorkDir); err != nil {
		return fmt.Errorf("working directory %s: %w", s.WorkDir, err)
	}
	if err := dropTo(s.User); err != nil {
		return err
	}
	if s.Probe != nil {
		return probe(s.Probe)
	}
	argv0, err := lookPath(s.Args[0], s.Env)
	if err != nil {
		return err
	}
	return fmt.Errorf("exec %s: %w", argv0, unix.Exec(argv0, s.Args, s.Env))
}

// mountDev gives the container the few devices a runtime does.
func mountDev(dir string) error {
	if err := unix.Mount("tmpfs", dir, "tmpfs", unix.MS_NOSUID|unix.MS_NOEXEC, "mode=755"); err != nil {
		return fmt.Errorf("mounting /dev: %w", err)
	}
	for _, d := range []string{"null", "zero", "full", "random", "urandom", "tty"} {
		p := filepath.Join(dir, d)
		if err := os.WriteFile(p, nil, 0o666); err != nil {
			return err
		}
		if err := unix.Mount("/dev/"+d, p, "", unix.MS_BIND, ""); err != nil {
			return fmt.Errorf("binding /dev/%s: %w", d, err)
		}
	}
	return nil
}

// dropTo switches every thread to uid:gid with no supplementary groups.
func dropTo(user string) error {
	u, g, _ := strings.Cut(user, ":")
	uid, err := strconv.Atoi(u)
	if err != nil {
		return fmt.Errorf("user %q: not numeric", user)
	}
	gid := uid
	if g != "" {
		if gid, err = strconv.Atoi(g); err != nil {
			return fmt.Errorf("group of %q: not numeric", user)
		}
	}
	if err := syscall.Setgroups(nil); err != nil {
		return fmt.Errorf("setgroups: %w", err)
	}
	if err := syscall.Setgid(gid); err != nil {
		return fmt.Errorf("setgid: %w", err)
	}
	if err := syscall.Setuid(uid); err != nil {
		return fmt.Errorf("setuid: %w", err)
	}
	return nil
}

// lookPath finds argv[0] on the container's PATH (inside the chroot).
func lookPath(name string, env []string) (string, error) {
	if strings.Contains(name, "/") {
		return name, nil
	}
	p := "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"
	for _, kv := range env {
		if v, ok := strings.CutPrefix(kv, "PATH="); ok {
			p = v
		}
	}
	for _, dir := range filepath.SplitList(p) {
		if fi, err := os.Stat(filepath.Join(dir, name)); err == nil && fi.Mode().IsRegular() {
			return filepath.Join(dir, name), nil
		}
	}
	return "", fmt.Errorf("%s: not on the container's PATH %s", name, p)
}

// probeResult is what the probe found for one directory: "" when a file
// could be created, else the error.
type probeResult map[string]string

func probe(dirs []string) error {
	res := probeResult{}
	for _, d := range dirs {
		f := filepath.Join(d, ".imagecheck-probe")
		err := os.WriteFile(f, []byte("x"), 0o600)
		if err == nil {
			_ = os.Remove(f)
			res[d] = ""
		} else {
			var pe *os.PathError
			if errors.As(err, &pe) {
				err = pe.Err
			}
			res[d] = err.Error()
		}
	}
	return json.NewEncoder(os.Stdout).Encode(res)
}
