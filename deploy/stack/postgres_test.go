package stack

import (
	"net"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"strconv"
	"testing"
)

// privatePostgres is a PostgreSQL cluster of the test's own, so that it can
// be stopped and started without disturbing the shared server other test
// packages use. initdb refuses to run as root: the cluster runs as the
// postgres user.
type privatePostgres struct {
	bin, dir, port, url string
	asRoot              bool // run the tools through runuser -u postgres
}

func startPostgres(t *testing.T) *privatePostgres {
	t.Helper()
	bins, _ := filepath.Glob("/usr/lib/postgresql/*/bin/initdb")
	if len(bins) == 0 {
		if p, err := exec.LookPath("initdb"); err == nil {
			bins = []string{p}
		}
	}
	if len(bins) == 0 {
		t.Skip("no initdb (install postgresql) for a private PostgreSQL cluster")
	}
	p := &privatePostgres{bin: filepath.Dir(bins[len(bins)-1]), asRoot: os.Geteuid() == 0}
	uid, gid := -1, -1
	if p.asRoot {
		u, err := user.Lookup("postgres")
		if err != nil {
			t.Skip("running as root and no postgres user to run a private PostgreSQL cluster as")
		}
		uid, _ = strconv.Atoi(u.Uid)
		gid, _ = strconv.Atoi(u.Gid)
		if _, err := exec.LookPath("runuser"); err != nil {
			t.Skip("running as root and no runuser to start PostgreSQL as postgres")
		}
	}
	// t.TempDir's parents are root-only: make a directory postgres can reach.
	dir, err := os.MkdirTemp("", "coach-pg-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	if p.asRoot {
		if err := os.Chown(dir, uid, gid); err != nil {
			t.Fatal(err)
		}
	}
	p.dir = filepath.Join(dir, "data")
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	p.port = strconv.Itoa(l.Addr().(*net.TCPAddr).Port)
	l.Close()
	p.url = "postgres://postgres@127.0.0.1:" + p.port + "/postgres?sslmode=disable"
	p.run(t, "initdb", "-D", p.dir, "--auth=trust", "-U", "postgres", "--no-sync")
	p.start(t)
	t.Cleanup(func() {
		if p.running(t) {
			p.run(t, "pg_ctl", "-D", p.dir, "-m", "immediate", "-w", "stop")
		}
	})
	return p
}

// run runs one of the cluster's tools (as postgres when the test is root).
func (p *privatePostgres) run(t *testing.T, tool string, args ...string) {
	t.Helper()
	if out, err := p.command(tool, args...).CombinedOutput(); err != nil {
		t.Fatalf("%s %v: %v\n%s", tool, args, err, out)
	}
}

func (p *privatePostgres) command(tool string, args ...string) *exec.Cmd {
	if p.asRoot {
		return exec.Command("runuser", append([]string{"-u", "postgres", "--", filepath.Join(p.bin, tool)}, args...)...)
	}
	return exec.Command(filepath.Join(p.bin, tool), args...)
}

// running reports whether the server is up (pg_ctl status exits 0).
func (p *privatePostgres) running(t *testing.T) bool {
	t.Helper()
	return p.command("pg_ctl", "-D", p.dir, "status").Run() == nil
}

func (p *privatePostgres) start(t *testing.T) {
	t.Helper()
	// Unix socket in the cluster's directory: nothing shared with the system server.
	p.run(t, "pg_ctl", "-D", p.dir, "-l", filepath.Join(p.dir, "server.log"), "-w", "-t", "60",
		"-o", "-p "+p.port+" -k "+p.dir+" -c listen_addresses=127.0.0.1 -c fsync=off", "start")
}

// stop shuts the server down the way an operator's restart does: active
// connections are terminated.
func (p *privatePostgres) stop(t *testing.T) {
	t.Helper()
	p.run(t, "pg_ctl", "-D", p.dir, "-m", "fast", "-w", "stop")
}
