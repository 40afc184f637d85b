package stack

import (
	"context"
	"errors"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/careercoach/coach/internal/logging"
)

// fakeChildEnv makes the test binary act as a coach process (fakeChild), so
// that supervision is tested with real processes that really crash.
const fakeChildEnv = "STACK_TEST_FAKE_CHILD"

// fakeChild serves /readyz on the --addr of its arguments as a coach
// process does. The command named by STACK_TEST_CRASH exits with status 3
// some time after it first answered /readyz: STACK_TEST_LIFETIMES lists
// that time for each start in turn (starts are counted in a file under
// STACK_TEST_DIR); past the list it stays up. Every start is counted.
func fakeChild(args []string) int {
	addr := ""
	for i, a := range args {
		if a == "--addr" && i+1 < len(args) {
			addr = args[i+1]
		}
	}
	name := args[0]
	f, err := os.OpenFile(filepath.Join(os.Getenv("STACK_TEST_DIR"), name+".starts"), os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o600)
	if err != nil {
		return 1
	}
	_, _ = f.WriteString("x")
	st, _ := f.Stat()
	_ = f.Close()
	var lifetime time.Duration
	if name == os.Getenv("STACK_TEST_CRASH") {
		lives := strings.Split(os.Getenv("STACK_TEST_LIFETIMES"), ",")
		if n := int(st.Size()); n <= len(lives) {
			lifetime, _ = time.ParseDuration(lives[n-1])
		}
	}
	var once sync.Once
	mux := http.NewServeMux()
	mux.HandleFunc("/readyz", func(w http.ResponseWriter, r *http.Request) {
		if lifetime > 0 {
			once.Do(func() { time.AfterFunc(lifetime, func() { os.Exit(3) }) })
		}
	})
	_ = http.ListenAndServe(addr, mux)
	return 1
}

// starts counts how often the named fake process was started.
func starts(t *testing.T, dir, name string) int {
	t.Helper()
	st, err := os.Stat(filepath.Join(dir, name+".starts"))
	if err != nil {
		t.Fatal(err)
	}
	return int(st.Size())
}

// The issue: when one process of `coach up` died, all six were stopped.
// Now a crashed process is restarted, after a backoff that doubles up to a
// cap and starts over once it has run healthy for a while; the log says
// so; the others run on untouched; and everything stops at shutdown.
func TestSuperviseRestartsCrashedProcess(t *testing.T) {
	dir := t.TempDir()
	logs := &logging.Buffer{}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	s, err := Start(ctx, Options{Binary: os.Args[0], DatabaseURL: "postgres://unused", RedisURL: "redis://unused",
		Supergraph: "unused", DataDir: dir, Logs: logs, ReadyTimeout: 20 * time.Second, Env: []string{
			fakeChildEnv + "=1", "STACK_TEST_DIR=" + dir, "STACK_TEST_CRASH=cv",
			// Three quick crashes (backoff 50, 100, capped 150ms), a run
			// past HealthyAfter (backoff back to 50ms), one more crash.
			"STACK_TEST_LIFETIMES=100ms,100ms,100ms,2500ms,100ms"}})
	if err != nil {
		t.Fatalf("%v\n%s", err, logs.String())
	}
	supervised := make(chan struct{})
	go func() {
		s.Supervise(ctx, Supervision{Backoff: 50 * time.Millisecond, MaxBackoff: 150 * time.Millisecond, HealthyAfter: time.Second})
		close(supervised)
	}()

	deadline := time.Now().Add(30 * time.Second)
	for strings.Count(logs.String(), "cv restarted and ready") < 5 {
		if time.Now().After(deadline) {
			t.Fatalf("cv was not restarted five times:\n%s", logs.String())
		}
		time.Sleep(50 * time.Millisecond)
	}
	restart := regexp.MustCompile(`cv exited \(exit status 3\) after \S+ up; restarting it in (\S+) \(crash (\d) in a row\)`)
	var got []string
	for _, m := range restart.FindAllStringSubmatch(logs.String(), -1) {
		got = append(got, m[1]+" #"+m[2])
	}
	want := []string{"50ms #1", "100ms #2", "150ms #3", "50ms #1", "100ms #2"}
	if !slices.Equal(got, want) {
		t.Errorf("restarts logged as %q, want %q\n%s", got, want, logs.String())
	}
	if n := starts(t, dir, "cv"); n != 6 {
		t.Errorf("cv started %d times, want 6", n)
	}
	for _, n := range []string{"router", "users", "planning", "progress", "courses"} {
		if c := starts(t, dir, n); c != 1 {
			t.Errorf("%s started %d times, want once (only cv crashed)", n, c)
		}
	}

	pids := map[string]int{}
	for _, n := range s.Names() {
		pids[n] = s.PID(n)
	}
	cancel()
	select {
	case <-supervised:
	case <-time.After(5 * time.Second):
		t.Fatal("Supervise did not return after its context ended")
	}
	if err := s.Stop(); err != nil {
		t.Fatal(err)
	}
	for n, pid := range pids {
		if pid == 0 {
			t.Errorf("%s was not running before shutdown", n)
			continue
		}
		if err := syscall.Kill(pid, 0); !errors.Is(err, syscall.ESRCH) {
			t.Errorf("%s (pid %d) still exists after Stop: %v", n, pid, err)
		}
	}
}
