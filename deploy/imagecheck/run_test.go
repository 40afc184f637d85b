package main

import (
	"bytes"
	"context"
	"debug/elf"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// newVolume makes a fresh named volume for path the way docker does: a
// copy of what the image has there (ownership and modes kept), or an
// empty root-owned directory when the image has nothing there.
func newVolume(t *testing.T, img *Image, path string) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "volume")
	src := filepath.Join(img.Rootfs, path)
	if _, err := os.Lstat(src); err != nil {
		if err := os.Mkdir(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		return dir
	}
	err := filepath.Walk(src, func(p string, _ os.FileInfo, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		fi, _ := os.Lstat(p)
		st := fi.Sys().(*syscall.Stat_t)
		return copyEntry(p, filepath.Join(dir, rel), int(st.Uid), int(st.Gid))
	})
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

// logBuffer collects a container's output for the test log.
type logBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *logBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *logBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// startContainer starts a container and stops it (SIGTERM, then SIGKILL)
// at cleanup; its output goes to the test log when the test fails.
func startContainer(t *testing.T, name string, spec containerSpec) *exec.Cmd {
	t.Helper()
	logs := &logBuffer{}
	cmd, err := containerCommand(context.Background(), spec, logs)
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatalf("starting %s: %v", name, err)
	}
	done := make(chan struct{})
	go func() { _ = cmd.Wait(); close(done) }()
	t.Cleanup(func() {
		_ = cmd.Process.Signal(syscall.SIGTERM)
		select {
		case <-done:
		case <-time.After(10 * time.Second):
			_ = cmd.Process.Kill()
			<-done
		}
		if t.Failed() {
			t.Logf("%s's output:\n%s", name, logs.String())
		}
	})
	return cmd
}

// runSpec is the container docker run would start from the image: its
// entrypoint with args (the image's CMD when none), its environment plus
// env, its user and working directory.
func runSpec(img *Image, args []string, env ...string) containerSpec {
	if args == nil {
		args = img.Config.Cmd
	}
	return containerSpec{Rootfs: img.Rootfs, Args: append(append([]string{}, img.Config.Entrypoint...), args...),
		Env: append(append([]string{}, img.Config.Env...), env...), User: img.Config.User, WorkDir: img.Config.WorkingDir}
}

// TestImageContents: the final stage holds a static binary and nothing
// to run it with, the files the ENV names, and /data for the user.
func TestImageContents(t *testing.T) {
	img := image(t)
	t.Run("static binary", func(t *testing.T) {
		f, err := elf.Open(filepath.Join(img.Rootfs, "usr/local/bin/coach"))
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		for _, p := range f.Progs {
			if p.Type == elf.PT_INTERP {
				t.Fatal("coach has a program interpreter: it is dynamically linked")
			}
		}
		if libs, _ := f.ImportedLibraries(); len(libs) > 0 {
			t.Fatalf("coach needs shared libraries %v", libs)
		}
	})
	t.Run("no shell, libc or loader", func(t *testing.T) {
		for _, p := range []string{"bin/sh", "lib", "lib64", "usr/lib", "usr/bin"} {
			if _, err := os.Lstat(filepath.Join(img.Rootfs, p)); err == nil {
				t.Errorf("the image has /%s", p)
			}
		}
	})
	t.Run("supergraph and web app", func(t *testing.T) {
		want := readRepoFile(t, "schema/supergraph.graphql")
		got, err := os.ReadFile(filepath.Join(img.Rootfs, "etc/coach/supergraph.graphql"))
		if err != nil || !bytes.Equal(got, want) {
			t.Fatalf("/etc/coach/supergraph.graphql is not schema/supergraph.graphql (%v)", err)
		}
		index, err := os.ReadFile(filepath.Join(img.Rootfs, "srv/web/index.html"))
		if err != nil || !bytes.Contains(index, []byte("<script")) {
			t.Fatalf("/srv/web/index.html is not a built page: %v\n%s", err, index)
		}
		if _, err := os.Stat(filepath.Join(img.Rootfs, "srv/web/node_modules")); err == nil {
			t.Fatal("node_modules in the image")
		}
	})
	t.Run("data owned by the user", func(t *testing.T) {
		fi, err := os.Stat(filepath.Join(img.Rootfs, "data"))
		if err != nil {
			t.Fatalf("no /data in the image: a new volume would be root's: %v", err)
		}
		if st := fi.Sys().(*syscall.Stat_t); fmt.Sprintf("%d:%d", st.Uid, st.Gid) != img.Config.User {
			t.Fatalf("/data is %d:%d, the image runs as %s", st.Uid, st.Gid, img.Config.User)
		}
	})
}

