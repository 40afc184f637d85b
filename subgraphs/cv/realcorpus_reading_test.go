package cv

import (
	"strconv"
	"testing"
)

// TestRealCorpusExperienceVerdict ties Assess's experience verdict to what
// the parser really read, on every corpus file. A file whose truth lists
// dated positions that the parser all reads must not be told its positions
// were unread; a file whose truth counts positions of which the parser read
// none must be told so (the verdict is then true, and hiding it would make
// later advice rest on a missing section). The entries measure of
// TestRealCorpusSections covers only the files whose truth lists entries;
// the files whose positions carry placeholder dates ("Month 20XX",
// "año–año", "A long time ago...") list none, and this test is where they
// are checked.
func TestRealCorpusExperienceVerdict(t *testing.T) {
	for _, f := range loadRealCorpus(t) {
		t.Run(f.name, func(t *testing.T) {
			unread := false
			for _, u := range f.analysis.UnreadParts {
				if u.Part == "experience" {
					unread = true
				}
			}
			read := 0
			for _, want := range f.truth.entries {
				if entryFound(f.secs.Experience, want) {
					read++
				}
			}
			positions, _ := strconv.Atoi(f.truth.facts["experience"])
			t.Logf("confidence %.2f, positions %d, listed %d, read %d of them, parsed %d, told unread %v",
				f.analysis.Confidence, positions, len(f.truth.entries), read, len(f.secs.Experience), unread)
			switch {
			case len(f.truth.entries) > 0 && read == len(f.truth.entries) && unread:
				t.Errorf("all %d listed positions read, but told its positions were unread: %v", read, f.analysis.UnreadParts)
			case positions > 0 && len(f.secs.Experience) == 0 && !unread:
				t.Errorf("%d positions in the CV, none parsed, but the analysis does not say so", positions)
			}
		})
	}
}
