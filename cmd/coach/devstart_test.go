//go:build !routeronly

package main

import (
	"bytes"
	"context"
	"testing"
	"time"

	"github.com/careercoach/coach/internal/logging"
)

// devRun is a `coach dev` started by a test.
type devRun struct {
	addr     string            // the router
	subAddrs map[string]string // subgraph name → address
	cancel   context.CancelFunc
	exited   chan struct{}
	err      error // set before exited closes
	logs     *logging.Buffer
}

// startDev runs `coach dev` on free ports with extra flags and waits until
// every server is ready; it is stopped when the test ends.
func startDev(t *testing.T, extra ...string) *devRun {
	t.Helper()
	addr := freeAddr(t)
	args := []string{"dev", "--data-dir", t.TempDir(), "--addr", addr, "--public-url", "http://" + addr}
	subAddrs := map[string]string{}
	for _, s := range devSubgraphs {
		subAddrs[s.name] = freeAddr(t)
		args = append(args, "--"+s.name+"-addr", subAddrs[s.name])
	}
	ctx, cancel := context.WithCancel(context.Background())
	d := &devRun{addr: addr, subAddrs: subAddrs, cancel: cancel, exited: make(chan struct{}), logs: &logging.Buffer{}}
	e := env{getenv: func(string) string { return "" }, stdout: &bytes.Buffer{}, stderr: d.logs}
	done := make(chan error, 1)
	go func() {
		d.err = run(ctx, append(args, extra...), e)
		close(d.exited)
		done <- d.err
	}()
	t.Cleanup(func() {
		if err := d.stop(); err != nil {
			t.Errorf("dev stopped with %v\n%s", err, d.logs.String())
		}
	})
	for _, a := range subAddrs {
		waitReady(t, "http://"+a+"/readyz", done)
	}
	waitReady(t, "http://"+addr+"/healthz", done)
	return d
}

// stop ends dev and returns what it returned.
func (d *devRun) stop() error {
	d.cancel()
	select {
	case <-d.exited:
		return d.err
	case <-time.After(20 * time.Second):
		return context.DeadlineExceeded
	}
}
