package load

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
)

// Memory is a process's resident memory from /proc/<pid>/status, in KiB.
type Memory struct {
	RSS  int64 // VmRSS: resident now
	Peak int64 // VmHWM: the highest resident size since the process started
}

// ReadMemory reads the memory of process pid.
func ReadMemory(pid int) (Memory, error) {
	f, err := os.Open(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return Memory{}, fmt.Errorf("reading memory of pid %d: %w", pid, err)
	}
	defer f.Close()
	m, err := ParseStatus(f)
	if err != nil {
		return Memory{}, fmt.Errorf("pid %d: %w", pid, err)
	}
	return m, nil
}

// ParseStatus reads VmRSS and VmHWM from the text of /proc/<pid>/status.
func ParseStatus(r io.Reader) (Memory, error) {
	var m Memory
	var seen int
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		key, val, ok := strings.Cut(sc.Text(), ":")
		if !ok || (key != "VmRSS" && key != "VmHWM") {
			continue
		}
		f := strings.Fields(val)
		if len(f) != 2 || f[1] != "kB" {
			return Memory{}, fmt.Errorf("unexpected %s line %q", key, sc.Text())
		}
		n, err := strconv.ParseInt(f[0], 10, 64)
		if err != nil {
			return Memory{}, fmt.Errorf("parsing %s: %w", key, err)
		}
		if key == "VmRSS" {
			m.RSS = n
		} else {
			m.Peak = n
		}
		seen++
	}
	if err := sc.Err(); err != nil {
		return Memory{}, fmt.Errorf("reading status: %w", err)
	}
	if seen < 2 {
		return Memory{}, fmt.Errorf("no VmRSS and VmHWM in status (a kernel thread or a zombie?)")
	}
	return m, nil
}
