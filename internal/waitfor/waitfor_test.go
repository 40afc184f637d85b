package waitfor

import (
	"fmt"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// recorder is a testing.TB that records a failure instead of ending the
// test, so the failing path can be checked.
type recorder struct {
	testing.TB
	failed string
}

func (r *recorder) Helper()                           {}
func (r *recorder) Fatalf(format string, args ...any) { r.failed = fmt.Sprintf(format, args...) }

func TestCheck(t *testing.T) {
	t.Run("holds later", func(t *testing.T) {
		var n atomic.Int32
		go func() {
			time.Sleep(30 * time.Millisecond)
			n.Store(1)
		}()
		True(t, "the flag", func() bool { return n.Load() == 1 })
	})
	t.Run("never holds", func(t *testing.T) {
		r := &recorder{TB: t}
		start := time.Now()
		Check(r, 50*time.Millisecond, "nothing", func() (bool, string) { return false, "still nothing" })
		if !strings.Contains(r.failed, "waiting for nothing; last: still nothing") {
			t.Fatalf("no failure with the last state: %q", r.failed)
		}
		if time.Since(start) < 50*time.Millisecond {
			t.Error("gave up before the timeout")
		}
	})
}
