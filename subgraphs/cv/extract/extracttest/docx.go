// Package extracttest builds hostile files for the tests of the extract
// package and of the services that upload files.
package extracttest

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"fmt"
	"io"
	"math/rand/v2"
	"strings"
	"testing"
)

// LargeDOCX replays issue 20's attack: a DOCX of a few megabytes whose
// document.xml holds tens of millions of characters of text (pseudo-random
// words, so it deflates only ~5:1 and passes the zip ratio check).
func LargeDOCX(t testing.TB, chars int) []byte {
	t.Helper()
	words := strings.Fields("engineer golang kubernetes delivered platform team lead migration latency customers " +
		"designed built scaled reduced costs by percent across regions with services owned mentored hired " +
		"postgres redis kafka terraform aws azure react typescript python rust java observability oncall")
	rng := rand.New(rand.NewPCG(1, 2))
	var body strings.Builder
	body.WriteString(`<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>`)
	for n := 0; n < chars; {
		var p strings.Builder
		for p.Len() < 400 {
			p.WriteString(words[rng.IntN(len(words))])
			p.WriteByte(' ')
		}
		fmt.Fprintf(&body, "<w:p><w:r><w:t>%s</w:t></w:r></w:p>", p.String())
		n += p.Len()
	}
	body.WriteString(`</w:body></w:document>`)
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	zw.RegisterCompressor(zip.Deflate, func(w io.Writer) (io.WriteCloser, error) { return flate.NewWriter(w, flate.BestSpeed) })
	for name, content := range map[string]string{
		"[Content_Types].xml": `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`,
		"word/document.xml":   body.String(),
	} {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := io.WriteString(w, content); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}
