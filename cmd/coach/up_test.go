//go:build !routeronly

package main

import (
	"bytes"
	"strings"
	"testing"
)

func TestUpRestartFlags(t *testing.T) {
	tests := []struct {
		name    string
		args    []string
		env     map[string]string
		want    string // backoff/max/healthy
		wantErr string
	}{
		{name: "defaults", want: "1s/1m0s/2m0s"},
		{name: "from env and flags", env: map[string]string{"COACH_RESTART_BACKOFF": "200ms"}, args: []string{"--restart-backoff-max", "5s"}, want: "200ms/5s/2m0s"},
		{name: "zero backoff", args: []string{"--restart-backoff", "0s"}, wantErr: "must be positive"},
		{name: "cap below the first wait", args: []string{"--restart-backoff", "10s", "--restart-backoff-max", "1s"}, wantErr: "at least --restart-backoff"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			getenv := func(k string) string {
				switch k { // required by coach up, not what this test is about
				case "COACH_KEY_ENCRYPTION_KEY":
					return "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY="
				case "COACH_SMTP_HOST":
					return "smtp.example.com"
				}
				return tt.env[k]
			}
			m := &upMain{env: env{getenv: getenv, stdout: &bytes.Buffer{}, stderr: &bytes.Buffer{}}}
			err := m.ParseFlags(tt.args)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("err = %v, want containing %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			r := m.restart
			if got := r.Backoff.String() + "/" + r.MaxBackoff.String() + "/" + r.HealthyAfter.String(); got != tt.want {
				t.Fatalf("got %s, want %s", got, tt.want)
			}
		})
	}
}
