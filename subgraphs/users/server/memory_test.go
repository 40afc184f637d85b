package server_test

import (
	"fmt"
	"net/http"
	"os"
	"runtime"
	"runtime/debug"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/careercoach/coach/internal/db"
	"github.com/careercoach/coach/internal/dbtest"
	"github.com/careercoach/coach/subgraphs/users/oauth"
	"github.com/careercoach/coach/subgraphs/users/server"
	"github.com/careercoach/coach/subgraphs/users/store"
)

// rss is the process's resident memory in bytes (Linux).
func rss(tb testing.TB) int64 {
	raw, err := os.ReadFile("/proc/self/statm")
	if err != nil {
		tb.Skipf("no /proc/self/statm: %v", err)
	}
	f := strings.Fields(string(raw))
	pages, err := strconv.ParseInt(f[1], 10, 64)
	if err != nil {
		tb.Fatalf("statm %q: %v", raw, err)
	}
	return pages * int64(os.Getpagesize())
}

// parallelWrongPasswords sends n wrong passwords at once, each for another
// address and email (so that no throttle refuses them and every one is
// checked), and returns how far resident memory rose above idle meanwhile.
func parallelWrongPasswords(tb testing.TB, base string, n int) int64 {
	tb.Helper()
	c := &http.Client{}
	if _, err := loginFrom(c, base, "warm@example.com", "wrong-password-0", "10.255.0.1"); err != nil {
		tb.Fatal(err)
	}
	runtime.GC()
	debug.FreeOSMemory()
	idle := rss(tb)
	var peak atomic.Int64
	done := make(chan struct{})
	sampled := make(chan struct{})
	go func() {
		defer close(sampled)
		t := time.NewTicker(time.Millisecond)
		defer t.Stop()
		for {
			if r := rss(tb); r > peak.Load() {
				peak.Store(r)
			}
			select {
			case <-done:
				return
			case <-t.C:
			}
		}
	}()
	var wg sync.WaitGroup
	var other atomic.Int32
	for i := range n {
		wg.Go(func() {
			resp, err := loginFrom(c, base, fmt.Sprintf("nobody%d@example.com", i), "wrong-password-1", fmt.Sprintf("10.%d.%d.1", i/250, i%250))
			if err != nil {
				tb.Error(err)
				return
			}
			if resp.StatusCode != http.StatusUnauthorized {
				other.Add(1)
			}
		})
	}
	wg.Wait()
	close(done)
	<-sampled
	if other.Load() != 0 {
		tb.Fatalf("%d of %d wrong passwords were not checked (answered other than 401)", other.Load(), n)
	}
	return peak.Load() - idle
}

// TestParallelPasswordChecksKeepMemoryFlat replays 100 parallel wrong
// passwords (which once took the process from 57 MiB to 1.9 GiB): hashing
// runs two at a time, so memory stays within 100 MiB of idle.
func TestParallelPasswordChecksKeepMemoryFlat(t *testing.T) {
	d := dbtest.Open(t, db.SQLite, store.Migrations()...)
	h := start(t, d, oauth.Config{}, func(c *server.Config) { c.HashWait = time.Minute })
	growth := parallelWrongPasswords(t, h.srv.URL, 100)
	t.Logf("resident memory rose %.1f MiB above idle", float64(growth)/(1<<20))
	if growth > 100<<20 {
		t.Fatalf("resident memory rose %.1f MiB above idle, want at most 100 MiB", float64(growth)/(1<<20))
	}
}

// BenchmarkParallelWrongPasswords measures one batch of 100 parallel wrong
// passwords with the default hashing limit: time per batch and the peak
// rise of resident memory above idle.
func BenchmarkParallelWrongPasswords(b *testing.B) {
	d := dbtest.Open(b, db.SQLite, store.Migrations()...)
	h := start(b, d, oauth.Config{}, func(c *server.Config) { c.HashWait = time.Minute })
	var worst int64
	for b.Loop() {
		worst = max(worst, parallelWrongPasswords(b, h.srv.URL, 100))
	}
	b.ReportMetric(float64(worst)/(1<<20), "peak-rss-MiB-over-idle")
}
