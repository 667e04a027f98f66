package web

import (
	"net/http"
	"net/url"
	"slices"
	"strconv"

	"github.com/cdoatlas/cdoatlas"
	"github.com/cdoatlas/cdoatlas/gazetteer"
	"github.com/cdoatlas/cdoatlas/outreach"
)

// Outreach beyond the registry: the municipalities and counties of the
// gazetteer with no known digital lead (package outreach decides which),
// filterable by country, region, kind and size class, a page at a time or
// as a download (?format=csv, csv-de or xlsx) of all of them.

// outreachPlacesPerPage is the number of places on a page.
const outreachPlacesPerPage = 50

// outreachSizeClasses are the size classes of places.
var outreachSizeClasses = []string{"GK1", "GK2", "GK3", "GK4", "GK5", "GK6", "GK7", "KGK1", "KGK2", "KGK3"}

// outreachPlaceColumns are the download's columns, named as the fields
// of organizations.
var outreachPlaceColumns = []string{"official_code", "name", "kind", "country", "region", "population", "population_date", "size_class"}

// outreachPlacesView is the list of places without a known lead.
type outreachPlacesView struct {
	page
	Network     *cdoatlas.Network
	Path        string
	Countries   []option
	Regions     []optgroup
	Kinds       []option
	SizeClasses []option // Selected: checked
	Filtered    bool
	Rows        []outreachPlaceRow
	Pagination  pagination
	Downloads   map[string]string // format → URL
}

// outreachPlaceRow is a place as the page shows it.
type outreachPlaceRow struct {
	Name, Kind, Region, Code, Population, PopulationDate, SizeClass, SizeClassLabel string
}

// outreachFilter reads the filter from the query; values that are no
// country, region, kind or size class do not filter.
func outreachFilter(q url.Values) outreach.Filter {
	var f outreach.Filter
	if c := q.Get("country"); slices.Contains(countryCodes(), c) {
		f.Country = c
	}
	if r := cdoatlas.FindRegion(q.Get("region")); r != nil {
		f.Region = r.Code
	}
	if k := q.Get("kind"); k == cdoatlas.KindMunicipality || k == cdoatlas.KindCounty {
		f.Kind = k
	}
	for _, c := range q["size_class"] {
		if slices.Contains(outreachSizeClasses, c) && !slices.Contains(f.SizeClasses, c) {
			f.SizeClasses = append(f.SizeClasses, c)
		}
	}
	return f
}

func (s *site) handleOutreachPlaces(w http.ResponseWriter, r *http.Request) {
	n, ok := s.coordinatedNetwork(w, r)
	if !ok {
		return
	}
	ctx := r.Context()
	q := r.URL.Query()
	f := outreachFilter(q)
	held, err := s.Store.FindHeldPosts(ctx)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	places := outreach.Uncovered(gazetteer.All(), outreach.CoveredPlaces(held), f)
	lang := langFrom(r)
	if format := q.Get("format"); format != "" {
		if _, ok := downloadFormats[format]; !ok {
			s.renderError(w, r, http.StatusBadRequest)
			return
		}
		rows := make([][]string, len(places))
		for i, p := range places {
			rows[i] = []string{p.Code, p.Name, p.Kind, p.Country, p.Region, optPopulation(p), p.PopulationDate, p.SizeClass()}
		}
		s.writeTable(w, r, "places-without-lead", format, outreachPlaceColumns, rows, "official_code")
		return
	}

	path := r.URL.Path
	v := &outreachPlacesView{page: s.newPageFor(w, r, "outreach.places.title", n.Name), Network: n, Path: path}
	v.Nav = "networks"
	v.Filtered = f.Country != "" || f.Region != "" || f.Kind != "" || len(f.SizeClasses) > 0
	v.Countries = selectOptions(countryOptions(lang, "filter.all"), f.Country)
	v.Regions = regionGroups(lang)
	for g := range v.Regions {
		v.Regions[g].Options = selectOptions(v.Regions[g].Options, f.Region)
	}
	v.Kinds = selectOptions([]option{{Value: "", Label: tr(lang, "filter.all")},
		{Value: cdoatlas.KindMunicipality, Label: tr(lang, "kind.municipality")},
		{Value: cdoatlas.KindCounty, Label: tr(lang, "kind.county")}}, f.Kind)
	for _, c := range outreachSizeClasses {
		v.SizeClasses = append(v.SizeClasses, option{Value: c, Label: cdoatlas.SizeClassLabel(lang, c), Selected: slices.Contains(f.SizeClasses, c)})
	}
	pageNo := pageParam(q)
	v.Pagination = newPaginationPer(lang, path, q, pageNo, len(places), outreachPlacesPerPage)
	if redirectPastLast(w, r, v.Pagination) {
		return
	}
	from := min((pageNo-1)*outreachPlacesPerPage, len(places))
	for _, p := range places[from:min(from+outreachPlacesPerPage, len(places))] {
		row := outreachPlaceRow{Name: p.Name, Kind: tr(lang, "kind."+p.Kind), Region: cdoatlas.RegionNameIn(lang, p.Region), Code: p.Code,
			SizeClass: p.SizeClass()}
		if p.Population > 0 {
			row.Population = formatInt(lang, p.Population)
		}
		if p.PopulationDate != "" {
			row.PopulationDate = formatDate(lang, cdoatlas.PartialDate(p.PopulationDate))
		}
		row.SizeClassLabel = cdoatlas.SizeClassLabel(lang, row.SizeClass)
		v.Rows = append(v.Rows, row)
	}
	v.Downloads = map[string]string{}
	for format := range downloadFormats {
		dq := url.Values{}
		for k, vs := range q {
			if k != "page" && k != "lang" {
				dq[k] = vs
			}
		}
		dq.Set("format", format)
		v.Downloads[format] = (&url.URL{Path: path, RawQuery: dq.Encode()}).String()
	}
	s.render(w, r, http.StatusOK, "outreach_places", v)
}

// optPopulation is a place's population for a file: "" when unknown.
func optPopulation(p gazetteer.Place) string {
	if p.Population <= 0 {
		return ""
	}
	return strconv.FormatInt(p.Population, 10)
}
