package users_test

import (
	"context"
	"encoding/json"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/golang-jwt/jwt/v5"

	"github.com/careercoach/coach/internal/auth"
	"github.com/careercoach/coach/internal/db"
	"github.com/careercoach/coach/internal/dbtest"
	"github.com/careercoach/coach/subgraphs/users"
	"github.com/careercoach/coach/subgraphs/users/store"
)

type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.t }
func (c *clock) add(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
}

// testKEK is a key-encryption key for tests.
const testKEK = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY="

func testSealer(t *testing.T) *users.Sealer {
	t.Helper()
	k, err := users.ParseKeyEncryptionKey(testKEK)
	if err != nil {
		t.Fatal(err)
	}
	s, err := users.NewSealer(k)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func sign(t *testing.T, k *users.Keys) string {
	t.Helper()
	tok, err := k.Sign(&auth.Claims{RegisteredClaims: jwt.RegisteredClaims{
		Issuer: "https://coach.test", Subject: "u1", Audience: jwt.ClaimStrings{auth.Audience},
		IssuedAt: jwt.NewNumericDate(time.Now()), ExpiresAt: jwt.NewNumericDate(time.Now().Add(time.Hour)),
	}})
	if err != nil {
		t.Fatal(err)
	}
	return tok
}

func kids(t *testing.T, k *users.Keys) []string {
	t.Helper()
	raw, err := k.JWKS()
	if err != nil {
		t.Fatal(err)
	}
	var set struct {
		Keys []struct {
			KID string `json:"kid"`
			Alg string `json:"alg"`
			Kty string `json:"kty"`
			D   string `json:"d"`
		} `json:"keys"`
	}
	if err := json.Unmarshal(raw, &set); err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, key := range set.Keys {
		if key.D != "" {
			t.Fatal("JWKS publishes private key material")
		}
		if key.Alg != "EdDSA" || key.Kty != "OKP" {
			t.Fatalf("key %+v", key)
		}
		out = append(out, key.KID)
	}
	return out
}

func TestSigningKeysRotateAndPersist(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		st := store.New(d)
		clk := &clock{t: time.Now().UTC()}
		const rotateAfter, publishFor = 24 * time.Hour, 30 * time.Minute
		k, err := users.NewKeys(ctx, st, testSealer(t), rotateAfter, publishFor, clk.now)
		if err != nil {
			t.Fatal(err)
		}
		verify := func(keys *users.Keys, tok string) error {
			v := &auth.Verifier{Keys: keys, Issuer: "https://coach.test", Audience: auth.Audience}
			_, err := v.Verify(ctx, tok)
			return err
		}
		first := kids(t, k)
		if len(first) != 1 {
			t.Fatalf("first start made %d keys, want 1", len(first))
		}
		old := sign(t, k)

		t.Run("a restart loads the persisted key", func(t *testing.T) {
			again, err := users.NewKeys(ctx, st, testSealer(t), rotateAfter, publishFor, clk.now)
			if err != nil {
				t.Fatal(err)
			}
			if got := kids(t, again); strings.Join(got, ",") != first[0] {
				t.Fatalf("after restart kids %v, want %v", got, first)
			}
			if err := verify(again, old); err != nil {
				t.Fatalf("token from before the restart: %v", err)
			}
		})
		t.Run("not due: no rotation", func(t *testing.T) {
			clk.add(time.Hour)
			if err := k.RotateIfDue(ctx); err != nil {
				t.Fatal(err)
			}
			if n := len(kids(t, k)); n != 1 {
				t.Fatalf("%d keys", n)
			}
		})
		t.Run("due: a new key signs, the old one stays published", func(t *testing.T) {
			clk.add(rotateAfter)
			if err := k.RotateIfDue(ctx); err != nil {
				t.Fatal(err)
			}
			if got := kids(t, k); len(got) != 2 {
				t.Fatalf("kids %v, want old and new", got)
			}
			fresh := sign(t, k)
			hdr := func(tok string) string {
				p, _, _ := jwt.NewParser().ParseUnverified(tok, jwt.MapClaims{})
				return p.Header["kid"].(string)
			}
			if hdr(fresh) == hdr(old) {
				t.Fatal("new tokens are still signed by the old key")
			}
			if err := verify(k, old); err != nil {
				t.Fatalf("token signed before rotation: %v", err)
			}
		})
		t.Run("another replica verifies tokens of a key it has not loaded", func(t *testing.T) {
			replica, err := users.NewKeys(ctx, st, testSealer(t), rotateAfter, publishFor, clk.now)
			if err != nil {
				t.Fatal(err)
			}
			clk.add(rotateAfter)
			if err := k.Rotate(ctx); err != nil {
				t.Fatal(err)
			}
			if err := verify(replica, sign(t, k)); err != nil {
				t.Fatalf("replica: %v", err)
			}
		})
		t.Run("retired keys leave the JWKS after publishFor", func(t *testing.T) {
			clk.add(publishFor + time.Minute)
			if got := kids(t, k); len(got) != 1 {
				t.Fatalf("kids %v, want only the active key", got)
			}
			if err := verify(k, old); err == nil {
				t.Fatal("a token of a key no longer published still verifies")
			}
		})
	}, store.Migrations()...)
}
