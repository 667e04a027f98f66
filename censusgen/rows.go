package censusgen

import (
	"fmt"
	"strconv"

	"github.com/cdoatlas/cdoatlas"
)

// trackedRow writes the row of a tracked person into rec and returns its
// truth (without file, line and person).
func (g *gen) trackedRow(rec []string, p *person, s state, src int, st fileStyle, year int) Observation {
	rng, tr, noise := g.rows, sourceTraits[src], g.truth.Noise
	form := pickNameForm(rng, p.academic, tr.academic, tr.translit, tr.lastFirst, hasUmlaut(p.name()))
	form.count(noise)
	rec[colName] = form.write(p.given, p.surname)

	title := s.title
	switch s.phase {
	case asCDO:
		if rng.IntN(100) < 30 {
			title = g.cdoTitle(rng, p.gender, s.org)
		}
	case asOther:
		if rng.IntN(100) < 20 {
			title = pickTitle(rng, otherRoleTitles[s.role], p.gender)
		}
	}
	if title != s.title {
		noise[noiseTitleVariant]++
	}
	rec[colTitle] = writtenTitle(rng, title)

	obs := Observation{Role: s.role}
	if s.org >= 0 {
		o := g.orgs[s.org]
		obs.Organization = o.OfficialCode
		g.orgColumns(rec, o, src, st, noise)
	} else {
		name := writtenCompany(rng, s.company)
		if name != s.company {
			noise[noiseCompanyForm]++
		}
		rec[colOrganization] = name
		if rng.IntN(2) == 0 {
			rec[colCountry] = "DE"
		}
	}

	switch src {
	case srcLinkedIn:
		if rng.IntN(100) < 92 {
			rec[colProfileURL] = p.linkedin
		}
	case srcXing:
		if rng.IntN(100) < 92 {
			rec[colProfileURL] = p.xing
		}
	case srcWeb, srcSelf:
		if rng.IntN(100) < 25 {
			rec[colProfileURL] = p.linkedin
		}
	}
	if p.shareGender && rng.IntN(100) < tr.gender {
		rec[colGender] = st.writeGender(p.gender)
		p.sawGender = true
	}
	if p.birthYear != 0 && rng.IntN(100) < tr.birthYear {
		rec[colBirthYear] = strconv.Itoa(p.birthYear)
		p.sawBirthYear = true
	}
	if rng.IntN(100) < tr.tasks {
		switch s.phase {
		case asCDO:
			rec[colTasks] = cdoTasks[rng.IntN(len(cdoTasks))]
		case asOther:
			rec[colTasks] = otherTasks[s.role]
		default:
			rec[colTasks] = exTasks
		}
	}
	g.sourceURL(rec, src, s, year)
	return obs
}

// orgColumns writes the organization, country, region and official code
// of a row at a registry organization.
func (g *gen) orgColumns(rec []string, o *org, src int, st fileStyle, noise map[string]int) {
	rng, tr := g.rows, sourceTraits[src]
	count := func(kind string) {
		if noise != nil {
			noise[kind]++
		}
	}
	name, f, translit := writtenOrg(rng, o, tr.orgTranslit)
	variant := f.text != o.Name
	rec[colOrganization] = name
	if rng.IntN(100) < 75 {
		rec[colCountry] = o.Country
	}
	rec[colRegion] = writtenRegion(rng, o, rec[colCountry] != "")
	if o.OfficialCode != "" && rng.IntN(100) < tr.code {
		code := o.OfficialCode
		switch {
		case st.excel && o.Country == "DE" && code[0] == '0' && rng.IntN(100) < 30:
			code = code[1:] // what a spreadsheet makes of it
			count(noiseCodeNoZero)
		case o.Country == "DE" && len(code) == 8 && code[5:] == "000" && rng.IntN(100) < 15:
			code = code[:5] + "0000" + code[5:] // the ARS of a kreisfreie Stadt
			count(noiseARS)
		}
		rec[colOfficialCode] = code
	}
	// A name several municipalities share comes with what tells them
	// apart, as a resolver is right not to guess.
	switch {
	case f.level == unique:
	case f.level == needsCode && rec[colOfficialCode] == "" && o.OfficialCode != "":
		rec[colOfficialCode] = o.OfficialCode
		count(noiseAmbiguous)
	case f.level == needsRegion && rec[colOfficialCode] == "" && rec[colRegion] == "":
		rec[colRegion] = o.Region
		count(noiseAmbiguous)
	default:
		count(noiseAmbiguous)
	}
	if variant {
		count(noiseOrgForm + f.family)
	}
	if variant {
		count(noiseOrgVariant)
	}
	if translit {
		count(noiseOrgTranslit)
	}
	if rec[colOfficialCode] == "" {
		count(noiseNoCode)
	}
	switch rec[colRegion] {
	case "":
		count(noiseNoRegion)
	case o.Region:
	case officialRegion[o.Region]:
		count(noiseRegionOfficial)
	default:
		count(noiseRegionForm)
	}
}

