package cv

import (
	"context"
	"errors"

	"github.com/careercoach/coach/subgraphs/cv/extract"
)

// FileExtractor is the Extractor of the service and the command line: the
// extract package (child process under time and memory limits) and its
// quality gate.
type FileExtractor struct {
	Limits extract.Limits
}

// Sniff decides the kind by content.
func (f FileExtractor) Sniff(data []byte) (string, error) {
	k, err := extract.Sniff(data)
	if err != nil {
		return "", errors.Join(ErrUnsupported, err)
	}
	return string(k), nil
}

// Extract returns the text, or a *FailureError for files that cannot be
// read or fail the quality gate (those are never analysed).
func (f FileExtractor) Extract(ctx context.Context, data []byte) (Extracted, error) {
	doc, err := extract.Extract(ctx, data, f.Limits)
	if err != nil {
		if ctx.Err() != nil {
			return Extracted{}, err
		}
		code := extractCode(err)
		// Only an internal failure (the child could not start) is worth
		// another try. A bad file, a cycle, a limit or a timeout comes
		// back the same on every try: a normal CV takes tens of
		// milliseconds, hundreds of times below the timeout, so a file
		// that used it all would only hold a worker three times as long.
		return Extracted{}, Fail(code, extract.UserMessage(err), code == FailInternal, err)
	}
	if v := extract.Check(doc); !v.OK {
		return Extracted{}, Fail(FailUnreadable, v.Reason, false, errors.New("quality gate: "+v.Code))
	}
	return Extracted{Kind: string(doc.Kind), Pages: doc.Pages, Text: doc.Text}, nil
}

func extractCode(err error) string {
	switch {
	case errors.Is(err, extract.ErrUnsupported):
		return FailUnsupported
	case errors.Is(err, extract.ErrTooLarge):
		return FailTooLarge
	case errors.Is(err, extract.ErrTimeout):
		return FailTimeout
	case errors.Is(err, extract.ErrCorrupt), errors.Is(err, extract.ErrEncrypted):
		return FailCorrupt
	}
	return FailInternal
}
