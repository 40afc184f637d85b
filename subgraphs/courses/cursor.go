package courses

import (
	"crypto/sha256"
	"encoding/base64"
	"encoding/binary"
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// Limits on catalogue queries.
const (
	DefaultPageSize = 20
	MaxPageSize     = 50
	MaxSearchLen    = 200
	MaxFilterSkills = 20
)

// A cursor is the position after an edge in one query's ranked list. It
// carries a fingerprint of the query so that a cursor from another query is
// refused rather than silently skipping to an unrelated position. Offsets
// suit a catalogue that changes only when a new release seeds it.
const cursorVersion = "c1"

// EncodeCursor returns the cursor for the position after offset.
func EncodeCursor(f Filter, offset int) string {
	return base64.RawURLEncoding.EncodeToString([]byte(fmt.Sprintf("%s:%d:%s", cursorVersion, offset, fingerprint(f))))
}

// DecodeCursor returns the offset a cursor of query f points after.
func DecodeCursor(s string, f Filter) (int, error) {
	raw, err := base64.RawURLEncoding.DecodeString(s)
	if err != nil || len(s) > 100 {
		return 0, ErrBadCursor
	}
	parts := strings.Split(string(raw), ":")
	if len(parts) != 3 || parts[0] != cursorVersion || parts[2] != fingerprint(f) {
		return 0, ErrBadCursor
	}
	off, err := strconv.Atoi(parts[1])
	if err != nil || off < 0 {
		return 0, ErrBadCursor
	}
	return off, nil
}

func fingerprint(f Filter) string {
	skills := slices.Clone(f.Skills)
	for i := range skills {
		skills[i] = strings.ToLower(skills[i])
	}
	slices.Sort(skills)
	free := "-"
	if f.Free != nil {
		free = strconv.FormatBool(*f.Free)
	}
	sum := sha256.Sum256([]byte(strings.Join([]string{strings.ToLower(strings.TrimSpace(f.Search)), strings.Join(skills, "\x00"), string(f.Level), free, f.Language}, "\x01")))
	return strconv.FormatUint(binary.BigEndian.Uint64(sum[:8]), 36)
}

// SearchTerms splits free text into the lower-case words a full-text query
// matches (letters and digits only, so no query syntax reaches the engine).
func SearchTerms(s string) []string {
	ws := words(s)
	if len(ws) > 12 {
		ws = ws[:12]
	}
	return ws
}
