//go:build !routeronly

package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"strings"
	"testing"
)

func TestRunRejectsBadInvocations(t *testing.T) {
	tests := []struct {
		name    string
		args    []string
		env     map[string]string
		wantErr string
	}{
		{"no command", nil, nil, "no command given"},
		{"unknown command", []string{"fly"}, nil, `unknown command "fly"`},
		{"users without service secret", []string{"users"}, nil, "--service-secret must be at least 16"},
		{"users with bad database url", []string{"users", "--service-secret", "0123456789abcdef0"}, map[string]string{"COACH_DATABASE_URL": "mysql://x"}, `scheme "mysql" not allowed`},
		{"users with bad env duration", []string{"users"}, map[string]string{"COACH_ACCESS_TTL": "soon"}, `COACH_ACCESS_TTL="soon"`},
		{"users without SMTP (only coach dev may)", []string{"users", "--service-secret", "0123456789abcdef0"}, nil, "no SMTP server configured: set --smtp-host"},
		{"users with a bad SMTP TLS mode", []string{"users", "--service-secret", "0123456789abcdef0", "--smtp-host", "smtp.example.com", "--smtp-tls", "ssl"}, nil, `--smtp-tls "ssl": want starttls, tls or none`},
		{"users with too long access ttl", []string{"users", "--service-secret", "0123456789abcdef0", "--access-ttl", "48h"}, nil, "--access-ttl 48h0m0s: want between 1m and 24h"},
		{"users without a key-encryption key", []string{"users", "--service-secret", "0123456789abcdef0"}, nil, "--key-encryption-key (COACH_KEY_ENCRYPTION_KEY) is required"},
		{"users with a short key-encryption key", []string{"users", "--service-secret", "0123456789abcdef0"}, map[string]string{"COACH_KEY_ENCRYPTION_KEY": "c2hvcnQ="}, "base64 encoding of 32 random bytes"},
		{"up without a key-encryption key", []string{"up"}, nil, "--key-encryption-key (COACH_KEY_ENCRYPTION_KEY) is required"},
		{"up without SMTP", []string{"up"}, nil, "no SMTP server configured: set --smtp-host"},
		{"dev with bad public url", []string{"dev", "--public-url", "localhost"}, nil, "--public-url"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stderr bytes.Buffer
			e := env{getenv: func(k string) string { return tt.env[k] }, stdout: &bytes.Buffer{}, stderr: &stderr}
			err := run(context.Background(), tt.args, e)
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Fatalf("err = %v, want containing %q", err, tt.wantErr)
			}
		})
	}
}

func TestHelpListsFlagsWithEnv(t *testing.T) {
	var stdout bytes.Buffer
	e := env{getenv: func(string) string { return "" }, stdout: &stdout, stderr: &bytes.Buffer{}}
	err := run(context.Background(), []string{"users", "--help"}, e)
	if !errors.Is(err, flag.ErrHelp) {
		t.Fatalf("err = %v, want flag.ErrHelp", err)
	}
	for _, want := range []string{"--database-url", "$COACH_DATABASE_URL", "--google-client-id", "$COACH_SERVICE_SECRET"} {
		if !strings.Contains(stdout.String(), want) {
			t.Errorf("help lacks %s:\n%s", want, stdout.String())
		}
	}
}
