package censusgen

import (
	"context"
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"

	"github.com/cdoatlas/cdoatlas"
	"github.com/cdoatlas/cdoatlas/censusio"
	"github.com/cdoatlas/cdoatlas/registryio"
)

// Load generates a census into a temporary directory and imports it into
// store as an editor would: registry.csv with `import registry`, then each
// wave with all its files in one `import observations`. The people it
// creates are flagged fictional. It returns the truth.
func Load(ctx context.Context, store cdoatlas.Store, opts Options) (*Truth, error) {
	dir, err := os.MkdirTemp("", "cdoatlas-census-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	truth, err := Generate(opts, dir)
	if err != nil {
		return nil, err
	}
	f, err := os.Open(filepath.Join(dir, "registry.csv"))
	if err != nil {
		return nil, err
	}
	recs, err := registryio.ReadRegistry(f, "registry.csv")
	f.Close()
	if err != nil {
		return nil, err
	}
	if _, err := store.ImportRegistry(ctx, recs); err != nil {
		return nil, err
	}
	wf, err := os.Open(filepath.Join(dir, "waves.csv"))
	if err != nil {
		return nil, err
	}
	rows, err := csv.NewReader(wf).ReadAll()
	wf.Close()
	if err != nil {
		return nil, err
	}
	for i := 1; i < len(rows); { // wave,date,source,file,rows
		imp := cdoatlas.ObservationImport{Wave: cdoatlas.Wave{ID: rows[i][0], Date: cdoatlas.PartialDate(rows[i][1])}, Fictional: true}
		for ; i < len(rows) && rows[i][0] == imp.Wave.ID; i++ {
			file, err := os.Open(filepath.Join(dir, rows[i][3]))
			if err != nil {
				return nil, err
			}
			obs, _, err := censusio.Read(ctx, file, rows[i][3])
			file.Close()
			if err != nil {
				return nil, fmt.Errorf("%s: %w", rows[i][3], err)
			}
			for j := range obs {
				obs[j].Source = rows[i][2]
			}
			imp.Rows = append(imp.Rows, obs...)
		}
		if _, err := store.ImportObservations(ctx, imp); err != nil {
			return nil, err
		}
	}
	return truth, nil
}
