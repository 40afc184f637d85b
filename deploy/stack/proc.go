package stack

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"sort"
	"strings"
	"sync"
	"syscall"
	"time"
)

// stopGrace is how long a process gets to shut down before it is killed.
const stopGrace = 10 * time.Second

// proc is one running process.
type proc struct {
	cmd    *exec.Cmd
	exited chan struct{}
	err    error     // set before exited closes
	ready  time.Time // when it first answered /readyz; guarded by Stack.mu
}

// StartReplica starts another process of a subgraph on a free port (same
// database and Redis) and returns its name, e.g. "cv#2".
func (s *Stack) StartReplica(ctx context.Context, name string) (string, error) {
	s.mu.Lock()
	n := 2
	for s.procs[fmt.Sprintf("%s#%d", name, n)] != nil {
		n++
	}
	replica := fmt.Sprintf("%s#%d", name, n)
	s.mu.Unlock()
	addr, l, err := reserve(s.opts.Host, 0)
	if err != nil {
		return "", err
	}
	_ = l.Close()
	s.mu.Lock()
	s.addrs[replica] = addr
	s.mu.Unlock()
	return replica, s.StartProcess(ctx, replica)
}

// StartProcess starts (or restarts) one process and waits until it is ready.
func (s *Stack) StartProcess(ctx context.Context, name string) error {
	s.mu.Lock()
	if p := s.procs[name]; p != nil && !p.done() {
		s.mu.Unlock()
		return fmt.Errorf("stack: %s is already running", name)
	}
	cmd := exec.Command(s.opts.Binary, s.args(name)...)
	cmd.Env = append(append(os.Environ(), "COACH_LOG_FORMAT=text", "COACH_SERVICE_SECRET="+s.secret), s.opts.Env...)
	if strings.HasPrefix(name, "users") { // only the users service holds the key-encryption key and the SMTP settings
		cmd.Env = append(append(cmd.Env, "COACH_KEY_ENCRYPTION_KEY="+s.kek), s.opts.Mail.Env()...)
	}
	// Its own process group (a terminal's Ctrl-C reaches only the parent,
	// which stops the processes in order), and SIGTERM when the parent dies
	// without stopping them (kill -9): no orphans holding the ports. Go
	// ends an OS thread only when a goroutine locked to it exits, which
	// nothing here does, so the signal comes with the parent's death.
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true, Pdeathsig: syscall.SIGTERM}
	out := &prefixWriter{w: s.opts.Logs, prefix: fmt.Sprintf("%-8s | ", name), mu: &s.logMu}
	cmd.Stdout, cmd.Stderr = out, out
	if err := cmd.Start(); err != nil {
		s.mu.Unlock()
		return fmt.Errorf("stack: starting %s: %w", name, err)
	}
	p := &proc{cmd: cmd, exited: make(chan struct{})}
	s.procs[name] = p
	s.mu.Unlock()
	go func() {
		p.err = cmd.Wait()
		out.flush()
		close(p.exited)
	}()
	if err := s.waitReady(ctx, name, p.exited); err != nil {
		return err
	}
	s.mu.Lock()
	p.ready = time.Now()
	s.mu.Unlock()
	return nil
}

func (p *proc) done() bool {
	select {
	case <-p.exited:
		return true
	default:
		return false
	}
}

// Kill stops a process abruptly (SIGKILL), as a crash would.
func (s *Stack) Kill(name string) error {
	return s.signal(name, syscall.SIGKILL, 0)
}

// StopProcess stops a process gracefully (SIGTERM, then SIGKILL after a grace period).
func (s *Stack) StopProcess(name string) error {
	return s.signal(name, syscall.SIGTERM, stopGrace)
}

func (s *Stack) signal(name string, sig syscall.Signal, grace time.Duration) error {
	s.mu.Lock()
	p := s.procs[name]
	s.mu.Unlock()
	if p == nil || p.done() {
		return nil
	}
	_ = syscall.Kill(-p.cmd.Process.Pid, sig)
	if grace > 0 {
		select {
		case <-p.exited:
			return nil
		case <-time.After(grace):
			_ = syscall.Kill(-p.cmd.Process.Pid, syscall.SIGKILL)
		}
	}
	<-p.exited
	return nil
}

// Stop stops every process, the router first.
func (s *Stack) Stop() error {
	var errs []error
	for _, n := range append([]string{"router"}, reverse(Subgraphs)...) {
		errs = append(errs, s.StopProcess(n))
	}
	return errors.Join(errs...)
}

func reverse(in []string) []string {
	out := make([]string, len(in))
	for i, v := range in {
		out[len(in)-1-i] = v
	}
	return out
}

// prefixWriter writes whole lines, each prefixed, so that the interleaved
// output of several processes stays readable.
type prefixWriter struct {
	w      io.Writer
	prefix string
	mu     *sync.Mutex // shared by all processes' writers
	bufMu  sync.Mutex
	buf    []byte
}

func (p *prefixWriter) Write(b []byte) (int, error) {
	p.bufMu.Lock()
	defer p.bufMu.Unlock()
	p.buf = append(p.buf, b...)
	for {
		i := bytes.IndexByte(p.buf, '\n')
		if i < 0 {
			break
		}
		p.emit(p.buf[:i+1])
		p.buf = p.buf[i+1:]
	}
	return len(b), nil
}

func (p *prefixWriter) flush() {
	p.bufMu.Lock()
	defer p.bufMu.Unlock()
	if len(p.buf) > 0 {
		p.emit(append(p.buf, '\n'))
		p.buf = nil
	}
}

func (p *prefixWriter) emit(line []byte) {
	p.mu.Lock()
	defer p.mu.Unlock()
	_, _ = p.w.Write(append([]byte(p.prefix), line...))
}

// PID is the process id of a running process, 0 when it is not running.
func (s *Stack) PID(name string) int {
	s.mu.Lock()
	p := s.procs[name]
	s.mu.Unlock()
	if p == nil || p.done() {
		return 0
	}
	return p.cmd.Process.Pid
}

// Names lists the processes started so far (running or not), sorted.
func (s *Stack) Names() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]string, 0, len(s.procs))
	for n := range s.procs {
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}
