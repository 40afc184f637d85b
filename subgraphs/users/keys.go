package users

import (
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"crypto/x509"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/MicahParks/jwkset"
	"github.com/golang-jwt/jwt/v5"
)

// Keys holds the Ed25519 keys that sign access tokens. Keys are generated on
// first start and persisted, rotated when the active one is older than
// RotateAfter, and published (public half) while tokens they signed may
// still be valid.
type Keys struct {
	store       KeyStore
	sealer      *Sealer
	rotateAfter time.Duration
	publishFor  time.Duration
	now         func() time.Time

	mu   sync.RWMutex
	keys []loadedKey // oldest first
}

type loadedKey struct {
	SigningKey
	priv ed25519.PrivateKey
}

// NewKeys loads the keys, creating the first one if there is none. Private
// keys are kept sealed by sealer; keys stored in plaintext by an older
// version are sealed now (the migration to encryption at rest). publishFor
// is how long a retired key stays in the JWKS (≥ access token TTL).
func NewKeys(ctx context.Context, store KeyStore, sealer *Sealer, rotateAfter, publishFor time.Duration, now func() time.Time) (*Keys, error) {
	k := &Keys{store: store, sealer: sealer, rotateAfter: rotateAfter, publishFor: publishFor, now: now}
	if err := k.sealPlaintext(ctx); err != nil {
		return nil, err
	}
	if err := k.reload(ctx); err != nil {
		return nil, err
	}
	if err := k.RotateIfDue(ctx); err != nil {
		return nil, err
	}
	return k, nil
}

func (k *Keys) reload(ctx context.Context) error {
	stored, err := k.store.SigningKeys(ctx)
	if err != nil {
		return fmt.Errorf("loading signing keys: %w", err)
	}
	loaded := make([]loadedKey, 0, len(stored))
	for _, s := range stored {
		der, err := k.sealer.Open(s.PrivateKey, s.ID)
		if err != nil {
			return fmt.Errorf("reading signing key %s: %w", s.ID, err)
		}
		parsed, err := x509.ParsePKCS8PrivateKey(der)
		if err != nil {
			return fmt.Errorf("parsing signing key %s: %w", s.ID, err)
		}
		priv, ok := parsed.(ed25519.PrivateKey)
		if !ok {
			return fmt.Errorf("signing key %s is %T, want Ed25519", s.ID, parsed)
		}
		loaded = append(loaded, loadedKey{SigningKey: s, priv: priv})
	}
	k.mu.Lock()
	k.keys = loaded
	k.mu.Unlock()
	return nil
}

// RotateIfDue adds a new key when there is no active key or it is too old.
func (k *Keys) RotateIfDue(ctx context.Context) error {
	if a, ok := k.active(); ok && k.now().Sub(a.CreatedAt) < k.rotateAfter {
		return nil
	}
	return k.Rotate(ctx)
}

// Rotate makes a new key the active one and retires the previous.
func (k *Keys) Rotate(ctx context.Context) error {
	pub, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		return fmt.Errorf("generating signing key: %w", err)
	}
	der, err := x509.MarshalPKCS8PrivateKey(priv)
	if err != nil {
		return fmt.Errorf("encoding signing key: %w", err)
	}
	now := k.now().UTC()
	id := now.Format("20060102") + "-" + hex.EncodeToString(pub[:6])
	prev, hadPrev := k.active()
	if err := k.store.AddSigningKey(ctx, SigningKey{ID: id, Algorithm: "EdDSA", PrivateKey: k.sealer.Seal(der, id), CreatedAt: now}); err != nil {
		return fmt.Errorf("storing signing key: %w", err)
	}
	if hadPrev {
		if err := k.store.RetireSigningKey(ctx, prev.ID, now); err != nil {
			return fmt.Errorf("retiring signing key %s: %w", prev.ID, err)
		}
	}
	return k.reload(ctx)
}

// sealPlaintext encrypts the keys an older version stored in plaintext.
func (k *Keys) sealPlaintext(ctx context.Context) error {
	stored, err := k.store.SigningKeys(ctx)
	if err != nil {
		return fmt.Errorf("loading signing keys: %w", err)
	}
	for _, s := range stored {
		if _, err := k.sealer.Open(s.PrivateKey, s.ID); !errors.Is(err, errNotSealed) {
			continue
		}
		if err := k.store.SealSigningKey(ctx, s.ID, s.PrivateKey, k.sealer.Seal(s.PrivateKey, s.ID)); err != nil {
			return fmt.Errorf("encrypting signing key %s: %w", s.ID, err)
		}
	}
	return nil
}

func (k *Keys) active() (loadedKey, bool) {
	k.mu.RLock()
	defer k.mu.RUnlock()
	for i := len(k.keys) - 1; i >= 0; i-- {
		if k.keys[i].RetiredAt == nil {
			return k.keys[i], true
		}
	}
	return loadedKey{}, false
}

// Sign signs claims with the active key.
func (k *Keys) Sign(claims jwt.Claims) (string, error) {
	a, ok := k.active()
	if !ok {
		return "", fmt.Errorf("signing token: no active signing key")
	}
	tok := jwt.NewWithClaims(jwt.SigningMethodEdDSA, claims)
	tok.Header["kid"] = a.ID
	s, err := tok.SignedString(a.priv)
	if err != nil {
		return "", fmt.Errorf("signing token: %w", err)
	}
	return s, nil
}

func (k *Keys) published() []loadedKey {
	k.mu.RLock()
	defer k.mu.RUnlock()
	var out []loadedKey
	for _, key := range k.keys {
		if key.RetiredAt == nil || k.now().Sub(*key.RetiredAt) < k.publishFor {
			out = append(out, key)
		}
	}
	return out
}

// JWKS returns the public keys as a JSON Web Key Set.
func (k *Keys) JWKS() ([]byte, error) {
	set := jwkset.JWKSMarshal{Keys: []jwkset.JWKMarshal{}}
	for _, key := range k.published() {
		jwk, err := jwkset.NewJWKFromKey(key.priv.Public(), jwkset.JWKOptions{Metadata: jwkset.JWKMetadataOptions{
			KID: key.ID, ALG: jwkset.AlgEdDSA, USE: jwkset.UseSig,
		}})
		if err != nil {
			return nil, fmt.Errorf("encoding JWK %s: %w", key.ID, err)
		}
		set.Keys = append(set.Keys, jwk.Marshal())
	}
	return json.Marshal(set)
}

// KeyfuncCtx lets the users service verify its own tokens without fetching
// its own JWKS; a kid it does not know (another replica rotated) reloads.
func (k *Keys) KeyfuncCtx(ctx context.Context) jwt.Keyfunc {
	return func(t *jwt.Token) (any, error) {
		kid, _ := t.Header["kid"].(string)
		for attempt := 0; attempt < 2; attempt++ {
			for _, key := range k.published() {
				if key.ID == kid {
					return key.priv.Public(), nil
				}
			}
			if attempt == 0 {
				if err := k.reload(ctx); err != nil {
					return nil, err
				}
			}
		}
		return nil, fmt.Errorf("unknown signing key %q", kid)
	}
}
