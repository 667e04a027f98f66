package web

import (
	"context"
	"github.com/cdoatlas/cdoatlas/locale"
	"html/template"
	"net/http"
	"sort"
	"strconv"
	"strings"

	"github.com/cdoatlas/cdoatlas"
	"github.com/cdoatlas/cdoatlas/census"
	"github.com/cdoatlas/cdoatlas/chart"
	"github.com/cdoatlas/cdoatlas/disclosure"
)

// The public statistics: the census figures of a wave compared with
// another, as charts that each carry their data table, with disclosure
// control on every count. The same content makes the static report
// (WriteReport).

func (s *site) registerStatisticsRoutes() {
	s.get("/statistics", s.cached(s.handleStatistics))
}

// statisticsView is the page: the wave picker and the figures.
type statisticsView struct {
	page
	Waves []*cdoatlas.Wave
	statisticsContent
}

// statisticsContent is what the page and the report show of a wave.
type statisticsContent struct {
	Empty     bool
	Wave      string // the wave shown
	WaveDate  string
	Compare   string // the wave compared with, or ""
	Key       []keyFigure
	Trend     template.HTML
	Map       template.HTML
	Density   []densityRow
	Charts    []template.HTML
	Legend    string
	K         int
	RefSource string
	// Downloads of all published figures, on the web page (the report
	// links its own files).
	Downloads *statisticsDownloads
}

// statisticsDownloads are the links to the published figures.
type statisticsDownloads struct{ CSV, CSVDE, XLSX string }

// statisticsData is what the statistics_body template draws.
type statisticsData struct {
	P *page
	C statisticsContent
}

// keyFigure is one headline figure of the wave and, when there is one,
// of the wave compared with.
type keyFigure struct {
	Label, Value, Compare string
}

// densityRow is a region's CDOs and density.
type densityRow struct {
	Region, CDOs, Per100, PerMillion string
}

// DisclosureK is the threshold of disclosure control on public pages.
func (s *Server) disclosureK() int {
	if s.DisclosureK > 0 {
		return s.DisclosureK
	}
	return disclosure.DefaultK
}

func (s *site) handleStatistics(w http.ResponseWriter, r *http.Request) {
	v := &statisticsView{page: s.newPage(w, r, "stats.title", "")}
	v.Nav = "statistics"
	pub, waves, err := s.publicFigures(r.Context())
	if err != nil {
		s.fail(w, r, err)
		return
	}
	v.Waves = waves
	q := r.URL.Query()
	if format := q.Get("format"); downloadFormats[format] != "" {
		header, rows := pub.Rows()
		s.writeTable(w, r, "census-figures", format, header, rows, "wave", "key", "value")
		return
	}
	// A wave asked for by name that does not exist is not silently
	// replaced by another.
	for _, name := range []string{q.Get("wave"), q.Get("compare")} {
		if name != "" && name != "none" && !pub.HasWave(name) {
			s.renderErrorText(w, r, http.StatusNotFound, "stats.unknown_wave")
			return
		}
	}
	v.statisticsContent = buildStatistics(v.Lang, pub, waves, q.Get("wave"), q.Get("compare"))
	if !v.Empty {
		v.Downloads = &statisticsDownloads{CSV: "/statistics?format=csv", CSVDE: "/statistics?format=csv-de", XLSX: "/statistics?format=xlsx"}
	}
	s.render(w, r, http.StatusOK, "statistics", v)
}

// publicFigures computes the figures of every wave under disclosure
// control.
func (s *Server) publicFigures(ctx context.Context) (*census.Public, []*cdoatlas.Wave, error) {
	st, waves, err := census.Load(ctx, s.Store)
	if err != nil {
		return nil, nil, err
	}
	pub, err := census.MakePublic(st, s.disclosureK())
	return pub, waves, err
}

