package main

import (
	"slices"
	"testing"
)

func TestNewPinning(t *testing.T) {
	tests := []struct {
		name, cpus       string
		ncpu             int
		gateway, harness string
		wantErr          bool
	}{
		{"off", "", 2, "", "", false},
		{"one of two", "1", 2, "1", "0", false},
		{"two of four", "0, 2", 4, "0,2", "1,3", false},
		{"no CPU left", "0,1", 2, "", "", true},
		{"not a CPU", "2", 2, "", "", true},
		{"not a number", "x", 2, "", "", true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p, err := newPinning(tc.cpus, tc.ncpu)
			if (err != nil) != tc.wantErr {
				t.Fatalf("err = %v, want error: %v", err, tc.wantErr)
			}
			if p.gateway != tc.gateway || p.harness != tc.harness {
				t.Fatalf("got %+v, want gateway %q harness %q", p, tc.gateway, tc.harness)
			}
		})
	}
	p, _ := newPinning("1", 2)
	if got := p.gatewayArgv([]string{"gw", "-x"}); !slices.Equal(got, []string{"taskset", "-c", "1", "gw", "-x"}) {
		t.Fatalf("gateway argv %q", got)
	}
	if got := (pinning{}).harnessArgv([]string{"sub"}); !slices.Equal(got, []string{"sub"}) {
		t.Fatalf("unpinned argv %q", got)
	}
}

func TestLogName(t *testing.T) {
	for in, want := range map[string]string{"router (coach)": "router", "net/http floor": "nethttp", "": "gateway", "/": "gateway"} {
		if got := logName(in); got != want {
			t.Errorf("logName(%q) = %q, want %q", in, got, want)
		}
	}
}
