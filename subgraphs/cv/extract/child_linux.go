package extract

import (
	"bufio"
	"os"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// limitResources caps the process's address space at what it maps now
// plus extra (the Go runtime has reserved address space by the time this
// runs, so an absolute cap would count the runtime, not the parser), and
// its CPU time a little past the timeout, in case the parent's kill never
// comes.
func limitResources(extra int64, timeout time.Duration) error {
	as := uint64(vmSize() + extra)
	if err := syscall.Setrlimit(syscall.RLIMIT_AS, &syscall.Rlimit{Cur: as, Max: as}); err != nil {
		return err
	}
	cpu := uint64(timeout/time.Second) + 2
	return syscall.Setrlimit(syscall.RLIMIT_CPU, &syscall.Rlimit{Cur: cpu, Max: cpu})
}

// vmSize is the current virtual memory size in bytes, from /proc.
func vmSize() int64 {
	f, err := os.Open("/proc/self/status")
	if err != nil {
		return 1 << 30
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if rest, ok := strings.CutPrefix(sc.Text(), "VmSize:"); ok {
			kb, err := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(rest), " kB"), 10, 64)
			if err == nil {
				return kb << 10
			}
		}
	}
	return 1 << 30
}

// childSysProcAttr kills the child when the parent dies.
func childSysProcAttr() *syscall.SysProcAttr {
	return &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL}
}
