package extract

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"runtime"
	"runtime/debug"
	"strings"
	"time"
)

// The child protocol: the parent re-executes its own binary with childEnv
// set and the limits in limitsEnv, writes the file to the child's stdin and
// reads one JSON childResult from its stdout. The child sets its own
// address-space limit before reading; the parent kills it on timeout.
const (
	childEnv  = "CAREERCOACH_EXTRACT_CHILD"
	limitsEnv = "CAREERCOACH_EXTRACT_LIMITS"
)

type childResult struct {
	Doc     Document `json:"doc"`
	Code    string   `json:"code,omitempty"` // codeOf the error
	Message string   `json:"message,omitempty"`
	// TooLong carries the numbers of an ErrTextTooLong for the user's message.
	TooLong *TextTooLongError `json:"tooLong,omitempty"`
}

// childMaxStack is the child's goroutine stack limit: our parsers recurse
// at most a few hundred frames.
const childMaxStack = 32 << 20

var errNoChild = errors.New("extraction child process unavailable")

// children bounds concurrent extraction processes: each may use up to
// MaxMemoryBytes, and parsing is CPU-bound.
var children = make(chan struct{}, max(2, runtime.NumCPU()))

// init makes every binary that links this package able to serve as the
// child, whether or not its main remembers to call RunChildIfRequested:
// without it, a test binary re-executed as a child would run its tests.
func init() { RunChildIfRequested() }

// RunChildIfRequested turns the process into an extraction child when the
// parent asked for one (and then never returns); otherwise it returns at
// once. The package's init already calls it; calling it first thing in main
// or TestMain as well is harmless and makes the re-exec visible.
func RunChildIfRequested() {
	if os.Getenv(childEnv) != "1" {
		return
	}
	os.Exit(runChildMain(os.Stdin, os.Stdout))
}

func runChildMain(stdin io.Reader, stdout io.Writer) int {
	var lim Limits
	if err := json.Unmarshal([]byte(os.Getenv(limitsEnv)), &lim); err != nil {
		fmt.Fprintln(os.Stderr, "extract child: bad limits:", err)
		return 3
	}
	lim = lim.withDefaults()
	debug.SetMemoryLimit(lim.MaxMemoryBytes) // collect hard before the hard cap
	// The PDF library resolves references recursively (an object stream
	// that names itself recurses without end); a small stack turns that
	// into a quick "stack overflow" the parent reports as ErrCycle, where
	// the default 1 GB would first run into the memory limit.
	debug.SetMaxStack(childMaxStack)
	if err := limitResources(lim.MaxMemoryBytes, lim.Timeout); err != nil {
		fmt.Fprintln(os.Stderr, "extract child: rlimit:", err)
		return 3
	}
	data, err := io.ReadAll(io.LimitReader(stdin, lim.MaxBytes+1))
	if err != nil {
		fmt.Fprintln(os.Stderr, "extract child: read:", err)
		return 3
	}
	ctx, cancel := context.WithTimeout(context.Background(), lim.Timeout)
	defer cancel()
	doc, err := extractDirect(ctx, data, lim)
	res := childResult{Doc: doc}
	if err != nil {
		res = childResult{Code: codeOf(err), Message: err.Error()}
		if t, ok := errors.AsType[*TextTooLongError](err); ok {
			res.TooLong = t
		}
	}
	if err := json.NewEncoder(stdout).Encode(res); err != nil {
		fmt.Fprintln(os.Stderr, "extract child: write:", err)
		return 3
	}
	return 0
}

// childError keeps the child's message and matches the sentinel.
type childError struct {
	base error
	msg  string
}

func (e *childError) Error() string { return e.msg }
func (e *childError) Unwrap() error { return e.base }

// cappedBuffer keeps the first max bytes written and drops the rest, so a
// child cannot make the parent buffer without bound.
type cappedBuffer struct {
	bytes.Buffer
	max int
}

func (c *cappedBuffer) Write(p []byte) (int, error) {
	if room := c.max - c.Len(); room > 0 {
		c.Buffer.Write(p[:min(len(p), room)])
	}
	return len(p), nil
}

