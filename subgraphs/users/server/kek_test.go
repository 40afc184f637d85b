package server_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/careercoach/coach/internal/bus/membus"
	"github.com/careercoach/coach/internal/db"
	"github.com/careercoach/coach/internal/dbtest"
	"github.com/careercoach/coach/internal/logging"
	"github.com/careercoach/coach/internal/mail"
	"github.com/careercoach/coach/subgraphs/users/server"
	"github.com/careercoach/coach/subgraphs/users/store"
)

func TestKeyEncryptionKeyConfig(t *testing.T) {
	base := server.Config{ServiceSecret: serviceSecret, PublicURL: "http://localhost:4000", AccessTTL: 15 * time.Minute,
		RefreshTTL: time.Hour, KeyRotation: 24 * time.Hour, DataDir: "data",
		Mail: mail.Config{Host: "smtp.example.com", Port: 587, From: "no-reply@example.com", TLS: mail.TLSStartTLS, Timeout: time.Second}}
	tests := []struct {
		name    string
		edit    func(*server.Config)
		wantErr string
	}{
		{"production without a key", func(c *server.Config) {}, "--key-encryption-key (COACH_KEY_ENCRYPTION_KEY) is required"},
		{"a key of the wrong length", func(c *server.Config) { c.KeyEncryptionKey = "c2hvcnQ=" }, "32 random bytes"},
		{"a key that is not base64", func(c *server.Config) { c.KeyEncryptionKey = "not base64!" }, "32 random bytes"},
		{"production with a key", func(c *server.Config) { c.KeyEncryptionKey = testKEK }, ""},
		{"dev without a key", func(c *server.Config) { c.Dev = true }, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := base
			tt.edit(&c)
			err := c.Validate()
			if (tt.wantErr == "") != (err == nil) || (err != nil && !strings.Contains(err.Error(), tt.wantErr)) {
				t.Fatalf("Validate = %v, want %q", err, tt.wantErr)
			}
		})
	}
}

// TestDevGeneratesKeyEncryptionKey: `coach dev` without a key gets one
// in its data directory (0600), and the next start uses the same one (the
// signing keys sealed the first time still open).
func TestDevGeneratesKeyEncryptionKey(t *testing.T) {
	dir := t.TempDir()
	d := dbtest.Open(t, db.SQLite, store.Migrations()...)
	cfg := server.Config{ServiceSecret: serviceSecret, PublicURL: "http://localhost:4000", AccessTTL: 15 * time.Minute,
		RefreshTTL: time.Hour, KeyRotation: 24 * time.Hour, DataDir: dir, Dev: true}
	var first string
	for i := range 2 {
		b := membus.New(logging.Discard(), membus.Options{})
		if _, err := server.New(context.Background(), cfg, d, b, logging.Discard()); err != nil {
			t.Fatalf("start %d: %v", i+1, err)
		}
		_ = b.Close()
		path := filepath.Join(dir, "key-encryption.key")
		fi, err := os.Stat(path)
		if err != nil {
			t.Fatal(err)
		}
		if fi.Mode().Perm() != 0o600 {
			t.Fatalf("%s has mode %v, want 0600", path, fi.Mode().Perm())
		}
		raw, _ := os.ReadFile(path)
		if i == 0 {
			first = string(raw)
		} else if string(raw) != first {
			t.Fatal("the second start replaced the key")
		}
	}
}