// TestImageFilesystemAsUser creates a file in each directory as the
// image's user: only the volume (and /tmp where writable) may take it.
func TestImageFilesystemAsUser(t *testing.T) {
	img := image(t)
	dirs := []string{"/", "/etc", "/etc/coach", "/usr/local/bin", "/srv/web", "/home/nonroot", "/tmp", "/data"}
	for _, tc := range []struct {
		name     string
		readOnly bool
		tmpfs    []string
		writable []string
	}{
		// docker run: a writable container layer, but root's directories.
		{name: "docker run", writable: []string{"/data", "/tmp", "/home/nonroot"}},
		// compose and Kubernetes: read-only root, /tmp in memory.
		{name: "read-only root", readOnly: true, tmpfs: []string{"/tmp"}, writable: []string{"/data", "/tmp"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			spec := runSpec(img, nil)
			spec.Volumes = map[string]string{"/data": newVolume(t, img, "/data")}
			spec.ReadOnly, spec.Tmpfs, spec.Probe = tc.readOnly, tc.tmpfs, dirs
			var out logBuffer
			cmd, err := containerCommand(context.Background(), spec, &out)
			if err != nil {
				t.Fatal(err)
			}
			if err := cmd.Run(); err != nil {
				t.Fatalf("probe: %v\n%s", err, out.String())
			}
			var res probeResult
			if err := json.Unmarshal(out.b.Bytes(), &res); err != nil {
				t.Fatalf("probe output: %v\n%s", err, out.String())
			}
			for _, d := range dirs {
				want := contains(tc.writable, d)
				if got := res[d] == ""; got != want {
					t.Errorf("%s: writable %v, want %v (%s)", d, got, want, res[d])
				}
			}
		})
	}
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

// TestImageServes runs every command of the image as docker run would,
// each container with its own /data volume (SQLite) in one private
// network: the router with the image's default command and the
// supergraph's own subgraph URLs, then a sign-up and a query through it.
func TestImageServes(t *testing.T) {
	img := image(t)
	ns, err := NewNetNS(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = ns.Close() })
	client := &http.Client{Timeout: 10 * time.Second, Transport: &http.Transport{DialContext: ns.DialContext}}
	secret := "COACH_SERVICE_SECRET=imagecheck-secret-0123456789"
	sink := startNSMail(t, ns)
	pids := map[string]int{}
	for i, name := range []string{"users", "cv", "planning", "progress", "courses", "router"} {
		args := []string{name}
		if name == "router" {
			args = nil // the image's CMD
		}
		env := []string{secret}
		if name == "users" {
			env = append(env, "COACH_KEY_ENCRYPTION_KEY=aW1hZ2VjaGVjay1rZXktMDEyMzQ1Njc4OWFiY2RlZjA=")
			env = append(env, smtpEnv...)
		}
		spec := runSpec(img, args, env...)
		spec.Volumes = map[string]string{"/data": newVolume(t, img, "/data")}
		spec.NetNS = ns.Path
		pids[name] = startContainer(t, name, spec).Process.Pid
		base := fmt.Sprintf("http://127.0.0.1:%d", 4001+i)
		if name == "router" {
			base = "http://127.0.0.1:4000"
		}
		t.Run(name, func(t *testing.T) {
			waitStatus(t, client, base+"/healthz", 200, 30*time.Second)
			waitStatus(t, client, base+"/readyz", 200, 30*time.Second)
			status, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pids[name]))
			if err != nil || !strings.Contains(string(status), "\nUid:\t65532\t65532\t65532\t65532\n") {
				t.Fatalf("the process does not run as 65532: %v\n%s", err, status)
			}
		})
	}
	t.Run("web app", func(t *testing.T) {
		want, _ := os.ReadFile(filepath.Join(img.Rootfs, "srv/web/index.html"))
		body := get(t, client, "http://127.0.0.1:4000/")
		if !bytes.Equal(body, want) {
			t.Fatalf("GET / is not the image's /srv/web/index.html:\n%s", body)
		}
	})
	t.Run("sign up and query", func(t *testing.T) {
		signUpAndQuery(t, client, "http://127.0.0.1:4000", "ada@example.com", sink)
	})
}

func get(t *testing.T, c *http.Client, url string) []byte {
	t.Helper()
	resp, err := c.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != 200 {
		t.Fatalf("GET %s: %d %s", url, resp.StatusCode, b)
	}
	return b
}

// waitStatus polls url until it answers want.
func waitStatus(t *testing.T, c *http.Client, url string, want int, timeout time.Duration) {
	t.Helper()
	deadline := time.Now().Add(timeout)
	last := ""
	for time.Now().Before(deadline) {
		resp, err := c.Get(url)
		if err == nil {
			b, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if resp.StatusCode == want {
				return
			}
			last = fmt.Sprintf("%d %s", resp.StatusCode, b)
		} else {
			last = err.Error()
		}
		time.Sleep(200 * time.Millisecond)
	}
	t.Fatalf("%s: no %d in %s; last: %s", url, want, timeout, last)
}

// signUpAndQuery signs up through the router (POST /auth/signup, as the
// web app does), follows the link mailed to the sink and asks for the
// account with the token it got.
func signUpAndQuery(t *testing.T, c *http.Client, base, email string, sink *mailSink) {
	t.Helper()
	body, _ := json.Marshal(map[string]string{"email": email, "password": "violet-Harbour-42", "displayName": "Ada"})
	resp, err := c.Post(base+"/auth/signup", "application/json", bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusAccepted {
		t.Fatalf("signup: %d", resp.StatusCode)
	}
	body, _ = json.Marshal(map[string]string{"token": sink.token(t, email, "/verify-email")})
	if resp, err = c.Post(base+"/auth/verify-email", "application/json", bytes.NewReader(body)); err != nil {
		t.Fatal(err)
	}
	var out struct{ AccessToken string }
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if err := json.Unmarshal(b, &out); err != nil || out.AccessToken == "" {
		t.Fatalf("verify-email: %d %s", resp.StatusCode, b)
	}
	q, _ := json.Marshal(map[string]string{"query": "{ me { id email } }"})
	req, _ := http.NewRequest(http.MethodPost, base+"/graphql", bytes.NewReader(q))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Authorization", "Bearer "+out.AccessToken)
	resp, err = c.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	b, _ = io.ReadAll(resp.Body)
	resp.Body.Close()
	if !strings.Contains(string(b), `"email":"`+email+`"`) || strings.Contains(string(b), `"errors"`) {
		t.Fatalf("{ me { id email } }: %d %s", resp.StatusCode, b)
	}
}