// buildStatistics lays out a wave (the latest when wave is unknown) and
// its comparison (the wave before when compare is empty; "none" for
// none).
func buildStatistics(lang string, pub *census.Public, waves []*cdoatlas.Wave, wave, compare string) statisticsContent {
	c := statisticsContent{K: pub.K, Legend: disclosure.Legend(lang, pub.K)}
	if len(pub.Waves) == 0 {
		c.Empty = true
		return c
	}
	wi := len(pub.Waves) - 1
	for i, pw := range pub.Waves {
		if pw.Wave == wave {
			wi = i
		}
	}
	ci := -1
	switch {
	case compare == "none":
	case compare == "":
		ci = wi - 1
	default:
		for i, pw := range pub.Waves {
			if pw.Wave == compare && i != wi {
				ci = i
			}
		}
	}
	cur := pub.Waves[wi]
	c.Wave, c.WaveDate = cur.Wave, formatDate(lang, cdoatlas.PartialDate(cur.Date))
	var cmp *census.PublicWave
	if ci >= 0 {
		cmp = &pub.Waves[ci]
		c.Compare = cmp.Wave
	}
	num := func(n *int) string {
		if n == nil {
			return disclosure.Symbol
		}
		return formatInt(lang, int64(*n))
	}
	for _, f := range []struct {
		key string
		get func(w *census.PublicWave) *int
	}{
		{"stats.cdos", func(w *census.PublicWave) *int { return w.CDOs }},
		{"stats.entries", func(w *census.PublicWave) *int { return w.Entries }},
		{"stats.exits", func(w *census.PublicWave) *int { return w.Exits }},
		{"stats.stayed", func(w *census.PublicWave) *int { return w.Stayed }},
		{"stats.moved", func(w *census.PublicWave) *int { return w.Moved }},
	} {
		k := keyFigure{Label: tr(lang, f.key), Value: num(f.get(&cur))}
		if cmp != nil {
			k.Compare = num(f.get(cmp))
		}
		c.Key = append(c.Key, k)
	}
	value := func(n *int) chart.Value {
		if n == nil {
			return chart.Suppressed()
		}
		return chart.Count(*n)
	}
	text := func(id, title string) chart.Text {
		return chart.Text{ID: id, Title: title, Lang: lang, Footnote: c.Legend, Format: func(n int) string { return formatInt(lang, int64(n)) }}
	}
	// Over all waves.
	trend := chart.TimeSeries{Text: text("chart-trend", tr(lang, "stats.trend"))}
	trend.RowHeader = tr(lang, "stats.wave")
	series := []chart.Series{{Name: tr(lang, "stats.cdos")}, {Name: tr(lang, "stats.entries")}, {Name: tr(lang, "stats.exits")}}
	for _, pw := range pub.Waves {
		trend.Waves = append(trend.Waves, pw.Wave)
		series[0].Values = append(series[0].Values, value(pw.CDOs))
		series[1].Values = append(series[1].Values, value(pw.Entries))
		series[2].Values = append(series[2].Values, value(pw.Exits))
	}
	trend.Series = series
	c.Trend = trend.HTML()
	// The map of the wave.
	m := chart.Map{Text: text("chart-map", tr(lang, "stats.map", cur.Wave)), Values: map[string]chart.Value{},
		Measure: tr(lang, "stats.cdos"), Name: func(code string) string { return cdoatlas.RegionNameIn(lang, code) }}
	m.RowHeader = tr(lang, "field.region")
	for _, d := range cur.Density {
		m.Values[d.Region] = value(d.CDOs)
		row := densityRow{Region: cdoatlas.RegionNameIn(lang, d.Region), CDOs: num(d.CDOs), Per100: disclosure.Symbol, PerMillion: disclosure.Symbol}
		if d.Per100Municipalities != nil {
			row.Per100 = strconv.FormatFloat(*d.Per100Municipalities, 'f', 2, 64)
		}
		if d.PerMillion != nil {
			row.PerMillion = strconv.FormatFloat(*d.PerMillion, 'f', 1, 64)
		}
		if lang != "en" {
			row.Per100, row.PerMillion = decimalComma(row.Per100), decimalComma(row.PerMillion)
		}
		c.Density = append(c.Density, row)
		c.RefSource = d.Source
	}
	c.Map = m.HTML()
	// The breakdowns, the wave beside its comparison.
	for _, b := range statBreakdowns {
		cells := cur.Breakdowns[b.name]
		if b.name == "by_role" {
			cells = cur.ByRole
		}
		var other map[string]*int
		if cmp != nil {
			other = cmp.Breakdowns[b.name]
			if b.name == "by_role" {
				other = cmp.ByRole
			}
		}
		keys := breakdownKeys(cells, other)
		if len(keys) == 0 {
			continue
		}
		if len(keys) == 1 && keys[0] == census.None {
			// Nothing is known of this breakdown: say so rather than
			// draw one bar "nicht bekannt".
			c.Charts = append(c.Charts, template.HTML(`<figure class="chart chart--missing"><figcaption>`+
				template.HTMLEscapeString(tr(lang, b.title))+`</figcaption><p>`+template.HTMLEscapeString(tr(lang, "stats.no_data"))+"</p></figure>\n"))
			continue
		}
		bars := chart.Bars{Text: text("chart-"+b.name, tr(lang, b.title)), Series: []string{cur.Wave}}
		bars.RowHeader = tr(lang, b.header)
		if cmp != nil {
			bars.Series = append(bars.Series, cmp.Wave)
		}
		for _, k := range keys {
			row := chart.Row{Label: statLabel(lang, b.name, k), Values: []chart.Value{cellValue(cells, k)}}
			if cmp != nil {
				row.Values = append(row.Values, cellValue(other, k))
			}
			bars.Rows = append(bars.Rows, row)
		}
		c.Charts = append(c.Charts, bars.HTML())
	}
	return c
}

