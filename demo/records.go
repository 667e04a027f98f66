package demo

import (
	"fmt"
	"math/rand/v2"

	"github.com/cdoatlas/cdoatlas"
)

// postTemplate is a kind of post the demo invents, with its typical title
// and mandate.
type postTemplate struct {
	title, role, check, archetype, placement string
	cross, budget, board                     bool
}

var cdoPosts = []postTemplate{
	{"Chief Digital Officer", cdoatlas.RoleCDO, cdoatlas.CheckYes, "administration", "staff_unit_head", true, true, true},
	{"Leitung Stabsstelle Digitalisierung", cdoatlas.RoleCDO, cdoatlas.CheckYes, "administration", "staff_unit_head", true, false, true},
	{"Digitalisierungsbeauftragte:r", cdoatlas.RoleCDO, cdoatlas.CheckYes, "mixed", "staff_unit_head", true, false, true},
	{"CDO – Leitung Digitale Stadt", cdoatlas.RoleCDO, cdoatlas.CheckYes, "smart_city", "board", true, true, true},
	{"Beauftragte:r für Digitalisierung und Wirtschaft", cdoatlas.RoleCDO, cdoatlas.CheckYes, "economy", "department", true, false, false},
	{"Chief Digital Officer (CDO)", cdoatlas.RoleCDO, cdoatlas.CheckUnknown, "", "office", false, false, false},
}

var otherPosts = []postTemplate{
	{"Chief Information Officer", cdoatlas.RoleCIO, cdoatlas.CheckNo, "", "office", false, true, false},
	{"Leitung IT und Organisation (CIO)", cdoatlas.RoleCIO, cdoatlas.CheckYes, "administration", "department", true, true, false},
	{"Chief Technology Officer", cdoatlas.RoleCTO, cdoatlas.CheckNo, "", "subsidiary", false, true, false},
	{"Chief Data Officer", cdoatlas.RoleChiefDataOfficer, cdoatlas.CheckNo, "", "staff_unit_head", true, false, false},
	{"Chief Innovation Officer", cdoatlas.RoleInnovation, cdoatlas.CheckUnknown, "", "staff_unit_head", false, false, true},
	{"Smart-City-Managerin", cdoatlas.RoleSmartCity, cdoatlas.CheckNo, "", "department", false, false, false},
	{"Programmleitung Smart Region", cdoatlas.RoleSmartCity, cdoatlas.CheckYes, "smart_city", "subsidiary", true, true, false},
	{"Digitallotsin im Bürgeramt", cdoatlas.RoleOther, cdoatlas.CheckNo, "", "office", false, false, false},
	{"Referent Digitalisierung", cdoatlas.RoleOther, cdoatlas.CheckNo, "", "department", false, false, false},
}

// advertisedPosts are vacancies recorded from invented job ads: title and
// tasks only, so that role, CDO check and archetype are left to the
// classifier when the demo is loaded, and the uncertain ones wait in the
// review queue.
var advertisedPosts = []struct{ title, tasks string }{
	{"Leiter*in der Stabsstelle Digitale Transformation (m/w/d)", "Sie verantworten die Digitalisierungsstrategie der gesamten Stadtverwaltung, steuern die Umsetzung des Onlinezugangsgesetzes über alle Fachbereiche hinweg und beraten den Oberbürgermeister. Ein eigenes Budget steht zur Verfügung. Sie bringen Erfahrung im Veränderungsmanagement mit."},
	{"Gestalter:in Digitale Kommune", "Sie pflegen die Website und die Social-Media-Kanäle der Gemeinde und erstellen den monatlichen Newsletter."},
	{"Koordinator:in Verwaltung 4.0", "Koordination der Digitalisierungsprojekte aller Ämter, Fortschreibung der Digitalen Agenda gemeinsam mit den Stadtwerken und der Stadtgesellschaft, regelmäßige Berichte im Verwaltungsvorstand."},
	{"Digitallots:in im Bürgerbüro", "Unterstützung der Bürgerinnen und Bürger bei Online-Anträgen und Mitarbeit im Projekt Digitales Rathaus."},
	{"Smart-City-Koordinatorin (befristet)", "Mitarbeit im Förderprojekt Modellprojekt Smart Cities für die Projektlaufzeit; Organisation von Beteiligungsformaten im Quartier."},
	{"Teamleitung Schul-IT", "Betreuung der IT an den Schulen der Stadt, Fortschreibung des Medienentwicklungsplans und Abwicklung des Digitalpakts Schule."},
	{"Pionierin Digitales Rathaus", "Treibt die Digitalisierung in allen Fachbereichen voran, entwickelt die Digitalstrategie der Verwaltung und berichtet direkt an die Bürgermeisterin."},
}

