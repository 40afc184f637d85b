package stack

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
)

// The full-stack tests run the real multi-process topology on real
// PostgreSQL and Redis; without TEST_DATABASE_URL and TEST_REDIS_URL they
// are skipped.
var coachBinary string

func TestMain(m *testing.M) {
	os.Exit(run(m))
}

func run(m *testing.M) int {
	if os.Getenv("TEST_DATABASE_URL") == "" || os.Getenv("TEST_REDIS_URL") == "" {
		fmt.Println("deploy/stack: TEST_DATABASE_URL and TEST_REDIS_URL unset; full-stack tests skip")
		return m.Run()
	}
	dir, err := os.MkdirTemp("", "coach-stack-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	defer os.RemoveAll(dir)
	coachBinary = filepath.Join(dir, "coach")
	build := exec.Command("go", "build", "-o", coachBinary, "../../cmd/coach")
	build.Stdout, build.Stderr = os.Stderr, os.Stderr
	if err := build.Run(); err != nil {
		fmt.Fprintln(os.Stderr, "building coach:", err)
		return 1
	}
	return m.Run()
}

// testStack starts a stack with its own databases (dropped at cleanup) and
// the given Redis URL; its logs go to the test log when the test fails.
func testStack(t *testing.T, redisURL string, env ...string) *Stack {
	t.Helper()
	if coachBinary == "" {
		t.Skip("TEST_DATABASE_URL and TEST_REDIS_URL are needed for full-stack tests")
	}
	var suffix [4]byte
	_, _ = rand.Read(suffix[:])
	logs := &syncBuffer{}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	s, err := Start(ctx, Options{
		Binary: coachBinary, DatabaseURL: os.Getenv("TEST_DATABASE_URL"), DBSuffix: hex.EncodeToString(suffix[:]),
		RedisURL: redisURL, Supergraph: absPath(t, "../../schema/supergraph.graphql"), DataDir: t.TempDir(),
		Logs: logs, Env: env, ReadyTimeout: 90 * time.Second,
	})
	if err != nil {
		t.Fatalf("starting the stack: %v\n%s", err, logs.String())
	}
	t.Cleanup(func() {
		if err := s.Stop(); err != nil {
			t.Errorf("stopping the stack: %v", err)
		}
		if t.Failed() {
			t.Logf("process logs:\n%s", logs.String())
		}
		dropDatabases(t, s)
	})
	return s
}

func absPath(t *testing.T, p string) string {
	t.Helper()
	a, err := filepath.Abs(p)
	if err != nil {
		t.Fatal(err)
	}
	return a
}

// dropDatabases removes the stack's databases.
func dropDatabases(t *testing.T, s *Stack) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	conn, err := pgx.Connect(ctx, os.Getenv("TEST_DATABASE_URL"))
	if err != nil {
		t.Errorf("connecting to drop test databases: %v", err)
		return
	}
	defer conn.Close(ctx)
	for _, n := range Subgraphs {
		u := s.DatabaseURL(n)
		name := u[strings.LastIndex(u, "/")+1:]
		if i := strings.IndexByte(name, '?'); i >= 0 {
			name = name[:i]
		}
		if _, err := conn.Exec(ctx, "DROP DATABASE IF EXISTS "+pgx.Identifier{name}.Sanitize()+" WITH (FORCE)"); err != nil {
			t.Errorf("dropping %s: %v", name, err)
		}
	}
}

// syncBuffer collects the interleaved process logs.
type syncBuffer struct {
	mu sync.Mutex
	b  strings.Builder
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}
