package users

import (
	"crypto/rand"
	"crypto/subtle"
	_ "embed"
	"encoding/base64"
	"fmt"
	"strings"
	"unicode/utf8"

	"golang.org/x/crypto/argon2"

	"github.com/careercoach/coach/internal/apperr"
)

// Password rules: long enough to resist guessing, short enough to bound hashing cost.
const (
	MinPasswordLen = 10
	MaxPasswordLen = 128
)

//go:embed common_passwords.txt
var commonPasswordsText string

// CheckPassword rejects passwords that are short, overlong, one repeated
// character, contain the email's name, or are among well-known passwords.
func CheckPassword(password, email string) error {
	n := utf8.RuneCountInString(password)
	switch {
	case n < MinPasswordLen:
		return apperr.Errorf(apperr.Invalid, "password must be at least %d characters", MinPasswordLen)
	case n > MaxPasswordLen:
		return apperr.Errorf(apperr.Invalid, "password must be at most %d characters", MaxPasswordLen)
	case strings.Count(password, string([]rune(password)[0])) == len(password):
		return apperr.Errorf(apperr.Invalid, "password must not be one repeated character")
	}
	lower := strings.ToLower(password)
	if local, _, ok := strings.Cut(strings.ToLower(email), "@"); ok && len(local) >= 4 && strings.Contains(lower, local) {
		return apperr.Errorf(apperr.Invalid, "password must not contain your email address")
	}
	for _, common := range strings.Fields(commonPasswordsText) {
		if lower == common {
			return apperr.Errorf(apperr.Invalid, "this password is too common; choose another")
		}
	}
	return nil
}

// argon2id parameters (OWASP's minimum recommendation: m=19 MiB, t=2, p=1).
const (
	argonTime    = 2
	argonMemory  = 19 * 1024
	argonThreads = 1
	argonKeyLen  = 32
)

// HashPassword returns an encoded argon2id hash with a random salt.
func HashPassword(password string) (string, error) {
	salt := make([]byte, 16)
	if _, err := rand.Read(salt); err != nil {
		return "", fmt.Errorf("reading salt: %w", err)
	}
	key := argon2.IDKey([]byte(password), salt, argonTime, argonMemory, argonThreads, argonKeyLen)
	return fmt.Sprintf("$argon2id$v=%d$m=%d,t=%d,p=%d$%s$%s", argon2.Version, argonMemory, argonTime, argonThreads,
		base64.RawStdEncoding.EncodeToString(salt), base64.RawStdEncoding.EncodeToString(key)), nil
}

// VerifyPassword reports whether password matches an encoded hash.
func VerifyPassword(encoded, password string) bool {
	parts := strings.Split(encoded, "$")
	if len(parts) != 6 || parts[1] != "argon2id" {
		return false
	}
	var m, t uint32
	var p uint8
	if _, err := fmt.Sscanf(parts[3], "m=%d,t=%d,p=%d", &m, &t, &p); err != nil {
		return false
	}
	salt, err1 := base64.RawStdEncoding.DecodeString(parts[4])
	want, err2 := base64.RawStdEncoding.DecodeString(parts[5])
	if err1 != nil || err2 != nil || len(want) == 0 {
		return false
	}
	got := argon2.IDKey([]byte(password), salt, t, m, p, uint32(len(want)))
	return subtle.ConstantTimeCompare(got, want) == 1
}

// dummyHash is verified against when an account does not exist, so that a
// login takes as long for an unknown email as for a wrong password.
var dummyHash = "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0c2FsdA$2lWbqbDPzc3L1hVkD9Dgwgb1JhWqcpFfp5f4Xh0GkTk"
