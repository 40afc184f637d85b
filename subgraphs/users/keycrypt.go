package users

import (
	"bytes"
	"crypto/aes"
	"crypto/cipher"
	"crypto/hkdf"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"errors"
	"fmt"
	"strings"
)

// KeyEncryptionKeyLen is the length of the key-encryption key (AES-256).
const KeyEncryptionKeyLen = 32

// ParseKeyEncryptionKey decodes a base64 key-encryption key.
func ParseKeyEncryptionKey(s string) ([]byte, error) {
	k, err := base64.StdEncoding.DecodeString(strings.TrimSpace(s))
	if err != nil || len(k) != KeyEncryptionKeyLen {
		return nil, fmt.Errorf("want the base64 encoding of %d random bytes (e.g. `openssl rand -base64 32`)", KeyEncryptionKeyLen)
	}
	return k, nil
}

// Sealer encrypts secrets kept in the database (the token signing keys)
// with AES-256-GCM under the configured key-encryption key (OWASP
// Cryptographic Storage Cheat Sheet: keys encrypted at rest with a key
// kept outside the database). Each value gets a random 96-bit nonce and is
// bound to its row by the associated data, so sealed values cannot be
// swapped between rows.
type Sealer struct {
	aead cipher.AEAD
}

// sealedPrefix marks a sealed value; older plaintext values lack it.
var sealedPrefix = []byte("cck1:")

// NewSealer returns a Sealer for a key-encryption key.
func NewSealer(kek []byte) (*Sealer, error) {
	key, err := hkdf.Key(sha256.New, kek, nil, "careercoach users key-at-rest v1", 32)
	if err != nil {
		return nil, fmt.Errorf("deriving the key-at-rest key: %w", err)
	}
	block, err := aes.NewCipher(key)
	if err != nil {
		return nil, fmt.Errorf("setting up AES: %w", err)
	}
	aead, err := cipher.NewGCM(block)
	if err != nil {
		return nil, fmt.Errorf("setting up AES-GCM: %w", err)
	}
	return &Sealer{aead: aead}, nil
}

// Seal encrypts plaintext for the row named by aad.
func (s *Sealer) Seal(plaintext []byte, aad string) []byte {
	nonce := make([]byte, s.aead.NonceSize())
	_, _ = rand.Read(nonce) // crypto/rand.Read never fails on supported platforms
	out := append(append([]byte{}, sealedPrefix...), nonce...)
	return s.aead.Seal(out, nonce, plaintext, []byte(aad))
}

// errNotSealed says a value predates encryption at rest.
var errNotSealed = errors.New("value is not sealed")

// Open decrypts a sealed value of the row named by aad.
func (s *Sealer) Open(sealed []byte, aad string) ([]byte, error) {
	if !bytes.HasPrefix(sealed, sealedPrefix) {
		return nil, errNotSealed
	}
	body := sealed[len(sealedPrefix):]
	n := s.aead.NonceSize()
	if len(body) < n {
		return nil, errors.New("sealed value is truncated")
	}
	plain, err := s.aead.Open(nil, body[:n], body[n:], []byte(aad))
	if err != nil {
		return nil, errors.New("cannot decrypt: wrong key-encryption key, or the value was altered")
	}
	return plain, nil
}

// DeriveKey derives an independent 32-byte key for one purpose (device
// cookies, refresh token successors) from the key-encryption key (HKDF,
// RFC 5869), so that one configured secret serves each without reuse.
func DeriveKey(kek []byte, purpose string) ([]byte, error) {
	k, err := hkdf.Key(sha256.New, kek, nil, "careercoach users "+purpose, 32)
	if err != nil {
		return nil, fmt.Errorf("deriving the %s key: %w", purpose, err)
	}
	return k, nil
}
