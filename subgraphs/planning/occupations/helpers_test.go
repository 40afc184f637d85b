package occupations

import (
	"encoding/json"
	"os"
	"testing"
)

// fixtureSources is the manifest of the testdata extracts.
func fixtureSources(t *testing.T) ([]Source, error) {
	t.Helper()
	js, err := os.ReadFile("testdata/sources.json")
	if err != nil {
		t.Fatal(err)
	}
	var s []Source
	if err := json.Unmarshal(js, &s); err != nil {
		t.Fatal(err)
	}
	return s, nil
}