func (g *gen) sourceURL(rec []string, src int, s state, year int) {
	slug := ""
	if s.org >= 0 {
		slug = g.orgs[s.org].slug
	} else {
		slug = slugPart(s.company)
	}
	switch src {
	case srcPress:
		rec[colSourceURL] = fmt.Sprintf("https://presse.example/%s/%d/%05d", slug, year, g.rows.IntN(100000))
	case srcWeb:
		rec[colSourceURL] = "https://www." + slug + ".example/verwaltung/ansprechpersonen"
	}
}

// fillerRow writes a row of someone with an ordinary job, or (FillerLeaders
// of them) a CIO, CTO or chief data officer: no truth person. Their names
// are as common as anyone's, but never that of a tracked person at the
// same organization or company, and never a tracked person's profile.
func (g *gen) fillerRow(rec []string, src int, st fileStyle, year int) {
	rng, tr := g.rows, sourceTraits[src]
	gender := "f"
	switch n := rng.IntN(100); {
	case n < 49:
	case n < 99:
		gender = "m"
	default:
		gender = "d"
	}
	leader := rng.IntN(100) < g.opts.FillerLeaders
	s := state{org: -1}
	var place string
	if rng.IntN(100) < 90 {
		s.org = rng.IntN(len(g.orgs))
		place = orgPlace(s.org)
	} else {
		s.company = g.fillerCompany(rng)
		place = companyPlace(s.company)
	}
	var given, surname string
	for try := 0; ; try++ {
		given, surname = randomName(rng, gender, try > 3)
		if !g.trackedAt[given+" "+surname][place] {
			break
		}
	}
	academic := ""
	if rng.IntN(100) < 4 {
		academic = pickAcademic(rng)
	}
	form := pickNameForm(rng, academic, tr.academic, tr.translit, tr.lastFirst, hasUmlaut(given+surname))
	rec[colName] = form.write(given, surname)

	if s.org >= 0 {
		g.orgColumns(rec, g.orgs[s.org], src, st, nil)
		titles := fillerTitles
		if leader {
			titles = leaderTitles[pickLeaderRole(rng)]
		}
		rec[colTitle] = writtenTitle(rng, pickTitle(rng, titles, gender))
	} else {
		rec[colOrganization] = writtenCompany(rng, s.company)
		if rng.IntN(2) == 0 {
			rec[colCountry] = "DE"
		}
		titles := fillerCompanyTitles
		if leader {
			titles = leaderTitles[pickLeaderRole(rng)]
		}
		rec[colTitle] = writtenTitle(rng, pickTitle(rng, titles, gender))
	}
	for try := 0; try < 8; try++ {
		switch {
		case src == srcLinkedIn && rng.IntN(100) < 92:
			rec[colProfileURL] = linkedinURL(rng, given, surname)
		case src == srcXing && rng.IntN(100) < 92:
			rec[colProfileURL] = xingURL(rng, given, surname)
		}
		if !g.profiles[rec[colProfileURL]] {
			break
		}
		rec[colProfileURL] = ""
	}
	if rng.IntN(100) < tr.gender*85/100 {
		rec[colGender] = st.writeGender(gender)
	}
	if rng.IntN(100) < tr.birthYear/2 {
		rec[colBirthYear] = strconv.Itoa(1955 + rng.IntN(50))
	}
	g.sourceURL(rec, src, s, year)
}

// orgPlace and companyPlace name where someone works, for trackedAt.
func orgPlace(o int) string { return "o" + strconv.Itoa(o) }

func companyPlace(c string) string { return "c" + cdoatlas.Fold(c) }
