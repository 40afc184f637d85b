// Command loadtest starts Career Coach's production topology on this machine
// (router and five subgraph processes on PostgreSQL and Redis, loopback
// only), seeds users with a CV, a goal and an enrollment, and drives a mix of
// the web app's operations through the router at increasing concurrency. It
// reports throughput, latency percentiles, the error rate and each process's
// memory and CPU per level (`make loadtest`).
package main

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/careercoach/coach/deploy/loadtest/load"
	"github.com/careercoach/coach/deploy/stack"
	"github.com/careercoach/coach/internal/mail"
	"github.com/careercoach/coach/internal/mailtest"
	"github.com/careercoach/coach/subgraphs/users"
)

type options struct {
	binary, databaseURL, redisURL, supergraph, cvDir string
	levels                                           []int
	duration, warmup, timeout                        time.Duration
	users, seedParallel                              int
	markdown                                         bool
}

func main() {
	o, err := parseFlags(os.Args[1:])
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return
		}
		fmt.Fprintln(os.Stderr, "loadtest:", err)
		os.Exit(2)
	}
	// The stack's processes run in their own process groups: every way this
	// harness can be stopped must reach the deferred Stop. A closed output
	// pipe (loadtest | head) gives write errors instead of killing it.
	signal.Ignore(syscall.SIGPIPE)
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM, syscall.SIGHUP)
	defer stop()
	ctx, cancel := context.WithTimeout(ctx, o.timeout)
	defer cancel()
	if err := run(ctx, o, os.Stdout, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "loadtest:", err)
		os.Exit(1)
	}
}

func parseFlags(args []string) (options, error) {
	var o options
	fs := flag.NewFlagSet("loadtest", flag.ContinueOnError)
	dbDefault := os.Getenv("COACH_DATABASE_URL")
	if dbDefault == "" {
		dbDefault = "postgres://postgres@127.0.0.1:5432/postgres?sslmode=disable"
	}
	fs.StringVar(&o.binary, "binary", "bin/coach", "built coach binary")
	fs.StringVar(&o.databaseURL, "database-url", dbDefault, "PostgreSQL server (env COACH_DATABASE_URL); the run's databases are dropped at the end")
	fs.StringVar(&o.redisURL, "redis-url", "", "Redis to use; empty starts a private redis-server on a free port")
	fs.StringVar(&o.supergraph, "supergraph", "schema/supergraph.graphql", "supergraph the router serves")
	fs.StringVar(&o.cvDir, "cvs", "subgraphs/cv/extract/testdata", "directory of CV PDFs to upload (those with a .txt reference)")
	levels := fs.String("levels", "1,10,50,100", "concurrent clients of each level, in order")
	fs.DurationVar(&o.duration, "duration", 15*time.Second, "measured time of each level")
	fs.DurationVar(&o.warmup, "warmup", 2*time.Second, "unmeasured time before each level")
	fs.DurationVar(&o.timeout, "timeout", 10*time.Minute, "bound of the whole run")
	fs.IntVar(&o.users, "users", 0, "seeded users (0: as many as the largest level's clients)")
	fs.IntVar(&o.seedParallel, "seed-parallel", 8, "users seeded at once")
	fs.BoolVar(&o.markdown, "markdown", false, "print Markdown tables")
	if err := fs.Parse(args); err != nil {
		return o, err
	}
	for _, f := range strings.Split(*levels, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(f))
		if err != nil || n < 1 {
			return o, fmt.Errorf("--levels: %q is not a positive number", f)
		}
		o.levels = append(o.levels, n)
	}
	if o.users == 0 {
		for _, n := range o.levels {
			o.users = max(o.users, n)
		}
	}
	if o.duration <= 0 || o.seedParallel < 1 || o.users < 0 {
		return o, errors.New("--duration and --seed-parallel must be positive, --users not negative")
	}
	return o, nil
}

