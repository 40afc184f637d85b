package config

import (
	"fmt"
	"strings"
	"testing"
)

func TestHTTPLimits(t *testing.T) {
	tests := []struct {
		name    string
		env     map[string]string
		args    []string
		want    string // body-min-rate/max-tcp-connections-per-ip
		wantErr string
	}{
		{name: "defaults", want: "500/2048"},
		{name: "env and flags", env: map[string]string{"COACH_SUBGRAPH_BODY_MIN_RATE": "100"}, args: []string{"--subgraph-max-tcp-connections-per-ip", "10"}, want: "100/10"},
		{name: "zero timeout", args: []string{"--subgraph-body-timeout", "0s"}, wantErr: "--subgraph-body-timeout must be positive"},
		{name: "negative rate", env: map[string]string{"COACH_SUBGRAPH_BODY_MIN_RATE": "-1"}, wantErr: "--subgraph-body-min-rate must be positive"},
		{name: "per address above total", args: []string{"--subgraph-max-tcp-connections", "10", "--subgraph-max-tcp-connections-per-ip", "11"}, wantErr: "at most --subgraph-max-tcp-connections (10)"},
		{name: "no per-address cap", args: []string{"--subgraph-max-tcp-connections-per-ip", "0"}, wantErr: "must be positive"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fs := New("x", func(k string) string { return tt.env[k] })
			var l HTTPLimits
			BindHTTPLimits(fs, &l, "subgraph-", InternalHTTPLimits())
			if err := fs.Parse(tt.args); err != nil {
				t.Fatal(err)
			}
			err := l.Validate("subgraph-")
			if tt.wantErr == "" {
				if err != nil {
					t.Fatal(err)
				}
				if got := fmt.Sprintf("%d/%d", l.BodyMinRate, l.MaxConnectionsPerIP); got != tt.want {
					t.Fatalf("got %s, want %s", got, tt.want)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Fatalf("err = %v, want containing %q", err, tt.wantErr)
			}
		})
	}
}
