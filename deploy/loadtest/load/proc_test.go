package load

import (
	"os"
	"strings"
	"testing"
	"time"
)

const status = `Name:	coach
Umask:	0022
State:	S (sleeping)
VmPeak:	 1261276 kB
VmSize:	 1261276 kB
VmHWM:	   47104 kB
VmRSS:	   33892 kB
RssAnon:	   12000 kB
Threads:	9
`

func TestParseStatus(t *testing.T) {
	m, err := ParseStatus(strings.NewReader(status))
	if err != nil || m.RSS != 33892 || m.Peak != 47104 {
		t.Fatalf("ParseStatus = %+v, %v", m, err)
	}
	// A kernel thread has neither line; a malformed value is an error.
	for _, bad := range []string{"Name:\tkthreadd\nState:\tS\n", "VmHWM:\t1 kB\nVmRSS:\tlots kB\n", "VmHWM:\t1 MB\nVmRSS:\t1 kB\n"} {
		if m, err := ParseStatus(strings.NewReader(bad)); err == nil {
			t.Errorf("ParseStatus(%q) = %+v, want an error", bad, m)
		}
	}
}

func TestParseStat(t *testing.T) {
	// The command name may hold spaces and parentheses; utime 250, stime 50.
	stat := "4242 (we(i)rd name) S 1 4242 4242 0 -1 4194304 102 0 0 0 250 50 0 0 20 0 9 0 335195 3133440 389"
	d, err := ParseStat(stat)
	if err != nil || d != 3*time.Second {
		t.Fatalf("ParseStat = %v, %v; want 3s", d, err)
	}
	for _, bad := range []string{"", "4242 (x) S 1 2", "4242 (x) S 1 4242 4242 0 -1 4194304 102 0 0 0 x 50 0"} {
		if d, err := ParseStat(bad); err == nil {
			t.Errorf("ParseStat(%q) = %v, want an error", bad, d)
		}
	}
}

func TestReadOwnProcess(t *testing.T) {
	m, err := ReadMemory(os.Getpid())
	if err != nil || m.RSS <= 0 || m.Peak < m.RSS {
		t.Fatalf("ReadMemory(self) = %+v, %v", m, err)
	}
	before, err := ReadCPU(os.Getpid())
	if err != nil {
		t.Fatal(err)
	}
	for end := time.Now().Add(100 * time.Millisecond); time.Now().Before(end); {
	}
	after, err := ReadCPU(os.Getpid())
	if err != nil || after <= before {
		t.Fatalf("CPU time after 100 ms of spinning: %v → %v, %v", before, after, err)
	}
	if _, err := ReadMemory(0); err == nil {
		t.Error("ReadMemory(0): want an error")
	}
}
