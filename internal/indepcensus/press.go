package indepcensus

import (
	"fmt"
	"math/rand/v2"
	"strings"
)

// The press generator writes as a second author would: a press review kept in Excel
// (semicolon, BOM, German headers, CRLF, organizations as newspapers write them, names
// with academic titles, no codes, rarely a profile link) and the self-registrations of a
// survey (Excel "CSV (Trennzeichen-getrennt)", some files Windows-1252, AGS and gender
// written out, birth year). Its own random stream and its own sample of places: larger
// German municipalities, all counties, Austria's statutory cities and a few others,
// Swiss towns, companies.

// press-style region cells: long forms, German exonyms for Romandie and Ticino.
var pressRegionExtra = map[string][]string{
	"CH-VD": {"Kanton Waadt"}, "CH-GE": {"Kanton Genf"}, "CH-NE": {"Kanton Neuenburg"}, "CH-TI": {"Kanton Tessin"},
	"CH-VS": {"Kanton Wallis"}, "CH-FR": {"Kanton Freiburg"}, "CH-JU": {"Kanton Jura"},
}

func pressPool(g *gazetteer) []*org {
	var pool []*org
	atOthers := 0
	for _, o := range g.all {
		switch {
		case o.Amb != "":
			continue // press gives no codes; keep to names a reader knows
		case o.Kind == kindCounty || o.Kind == kindCompany:
			pool = append(pool, o)
		case o.Country == "DE" && o.Pop >= 20000:
			pool = append(pool, o)
		case o.Country == "AT" && (o.City || atOthers < 40):
			if !o.City {
				atOthers++
			}
			pool = append(pool, o)
		case o.Country == "CH" && o.City:
			pool = append(pool, o)
		}
	}
	return pool
}

// pressOrg: how a journalist writes the organization (prefers the administration's full name).
func pressOrg(r *rand.Rand, o *org) string {
	forms := orgForms(o)
	var pref, bare []string
	for _, f := range forms {
		switch {
		case strings.Contains(f, ", "): // Destatis list form: not in the press
		case f == o.Base || (o.Kind == kindCompany && f != forms[0]):
			bare = append(bare, f)
		default:
			pref = append(pref, f)
		}
	}
	if o.Kind == kindMunicipality && o.Country == "DE" && stateCapitals[o.Base] && r.IntN(100) < 50 {
		return "Landeshauptstadt " + o.Base
	}
	if len(pref) > 0 && (len(bare) == 0 || r.IntN(100) < 75) {
		return pref[r.IntN(len(pref))]
	}
	return bare[r.IntN(len(bare))]
}

func pressRegion(r *rand.Rand, iso string) string {
	var forms []string
	for _, f := range regionForms[iso] {
		if !strings.HasPrefix(f, "!") {
			forms = append(forms, f)
		}
	}
	forms = append(forms, pressRegionExtra[iso]...)
	return forms[r.IntN(len(forms))]
}

var pressCountry = map[string]string{"DE": "Deutschland", "AT": "Österreich", "CH": "Schweiz"}

var pressOutlets = []string{"https://www.behoerden-spiegel.de/", "https://www.egovernment.de/", "https://kommunal.de/",
	"https://www.derstandard.at/", "https://www.nzz.ch/", "https://www.kommune21.de/", "https://www.handelsblatt.com/"}

