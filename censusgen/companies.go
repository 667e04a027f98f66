package censusgen

import (
	"fmt"
	"math/rand/v2"
	"strings"
)

// companyForms are employers outside the registry by the name the truth
// gives them, with the other names sources write: with and without the
// legal form, spelled out or abbreviated. The first ones are invented
// consultancies; the others are real companies, public enterprises and
// associations (their people in these files are fictional).
var companyForms = []struct {
	name  string
	forms []string
}{
	{"Kommunalwerk Beratung GmbH", []string{"Kommunalwerk Beratung"}},
	{"Verwaltung Digital Partner AG", []string{"Verwaltung Digital Partner"}},
	{"Nordlicht Public Consulting GmbH", []string{"Nordlicht Public Consulting", "Nordlicht Public Consulting GmbH & Co. KG"}},
	{"Alpenrand Digitalberatung GmbH", []string{"Alpenrand Digitalberatung"}},
	{"Rathauswerk Consulting GmbH", []string{"Rathauswerk Consulting", "Rathauswerk"}},
	{"Lindenhof Strategie GmbH", []string{"Lindenhof Strategie"}},
	{"Allianz SE", []string{"Allianz"}},
	{"Otto Group", []string{"Otto Group GmbH", "Otto GmbH & Co. KG", "Otto (GmbH & Co KG)"}},
	{"Deutsche Bahn AG", []string{"Deutsche Bahn", "DB AG"}},
	{"Deutsche Telekom AG", []string{"Deutsche Telekom", "Telekom"}},
	{"SAP SE", []string{"SAP"}},
	{"Merck KGaA", []string{"Merck"}},
	{"Bertelsmann SE & Co. KGaA", []string{"Bertelsmann"}},
	{"DATEV eG", []string{"DATEV"}},
	{"Fraunhofer-Gesellschaft e.V.", []string{"Fraunhofer-Gesellschaft", "Fraunhofer"}},
	{"Deutsches Institut für Urbanistik gGmbH", []string{"Deutsches Institut für Urbanistik", "Difu"}},
	{"AKDB Anstalt des öffentlichen Rechts", []string{"AKDB", "Anstalt für Kommunale Datenverarbeitung in Bayern"}},
	{"Komm.ONE AöR", []string{"Komm.ONE", "Komm.ONE Anstalt des öffentlichen Rechts"}},
	{"regio iT GmbH", []string{"regio iT"}},
	{"Vitako e.V.", []string{"Vitako"}},
	{"Swisscom AG", []string{"Swisscom"}},
	{"A1 Telekom Austria AG", []string{"A1 Telekom Austria", "A1"}},
}

// companies are the names of companyForms, for former CDOs.
var companies = func() []string {
	var c []string
	for _, f := range companyForms {
		c = append(c, f.name)
	}
	return c
}()

var companyOtherNames = func() map[string][]string {
	m := map[string][]string{}
	for _, f := range companyForms {
		m[f.name] = f.forms
	}
	return m
}()

// writtenCompany is a company as a row writes it: half the time by the
// truth's name, else by one of its other names.
func writtenCompany(rng *rand.Rand, name string) string {
	if forms := companyOtherNames[name]; len(forms) > 0 && rng.IntN(2) == 0 {
		return forms[rng.IntN(len(forms))]
	}
	return name
}

// fillerCompanySuffixes make invented employers of filler people from a
// place name, with their legal form.
var fillerCompanySuffixes = []string{
	"Stadtwerke %s GmbH", "Sparkasse %s", "%s IT-Service GmbH", "Wohnungsbau %s eG", "Kommunale Dienste %s AöR",
	"Verkehrsbetriebe %s GmbH & Co. KG", "Bürgerstiftung %s e.V.", "%s Digital gGmbH", "Stadtentwässerung %s Anstalt des öffentlichen Rechts",
}

// legalForms are the endings fillerCompany drops now and then, longest first.
var legalForms = []string{" Anstalt des öffentlichen Rechts", " GmbH & Co. KG", " gGmbH", " GmbH", " AöR", " e.V.", " eG"}

// fillerCompany is the employer of a filler person outside the registry:
// one of companyForms, or an invented one named after a place, with or
// without its legal form.
func (g *gen) fillerCompany(rng *rand.Rand) string {
	if rng.IntN(100) < 30 {
		return companies[rng.IntN(len(companies))]
	}
	c := fmt.Sprintf(fillerCompanySuffixes[rng.IntN(len(fillerCompanySuffixes))], g.orgs[rng.IntN(len(g.orgs))].base)
	if rng.IntN(100) < 30 {
		for _, l := range legalForms {
			if strings.HasSuffix(c, l) {
				return strings.TrimSuffix(c, l)
			}
		}
	}
	return c
}

// leaderTitles are the digital-leadership titles of filler people: CIO,
// CTO and chief data officer, never CDO.
var leaderTitles = map[string][]gendered{
	"cio":                otherRoleTitles["cio"],
	"cto":                otherRoleTitles["cto"],
	"chief_data_officer": otherRoleTitles["chief_data_officer"],
}

func pickLeaderRole(rng *rand.Rand) string {
	switch n := rng.IntN(100); {
	case n < 40:
		return "cio"
	case n < 65:
		return "cto"
	}
	return "chief_data_officer"
}