// Records returns the demo data set as registry records: the real
// organizations, and for most of them one or two invented posts with a
// history of fictional holders. The same call always gives the same data.
func Records() ([]cdoatlas.RegistryRecord, error) {
	orgs, err := Organizations()
	if err != nil {
		return nil, err
	}
	nm, err := loadNames()
	if err != nil {
		return nil, err
	}
	rng := rand.New(rand.NewPCG(2016, 2019))
	used := map[string]bool{}
	var records []cdoatlas.RegistryRecord
	other := 0
	for i := range orgs {
		org := orgs[i]
		var posts []postTemplate
		switch {
		case org.Kind == cdoatlas.KindPublicCompany || org.Kind == cdoatlas.KindState:
			posts = append(posts, otherPosts[other%len(otherPosts)])
			other++
		case i%9 == 8:
			// Some organizations have no digital-leadership post yet.
		default:
			posts = append(posts, cdoPosts[rng.IntN(len(cdoPosts))])
			if i%3 == 0 {
				posts = append(posts, otherPosts[other%len(otherPosts)])
				other++
			}
		}
		if org.Kind != cdoatlas.KindPublicCompany && i%4 == 1 {
			ad := advertisedPosts[(i/4)%len(advertisedPosts)]
			records = append(records, cdoatlas.RegistryRecord{Organization: org, Post: &cdoatlas.Post{Title: ad.title, Tasks: ad.tasks}})
		}
		if len(posts) == 0 {
			records = append(records, cdoatlas.RegistryRecord{Organization: org})
			continue
		}
		for _, tpl := range posts {
			records = append(records, postRecords(rng, nm, used, org, tpl)...)
		}
	}
	for i := range records {
		records[i].Line = i + 1
	}
	return records, nil
}

// postRecords invents a post created between 2015 and 2022 and its holders:
// earlier ones ended, the last current (or, now and then, unknown or vacant).
func postRecords(rng *rand.Rand, nm *names, used map[string]bool, org cdoatlas.Organization, tpl postTemplate) []cdoatlas.RegistryRecord {
	created := 2015 + rng.IntN(8)
	post := &cdoatlas.Post{
		Title: tpl.title, Role: tpl.role, CDOCheck: tpl.check, Archetype: tpl.archetype, Placement: tpl.placement,
		CrossDepartmental: tpl.cross, Budget: tpl.budget, BoardAccess: tpl.board,
		Created: cdoatlas.PartialDate(fmt.Sprintf("%04d", created)),
	}
	holders := 1 + rng.IntN(3)
	var out []cdoatlas.RegistryRecord
	start := created
	for h := 0; h < holders; h++ {
		t := &cdoatlas.Tenure{Start: partial(rng, start), Hire: []string{"internal", "external", "unknown"}[rng.IntN(3)]}
		last := h == holders-1
		length := 1 + rng.IntN(4)
		switch {
		case last && start+length > 2025 || last && rng.IntN(6) > 0:
			t.Status = cdoatlas.StatusCurrent
		case last && rng.IntN(2) == 0:
			t.Status = cdoatlas.StatusUnknown
		default:
			end := start + length
			if end > 2025 {
				end = 2025
			}
			t.Status = cdoatlas.StatusEnded
			t.End = cdoatlas.PartialDate(fmt.Sprintf("%04d", end))
			start = end + 1
		}
		p := *post
		out = append(out, cdoatlas.RegistryRecord{Organization: org, Post: &p, Person: nm.person(rng, used), Tenure: t})
		if t.Status != cdoatlas.StatusEnded || start > 2025 {
			break
		}
	}
	return out
}

// partial returns a date in year y, known to the year, month or day.
func partial(rng *rand.Rand, y int) cdoatlas.PartialDate {
	switch rng.IntN(3) {
	case 0:
		return cdoatlas.PartialDate(fmt.Sprintf("%04d", y))
	case 1:
		return cdoatlas.PartialDate(fmt.Sprintf("%04d-%02d", y, 1+rng.IntN(12)))
	}
	return cdoatlas.PartialDate(fmt.Sprintf("%04d-%02d-%02d", y, 1+rng.IntN(12), 1+rng.IntN(28)))
}
