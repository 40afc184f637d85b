package main

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"os"
	"runtime"
	"strings"
	"time"

	"github.com/careercoach/coach/deploy/loadtest/load"
	"github.com/careercoach/coach/deploy/stack"
)

// newClient keeps up to conns connections to the router open, as that many
// browsers would.
func newClient(base string, conns int) *load.Client {
	tr := http.DefaultTransport.(*http.Transport).Clone()
	tr.MaxIdleConns = conns + 10
	tr.MaxIdleConnsPerHost = conns + 10
	return &load.Client{Base: base, HTTP: &http.Client{Transport: tr, Timeout: 30 * time.Second}}
}

// drive seeds the users, then runs every level and samples the processes
// after each.
func drive(ctx context.Context, o options, st *stack.Stack, redis *stack.Redis, c *load.Client, cvs []load.CV, logw io.Writer) ([]load.Level, error) {
	run := fmt.Sprintf("%x", time.Now().UnixNano())
	admin, err := c.SignUp(ctx, "load-catalogue-"+run+"@example.com", load.Password)
	if err != nil {
		return nil, err
	}
	cat, err := load.LoadCatalog(ctx, c, admin)
	if err != nil {
		return nil, err
	}
	t0 := time.Now()
	users, err := load.Seed(ctx, c, run, o.users, o.seedParallel, cvs, cat)
	if err != nil {
		return nil, err
	}
	for _, u := range []*load.User{users[0], users[len(users)-1]} {
		if err := load.Verify(ctx, c, u); err != nil {
			return nil, err
		}
	}
	fmt.Fprintf(logw, "loadtest: seeded %d users (CV analysed, goal, enrollment) in %s\n", len(users), time.Since(t0).Round(time.Millisecond))

	step := load.MixStep(c, users, cat, load.Mix())
	var levels []load.Level
	for i, n := range o.levels {
		if o.warmup > 0 {
			load.Run(ctx, n, o.warmup, uint64(1000+i), step)
		}
		before := sample(st, redis, nil)
		rec, elapsed := load.Run(ctx, n, o.duration, uint64(i), step)
		if err := ctx.Err(); err != nil {
			return levels, fmt.Errorf("level %d: %w", n, err)
		}
		perOp, total := rec.Summaries(elapsed)
		l := load.Level{Clients: n, Elapsed: elapsed, Total: total, PerOp: perOp, Processes: sample(st, redis, before)}
		levels = append(levels, l)
		fmt.Fprintf(logw, "loadtest: %3d clients: %6d requests, %5.0f req/s, p50 %s ms, p99 %s ms, errors %s%%",
			n, total.Requests, total.Throughput, load.Ms(total.P50), load.Ms(total.P99), load.Percent(total.ErrorRate()))
		if total.LastError != "" {
			fmt.Fprintf(logw, " (last: %.200s)", total.LastError)
		}
		fmt.Fprintln(logw)
	}
	return levels, nil
}

// sample reads every process's memory, and its CPU time since before
// (when given; else the CPU time so far).
func sample(st *stack.Stack, redis *stack.Redis, before []load.Process) []load.Process {
	pids := map[string]int{}
	var names []string
	for _, n := range st.Names() {
		pids[n] = st.PID(n)
		names = append(names, n)
	}
	if redis != nil {
		pids["redis"] = redis.PID()
		names = append(names, "redis")
	}
	out := make([]load.Process, 0, len(names))
	for _, n := range names {
		p := load.Process{Name: n}
		var err error
		if pids[n] == 0 {
			p.Err = "not running"
		} else if p.Memory, err = load.ReadMemory(pids[n]); err != nil {
			p.Err = err.Error()
		} else if p.CPU, err = load.ReadCPU(pids[n]); err != nil {
			p.Err = err.Error()
		}
		for _, b := range before {
			if b.Name == n && p.Err == "" {
				p.CPU -= b.CPU
			}
		}
		out = append(out, p)
	}
	return out
}

// report prints the level table, the process table and the operations of
// the largest level.
func report(w io.Writer, o options, levels []load.Level) error {
	if len(levels) == 0 {
		return nil
	}
	fmt.Fprintf(w, "\nLoad: %d users, levels of %s each (closed loop, no think time); %s\n\n", o.users, o.duration, machine())
	if err := load.WriteLevels(w, o.markdown, levels); err != nil {
		return fmt.Errorf("writing the report: %w", err)
	}
	fmt.Fprintln(w, "\nProcesses: resident memory (VmRSS) after each level, peak (VmHWM), CPU seconds during each level")
	fmt.Fprintln(w)
	if err := load.WriteProcesses(w, o.markdown, levels); err != nil {
		return fmt.Errorf("writing the report: %w", err)
	}
	last := levels[len(levels)-1]
	fmt.Fprintf(w, "\nOperations at %d clients\n\n", last.Clients)
	if err := load.WriteOps(w, o.markdown, last); err != nil {
		return fmt.Errorf("writing the report: %w", err)
	}
	return nil
}

// machine describes where the figures were measured: CPUs and the load
// average (other work on the machine shares the CPUs with the stack).
func machine() string {
	avg := "?"
	if b, err := os.ReadFile("/proc/loadavg"); err == nil {
		if f := strings.Fields(string(b)); len(f) >= 3 {
			avg = strings.Join(f[:3], " ")
		}
	}
	return fmt.Sprintf("%s, %d CPUs, load average %s at the end", time.Now().UTC().Format("2006-01-02 15:04 UTC"), runtime.NumCPU(), avg)
}
