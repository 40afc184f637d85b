package users

import (
	"strings"
	"testing"

	"github.com/careercoach/coach/internal/apperr"
)

func TestCheckPassword(t *testing.T) {
	tests := []struct {
		name, password, email string
		wantErr               string
	}{
		{"good", "violet-Harbour-42", "ada@example.com", ""},
		{"too short", "short1!", "ada@example.com", "at least 10"},
		{"too long", strings.Repeat("ab", 65), "ada@example.com", "at most 128"},
		{"repeated character", "aaaaaaaaaaaa", "ada@example.com", "repeated"},
		{"common", "Password123", "ada@example.com", "too common"},
		{"common word with digits appended", "password123456", "ada@example.com", "too common"},
		{"keyboard row with a digit", "qwertyuiop1", "ada@example.com", "too common"},
		{"common word with digits and a symbol", "Password123!", "ada@example.com", "too common"},
		{"common word wrapped in symbols", "!!!Dragon2024!!", "ada@example.com", "too common"},
		{"common as listed, digits inside", "1qaz2wsx3edc", "ada@example.com", "too common"},
		{"the project's own additions", "CareerCoach123", "ada@example.com", "too common"},
		{"repeated multibyte character", "éééééééééééé", "ada@example.com", "repeated"},
		{"repeated emoji", strings.Repeat("🙂", 12), "ada@example.com", "repeated"},
		{"short pattern repeated", "abcabcabcabc", "ada@example.com", "repeated"},
		{"two-character pattern repeated", "ababababababab", "ada@example.com", "repeated"},
		{"good multibyte", "Grüße-aus-Köln-7", "ada@example.com", ""},
		{"common word inside a longer passphrase", "dragon-lantern-orchard", "ada@example.com", ""},
		{"all digits not on the list", "9081726354", "ada@example.com", ""},
		{"contains email name", "xx-lovelace-2026", "lovelace@example.com", "email"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := CheckPassword(tt.password, tt.email)
			if tt.wantErr == "" {
				if err != nil {
					t.Fatalf("unexpected %v", err)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) || apperr.Code(err) != apperr.Invalid {
				t.Fatalf("err = %v, want BAD_USER_INPUT containing %q", err, tt.wantErr)
			}
		})
	}
}

func TestHashAndVerifyPassword(t *testing.T) {
	h1, err := HashPassword("violet-Harbour-42")
	if err != nil {
		t.Fatal(err)
	}
	h2, _ := HashPassword("violet-Harbour-42")
	if h1 == h2 {
		t.Fatal("two hashes of one password are equal: salt not random")
	}
	tests := []struct {
		name, hash, password string
		want                 bool
	}{
		{"right password", h1, "violet-Harbour-42", true},
		{"wrong password", h1, "violet-Harbour-43", false},
		{"malformed hash", "$argon2id$nope", "violet-Harbour-42", false},
		{"other scheme", "$2a$10$abcdefghijklmnopqrstuv", "violet-Harbour-42", false},
		{"dummy hash parses but never matches", dummyHash, "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := VerifyPassword(tt.hash, tt.password); got != tt.want {
				t.Fatalf("VerifyPassword = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestNormalizeEmail(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Ada@Example.COM", "ada@example.com"},
		{"  ada@example.com ", "ada@example.com"},
		{"ada", ""},
		{"ada@localhost", ""},
		{"Ada <ada@example.com>", ""},
		{strings.Repeat("a", 250) + "@example.com", ""},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := NormalizeEmail(tt.in)
			if tt.want == "" {
				if err == nil {
					t.Fatalf("accepted %q as %q", tt.in, got)
				}
				return
			}
			if err != nil || got != tt.want {
				t.Fatalf("got %q, %v; want %q", got, err, tt.want)
			}
		})
	}
}

func TestProfileUpdateValidate(t *testing.T) {
	s := func(v string) *string { return &v }
	tests := []struct {
		name    string
		upd     ProfileUpdate
		wantErr string
	}{
		{"trims", ProfileUpdate{DisplayName: s("  Ada  ")}, ""},
		{"empty name", ProfileUpdate{DisplayName: s("   ")}, "display name must not be empty"},
		{"long headline", ProfileUpdate{Headline: s(strings.Repeat("x", MaxHeadlineLen+1))}, "headline must be at most"},
		{"control characters", ProfileUpdate{Location: s("Lis\x00bon")}, "control characters"},
		{"http avatar", ProfileUpdate{AvatarURL: s("http://example.com/a.png")}, "https://"},
		{"javascript avatar", ProfileUpdate{AvatarURL: s("javascript:alert(1)")}, "https://"},
		{"clear avatar", ProfileUpdate{AvatarURL: s("")}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := tt.upd.Validate()
			if tt.wantErr == "" {
				if err != nil {
					t.Fatal(err)
				}
				if got.DisplayName != nil && *got.DisplayName != "Ada" {
					t.Fatalf("display name %q not trimmed", *got.DisplayName)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Fatalf("err = %v, want containing %q", err, tt.wantErr)
			}
		})
	}
}
