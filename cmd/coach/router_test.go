package main

import (
	"bytes"
	"strings"
	"testing"
)

func TestRouterAuthFlag(t *testing.T) {
	const secret = "0123456789abcdef0"
	tests := []struct {
		name     string
		args     []string
		wantErr  string // empty: accepted
		wantMode string
	}{
		{"verification on by default", []string{"--service-secret", secret}, "", authJWT},
		{"default mode needs a jwks url", []string{"--service-secret", secret, "--jwks-url", ""}, "jwks-url", ""},
		{"off needs no jwks url", []string{"--service-secret", secret, "--auth", "off", "--jwks-url", ""}, "", authOff},
		{"unknown mode rejected", []string{"--service-secret", secret, "--auth", "none"}, `--auth must be "jwt" or "off"`, ""},
		{"off still needs the service secret", []string{"--auth", "off"}, "--service-secret", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := &routerMain{env: env{getenv: func(string) string { return "" }, stdout: &bytes.Buffer{}, stderr: &bytes.Buffer{}}}
			err := m.ParseFlags(tt.args)
			if tt.wantErr == "" {
				if err != nil {
					t.Fatalf("ParseFlags: %v", err)
				}
				if m.authMode != tt.wantMode {
					t.Errorf("auth mode = %q, want %q", m.authMode, tt.wantMode)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Fatalf("err = %v, want containing %q", err, tt.wantErr)
			}
		})
	}
}

func TestRouterConfigWithoutVerifierAuthenticatesNothing(t *testing.T) {
	if cfg := routerConfig(nil, "0123456789abcdef0", nil, true); cfg.Authenticate != nil {
		t.Error("routerConfig(nil verifier) installed an Authenticate hook")
	}
}
