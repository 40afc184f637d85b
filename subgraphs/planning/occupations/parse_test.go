package occupations

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestReadSheetRejectsBrokenWorkbooks(t *testing.T) {
	dir := t.TempDir()
	notZip := filepath.Join(dir, "not.xlsx")
	if err := os.WriteFile(notZip, []byte("plain text"), 0o644); err != nil {
		t.Fatal(err)
	}
	good := filepath.Join(dir, "good.xlsx")
	if err := writeXLSX(good, "Data", [][]string{{"a", "b"}, {"1", "", "3"}}); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, file, sheet, want string
	}{
		{"not a workbook", notZip, "", "opening workbook"},
		{"no such sheet", good, "Other", `no sheet named "Other"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := readSheet(tt.file, tt.sheet)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("error %v, want %q", err, tt.want)
			}
		})
	}
	t.Run("sparse cells keep their columns", func(t *testing.T) {
		rows, err := readSheet(good, "Data")
		if err != nil {
			t.Fatal(err)
		}
		if len(rows) != 2 || len(rows[1]) != 3 || rows[1][0] != "1" || rows[1][1] != "" || rows[1][2] != "3" {
			t.Fatalf("rows %q", rows)
		}
	})
}

func TestRowValuesChecksCells(t *testing.T) {
	tests := []struct {
		name  string
		cells []xlsxCell
		want  string
	}{
		{"shared string out of range", []xlsxCell{{Ref: "A1", Type: "s", V: "7"}}, "bad shared string index"},
		{"column beyond the limit", []xlsxCell{{Ref: "ZZZ1", V: "1"}}, "beyond column"},
		{"bad reference", []xlsxCell{{Ref: "11", V: "1"}}, "bad cell reference"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := rowValues(tt.cells, []string{"x"})
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("error %v, want %q", err, tt.want)
			}
		})
	}
}

func oewsTable(t *testing.T, rows ...[]string) *table {
	t.Helper()
	head := []string{"AREA_TYPE", "NAICS", "OCC_CODE", "OCC_TITLE", "O_GROUP", "TOT_EMP", "A_MEAN", "A_PCT10", "A_PCT25", "A_MEDIAN", "A_PCT75", "A_PCT90"}
	tb, err := newTable("oews", append([][]string{head}, rows...), head...)
	if err != nil {
		t.Fatal(err)
	}
	return tb
}

func TestReadOEWSMarks(t *testing.T) {
	t.Run("top-coded and unpublished wages", func(t *testing.T) {
		m := map[string]*Market{}
		tb := oewsTable(t, []string{"1", "000000", "29-1211", "Anesthesiologists", "detailed", "31130", "#", "*", "#", "#", "#", "#"})
		if err := readOEWS(tb, "bls.oews", m); err != nil {
			t.Fatal(err)
		}
		w := m["29-1211"].Wages
		if w.P10 != nil || *w.P50 != oewsTopCode || *w.Employment != 31130 {
			t.Fatalf("%+v", w)
		}
		if got := strings.Join(w.TopCoded, ","); got != "mean,p25,p50,p75,p90" {
			t.Errorf("top-coded %q", got)
		}
	})
	tests := []struct {
		name string
		row  []string
		want string
	}{
		{"a state file", []string{"2", "000000", "29-1141", "RN", "detailed", "1", "1", "1", "1", "1", "1", "1"}, "not a national cross-industry row"},
		{"bad code", []string{"1", "000000", "29-11410", "RN", "detailed", "1", "1", "1", "1", "1", "1", "1"}, "bad SOC code"},
		{"bad number", []string{"1", "000000", "29-1141", "RN", "detailed", "1", "1", "lots", "1", "1", "1", "1"}, "A_PCT10: bad number"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := readOEWS(oewsTable(t, tt.row), "bls.oews", map[string]*Market{})
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("error %v, want %q", err, tt.want)
			}
		})
	}
}

func TestONetFilesMustAgree(t *testing.T) {
	occ := map[string]*Occupation{"29-1141.00": {Code: "29-1141.00", Title: "Registered Nurses"}}
	head := []string{onetCol, "Job Zone"}
	tb, err := newTable("Job Zones.xlsx", [][]string{head, {"29-1141.05", "4"}}, head...)
	if err != nil {
		t.Fatal(err)
	}
	if err := addJobZones(occ, tb); err == nil || !strings.Contains(err.Error(), "not in Occupation Data") {
		t.Fatalf("error %v", err)
	}
	if _, err := newTable("Skills.xlsx", [][]string{{onetCol, "Scale"}}, onetCol, "Scale ID"); err == nil || !strings.Contains(err.Error(), "no header row") {
		t.Fatalf("a file without the expected columns was accepted: %v", err)
	}
}

func TestMarketSOC(t *testing.T) {
	m := map[string]*Market{"15-1252": {}, "13-1020": {}}
	tests := []struct{ code, want string }{
		{"15-1252.00", "15-1252"},
		{"13-1023.00", "13-1020"},
		{"55-1011.00", ""},
	}
	for _, tt := range tests {
		t.Run(tt.code, func(t *testing.T) {
			if got := marketSOC(m, tt.code); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

// TestShippedDataset checks the committed dataset; with OCCUPATIONS_RAW
// set it also rebuilds it from the raw files and requires identical bytes,
// so the committed file cannot drift from the recorded releases.
func TestShippedDataset(t *testing.T) {
	ds, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	st := Summarise(ds)
	if st.Occupations < 900 || st.WithSkills < 850 || st.AltTitles < 50000 || st.WithWages < 900 || st.WithProjection < 900 {
		t.Errorf("shipped dataset is thin: %+v", st)
	}
	if raw := os.Getenv("OCCUPATIONS_RAW"); raw != "" {
		src, err := Sources()
		if err != nil {
			t.Fatal(err)
		}
		built, err := Build(context.Background(), raw, src)
		if err != nil {
			t.Fatal(err)
		}
		b, err := Encode(built)
		if err != nil {
			t.Fatal(err)
		}
		if string(b) != string(embedded) {
			t.Fatalf("%s is stale: run `coach data build --raw %s`", DataFile, raw)
		}
	}
}
