package stack

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/careercoach/coach/internal/logging"
	"github.com/careercoach/coach/internal/mailtest"
)

// The full-stack tests run the real multi-process topology on real
// PostgreSQL and Redis; without TEST_DATABASE_URL and TEST_REDIS_URL they
// are skipped.
var coachBinary string

func TestMain(m *testing.M) {
	if os.Getenv(fakeChildEnv) != "" {
		os.Exit(fakeChild(os.Args[1:]))
	}
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

// testStack starts a stack with its own databases on TEST_DATABASE_URL
// (dropped at cleanup) and the given Redis URL; its logs go to the test log
// when the test fails.
func testStack(t *testing.T, redisURL string, env ...string) *testedStack {
	t.Helper()
	return testStackOn(t, os.Getenv("TEST_DATABASE_URL"), redisURL, env...)
}

// stackRedis is the Redis of a test's stack: a private redis-server when one
// is installed, else TEST_REDIS_URL. Every stack uses the same stream and
// consumer group names, so two stacks on one Redis database (another
// worktree's test run, a `make up`) would take each other's events.
func stackRedis(t *testing.T) string {
	t.Helper()
	if _, err := exec.LookPath("redis-server"); err != nil {
		return os.Getenv("TEST_REDIS_URL")
	}
	return startRedis(t).URL
}

// testedStack is a running stack and the SMTP server its users service
// sends account email to.
type testedStack struct {
	*Stack
	mail *mailtest.Server
}

// testStackOn is testStack on the PostgreSQL server at databaseURL.
func testStackOn(t *testing.T, databaseURL, redisURL string, env ...string) *testedStack {
	t.Helper()
	if coachBinary == "" {
		t.Skip("TEST_DATABASE_URL and TEST_REDIS_URL are needed for full-stack tests")
	}
	mails := mailtest.Start(t) // `coach users` refuses to start without SMTP
	var suffix [4]byte
	_, _ = rand.Read(suffix[:])
	logs := &logging.Buffer{}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	s, err := Start(ctx, Options{
		Binary: coachBinary, DatabaseURL: databaseURL, DBSuffix: hex.EncodeToString(suffix[:]),
		RedisURL: redisURL, Supergraph: absPath(t, "../../schema/supergraph.graphql"), DataDir: t.TempDir(),
		Logs: logs, Env: env, Mail: mails.Config(), ReadyTimeout: 90 * time.Second,
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
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		if err := s.DropDatabases(ctx); err != nil {
			t.Errorf("dropping the test databases: %v", err)
		}
	})
	return &testedStack{Stack: s, mail: mails}
}

func absPath(t *testing.T, p string) string {
	t.Helper()
	a, err := filepath.Abs(p)
	if err != nil {
		t.Fatal(err)
	}
	return a
}
