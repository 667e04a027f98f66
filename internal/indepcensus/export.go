package indepcensus

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"time"
)

// obsRow is one observation as written, with its ground truth kept aside.
type obsRow struct {
	name, title, org, country, region, code, url, gender, birth, observed string
	pid, orgID                                                            string
	cdo                                                                   bool
}

type exporter struct {
	r *rand.Rand
	g *gazetteer
}

// placeCells writes the organization and, as an export would, sometimes its country,
// region and official code. Ambiguous names always come with the region or the code.
func (e *exporter) placeCells(o *org) (orgCell, country, region, code string) {
	r := e.r
	forms := orgForms(o)
	orgCell = forms[0]
	if r.IntN(100) >= 35 {
		orgCell = forms[r.IntN(len(forms))]
	}
	if hasUmlaut(orgCell) && r.IntN(100) < 12 {
		orgCell = translit(orgCell)
	}
	needCountry := false
	if o.Code != "" && (o.Amb == "c" || r.IntN(100) < 15) {
		code = o.Code
		if o.Country == "DE" && o.Kind == kindMunicipality && r.IntN(100) < 40 {
			code = o.ARS
		}
		if len(code) != 8 && len(code) != 12 {
			needCountry = true
		}
	}
	if (o.Amb == "r" && code == "") || r.IntN(100) < 35 {
		region = e.regionCell(o.Region, &needCountry)
	}
	if needCountry || r.IntN(100) < 45 {
		country = pick(r, countryForms[o.Country])
	}
	return
}

func (e *exporter) regionCell(iso string, needCountry *bool) string {
	r := e.r
	forms := regionForms[iso]
	if r.IntN(100) < 20 {
		return iso
	}
	f := forms[r.IntN(len(forms))]
	if strings.HasPrefix(f, "!") {
		*needCountry = true
		return f[1:]
	}
	if hasUmlaut(f) && r.IntN(100) < 15 {
		return translit(f)
	}
	return f
}

func observedOn(r *rand.Rand, date string, german bool) string {
	t, _ := time.Parse("2006-01-02", date)
	t = t.AddDate(0, 0, -r.IntN(45))
	if german {
		return t.Format("02.01.2006")
	}
	return t.Format("2006-01-02")
}