func runChild(ctx context.Context, data []byte, lim Limits) (Document, error) {
	exe, err := selfExecutable()
	if err != nil {
		return Document{}, errNoChild
	}
	limJSON, err := json.Marshal(lim)
	if err != nil {
		return Document{}, fmt.Errorf("extract: limits: %w", err)
	}
	select {
	case children <- struct{}{}:
		defer func() { <-children }()
	case <-ctx.Done():
		return Document{}, ctx.Err()
	}
	tctx, cancel := context.WithTimeout(ctx, lim.Timeout)
	defer cancel()
	cmd := exec.CommandContext(tctx, exe)
	cmd.Env = childEnvironment(string(limJSON))
	cmd.Stdin = bytes.NewReader(data)
	stdout := &cappedBuffer{max: int(min(lim.MaxUncompressedBytes, 256<<20)) + 1<<20}
	stderr := &cappedBuffer{max: 64 << 10}
	cmd.Stdout, cmd.Stderr = stdout, stderr
	cmd.SysProcAttr = childSysProcAttr()
	cmd.WaitDelay = time.Second
	if err := cmd.Start(); err != nil {
		return Document{}, fmt.Errorf("extract: start child process: %w", err)
	}
	if err := cmd.Wait(); err != nil {
		return Document{}, childFailure(ctx, tctx, err, stderr.String(), lim)
	}
	var res childResult
	if err := json.Unmarshal(stdout.Bytes(), &res); err != nil {
		return Document{}, fmt.Errorf("%w: extraction process answered badly: %v", ErrCorrupt, err)
	}
	if res.TooLong != nil && res.Code == codeOf(ErrTextTooLong) {
		return Document{}, res.TooLong
	}
	if res.Code != "" {
		return Document{}, &childError{base: errOfCode(res.Code), msg: res.Message}
	}
	return res.Doc, nil
}

// selfExecutable is the binary to re-execute. On Linux /proc/self/exe
// still works after a deploy has replaced or deleted the file on disk.
func selfExecutable() (string, error) {
	if _, err := os.Stat("/proc/self/exe"); err == nil {
		return "/proc/self/exe", nil
	}
	return os.Executable()
}

// childFailure classifies a child that did not answer: killed at the
// deadline, cancelled by the caller, out of memory (the Go runtime's fatal
// error under RLIMIT_AS, or a SIGKILL we did not send: the kernel's OOM
// killer), or a crash.
func childFailure(ctx, tctx context.Context, err error, stderr string, lim Limits) error {
	var exit *exec.ExitError
	killed := errors.As(err, &exit) && exit.ProcessState != nil && strings.Contains(exit.ProcessState.String(), "killed")
	switch {
	case ctx.Err() != nil:
		return ctx.Err()
	case errors.Is(tctx.Err(), context.DeadlineExceeded):
		return fmt.Errorf("%w after %s", ErrTimeout, lim.Timeout)
	case strings.Contains(stderr, "stack overflow") || strings.Contains(stderr, "stack exceeds"):
		return fmt.Errorf("%w: the parser recursed past %d MB of stack", ErrCycle, childMaxStack>>20)
	case outOfMemory(stderr) || killed:
		return ErrMemoryLimit
	}
	return fmt.Errorf("%w: extraction process failed: %v: %s", ErrCorrupt, err, firstLines(stderr, 5))
}

// outOfMemory recognises the Go runtime's fatal errors when an allocation
// fails under RLIMIT_AS (the race detector's runtime words it its own way).
func outOfMemory(stderr string) bool {
	for _, s := range []string{"out of memory", "cannot allocate memory", "address space collisions", "failed to allocate"} {
		if strings.Contains(stderr, s) {
			return true
		}
	}
	return false
}

// childEnvironment is the child's whole environment: the service's
// (database URLs, API keys) is not handed to a process that parses
// untrusted files. Only what the Go runtime and tooling read passes.
func childEnvironment(limits string) []string {
	env := []string{childEnv + "=1", limitsEnv + "=" + limits, "GOMAXPROCS=1"}
	for _, k := range []string{"TMPDIR", "GOCOVERDIR", "GORACE", "GOTRACEBACK"} {
		if v, ok := os.LookupEnv(k); ok {
			env = append(env, k+"="+v)
		}
	}
	return env
}
