package config

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

func TestFlagSet(t *testing.T) {
	tests := []struct {
		name    string
		env     map[string]string
		args    []string
		want    string
		wantErr string
	}{
		{name: "default", want: "addr=:4001 n=3 d=1m0s b=false"},
		{name: "env overrides default", env: map[string]string{"X_ADDR": ":9", "X_N": "7", "X_D": "2s", "X_B": "true"}, want: "addr=:9 n=7 d=2s b=true"},
		{name: "flag overrides env", env: map[string]string{"X_ADDR": ":9"}, args: []string{"--addr", ":10"}, want: "addr=:10 n=3 d=1m0s b=false"},
		{name: "bad env int", env: map[string]string{"X_N": "lots"}, wantErr: `X_N="lots": not a whole number (flag --n)`},
		{name: "bad env duration", env: map[string]string{"X_D": "5"}, wantErr: `X_D="5": not a duration`},
		{name: "bad env bool", env: map[string]string{"X_B": "maybe"}, wantErr: `X_B="maybe": not true or false`},
		{name: "unknown flag", args: []string{"--nope"}, wantErr: "flag provided but not defined: -nope"},
		{name: "stray argument", args: []string{"extra"}, wantErr: "unexpected arguments: extra"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fs := New("x", func(k string) string { return tt.env[k] })
			var (
				addr string
				n    int
				d    time.Duration
				b    bool
			)
			fs.String(&addr, "addr", "X_ADDR", ":4001", "listen address")
			fs.Int(&n, "n", "X_N", 3, "count")
			fs.Duration(&d, "d", "X_D", time.Minute, "wait")
			fs.Bool(&b, "b", "X_B", false, "switch")
			err := fs.Parse(tt.args)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("err = %v, want containing %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			got := fmt.Sprintf("addr=%s n=%d d=%s b=%t", addr, n, d, b)
			if got != tt.want {
				t.Fatalf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestUsageListsEnv(t *testing.T) {
	fs := New("x", func(string) string { return "" })
	var s string
	fs.String(&s, "database-url", "COACH_DATABASE_URL", "", "PostgreSQL URL")
	var b strings.Builder
	fs.Usage(&b, "coach users")
	if !strings.Contains(b.String(), "--database-url") || !strings.Contains(b.String(), "$COACH_DATABASE_URL") {
		t.Fatalf("usage lacks flag or env: %s", b.String())
	}
}

func TestCheckers(t *testing.T) {
	tests := []struct {
		name string
		err  error
		ok   bool
	}{
		{"port only", CheckAddr("addr", ":4000"), true},
		{"host and port", CheckAddr("addr", "127.0.0.1:4000"), true},
		{"no port", CheckAddr("addr", "localhost"), false},
		{"empty url allowed", CheckURL("u", "", "redis"), true},
		{"right scheme", CheckURL("u", "redis://x:6379", "redis", "rediss"), true},
		{"wrong scheme", CheckURL("u", "http://x", "redis"), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if (tt.err == nil) != tt.ok {
				t.Fatalf("err = %v, want ok=%v", tt.err, tt.ok)
			}
		})
	}
}

func TestUsageHidesSecrets(t *testing.T) {
	env := map[string]string{
		"X_KEY": "sk-very-secret-value",
		"X_DB":  "postgres://app:hunter2pass@db:5432/x",
	}
	var key, dbURL, empty string
	fs := New("x", func(k string) string { return env[k] })
	fs.Secret(&key, "api-key", "X_KEY", "an API key")
	fs.Secret(&empty, "other-key", "X_OTHER", "unset secret")
	fs.String(&dbURL, "database-url", "X_DB", "", "a database")
	if err := fs.Parse(nil); err != nil {
		t.Fatal(err)
	}
	if key != env["X_KEY"] || dbURL != env["X_DB"] {
		t.Fatalf("values must still come from the environment: key %q, db %q", key, dbURL)
	}
	var b strings.Builder
	fs.Usage(&b, "x")
	out := b.String()
	for _, leaked := range []string{"sk-very-secret-value", "hunter2pass"} {
		if strings.Contains(out, leaked) {
			t.Errorf("help shows %q:\n%s", leaked, out)
		}
	}
	for _, want := range []string{`(default "(set)")`, `(default "")`, `postgres://app:xxxxx@db:5432/x`} {
		if !strings.Contains(out, want) {
			t.Errorf("help lacks %q:\n%s", want, out)
		}
	}
}
