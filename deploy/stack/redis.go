package stack

import (
	"context"
	"errors"
	"fmt"
	"net"
	"os"
	"os/exec"
	"strconv"
	"time"
)

// Redis is a redis-server of the caller's own on a free loopback port. Every
// stack uses the same stream and consumer-group names, so two stacks on one
// Redis database would take each other's events: tests and the load harness
// each run their own. It keeps an append-only file, as production does, so a
// restart (Stop, then Start) loses no stream.
type Redis struct {
	URL  string
	port string
	dir  string
	cmd  *exec.Cmd
}

// StartRedis starts a redis-server keeping its files in dir.
func StartRedis(ctx context.Context, dir string) (*Redis, error) {
	if _, err := exec.LookPath("redis-server"); err != nil {
		return nil, fmt.Errorf("no redis-server to start: %w", err)
	}
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, fmt.Errorf("finding a free port for redis-server: %w", err)
	}
	port := strconv.Itoa(l.Addr().(*net.TCPAddr).Port)
	l.Close()
	r := &Redis{URL: "redis://127.0.0.1:" + port + "/0", port: port, dir: dir}
	return r, r.Start(ctx)
}

// Start (re)starts the server and waits until it accepts connections.
func (r *Redis) Start(ctx context.Context) error {
	if r.cmd != nil {
		return errors.New("redis-server is already running")
	}
	cmd := exec.Command("redis-server", "--bind", "127.0.0.1", "--port", r.port, "--dir", r.dir,
		"--save", "", "--appendonly", "yes", "--appendfsync", "always")
	if err := cmd.Start(); err != nil {
		return fmt.Errorf("starting redis-server: %w", err)
	}
	r.cmd = cmd
	ctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	for {
		if c, err := net.Dial("tcp", "127.0.0.1:"+r.port); err == nil {
			c.Close()
			return nil
		}
		select {
		case <-ctx.Done():
			r.Stop()
			return fmt.Errorf("redis-server on port %s did not start: %w", r.port, ctx.Err())
		case <-time.After(50 * time.Millisecond):
		}
	}
}

// Stop shuts the server down (SIGINT: it finishes its append-only file).
func (r *Redis) Stop() {
	if r.cmd == nil {
		return
	}
	_ = r.cmd.Process.Signal(os.Interrupt)
	_ = r.cmd.Wait()
	r.cmd = nil
}

// PID is the server's process id, or 0 when it is stopped.
func (r *Redis) PID() int {
	if r.cmd == nil {
		return 0
	}
	return r.cmd.Process.Pid
}
