//go:build !linux

package extract

import (
	"syscall"
	"time"
)

// limitResources is a no-op off Linux: the memory bound is then only the
// Go runtime's soft limit (debug.SetMemoryLimit); the timeout still holds.
func limitResources(int64, time.Duration) error { return nil }

func childSysProcAttr() *syscall.SysProcAttr { return nil }
