package server

import (
	"crypto/rand"
	"encoding/base64"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"

	"github.com/careercoach/coach/subgraphs/users"
)

// devKeyFile is where `coach dev` keeps its generated key-encryption key.
const devKeyFile = "key-encryption.key"

// keyEncryptionKey returns the configured key or, for `coach dev` without
// one, the key in the data directory, generated on first start (0600).
func keyEncryptionKey(cfg Config, log *slog.Logger) ([]byte, error) {
	if cfg.KeyEncryptionKey != "" || !cfg.Dev {
		k, err := users.ParseKeyEncryptionKey(cfg.KeyEncryptionKey)
		if err != nil {
			return nil, fmt.Errorf("--key-encryption-key (COACH_KEY_ENCRYPTION_KEY): %w", err)
		}
		return k, nil
	}
	path := filepath.Join(cfg.DataDir, devKeyFile)
	raw, err := os.ReadFile(path)
	if err == nil {
		k, err := users.ParseKeyEncryptionKey(string(raw))
		if err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		return k, nil
	}
	if !errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("reading the development key-encryption key: %w", err)
	}
	k := make([]byte, users.KeyEncryptionKeyLen)
	_, _ = rand.Read(k) // crypto/rand.Read never fails on supported platforms
	if err := os.MkdirAll(cfg.DataDir, 0o700); err != nil {
		return nil, fmt.Errorf("creating %s: %w", cfg.DataDir, err)
	}
	// O_EXCL: a second process starting at the same time must not replace
	// the key the first one already sealed signing keys with.
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return nil, fmt.Errorf("writing the development key-encryption key: %w", err)
	}
	_, werr := f.WriteString(base64.StdEncoding.EncodeToString(k) + "\n")
	if err := errors.Join(werr, f.Close()); err != nil {
		return nil, fmt.Errorf("writing %s: %w", path, err)
	}
	log.Info("generated a development key-encryption key", "file", path)
	return k, nil
}
