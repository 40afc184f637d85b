package load

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"time"
)

// Table writes rows under header, aligned in columns for a terminal or as
// a Markdown table.
func Table(w io.Writer, markdown bool, header []string, rows [][]string) error {
	if markdown {
		var b strings.Builder
		line := func(cells []string) { b.WriteString("| " + strings.Join(cells, " | ") + " |\n") }
		line(header)
		sep := make([]string, len(header))
		for i := range sep {
			sep[i] = "---"
		}
		line(sep)
		for _, r := range rows {
			line(r)
		}
		_, err := io.WriteString(w, b.String())
		return err
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	for _, r := range append([][]string{header}, rows...) {
		fmt.Fprint(tw, strings.Join(r, "\t")+"\t\n")
	}
	return tw.Flush()
}

// Ms formats a latency in milliseconds with a precision that suits it.
func Ms(d time.Duration) string {
	ms := float64(d) / float64(time.Millisecond)
	switch {
	case ms < 10:
		return fmt.Sprintf("%.2f", ms)
	case ms < 100:
		return fmt.Sprintf("%.1f", ms)
	default:
		return fmt.Sprintf("%.0f", ms)
	}
}

// MiB formats KiB as MiB with one decimal.
func MiB(kib int64) string { return fmt.Sprintf("%.1f", float64(kib)/1024) }

// Percent formats a fraction as a percentage.
func Percent(f float64) string {
	if f == 0 {
		return "0"
	}
	if f < 0.001 {
		return "<0.1"
	}
	return fmt.Sprintf("%.1f", f*100)
}
