package load

import (
	"fmt"
	"io"
	"time"
)

// Process is one process's figures at the end of a level.
type Process struct {
	Name   string
	Memory Memory
	CPU    time.Duration // CPU time used during the level
	Err    string        // why the figures are missing (e.g. the process exited)
}

// Level is the outcome of one concurrency level.
type Level struct {
	Clients   int
	Elapsed   time.Duration
	Total     Summary
	PerOp     []Summary
	Processes []Process
}

// WriteLevels writes one row per level: throughput, latency percentiles and
// the error rate over all operations.
func WriteLevels(w io.Writer, markdown bool, levels []Level) error {
	rows := make([][]string, 0, len(levels))
	for _, l := range levels {
		t := l.Total
		rows = append(rows, []string{fmt.Sprint(l.Clients), fmt.Sprint(t.Requests), fmt.Sprintf("%.0f", t.Throughput),
			Ms(t.P50), Ms(t.P95), Ms(t.P99), Ms(t.Max), Percent(t.ErrorRate())})
	}
	return Table(w, markdown, []string{"clients", "requests", "req/s", "p50 ms", "p95 ms", "p99 ms", "max ms", "errors %"}, rows)
}

// WriteOps writes one row per operation of a level.
func WriteOps(w io.Writer, markdown bool, l Level) error {
	rows := make([][]string, 0, len(l.PerOp))
	for _, s := range l.PerOp {
		rows = append(rows, []string{s.Op, fmt.Sprint(s.Requests), fmt.Sprintf("%.0f", s.Throughput),
			Ms(s.P50), Ms(s.P95), Ms(s.P99), Percent(s.ErrorRate())})
	}
	return Table(w, markdown, []string{"operation", "requests", "req/s", "p50 ms", "p95 ms", "p99 ms", "errors %"}, rows)
}

// WriteProcesses writes one row per process: resident memory (VmRSS) and
// CPU time per level, and the peak resident memory (VmHWM) at the end.
func WriteProcesses(w io.Writer, markdown bool, levels []Level) error {
	if len(levels) == 0 {
		return nil
	}
	header := []string{"process"}
	for _, l := range levels {
		header = append(header, fmt.Sprintf("RSS MiB @%d", l.Clients))
	}
	header = append(header, "peak RSS MiB")
	for _, l := range levels {
		header = append(header, fmt.Sprintf("CPU s @%d", l.Clients))
	}
	last := levels[len(levels)-1]
	rows := make([][]string, 0, len(last.Processes))
	for _, p := range last.Processes {
		row := []string{p.Name}
		var cpu []string
		for _, l := range levels {
			q, ok := l.process(p.Name)
			if !ok || q.Err != "" {
				row, cpu = append(row, "-"), append(cpu, "-")
				continue
			}
			row = append(row, MiB(q.Memory.RSS))
			cpu = append(cpu, fmt.Sprintf("%.1f", q.CPU.Seconds()))
		}
		peak := "-"
		if p.Err == "" {
			peak = MiB(p.Memory.Peak)
		}
		rows = append(rows, append(append(row, peak), cpu...))
	}
	return Table(w, markdown, header, rows)
}

func (l Level) process(name string) (Process, bool) {
	for _, p := range l.Processes {
		if p.Name == name {
			return p, true
		}
	}
	return Process{}, false
}
