package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Verdict is the quality gate's answer. Reason is for the user.
type Verdict struct {
	OK     bool   `json:"ok"`
	Reason string `json:"reason,omitempty"`
	Code   string `json:"code"`
}

// Verdict codes.
const (
	VerdictOK      = "OK"
	VerdictEmpty   = "EMPTY"   // no text, or too little to be a CV
	VerdictScanned = "SCANNED" // a PDF with almost no text per page: an image of a CV
	VerdictGarbled = "GARBLED" // text that is not language: broken font encoding, glued words
)

// Gate thresholds, chosen on the corpus: the sparsest real one-page CV has
// well over 600 non-space characters; garbled extractions show several
// percent of bad characters or words glued into long runs.
const (
	minCharsPerPage  = 200  // non-space characters per PDF page on average
	minLetters       = 150  // letters in the whole document
	maxBadRatio      = 0.02 // control, replacement and private-use characters
	longRun          = 25   // a "word" this long (not a URL or e-mail) is glued text
	maxLongRunRatio  = 0.15 // share of characters in long runs
	minLetterRatio   = 0.5  // letters among non-space characters
	maxMeanWordRunes = 12.0
)

const askForText = " Please upload a PDF exported from a word processor (with selectable text) or a DOCX file."

// Check is the quality gate before any analysis: an analysis of nothing, or
// of garbage, is a defect, so such text is refused with a clear reason.
func Check(doc Document) Verdict {
	var nonSpace, letters, bad int
	for _, r := range doc.Text {
		if unicode.IsSpace(r) {
			continue
		}
		nonSpace++
		switch {
		case unicode.IsLetter(r):
			letters++
		case r == utf8.RuneError, unicode.IsControl(r), unicode.Is(unicode.Co, r):
			bad++
		}
	}
	switch {
	case nonSpace == 0 && doc.Kind == PDF:
		return Verdict{Code: VerdictScanned, Reason: "This PDF contains no text, only images (a scan or a photo of a CV)." + askForText}
	case nonSpace == 0:
		return Verdict{Code: VerdictEmpty, Reason: "This document contains no text." + askForText}
	case doc.Kind == PDF && doc.Pages > 0 && nonSpace/doc.Pages < minCharsPerPage:
		return Verdict{Code: VerdictScanned, Reason: "This PDF has almost no text on its pages; it looks like a scanned image." + askForText}
	case float64(bad)/float64(nonSpace) > maxBadRatio:
		return Verdict{Code: VerdictGarbled, Reason: "The text in this file could not be decoded (it contains unreadable characters)." + askForText}
	case float64(letters)/float64(nonSpace) < minLetterRatio:
		return Verdict{Code: VerdictGarbled, Reason: "The text in this file could not be decoded (it is mostly symbols)." + askForText}
	case letters < minLetters:
		return Verdict{Code: VerdictEmpty, Reason: "This document contains too little text to be a CV." + askForText}
	}
	words := strings.Fields(doc.Text)
	var inLong, total int
	for _, w := range words {
		n := utf8.RuneCountInString(w)
		total += n
		if n >= longRun && !isLinkLike(w) {
			inLong += n
		}
	}
	if float64(inLong)/float64(total) > maxLongRunRatio || float64(total)/float64(len(words)) > maxMeanWordRunes {
		return Verdict{Code: VerdictGarbled, Reason: "The words in this file run together without spaces, so it cannot be read reliably." + askForText}
	}
	return Verdict{OK: true, Code: VerdictOK}
}

func isLinkLike(w string) bool {
	return strings.Contains(w, "@") || strings.Contains(w, "://") || strings.HasPrefix(w, "www.") || strings.Count(w, "/") >= 2
}
