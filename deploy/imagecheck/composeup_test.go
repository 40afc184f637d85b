package main

import (
	"context"
	"net"
	"net/http"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"strconv"
	"testing"
	"time"
)

// TestComposeUp runs deploy/compose.yaml as docker compose up would, from
// the model compose-go loaded: every coach service from the built image
// with the file's command, environment, read-only root and tmpfs, in one
// private network where the service names resolve (/etc/hosts) and a
// private PostgreSQL and redis-server stand in for the postgres and redis
// images on their usual ports. Then a sign-up and a query through the
// router.
func TestComposeUp(t *testing.T) {
	img := image(t)
	ctx := context.Background()
	p, err := LoadCompose(ctx, filepath.Join(repoRoot(), "deploy", "compose.yaml"), testEnv)
	if err != nil {
		t.Fatal(err)
	}
	ns, err := NewNetNS(ctx)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = ns.Close() })
	startNSPostgres(t, ns)
	startNSRedis(t, ns)
	sink := startNSMail(t, ns)
	client := &http.Client{Timeout: 10 * time.Second, Transport: &http.Transport{DialContext: ns.DialContext}}

	hosts := "127.0.0.1 localhost"
	for n := range p.Services {
		hosts += " " + n
	}
	hosts += "\n"
	// depends_on order: users, the other subgraphs, the router.
	for _, name := range []string{"users", "cv", "planning", "progress", "courses", "router"} {
		svc, ok := p.Services[name]
		if !ok {
			t.Fatalf("compose.yaml has no service %s", name)
		}
		spec := runSpec(img, svc.Command)
		spec.Env = containerEnv(img.Config, svc)
		spec.ReadOnly, spec.Tmpfs = svc.ReadOnly, svc.Tmpfs
		spec.Volumes = map[string]string{"/data": newVolume(t, img, "/data")}
		spec.NetNS, spec.Hosts = ns.Path, hosts
		startContainer(t, name, spec)
		port := ""
		for i, a := range svc.Command {
			if a == "--addr" && i+1 < len(svc.Command) {
				_, port, _ = net.SplitHostPort(svc.Command[i+1])
			}
		}
		t.Run(name, func(t *testing.T) {
			waitStatus(t, client, "http://127.0.0.1:"+port+"/readyz", 200, 60*time.Second)
		})
	}
	t.Run("sign up and query", func(t *testing.T) {
		signUpAndQuery(t, client, "http://127.0.0.1:4000", "grace@example.com", sink)
	})
}

// inNS runs a command in the network namespace.
func inNS(ns *NetNS, args ...string) *exec.Cmd {
	return exec.Command("nsenter", append([]string{"--net=" + ns.Path, "--"}, args...)...)
}

// startNSPostgres starts a throwaway PostgreSQL cluster on 127.0.0.1:5432
// of the namespace (as the postgres user: initdb refuses root). It trusts
// local connections, so the compose file's password is sent and ignored
// (compose-check compares it with POSTGRES_PASSWORD instead).
func startNSPostgres(t *testing.T, ns *NetNS) {
	t.Helper()
	bins, _ := filepath.Glob("/usr/lib/postgresql/*/bin/initdb")
	u, err := user.Lookup("postgres")
	if len(bins) == 0 || err != nil {
		t.Skip("no PostgreSQL server (initdb and a postgres user) to stand in for the postgres image")
	}
	bin := filepath.Dir(bins[len(bins)-1])
	uid, _ := strconv.Atoi(u.Uid)
	gid, _ := strconv.Atoi(u.Gid)
	dir, err := os.MkdirTemp("", "imagecheck-pg-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	if err := os.Chown(dir, uid, gid); err != nil {
		t.Fatal(err)
	}
	data := filepath.Join(dir, "data")
	run := func(args ...string) {
		t.Helper()
		cmd := inNS(ns, append([]string{"runuser", "-u", "postgres", "--"}, args...)...)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("%v: %v\n%s", args, err, out)
		}
	}
	run(filepath.Join(bin, "initdb"), "-D", data, "--auth=trust", "-U", "postgres", "--no-sync")
	run(filepath.Join(bin, "pg_ctl"), "-D", data, "-l", filepath.Join(dir, "server.log"), "-w", "-t", "60",
		"-o", "-p 5432 -k "+dir+" -c listen_addresses=127.0.0.1 -c fsync=off", "start")
	t.Cleanup(func() {
		_ = inNS(ns, "runuser", "-u", "postgres", "--", filepath.Join(bin, "pg_ctl"), "-D", data, "-m", "immediate", "-w", "stop").Run()
	})
}

// startNSRedis starts a redis-server on 127.0.0.1:6379 of the namespace,
// with the append-only file the compose file's redis command asks for.
func startNSRedis(t *testing.T, ns *NetNS) {
	t.Helper()
	if _, err := exec.LookPath("redis-server"); err != nil {
		t.Skip("no redis-server to stand in for the redis image")
	}
	cmd := inNS(ns, "redis-server", "--bind", "127.0.0.1", "--port", "6379", "--dir", t.TempDir(), "--save", "", "--appendonly", "yes")
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = cmd.Process.Kill(); _ = cmd.Wait() })
	deadline := time.Now().Add(10 * time.Second)
	for {
		c, err := ns.DialContext(context.Background(), "tcp", "127.0.0.1:6379")
		if err == nil {
			c.Close()
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("redis-server did not start: %v", err)
		}
		time.Sleep(50 * time.Millisecond)
	}
}
