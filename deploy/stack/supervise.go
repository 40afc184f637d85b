package stack

import (
	"context"
	"fmt"
	"sync"
	"time"
)

// Supervision says how crashed processes are restarted: after Backoff,
// doubling with each crash up to MaxBackoff, and back to Backoff once a
// process has stayed up for HealthyAfter (systemd's Restart=on-failure with
// a growing RestartSec; Kubernetes' CrashLoopBackOff: 10s doubling to 5m,
// reset after 10 minutes up).
type Supervision struct {
	Backoff      time.Duration
	MaxBackoff   time.Duration
	HealthyAfter time.Duration
}

// Supervise keeps every process running until ctx ends: one that exits
// (a crash, a kill) is reported in the log and started again after its
// backoff. It returns when ctx ends; stopping the processes is Stop's.
func (s *Stack) Supervise(ctx context.Context, sv Supervision) {
	var wg sync.WaitGroup
	for _, name := range s.Names() {
		wg.Go(func() { s.supervise(ctx, name, sv) })
	}
	wg.Wait()
}

// supervise watches one process and restarts it whenever it exits.
func (s *Stack) supervise(ctx context.Context, name string, sv Supervision) {
	backoff, crashes := sv.Backoff, 0
	for {
		s.mu.Lock()
		p := s.procs[name]
		s.mu.Unlock()
		select {
		case <-ctx.Done():
			return
		case <-p.exited:
		}
		if ctx.Err() != nil {
			return // shutting down: Stop's doing
		}
		var up time.Duration
		s.mu.Lock()
		if !p.ready.IsZero() {
			up = time.Since(p.ready)
		}
		s.mu.Unlock()
		if up >= sv.HealthyAfter {
			backoff, crashes = sv.Backoff, 0
		}
		crashes++
		s.note("%s exited (%v) after %s up; restarting it in %s (crash %d in a row)",
			name, p.err, up.Round(time.Millisecond), backoff, crashes)
		for {
			select {
			case <-ctx.Done():
				return
			case <-time.After(backoff):
			}
			backoff = min(2*backoff, sv.MaxBackoff)
			err := s.StartProcess(ctx, name)
			if err == nil {
				break
			}
			if ctx.Err() != nil {
				return
			}
			_ = s.StopProcess(name) // started but never ready: try afresh
			s.note("%s did not restart: %v; trying again in %s", name, err, backoff)
		}
		s.note("%s restarted and ready", name)
	}
}

// note writes a supervisor line into the interleaved process logs.
func (s *Stack) note(format string, args ...any) {
	s.logMu.Lock()
	defer s.logMu.Unlock()
	_, _ = fmt.Fprintf(s.opts.Logs, "%-8s | "+format+"\n", append([]any{"up"}, args...)...)
}
