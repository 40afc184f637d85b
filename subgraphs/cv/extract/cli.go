package extract

import (
	"context"
	"fmt"
	"io"
	"os"
)

// CLI is `coach cv extract FILE`: it extracts the file like the service
// does (child process, limits) and prints the text, then the verdict. The
// returned error is the extraction's (nil when text was extracted, even if
// the gate refuses it; the verdict says so).
func CLI(ctx context.Context, path string, lim Limits, w io.Writer) (Verdict, error) {
	lim = lim.withDefaults()
	data, err := readFileLimited(path, lim.MaxBytes)
	if err != nil {
		return Verdict{}, err
	}
	doc, err := Extract(ctx, data, lim)
	if err != nil {
		fmt.Fprintf(w, "extraction failed: %s\n", UserMessage(err))
		return Verdict{}, err
	}
	v := Check(doc)
	fmt.Fprintf(w, "%s\n\n--- %s, %d page(s), %d characters\n", doc.Text, doc.Kind, doc.Pages, len([]rune(doc.Text)))
	if v.OK {
		fmt.Fprintf(w, "--- quality: %s\n", v.Code)
	} else {
		fmt.Fprintf(w, "--- quality: %s: %s\n", v.Code, v.Reason)
	}
	return v, nil
}

func readFileLimited(path string, maxBytes int64) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, maxBytes+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > maxBytes {
		return nil, fmt.Errorf("%w: %s is larger than %d bytes", ErrTooLarge, path, maxBytes)
	}
	return data, nil
}
