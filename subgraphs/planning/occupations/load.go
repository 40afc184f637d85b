package occupations

import (
	"bytes"
	"compress/gzip"
	_ "embed"
	"encoding/json"
	"fmt"
	"io"
)

// DataFile is the generated dataset, relative to this package; `coach data
// build` writes it.
const DataFile = "data/occupations.json.gz"

//go:embed data/occupations.json.gz
var embedded []byte

// maxDecoded bounds the decompressed dataset (it is ~8 MB).
const maxDecoded = 64 << 20

// Load decodes the dataset shipped in the binary.
func Load() (*Dataset, error) {
	return Decode(embedded)
}

// Decode reads a dataset written by Encode and checks its joins.
func Decode(gz []byte) (*Dataset, error) {
	zr, err := gzip.NewReader(bytes.NewReader(gz))
	if err != nil {
		return nil, fmt.Errorf("reading occupations dataset: %w", err)
	}
	js, err := io.ReadAll(io.LimitReader(zr, maxDecoded+1))
	if err != nil {
		return nil, fmt.Errorf("reading occupations dataset: %w", err)
	}
	if len(js) > maxDecoded {
		return nil, fmt.Errorf("occupations dataset is over %d bytes decompressed", maxDecoded)
	}
	var ds Dataset
	if err := json.Unmarshal(js, &ds); err != nil {
		return nil, fmt.Errorf("decoding occupations dataset: %w", err)
	}
	if err := ds.check(); err != nil {
		return nil, fmt.Errorf("occupations dataset: %w", err)
	}
	return &ds, nil
}

// check verifies what consumers rely on: unique codes, every market code
// and related occupation resolves, every figure names a known source.
func (ds *Dataset) check() error {
	keys := map[string]bool{}
	for _, s := range ds.Sources {
		keys[s.Key] = true
	}
	market := map[string]bool{}
	for _, m := range ds.Market {
		if market[m.SOC] {
			return fmt.Errorf("SOC %s listed twice", m.SOC)
		}
		market[m.SOC] = true
		if m.Wages != nil && !keys[m.Wages.Source] {
			return fmt.Errorf("SOC %s: wages name unknown source %q", m.SOC, m.Wages.Source)
		}
		if m.Projection != nil && !keys[m.Projection.Source] {
			return fmt.Errorf("SOC %s: projection names unknown source %q", m.SOC, m.Projection.Source)
		}
	}
	codes := map[string]bool{}
	for _, o := range ds.Occupations {
		if codes[o.Code] {
			return fmt.Errorf("occupation %s listed twice", o.Code)
		}
		codes[o.Code] = true
		if o.MarketSOC != "" && !market[o.MarketSOC] {
			return fmt.Errorf("occupation %s: market SOC %s missing", o.Code, o.MarketSOC)
		}
	}
	for _, o := range ds.Occupations {
		for _, r := range o.Related {
			if !codes[r.Code] {
				return fmt.Errorf("occupation %s: related %s missing", o.Code, r.Code)
			}
		}
	}
	return nil
}
