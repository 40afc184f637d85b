package main

import (
	"bytes"
	"errors"
	"os"
	"runtime/debug"
	"testing"

	"github.com/KimMachineGun/automemlimit/memlimit"
)

func TestContainerMemoryLimit(t *testing.T) {
	const before = 3 << 30
	prev := debug.SetMemoryLimit(-1)
	t.Cleanup(func() { debug.SetMemoryLimit(prev) })
	failing := func(err error) memlimit.Provider { return func() (uint64, error) { return 0, err } }
	tests := []struct {
		name       string
		gomemlimit string
		provider   memlimit.Provider
		want       int64
		warns      bool
	}{
		{"90% of the container's", "", memlimit.Limit(100 << 20), 90 * (100 << 20) / 100, false},
		{"GOMEMLIMIT wins", "44MiB", memlimit.Limit(100 << 20), before, false},
		{"no container", "", failing(memlimit.ErrNoCgroup), before, false},
		{"no provider", "", nil, before, false},
		{"unreadable limit", "", failing(errors.New("permission denied")), before, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Setenv("GOMEMLIMIT", tt.gomemlimit)
			t.Setenv("AUTOMEMLIMIT", "")
			_ = os.Unsetenv("AUTOMEMLIMIT") // restored by Setenv's cleanup
			debug.SetMemoryLimit(before)
			var stderr bytes.Buffer
			containerMemoryLimit(&stderr, tt.provider)
			if got := debug.SetMemoryLimit(-1); got != tt.want {
				t.Errorf("memory limit %d, want %d", got, tt.want)
			}
			if warned := stderr.Len() > 0; warned != tt.warns {
				t.Errorf("warned %v (%q), want %v", warned, stderr.String(), tt.warns)
			}
		})
	}
}
