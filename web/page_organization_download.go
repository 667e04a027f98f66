package web

import (
	"bytes"
	"net/http"
	"strconv"
	"strings"

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

// handleOrganizationDownload writes all organizations matching f.
func (s *site) handleOrganizationDownload(w http.ResponseWriter, r *http.Request, f cdoatlas.OrganizationFilter, format string) {
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
	s.writeTable(w, r, "organizations", format, downloadColumns, rows, "official_code")
}

// writeTable sends a table as a download named name.csv or name.xlsx in
// format (a key of downloadFormats); textColumns stay text in XLSX.
func (s *site) writeTable(w http.ResponseWriter, r *http.Request, name, format string, header []string, rows [][]string, textColumns ...string) {
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
	if err != nil {
		s.fail(w, r, cdoatlas.Internal(err))
		return
	}
	ext := format
	if format == "csv-de" {
		ext = "csv"
	}
	h := w.Header()
	h.Set("Content-Type", downloadFormats[format])
	h.Set("Content-Disposition", `attachment; filename="`+name+`.`+ext+`"`)
	h.Set("Cache-Control", "no-store")
	w.Write(buf.Bytes())
}

func optInt(n *int64) string {
	if n == nil {
		return ""
	}
	return strconv.FormatInt(*n, 10)
}
