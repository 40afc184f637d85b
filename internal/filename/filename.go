// Package filename validates the names of uploaded files, for the router
// (which streams uploads to subgraphs) and the services that keep them.
package filename

import (
	"errors"
	"fmt"
	"unicode"
	"unicode/utf8"
)

// MaxBytes bounds a file name: common file systems (ext4, NTFS, APFS) stop
// at 255 bytes or characters, and no real CV file name comes close.
const MaxBytes = 255

// ErrInvalid is wrapped by every error Check returns; their messages,
// which start with its own, are for the person who chose the file.
var ErrInvalid = errors.New("this file name cannot be used")

// Check refuses a name that is not UTF-8, holds control characters
// (including line breaks and NUL) or bidirectional overrides (which make
// "cv\u202Efdp.exe" look like "cvexe.pdf"), or is longer than MaxBytes.
// OWASP File Upload Cheat Sheet: validate file names, restrict their
// characters and length. An empty name passes: the caller names the file.
func Check(name string) error {
	if len(name) > MaxBytes {
		return fmt.Errorf("%w: it is %d bytes long, at most %d are allowed; rename the file and upload it again", ErrInvalid, len(name), MaxBytes)
	}
	if !utf8.ValidString(name) {
		return fmt.Errorf("%w: it is not valid UTF-8 text; rename the file and upload it again", ErrInvalid)
	}
	for _, r := range name {
		if unicode.IsControl(r) || isBidiControl(r) {
			return fmt.Errorf("%w: it contains a control character (%U); rename the file and upload it again", ErrInvalid, r)
		}
	}
	return nil
}

func isBidiControl(r rune) bool {
	return r >= '\u202A' && r <= '\u202E' || r >= '\u2066' && r <= '\u2069' || r == '\u200E' || r == '\u200F' || r == '\u061C'
}
