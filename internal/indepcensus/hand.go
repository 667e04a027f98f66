package indepcensus

import (
	"embed"
	"encoding/json"
	"fmt"
)

// The hand-written cases: six small files over three waves, written one hard case after
// the other (see hand/README.md), with the truth computed by hand. identities.csv and
// orgs.csv hold the ground truth; they are never written to the output directory.
//
//go:embed hand/*.csv hand/truth.json
var handFS embed.FS

// HandWritten writes the hand-written observation files, truth.json and waves.csv into dir.
func HandWritten(dir string) (*Truth, error) {
	raw, err := handFS.ReadFile("hand/truth.json")
	if err != nil {
		return nil, err
	}
	var t Truth
	if err := json.Unmarshal(raw, &t); err != nil {
		return nil, fmt.Errorf("hand/truth.json: %w", err)
	}
	for _, f := range t.Files {
		data, err := handFS.ReadFile("hand/" + f.Path)
		if err != nil {
			return nil, err
		}
		if err := writeFile(dir, f.Path, data); err != nil {
			return nil, err
		}
	}
	if err := writeTruth(dir, &t); err != nil {
		return nil, err
	}
	return &t, nil
}