func run(ctx context.Context, o options, out, logw io.Writer) (err error) {
	cvs, err := readCVs(o.cvDir)
	if err != nil {
		return err
	}
	dir, err := os.MkdirTemp("", "coach-load-")
	if err != nil {
		return fmt.Errorf("creating a work directory: %w", err)
	}
	defer os.RemoveAll(dir)
	var redis *stack.Redis
	if o.redisURL == "" {
		if redis, err = stack.StartRedis(ctx, dir); err != nil {
			return err
		}
		defer redis.Stop()
		o.redisURL = redis.URL
	}
	// The users service mails sign-up links: the generator receives them.
	mails, err := mailtest.Listen("127.0.0.1:0")
	if err != nil {
		return err
	}
	defer mails.Close()
	st, logs, err := startStack(ctx, o, dir, mails.Config())
	if err != nil {
		return err
	}
	defer func() {
		_ = st.Stop()
		dctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 30*time.Second)
		defer cancel()
		if err := st.DropDatabases(dctx); err != nil {
			fmt.Fprintln(logw, "loadtest:", err)
		}
	}()
	defer func() {
		logs.Close()
		if err == nil {
			os.Remove(logs.Name()) // kept only to explain a failure
		}
	}()
	fmt.Fprintf(logw, "loadtest: stack up on %s (process logs: %s)\n", st.URL(), logs.Name())

	c := newClient(st.URL(), max(o.users, o.levels[len(o.levels)-1]))
	c.VerifyLink = func(ctx context.Context, email string) (string, error) {
		m, err := mails.WaitContext(ctx, email, users.SubjectVerify, 30*time.Second)
		if err != nil || len(m.Links()) == 0 {
			return "", fmt.Errorf("no verification link mailed to %s: %v", email, err)
		}
		return m.Links()[0], nil
	}
	levels, err := drive(ctx, o, st, redis, c, cvs, logw)
	if err != nil {
		return fmt.Errorf("%w (process logs: %s)", err, logs.Name())
	}
	if err := report(out, o, levels); err != nil {
		return err
	}
	for _, n := range st.Names() {
		if st.PID(n) == 0 {
			return fmt.Errorf("process %s exited during the run (process logs: %s)", n, logs.Name())
		}
	}
	return nil
}

// startStack starts the topology with its own databases (suffix load_<hex>);
// the processes' logs go to a temporary file, removed after a good run.
func startStack(ctx context.Context, o options, dir string, smtp mail.Config) (*stack.Stack, *os.File, error) {
	bin, err := filepath.Abs(o.binary)
	if err != nil {
		return nil, nil, fmt.Errorf("binary path: %w", err)
	}
	sg, err := filepath.Abs(o.supergraph)
	if err != nil {
		return nil, nil, fmt.Errorf("supergraph path: %w", err)
	}
	var b [4]byte
	_, _ = rand.Read(b[:])
	logs, err := os.CreateTemp("", "coach-load-*.log")
	if err != nil {
		return nil, nil, fmt.Errorf("creating the log file: %w", err)
	}
	st, err := stack.Start(ctx, stack.Options{Binary: bin, DatabaseURL: o.databaseURL, DBSuffix: "load_" + hex.EncodeToString(b[:]),
		RedisURL: o.redisURL, Supergraph: sg, DataDir: dir, Logs: logs,
		// Every simulated user signs up from this one address.
		Env: []string{"COACH_LOG_LEVEL=warn", "COACH_SIGNUPS_PER_IP=100000"}, Mail: smtp, ReadyTimeout: 90 * time.Second})
	if err != nil {
		return nil, nil, fmt.Errorf("starting the stack: %w (process logs: %s)", err, logs.Name())
	}
	return st, logs, nil
}

// readCVs reads the PDFs of dir that have a .txt reference (text the
// extractor reads; the corpus's unreadable files have none).
func readCVs(dir string) ([]load.CV, error) {
	refs, err := filepath.Glob(filepath.Join(dir, "*.pdf.txt"))
	if err != nil || len(refs) == 0 {
		return nil, fmt.Errorf("no CVs (*.pdf with a .pdf.txt) in %s: %v", dir, err)
	}
	var cvs []load.CV
	for _, ref := range refs {
		name := strings.TrimSuffix(ref, ".txt")
		b, err := os.ReadFile(name)
		if err != nil {
			return nil, fmt.Errorf("reading a CV: %w", err)
		}
		cvs = append(cvs, load.CV{Name: filepath.Base(name), Data: b})
	}
	return cvs, nil
}
