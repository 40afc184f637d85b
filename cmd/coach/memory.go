package main

import (
	"errors"
	"fmt"
	"io"

	"github.com/KimMachineGun/automemlimit/memlimit"
)

// containerMemoryLimit gives the Go runtime a soft memory limit of 90% of
// the container's (its cgroup's), as Cosmo's router does, unless
// GOMEMLIMIT is set: without one the heap may grow to twice what is live
// and the container is killed where a collection would have done.
// Outside a container, or in one without a limit, nothing changes.
func containerMemoryLimit(stderr io.Writer, provider memlimit.Provider) {
	if provider == nil {
		return
	}
	_, err := memlimit.Set(memlimit.WithRatio(0.9), memlimit.WithProvider(provider))
	if err != nil && !errors.Is(err, memlimit.ErrNoCgroup) && !errors.Is(err, memlimit.ErrCgroupsNotSupported) {
		fmt.Fprintln(stderr, "coach: memory limit not taken from the container:", err)
	}
}
