package occupations

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// table is a sheet read by column name, so the build checks the release's
// headers instead of trusting column positions.
type table struct {
	file string
	cols map[string]int
	rows [][]string // data rows, header excluded
	line int        // sheet row number of the header (1-based)
}

// newTable finds the header row (the first row holding every wanted
// column, within the first few rows: BLS tables open with a title row).
func newTable(file string, rows [][]string, want ...string) (*table, error) {
	for h := 0; h < len(rows) && h < 5; h++ {
		cols := make(map[string]int, len(rows[h]))
		for i, name := range rows[h] {
			cols[strings.TrimSpace(name)] = i
		}
		missing := ""
		for _, w := range want {
			if _, ok := cols[w]; !ok {
				missing = w
				break
			}
		}
		if missing == "" {
			return &table{file: file, cols: cols, rows: rows[h+1:], line: h + 1}, nil
		}
	}
	return nil, fmt.Errorf("%s: no header row with the columns %q (a different release or file?)", file, want)
}

func (t *table) get(row []string, col string) string {
	i := t.cols[col]
	if i >= len(row) {
		return ""
	}
	return strings.TrimSpace(row[i])
}

// where names a data row in errors.
func (t *table) where(i int) string {
	return fmt.Sprintf("%s row %d", t.file, t.line+1+i)
}

// decimal parses a published decimal; spreadsheets store "4.12" as
// 4.1200000000000001, so values are rounded to the 2 places O*NET and
// BLS publish.
func decimal(s string) (float64, error) {
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsNaN(f) || math.IsInf(f, 0) {
		return 0, fmt.Errorf("bad number %q", s)
	}
	return math.Round(f*100) / 100, nil
}

// whole parses a count or a wage in dollars, rounding spreadsheet noise.
func whole(s string) (int, error) {
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsNaN(f) || math.IsInf(f, 0) || math.Abs(f) > 1e12 {
		return 0, fmt.Errorf("bad number %q", s)
	}
	return int(math.Round(f)), nil
}

// soc6 turns an O*NET-SOC code (15-1252.00) into its SOC code (15-1252).
func soc6(code string) string {
	if len(code) >= 7 {
		return code[:7]
	}
	return code
}

// broadSOC is the broad group of a detailed SOC code: 15-1252 → 15-1250.
func broadSOC(soc string) string {
	if len(soc) != 7 {
		return soc
	}
	return soc[:6] + "0"
}

// validONetCode accepts NN-NNNN.NN.
func validONetCode(c string) bool {
	if len(c) != 10 || c[2] != '-' || c[7] != '.' {
		return false
	}
	for i, r := range c {
		if i == 2 || i == 7 {
			continue
		}
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// validSOC accepts NN-NNNN.
func validSOC(c string) bool {
	return len(c) == 7 && validONetCode(c+".00")
}
