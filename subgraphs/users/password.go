package users

import (
	"crypto/rand"
	"crypto/subtle"
	_ "embed"
	"encoding/base64"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/crypto/argon2"

	"github.com/careercoach/coach/internal/apperr"
)

// Password rules: long enough to resist guessing, short enough to bound hashing cost.
const (
	MinPasswordLen = 10
	MaxPasswordLen = 128
)

// commonPasswordsText is one lower-case password a line (see
// common_passwords.md for its source and licence).
//
//go:embed common_passwords.txt
var commonPasswordsText string

// CheckPassword applies NIST SP 800-63B §5.1.1.2: length limits, no single
// repeated character or short repeated pattern, not the email's name, and
// not a commonly used password (the shipped list, also after removing
// case and the digits and symbols people add around a word).
func CheckPassword(password, email string) error {
	n := utf8.RuneCountInString(password)
	switch {
	case n < MinPasswordLen:
		return apperr.Errorf(apperr.Invalid, "password must be at least %d characters", MinPasswordLen)
	case n > MaxPasswordLen:
		return apperr.Errorf(apperr.Invalid, "password must be at most %d characters", MaxPasswordLen)
	case repeatsUnit(password):
		return apperr.Errorf(apperr.Invalid, "password must not be one character or a short pattern repeated")
	}
	lower := strings.ToLower(password)
	if local, _, ok := strings.Cut(strings.ToLower(email), "@"); ok && len(local) >= 4 && strings.Contains(lower, local) {
		return apperr.Errorf(apperr.Invalid, "password must not contain your email address")
	}
	if isCommon(lower) || isCommon(passwordCore(lower)) {
		return apperr.Errorf(apperr.Invalid, "this password is too common; choose another")
	}
	return nil
}

// maxPatternLen is the longest unit whose repetition is refused
// ("abcabcabcabc"); longer repeated units are as strong as their length.
const maxPatternLen = 4

// repeatsUnit reports whether password is a unit of at most maxPatternLen
// characters (runes, so "éééééééééé" counts) repeated.
func repeatsUnit(password string) bool {
	r := []rune(password)
	for k := 1; k <= maxPatternLen && k < len(r); k++ {
		if len(r)%k != 0 {
			continue
		}
		same := true
		for i := k; i < len(r) && same; i++ {
			same = r[i] == r[i-k]
		}
		if same {
			return true
		}
	}
	return false
}

// passwordCore strips the digits and symbols people put before and after
// a word ("password123!" → "password").
func passwordCore(lower string) string {
	return strings.TrimFunc(lower, func(r rune) bool { return !unicode.IsLetter(r) })
}

// isCommon reports whether p is a line of the list: a linear scan of
// ~80 KB (tens of microseconds), nothing next to the password hash.
func isCommon(p string) bool {
	if p == "" {
		return false
	}
	return strings.HasPrefix(commonPasswordsText, p+"\n") || strings.Contains(commonPasswordsText, "\n"+p+"\n")
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