// GeneratePress writes press reviews and self-registrations for opts.Waves waves.
func GeneratePress(opts Options, dir string) (*Truth, error) {
	if err := checkOptions(opts); err != nil {
		return nil, err
	}
	g, err := loadGazetteer()
	if err != nil {
		return nil, err
	}
	r := rand.New(rand.NewPCG(uint64(opts.Seed)*0x9e3779b97f4a7c15+17, 0x7072657373))
	pool := pressPool(g)
	sim := simulate(r, pool, simParams{
		People: opts.People, Waves: opts.Waves, PExit: 0.13, PMove: 0.08, PDual: 0, PCIOSwitch: 0.2,
		PReturn: 0.1, PExRow: 0.5, CIOs: max(1, opts.People/4), CompanyCap: max(2, opts.People/100), PIDPrefix: "q",
	})
	waves, dates := waveIDs(opts.Waves)
	truth := &Truth{Generator: fmt.Sprintf("indepcensus.GeneratePress people=%d waves=%d seed=%d noise=%d", opts.People, opts.Waves, opts.Seed, opts.NoiseRows)}
	counted := make([]countedWave, opts.Waves)

	for w := range waves {
		cw := countedWave{}
		press := &csvFile{sep: ';', bom: true, crlf: true,
			header: []string{"Name", "Funktion", "Arbeitgeber", "Bundesland", "Staat", "Geschlecht", "Anrede", "Quelle", "Datum"}}
		self := &csvFile{sep: ';', crlf: true, bom: w%2 == 1, cp1252: w%2 == 0,
			header: []string{"Name", "Titel", "Organisation", "Bundesland", "Staat", "AGS", "Geschlecht", "Geburtsjahr", "Profil-URL"}}
		if w%3 == 1 {
			self.header[3] = "Kanton"
		}
		var pressTruth, selfTruth []RowTruth
		note := func(pe *person, o *org, cdo bool) {
			if !cdo {
				return
			}
			if cw[pe.ID] == nil {
				cw[pe.ID] = map[string]bool{}
			}
			cw[pe.ID][o.ID] = true
		}
		addPress := func(pe *person, o *org, title string, cdo bool) {
			reg := ""
			if r.IntN(100) < 70 {
				reg = pressRegion(r, o.Region)
			}
			st := ""
			if r.IntN(100) < 80 {
				st = pressCountry[o.Country]
			}
			anrede := map[string]string{"f": "Frau", "m": "Herr"}[pe.Gender]
			gender := ""
			if r.IntN(100) < 60 {
				gender = genderCell(r, pe.Gender, "wm")
			}
			t, _ := timeParse(dates[w])
			day := t.AddDate(0, -r.IntN(11), -r.IntN(28)).Format("02.01.2006")
			name := nameForm(r, pe, "press")
			if r.IntN(100) < 8 && pe.LinkedIn != "" { // rarely the review links the profile instead of the article
				press.rows = append(press.rows, []string{name, title, pressOrg(r, o), reg, st, gender, anrede, pe.LinkedIn, day})
			} else {
				press.rows = append(press.rows, []string{name, title, pressOrg(r, o), reg, st, gender, anrede, pick(r, pressOutlets), day})
			}
			pressTruth = append(pressTruth, RowTruth{Person: pe.ID, Org: o.ID, CDO: cdo})
			note(pe, o, cdo)
		}
		addSelf := func(pe *person, o *org, title string, cdo bool, withURL bool) {
			oc := pressOrg(r, o)
			if r.IntN(100) < 25 {
				forms := orgForms(o)
				oc = forms[r.IntN(len(forms))]
			}
			code := ""
			if o.Code != "" && r.IntN(100) < 45 {
				code = o.Code
			}
			reg := ""
			if r.IntN(100) < 60 {
				reg = pressRegion(r, o.Region)
			}
			st := pressCountry[o.Country]
			if code != "" && o.Country != "DE" {
				st = pick(r, countryForms[o.Country])
			} else if r.IntN(100) < 30 {
				st = ""
			}
			if code != "" && len(code) != 8 && st == "" {
				st = o.Country
			}
			url := ""
			if withURL || r.IntN(100) < 50 {
				url = pe.LinkedIn
				if url == "" {
					url = pe.Xing
				}
			}
			birth := ""
			if r.IntN(100) < 55 {
				birth = fmt.Sprint(pe.Birth)
			}
			self.rows = append(self.rows, []string{nameForm(r, pe, "self"), title, oc, reg, st, code, genderCell(r, pe.Gender, "de"), birth, url})
			selfTruth = append(selfTruth, RowTruth{Person: pe.ID, Org: o.ID, CDO: cdo})
			note(pe, o, cdo)
		}
		for _, id := range sortedPersonIDs(sim.cdo[w]) {
			pe := sim.persons[id]
			stable := sim.stable(id, w)
			for _, o := range sim.cdo[w][id] {
				inPress := r.IntN(100) < 65
				inSelf := !stable || !inPress || r.IntN(100) < 45
				if inPress {
					addPress(pe, o, cdoTitle(r, pe.Gender, o.Kind == kindCompany), true)
				}
				if inSelf {
					addSelf(pe, o, cdoTitle(r, pe.Gender, o.Kind == kindCompany), true, !stable)
				}
			}
		}
		for _, id := range sortedPersonIDs(sim.cio[w]) {
			pe := sim.persons[id]
			o := sim.cio[w][id]
			// the CIO who will switch must be findable: always self-registered with a profile
			addSelf(pe, o, otherLeaderTitle(r, pe.Gender), false, true)
			if r.IntN(100) < 30 {
				addPress(pe, o, otherLeaderTitle(r, pe.Gender), false)
			}
		}
		for _, id := range sortedPersonIDs(sim.ex[w]) {
			pe := sim.persons[id]
			addPress(pe, sim.ex[w][id], exTitle(r, pe.Gender), false)
		}
		for i := 0; i < opts.People/3+opts.NoiseRows; i++ {
			o := pool[r.IntN(len(pool))]
			pe := newPerson(r, fmt.Sprintf("m%06d", i), o.Country, sim.xing)
			k := nameKey(pe.First, pe.Last)
			if sim.names[o.ID][k] {
				continue
			}
			if sim.names[o.ID] == nil {
				sim.names[o.ID] = map[string]bool{}
			}
			sim.names[o.ID][k] = true
			t := otherLeaderTitle(r, pe.Gender)
			if i >= opts.People/3 || r.IntN(3) == 0 {
				t = fillerTitle(r, pe.Gender)
			}
			if r.IntN(2) == 0 {
				addPress(pe, o, t, false)
			} else {
				addSelf(pe, o, t, false, false)
			}
		}
		counted[w] = cw
		for _, f := range []struct {
			file  *csvFile
			truth []RowTruth
			src   string
			name  string
		}{{press, pressTruth, "press", "pressespiegel"}, {self, selfTruth, "self", "selbstauskunft"}} {
			rs, rt := f.file.rows, f.truth
			r.Shuffle(len(rs), func(i, j int) {
				rs[i], rs[j] = rs[j], rs[i]
				rt[i], rt[j] = rt[j], rt[i]
			})
			data, err := f.file.bytes()
			if err != nil {
				return nil, err
			}
			rel := fmt.Sprintf("%s_%s.csv", f.name, waves[w])
			if err := writeFile(dir, rel, data); err != nil {
				return nil, err
			}
			truth.Files = append(truth.Files, WaveFile{Wave: waves[w], Date: dates[w], Source: f.src, Path: rel, Rows: rt})
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
