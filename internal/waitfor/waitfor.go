// Package waitfor polls for a condition in tests: for what another
// goroutine or process does in its own time.
package waitfor

import (
	"testing"
	"time"
)

// True waits up to 10 s for cond and fails the test if it never holds.
func True(t testing.TB, what string, cond func() bool) {
	t.Helper()
	Check(t, 10*time.Second, what, func() (bool, string) { return cond(), "" })
}

// Check waits up to timeout for check to say done, and fails the test
// with what check last said if it never does. It polls often at first
// (most waits are short) and then every 100 ms.
func Check(t testing.TB, timeout time.Duration, what string, check func() (done bool, last string)) {
	t.Helper()
	deadline := time.Now().Add(timeout)
	pause := time.Millisecond
	for {
		done, last := check()
		if done {
			return
		}
		if time.Now().After(deadline) {
			if last != "" {
				t.Fatalf("timed out after %s waiting for %s; last: %s", timeout, what, last)
			} else {
				t.Fatalf("timed out after %s waiting for %s", timeout, what)
			}
			return // for a testing.TB whose Fatalf returns
		}
		time.Sleep(pause)
		pause = min(2*pause, 100*time.Millisecond)
	}
}
