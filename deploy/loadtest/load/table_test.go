package load

import (
	"strings"
	"testing"
	"time"
)

func TestTable(t *testing.T) {
	var b strings.Builder
	if err := Table(&b, true, []string{"a", "bb"}, [][]string{{"1", "2"}, {"10", "20"}}); err != nil {
		t.Fatal(err)
	}
	if want := "| a | bb |\n| --- | --- |\n| 1 | 2 |\n| 10 | 20 |\n"; b.String() != want {
		t.Errorf("markdown:\n%s\nwant:\n%s", b.String(), want)
	}
	b.Reset()
	if err := Table(&b, false, []string{"a", "bb"}, [][]string{{"1", "2"}, {"100", "20"}}); err != nil {
		t.Fatal(err)
	}
	if want := "    a  bb\n    1   2\n  100  20\n"; b.String() != want {
		t.Errorf("text:\n%q\nwant:\n%q", b.String(), want)
	}
}

func TestFormats(t *testing.T) {
	for d, want := range map[time.Duration]string{1500 * time.Microsecond: "1.50", 42 * time.Millisecond: "42.0", 1234 * time.Millisecond: "1234"} {
		if got := Ms(d); got != want {
			t.Errorf("Ms(%v) = %s, want %s", d, got, want)
		}
	}
	for f, want := range map[float64]string{0: "0", 0.0004: "<0.1", 0.0125: "1.2", 1: "100.0"} {
		if got := Percent(f); got != want {
			t.Errorf("Percent(%v) = %s, want %s", f, got, want)
		}
	}
	if got := MiB(1536); got != "1.5" {
		t.Errorf("MiB(1536) = %s", got)
	}
}

func TestWriteProcessesMatchesByName(t *testing.T) {
	levels := []Level{
		{Clients: 1, Processes: []Process{{Name: "router", Memory: Memory{RSS: 1024}, CPU: time.Second}, {Name: "cv", Memory: Memory{RSS: 2048}}}},
		// Another order, and cv has exited.
		{Clients: 10, Processes: []Process{{Name: "cv", Err: "not running"}, {Name: "router", Memory: Memory{RSS: 3072, Peak: 4096}, CPU: 2 * time.Second}}},
	}
	var b strings.Builder
	if err := WriteProcesses(&b, true, levels); err != nil {
		t.Fatal(err)
	}
	want := "| process | RSS MiB @1 | RSS MiB @10 | peak RSS MiB | CPU s @1 | CPU s @10 |\n| --- | --- | --- | --- | --- | --- |\n" +
		"| cv | 2.0 | - | - | 0.0 | - |\n| router | 1.0 | 3.0 | 4.0 | 1.0 | 2.0 |\n"
	if b.String() != want {
		t.Errorf("got:\n%s\nwant:\n%s", b.String(), want)
	}
}
