//go:build !linux

package extract

import "syscall"

// limitAddressSpace is a no-op off Linux: the memory bound is then only the
// Go runtime's soft limit (debug.SetMemoryLimit); the timeout still holds.
func limitAddressSpace(int64) error { return nil }

func childSysProcAttr() *syscall.SysProcAttr { return nil }
