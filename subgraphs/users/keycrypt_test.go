package users_test

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"crypto/x509"
	"encoding/base64"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/careercoach/coach/internal/db"
	"github.com/careercoach/coach/internal/dbtest"
	"github.com/careercoach/coach/subgraphs/users"
	"github.com/careercoach/coach/subgraphs/users/store"
)

// TestSigningKeysEncryptedAtRest: keys are stored sealed, a key an older
// version stored in plaintext is sealed at start and keeps working, and a
// wrong key-encryption key is a clear start-up error.
func TestSigningKeysEncryptedAtRest(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		st := store.New(d)
		clk := &clock{t: time.Now()}
		_, priv, err := ed25519.GenerateKey(rand.Reader)
		if err != nil {
			t.Fatal(err)
		}
		der, err := x509.MarshalPKCS8PrivateKey(priv)
		if err != nil {
			t.Fatal(err)
		}
		legacy := users.SigningKey{ID: "legacy-1", Algorithm: "EdDSA", PrivateKey: der, CreatedAt: clk.now().UTC()}
		if err := st.AddSigningKey(ctx, legacy); err != nil { // as the previous version stored keys
			t.Fatal(err)
		}

		keys, err := users.NewKeys(ctx, st, testSealer(t), 24*time.Hour, time.Hour, clk.now)
		if err != nil {
			t.Fatal(err)
		}
		t.Run("the plaintext key is sealed in the database", func(t *testing.T) {
			stored, err := st.SigningKeys(ctx)
			if err != nil || len(stored) != 1 {
				t.Fatalf("keys %v, %v", stored, err)
			}
			if bytes.Contains(stored[0].PrivateKey, der) || bytes.Contains(stored[0].PrivateKey, priv.Seed()) {
				t.Fatal("the private key is still stored in plaintext")
			}
			if !bytes.HasPrefix(stored[0].PrivateKey, []byte("cck1:")) {
				t.Fatalf("stored value %q is not sealed", stored[0].PrivateKey[:8])
			}
		})
		t.Run("the sealed key still signs (same key, same kid)", func(t *testing.T) {
			if got := kids(t, keys); !slices.Equal(got, []string{"legacy-1"}) {
				t.Fatalf("published kids %v", got)
			}
			parts := strings.Split(sign(t, keys), ".")
			sig, err := base64.RawURLEncoding.DecodeString(parts[2])
			if err != nil || !ed25519.Verify(priv.Public().(ed25519.PublicKey), []byte(parts[0]+"."+parts[1]), sig) {
				t.Fatal("token not signed by the original key")
			}
		})
		t.Run("a new key is stored sealed", func(t *testing.T) {
			if err := keys.Rotate(ctx); err != nil {
				t.Fatal(err)
			}
			stored, _ := st.SigningKeys(ctx)
			for _, k := range stored {
				if !bytes.HasPrefix(k.PrivateKey, []byte("cck1:")) {
					t.Fatalf("key %s stored unsealed", k.ID)
				}
			}
		})
		t.Run("a restart with the same key reads them", func(t *testing.T) {
			if _, err := users.NewKeys(ctx, st, testSealer(t), 24*time.Hour, time.Hour, clk.now); err != nil {
				t.Fatal(err)
			}
		})
		t.Run("a wrong key-encryption key is a clear error", func(t *testing.T) {
			other, err := users.NewSealer(bytes.Repeat([]byte{7}, users.KeyEncryptionKeyLen))
			if err != nil {
				t.Fatal(err)
			}
			_, err = users.NewKeys(ctx, st, other, 24*time.Hour, time.Hour, clk.now)
			if err == nil || !strings.Contains(err.Error(), "wrong key-encryption key") {
				t.Fatalf("err = %v", err)
			}
		})
	}, store.Migrations()...)
}

func TestSealerBindsValuesToTheirRow(t *testing.T) {
	s := testSealer(t)
	sealed := s.Seal([]byte("secret"), "key-a")
	tests := []struct {
		name    string
		value   []byte
		aad     string
		wantErr bool
	}{
		{"own row", sealed, "key-a", false},
		{"another row", sealed, "key-b", true},
		{"altered", append(bytes.Clone(sealed[:len(sealed)-1]), sealed[len(sealed)-1]^1), "key-a", true},
		{"truncated", sealed[:8], "key-a", true},
		{"plaintext", []byte("secret"), "key-a", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := s.Open(tt.value, tt.aad)
			if (err != nil) != tt.wantErr || (!tt.wantErr && string(got) != "secret") {
				t.Fatalf("Open = %q, %v", got, err)
			}
		})
	}
	if bytes.Equal(s.Seal([]byte("secret"), "key-a"), sealed) {
		t.Fatal("two seals of one value are equal: nonce reused")
	}
}
