package web

import (
	"bytes"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/cdoatlas/cdoatlas"
	"github.com/cdoatlas/cdoatlas/tabular"
)

// The organization list can be downloaded with its search and filters as
// CSV (RFC 4180, UTF-8), as "Excel (DE)" CSV (semicolon, UTF-8 BOM) and as
// XLSX: ?format=csv, csv-de or xlsx. Organizations are public facts.

var downloadColumns = []string{"name", "other_names", "kind", "country", "region", "official_code",
	"population", "population_date", "size_class", "employees", "sector"}

// downloadFormats are the formats offered, with their file type.
var downloadFormats = map[string]string{
	"csv":    "text/csv; charset=utf-8",
	"csv-de": "text/csv; charset=utf-8",
	"xlsx":   "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}

// handleOrganizationDownload writes all organizations matching f. A
// download of many organizations is costly (an XLSX of the full registry
// takes seconds and hundreds of MiB), so the files are made one at a time
// per two cores (downloadGate) and kept per registry version
// (downloadCache): parallel requests for the same file wait for one
// another and then share it, instead of each making its own.
func (s *site) handleOrganizationDownload(w http.ResponseWriter, r *http.Request, f cdoatlas.OrganizationFilter, format string) {
	version, versioned := s.registryVersion(r)
	key := format + " " + filterKey(f)
	if versioned {
		if file, ok := s.downloads.get(key, version); ok {
			s.sendDownload(w, "organizations", format, file)
			return
		}
	}
	if !s.downloadGate.enter(r.Context()) {
		if r.Context().Err() == nil {
			w.Header().Set("Retry-After", "10")
			s.renderErrorText(w, r, http.StatusServiceUnavailable, "download.busy")
		}
		return
	}
	defer s.downloadGate.leave()
	if versioned {
		// Made meanwhile by the request that held the gate?
		if file, ok := s.downloads.get(key, version); ok {
			s.sendDownload(w, "organizations", format, file)
			return
		}
	}
	f.Offset, f.Limit = 0, 0
	orgs, _, err := s.Store.FindOrganizations(r.Context(), f)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	rows := make([][]string, len(orgs))
	for i, o := range orgs {
		rows[i] = []string{o.Name, strings.Join(o.OtherNames, "|"), o.Kind, o.Country, o.Region, o.OfficialCode,
			optInt(o.Population), o.PopulationDate, o.SizeClass, optInt(o.Employees), o.Sector}
	}
	file, err := makeTable("organizations", format, downloadColumns, rows, "official_code")
	if err != nil {
		s.fail(w, r, cdoatlas.Internal(err))
		return
	}
	if versioned {
		s.downloads.put(key, version, file)
	}
	s.sendDownload(w, "organizations", format, file)
}

// filterKey is the part of a download's address that decides its content
// and its order.
func filterKey(f cdoatlas.OrganizationFilter) string {
	return strings.Join([]string{f.Q, f.Country, f.Region, f.Kind, f.SizeClass, f.Role,
		strconv.FormatBool(f.HasCDO), f.Sort, strconv.FormatBool(f.Desc)}, "\x00")
}

// registryVersion returns the registry's version when the store tells it.
func (s *site) registryVersion(r *http.Request) (int64, bool) {
	vs, ok := s.Store.(registryVersioner)
	if !ok {
		return 0, false
	}
	v, err := vs.RegistryVersion(r.Context())
	if err != nil {
		s.logError(r, err)
		return 0, false
	}
	return v, true
}

// downloadWait is how long a download waits for its turn before it is
// refused with 503 and Retry-After.
const downloadWait = 20 * time.Second

// downloadCache keeps the last downloads made, for one registry version:
// at most downloadCacheBytes, the oldest dropped first.
type downloadCache struct {
	mu      sync.Mutex
	version int64
	keys    []string // oldest first
	files   map[string][]byte
	bytes   int
}

const downloadCacheBytes = 64 << 20

func (c *downloadCache) get(key string, version int64) ([]byte, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if version != c.version {
		return nil, false
	}
	f, ok := c.files[key]
	return f, ok
}

func (c *downloadCache) put(key string, version int64, file []byte) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if version < c.version || len(file) > downloadCacheBytes {
		return
	}
	if version > c.version || c.files == nil {
		c.version, c.keys, c.files, c.bytes = version, nil, map[string][]byte{}, 0
	}
	if _, ok := c.files[key]; ok {
		return
	}
	for c.bytes+len(file) > downloadCacheBytes && len(c.keys) > 0 {
		old := c.keys[0]
		c.keys = c.keys[1:]
		c.bytes -= len(c.files[old])
		delete(c.files, old)
	}
	c.keys = append(c.keys, key)
	c.files[key] = file
	c.bytes += len(file)
}

// writeTable sends a table as a download named name.csv or name.xlsx in
// format (a key of downloadFormats); textColumns stay text in XLSX.
func (s *site) writeTable(w http.ResponseWriter, r *http.Request, name, format string, header []string, rows [][]string, textColumns ...string) {
	file, err := makeTable(name, format, header, rows, textColumns...)
	if err != nil {
		s.fail(w, r, cdoatlas.Internal(err))
		return
	}
	s.sendDownload(w, name, format, file)
}

// makeTable writes a table in format.
func makeTable(name, format string, header []string, rows [][]string, textColumns ...string) ([]byte, error) {
	var buf bytes.Buffer
	var err error
	switch format {
	case "xlsx":
		err = tabular.WriteXLSX(&buf, name, header, rows, textColumns...)
	case "csv-de":
		err = tabular.WriteCSV(&buf, header, rows, tabular.ExcelDE)
	default:
		err = tabular.WriteCSV(&buf, header, rows, tabular.RFC4180)
	}
	return buf.Bytes(), err
}

// sendDownload sends a file made by makeTable as name.csv or name.xlsx.
func (s *site) sendDownload(w http.ResponseWriter, name, format string, file []byte) {
	ext := format
	if format == "csv-de" {
		ext = "csv"
	}
	h := w.Header()
	h.Set("Content-Type", downloadFormats[format])
	h.Set("Content-Disposition", `attachment; filename="`+name+`.`+ext+`"`)
	h.Set("Cache-Control", "no-store")
	h.Set("Content-Length", strconv.Itoa(len(file)))
	w.Write(file)
}

func optInt(n *int64) string {
	if n == nil {
		return ""
	}
	return strconv.FormatInt(*n, 10)
}