// statBreakdowns are the breakdowns the statistics show, in order.
var statBreakdowns = []struct{ name, title, header string }{
	{"by_country", "stats.by_country", "field.country"},
	{"by_size_class", "stats.by_size_class", "field.size_class"},
	{"by_kind", "stats.by_kind", "field.kind"},
	{"by_public", "stats.by_public", "stats.sector_group"},
	{"by_gender", "stats.by_gender", "field.gender"},
	{"by_age_band", "stats.by_age_band", "stats.age_band"},
	{"by_archetype", "stats.by_archetype", "field.archetype"},
	{"by_placement", "stats.by_placement", "field.placement"},
	{"by_hire", "stats.by_hire", "stats.hire"},
	{"by_role", "stats.by_role", "field.role"},
}

// breakdownKeys lists the keys of a breakdown in either wave, in a stable
// order: known values by name, "unknown" last.
func breakdownKeys(a, b map[string]*int) []string {
	seen := map[string]bool{}
	var keys []string
	for _, m := range []map[string]*int{a, b} {
		for k := range m {
			if !seen[k] {
				seen[k] = true
				keys = append(keys, k)
			}
		}
	}
	sort.Slice(keys, func(i, j int) bool {
		if (keys[i] == census.None) != (keys[j] == census.None) {
			return keys[j] == census.None
		}
		return keys[i] < keys[j]
	})
	return keys
}

func cellValue(m map[string]*int, k string) chart.Value {
	n, ok := m[k]
	switch {
	case !ok:
		return chart.Count(0)
	case n == nil:
		return chart.Suppressed()
	}
	return chart.Count(*n)
}

// statLabel names a breakdown key in lang.
func statLabel(lang, breakdown, key string) string {
	if key == census.None {
		return tr(lang, "stats.unknown")
	}
	switch breakdown {
	case "by_country":
		return cdoatlas.CountryName(lang, key)
	case "by_region":
		return cdoatlas.RegionNameIn(lang, key)
	case "by_size_class":
		// "GK1 (über 400 000 Einw.)" names its code already; company
		// classes do not.
		l := cdoatlas.SizeClassLabel(lang, key)
		if strings.HasPrefix(l, key) {
			return l
		}
		return key + " – " + l
	case "by_sector":
		return key
	}
	group := map[string]string{"by_kind": "kind", "by_public": "public", "by_gender": "gender", "by_age_band": "age_band",
		"by_archetype": "archetype", "by_placement": "placement", "by_hire": "hire", "by_role": "role"}[breakdown]
	if locale.Has(group + "." + key) {
		return tr(lang, group+"."+key)
	}
	return key
}

// decimalComma writes a decimal point as a comma (German).
func decimalComma(s string) string {
	b := []byte(s)
	for i, c := range b {
		if c == '.' && len(b) > 1 {
			b[i] = ','
		}
	}
	return string(b)
}
