package censusgen

import (
	"math/rand/v2"
	"regexp"
	"strings"

	"github.com/cdoatlas/cdoatlas"
	"github.com/cdoatlas/cdoatlas/gazetteer"
)

// landkreisNote is the parenthesis by which Destatis tells namesakes apart:
// "Münster (Landkreis Darmstadt-Dieburg)". Sources leave it out.
var landkreisNote = regexp.MustCompile(` \((Landkreis|Kreis|Region|Bezirk) .*\)$`)

// anyNote is any parenthesis at the end of a name: "Selters (Westerwald)".
var anyNote = regexp.MustCompile(` \([^()]*(\([^()]*\))?[^()]*\)$`)

// placeNamesakes counts the municipalities of every name in the gazetteer,
// by region: under the name without a Destatis note, and also without any
// parenthesis, as sources write "Selters" for "Selters (Westerwald)".
func placeNamesakes(places []gazetteer.Place) namesakes {
	n := namesakes{}
	for _, p := range places {
		if p.Kind == cdoatlas.KindCounty {
			continue
		}
		name := landkreisNote.ReplaceAllString(p.Name, "")
		n.add(name, p.Region)
		if short := anyNote.ReplaceAllString(name, ""); short != name {
			n.add(short, p.Region)
		}
	}
	return n
}

// designations are the Destatis abbreviations after the comma of an
// official name, as a registry writes them before the name.
var designations = map[string]string{"St": "Stadt", "M": "Markt", "GKSt": "Große Kreisstadt"}

// placeOrg turns a gazetteer place into a registry organization named as
// the registry would ("Stadt Weismain", "Markt Lam", "Hanse- und
// Universitätsstadt Rostock", "Gemeinde Nattheim", "Landkreis München")
// with the Destatis name form among its written forms.
func placeOrg(p gazetteer.Place) (cdoatlas.Organization, []string) {
	o := cdoatlas.Organization{Name: p.Name, Kind: p.Kind, Country: p.Country, Region: p.Region,
		OfficialCode: p.Code, PopulationDate: p.PopulationDate}
	if p.Population > 0 && p.PopulationDate != "" {
		n := p.Population
		o.Population = &n
	} else {
		o.PopulationDate = ""
	}
	if p.Kind != cdoatlas.KindMunicipality {
		// A county's official name is the bare "München": the city's.
		return o, nil
	}
	var forms []string
	if p.OfficialName != p.Name && p.OfficialName != "" {
		forms = append(forms, p.OfficialName)
	}
	_, desig, ok := strings.Cut(p.OfficialName, ", ")
	desig, _, _ = strings.Cut(desig, ", ") // "Stadt, Universitätsstadt"
	switch {
	case !ok:
		o.Name = "Gemeinde " + p.Name
	case designations[desig] != "":
		o.Name = designations[desig] + " " + p.Name
	case strings.Contains(desig, "("):
		o.Name = "Stadt " + p.Name // "Stadt (Landkreis Zwickau)"
	default:
		o.Name = desig + " " + p.Name
	}
	return o, forms
}

// gazetteerOrgs returns the gazetteer's municipalities and counties whose
// official code is not in skip, ordered for CDO posts so that every size
// class comes early: one of each class in turn, each class shuffled.
func gazetteerOrgs(places []gazetteer.Place, skip map[string]bool, rng *rand.Rand) ([]cdoatlas.Organization, map[string][]string) {
	byClass := map[string][]gazetteer.Place{}
	var classes []string
	for _, p := range places {
		if skip[p.Code] || p.Kind == cdoatlas.KindCityState {
			continue
		}
		c := p.Kind + p.SizeClass()
		if byClass[c] == nil {
			classes = append(classes, c)
		}
		byClass[c] = append(byClass[c], p)
	}
	for _, c := range classes {
		ps := byClass[c]
		rng.Shuffle(len(ps), func(i, j int) { ps[i], ps[j] = ps[j], ps[i] })
	}
	var orgs []cdoatlas.Organization
	forms := map[string][]string{}
	for i := 0; len(orgs) < len(places); i++ {
		added := false
		for _, c := range classes {
			if i < len(byClass[c]) {
				o, f := placeOrg(byClass[c][i])
				orgs = append(orgs, o)
				forms[formKey(o)] = f
				added = true
			}
		}
		if !added {
			break
		}
	}
	return orgs, forms
}