// GenerateExport writes LinkedIn- and XING-style exports for opts.Waves yearly waves and
// returns their truth (also written to truth.json, with waves.csv).
func GenerateExport(opts Options, dir string) (*Truth, error) {
	if err := checkOptions(opts); err != nil {
		return nil, err
	}
	g, err := loadGazetteer()
	if err != nil {
		return nil, err
	}
	r := rand.New(rand.NewPCG(uint64(opts.Seed), 0x6c696e6b6564696e))
	e := &exporter{r: r, g: g}
	pool := g.all
	sim := simulate(r, pool, simParams{
		People: opts.People, Waves: opts.Waves, PExit: 0.10, PMove: 0.06, PDual: 0.015, PCIOSwitch: 0.12,
		PReturn: 0.08, PExRow: 0.3, CIOs: max(1, opts.People/6), CompanyCap: max(3, opts.People/150), PIDPrefix: "p",
	})
	waves, dates := waveIDs(opts.Waves)
	truth := &Truth{Generator: fmt.Sprintf("indepcensus.GenerateExport people=%d waves=%d seed=%d noise=%d", opts.People, opts.Waves, opts.Seed, opts.NoiseRows)}
	counted := make([]countedWave, opts.Waves)

	// noise people: persistent across waves with some churn
	type noiseP struct {
		p     *person
		o     *org
		title string
		src   string
	}
	noiseSeq := 0
	newNoise := func() noiseP {
		for {
			o := pool[r.IntN(len(pool))]
			noiseSeq++
			pe := newPerson(r, fmt.Sprintf("n%06d", noiseSeq), o.Country, sim.xing)
			k := nameKey(pe.First, pe.Last)
			if sim.names[o.ID][k] {
				continue
			}
			if sim.names[o.ID] == nil {
				sim.names[o.ID] = map[string]bool{}
			}
			sim.names[o.ID][k] = true
			t := fillerTitle(r, pe.Gender)
			if r.IntN(2) == 0 {
				t = otherLeaderTitle(r, pe.Gender)
			}
			if r.IntN(100) < 30 {
				pe.LinkedIn, pe.Xing = "", ""
			}
			src := "linkedin"
			if r.IntN(100) < 40 {
				src = "xing"
			}
			return noiseP{pe, o, t, src}
		}
	}
	var noise []noiseP

	for w := range waves {
		rows := map[string][]obsRow{"linkedin": nil, "xing": nil}
		cw := countedWave{}
		emit := func(src string, pe *person, o *org, title, url string, isCDO bool) {
			oc, c, reg, code := e.placeCells(o)
			row := obsRow{name: nameForm(r, pe, ""), title: title, org: oc, country: c, region: reg, code: code, url: url,
				pid: pe.ID, orgID: o.ID, cdo: isCDO}
			if src == "linkedin" {
				if url != "" {
					row.url = linkedinURLForm(r, url)
				}
				if r.IntN(100) < 40 {
					row.gender = genderCell(r, pe.Gender, "en")
				}
				row.observed = observedOn(r, dates[w], false)
			} else {
				if r.IntN(100) < 70 {
					row.gender = genderCell(r, pe.Gender, "de")
				}
				if r.IntN(100) < 20 {
					row.birth = fmt.Sprint(pe.Birth)
				}
				row.observed = observedOn(r, dates[w], true)
			}
			rows[src] = append(rows[src], row)
			if isCDO {
				if cw[pe.ID] == nil {
					cw[pe.ID] = map[string]bool{}
				}
				cw[pe.ID][o.ID] = true
			}
		}
		urlOf := func(pe *person, src string) string {
			if src == "linkedin" {
				return pe.LinkedIn
			}
			return pe.Xing
		}
		other := func(src string) string {
			if src == "linkedin" {
				return "xing"
			}
			return "linkedin"
		}
		for _, id := range sortedPersonIDs(sim.cdo[w]) {
			pe := sim.persons[id]
			stable := sim.stable(id, w)
			for _, o := range sim.cdo[w][id] {
				t := cdoTitle(r, pe.Gender, o.Kind == kindCompany)
				url := urlOf(pe, pe.Primary)
				if stable && r.IntN(100) < 8 {
					url = ""
				}
				emit(pe.Primary, pe, o, t, url, true)
				if sec := other(pe.Primary); urlOf(pe, sec) != "" && r.IntN(100) < 30 {
					emit(sec, pe, o, cdoTitle(r, pe.Gender, o.Kind == kindCompany), urlOf(pe, sec), true)
				}
			}
		}
		for _, id := range sortedPersonIDs(sim.cio[w]) {
			pe := sim.persons[id]
			t := pick(r, []string{"CIO", "Chief Information Officer", "IT-Leiter", "Leiter IT"})
			if pe.Gender == "f" && strings.Contains(t, "Leiter") {
				t = strings.Replace(t, "Leiter", "Leiterin", 1)
			}
			emit(pe.Primary, pe, sim.cio[w][id], t, urlOf(pe, pe.Primary), false)
		}
		for _, id := range sortedPersonIDs(sim.ex[w]) {
			pe := sim.persons[id]
			emit(pe.Primary, pe, sim.ex[w][id], exTitle(r, pe.Gender), urlOf(pe, pe.Primary), false)
		}
		// noise
		if w == 0 {
			for i := 0; i < opts.NoiseRows; i++ {
				noise = append(noise, newNoise())
			}
		} else {
			for i := range noise {
				if r.IntN(100) < 12 {
					noise[i] = newNoise()
				}
			}
		}
		for _, n := range noise {
			emit(n.src, n.p, n.o, n.title, urlOf(n.p, n.src), false)
		}
		counted[w] = cw

		for _, src := range []string{"linkedin", "xing"} {
			rs := rows[src]
			r.Shuffle(len(rs), func(i, j int) { rs[i], rs[j] = rs[j], rs[i] })
			f := exportFile(src, w, rs)
			data, err := f.bytes()
			if err != nil {
				return nil, err
			}
			rel := fmt.Sprintf("%s/%s_%s.csv", waves[w], src, waves[w])
			if err := writeFile(dir, rel, data); err != nil {
				return nil, err
			}
			rt := make([]RowTruth, len(rs))
			for i, row := range rs {
				rt[i] = RowTruth{Person: row.pid, Org: row.orgID, CDO: row.cdo}
			}
			truth.Files = append(truth.Files, WaveFile{Wave: waves[w], Date: dates[w], Source: src, Path: rel, Rows: rt})
		}
	}
	truth.Waves = figures(waves, dates, counted, func(id string) (string, string) {
		o := g.byID[id]
		return o.Country, o.Region
	})
	if err := writeTruth(dir, truth); err != nil {
		return nil, err
	}
	return truth, nil
}

// exportFile lays the rows out the way the platform's export (and the analyst's tooling)
// would: LinkedIn comma-separated with English headers, XING semicolon with German ones.
func exportFile(src string, w int, rows []obsRow) *csvFile {
	f := &csvFile{}
	if src == "linkedin" {
		f.sep = ','
		f.bom = w%2 == 1
		f.header = []string{"person_name", "title", "organization", "country", "region", "official_code", "profile_url", "gender", "observed_on"}
		if w%3 == 2 {
			f.header = []string{"Person_Name", "Title", "Organization", "Country", "Region", "Official_Code", "Profile_URL", "Gender", "Observed_On"}
		}
		for _, r := range rows {
			f.rows = append(f.rows, []string{r.name, r.title, r.org, r.country, r.region, r.code, r.url, r.gender, r.observed})
		}
		return f
	}
	f.sep = ';'
	f.bom = w%2 == 0
	f.crlf = true
	f.header = []string{"Name", "Titel", "Organisation", "Staat", "Bundesland", "AGS", "Profil-URL", "Geschlecht", "Geburtsjahr", "observed_on"}
	if w%2 == 1 {
		f.header = []string{"Name", "Funktion", "Arbeitgeber", "Staat", "Bundesland", "AGS", "Profil-URL", "Geschlecht", "Geburtsjahr", "observed_on"}
	}
	for _, r := range rows {
		f.rows = append(f.rows, []string{r.name, r.title, r.org, r.country, r.region, r.code, r.url, r.gender, r.birth, r.observed})
	}
	return f
}
